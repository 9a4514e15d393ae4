"""Rendering the generated pages of one language as Markdown.

Owns: which pages exist for a language (the kit list, one page per kit, one per video), their
source paths (``kits/<kit>/<video>/index.md``) and feeding views and reader-facing labels to the
Jinja templates in ``templates/``. The words come from ``content/<lang>/labels.yml`` and the
markup from the templates; this module holds neither.
"""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from kitsite.docs_pages import (
    MissingPage,
    docs_pages,
    first_heading,
    missing_pages,
    split_front_matter,
)
from kitsite.labels import fill, labels_path, plural, read_labels
from kitsite.language_guide import LanguageGuide, read_language_guide
from kitsite.model import Duration, Library
from kitsite.text_direction import text_direction
from kitsite.translation_status import build_report
from kitsite.views import KitView, shown_videos, site_kit_views

MACROS_TEMPLATE = "macros.md.j2"


@dataclass(frozen=True)
class PlannedPage:
    """A page to generate: its language, its path under the language folder, its template and
    the variables only it has (computed when it is rendered)."""

    language: str
    src_uri: str
    template: str
    context: Callable[[], dict[str, Any]]


@dataclass(frozen=True)
class GeneratedPage:
    """One Markdown page to publish: its path under the language folder and its text."""

    src_uri: str
    markdown: str


@dataclass(frozen=True)
class PageOrigin:
    """What a generated page is, and the file it is made from (for messages)."""

    what: str
    """``the kit page``, ``the page of video 'hope'``, ``the list of kits`` ..."""
    path: Path | None = None
    line: int = 1


def kit_list_uri() -> str:
    return "kits/index.md"


def kit_uri(kit_id: str) -> str:
    return f"kits/{kit_id}/index.md"


def video_uri(kit_id: str, video_id: str) -> str:
    return f"kits/{kit_id}/{video_id}/index.md"


def words_uri() -> str:
    """The language guide's page ("Words matter"), published at ``/words/``."""
    return "words.md"


def status_uri() -> str:
    """The translation status page, published at ``/translation-status/``."""
    return "translation-status/index.md"


def kit_and_video_pages(library: Library, language: str
                        ) -> Iterator[tuple[str, str, int | None, PageOrigin]]:
    """Every kit page and video page of ``language``'s site: its path, the kit's id, the
    video's place on the kit page (None for the kit page itself) and what it is made from."""
    for kit_id in library.kit_ids():
        kit = library.kit_in_best_language(language, kit_id)
        yield kit_uri(kit_id), kit_id, None, PageOrigin("the kit page", kit.path,
                                                        kit.line_of("id"))
        for index, (video, lang) in enumerate(shown_videos(library, language, kit_id)):
            source = library.kit(lang, kit_id)
            yield video_uri(kit_id, video.id), kit_id, index, PageOrigin(
                f"the page of video '{video.id}'", source.path if source else None,
                video.line_of("id"))


def generated_pages(library: Library, language: str) -> dict[str, PageOrigin]:
    """The path of every page generated for ``language``'s site (not the stand-ins for
    hand-written pages it lacks), with what it is made from: what :meth:`PageRenderer.
    plan_language` plans."""
    pages = {kit_list_uri(): PageOrigin("the list of kits")}
    pages.update((uri, origin) for uri, _, _, origin in kit_and_video_pages(library, language))
    guide = shown_language_guide(library, language)
    if guide is not None:
        pages[words_uri()] = PageOrigin("the language guide's page", guide.path)
    pages[status_uri()] = PageOrigin("the translation status page")
    return pages


def shown_language_guide(library: Library, language: str) -> LanguageGuide | None:
    """The language guide the "Words matter" page of ``language`` shows: its own, else
    that of its first fallback language that has one (shown under a notice)."""
    for lang in (language, *library.fallback_languages(language)):
        guide = read_language_guide(library.root, lang)
        if guide is not None:
            return guide
    return None


def _fallback_context(missing: MissingPage) -> dict[str, Any]:
    """A stand-in's text: the other language's page; its title in the front matter, since
    MkDocs finds no heading above the notice (the menu would show the file name)."""
    meta, body = split_front_matter(missing.source_path.read_text(encoding="utf-8"))
    title = meta.get("title") or first_heading(body)
    return {"body": body, "meta": {**({"title": title} if title else {}), **meta,
                                   "search": {"exclude": True}},
            "source_lang": missing.source_language}


def with_language_names(labels: dict[str, Any], library: Library) -> dict[str, Any]:
    """``labels`` with a name for every language of the site: a language the labels do not
    name (a newly added one) is called by its own ``language_name``."""
    names = dict(labels.get("language_names") or {})
    for lang in library.languages:
        if lang not in names:
            names[lang] = read_labels(library.root, lang)["language_name"]
    return {**labels, "language_names": names}


def load_labels(content_dir: Path, language: str, default_language: str) -> dict[str, Any]:
    """A language's labels for a tool that prints them (``kits status``): the default
    language's file stands in for a language that has none. Pages use only their own
    language's file, which ``kits check`` requires to hold every label."""
    has_own = labels_path(content_dir, language).exists()
    return read_labels(content_dir, language if has_own else default_language)


class PageRenderer:
    """Renders every generated page of one language from a :class:`Library`."""

    def __init__(
        self, library: Library, templates_dir: Path, *, use_directory_urls: bool = True,
        docs_dir: Path | None = None,
    ) -> None:
        self.library = library
        self.use_directory_urls = use_directory_urls
        self.docs_dir = docs_dir
        """The hand-written pages: for stand-ins of pages a language lacks, and their status."""
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(templates_dir),
            autoescape=False,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            undefined=jinja2.StrictUndefined,
            auto_reload=False,  # a renderer lives for one build: no need to re-check files
        )
        self.env.filters["clock"] = lambda d: d.clock()
        # labels are filled in only by these two: {name} replaced, nothing evaluated
        self.env.filters["fill"] = fill
        self.env.filters["plural"] = plural
        self._contexts: dict[str, dict[str, Any]] = {}
        self._views: dict[str, dict[str, KitView]] = {}

    def render_language(self, language: str) -> list[GeneratedPage]:
        """Every generated page of ``language``'s site."""
        return [self.render(page) for page in self.plan_language(language)]

    def plan_language(self, language: str) -> list[PlannedPage]:
        """Every generated page of ``language``'s site, to be rendered by :meth:`render`
        (which can happen later, in another process, or not at all)."""
        def kits() -> dict[str, Any]:
            return {"kits": list(self._kit_views(language).values())}

        def kit(kit_id: str) -> dict[str, Any]:
            return {"kit": self._kit_views(language)[kit_id]}

        def video(kit_id: str, index: int) -> dict[str, Any]:
            view = self._kit_views(language)[kit_id]
            return {"kit": view, "view": view.videos[index]}

        pages = [PlannedPage(language, kit_list_uri(), "kits.md.j2", kits)]
        for uri, kit_id, index, _ in kit_and_video_pages(self.library, language):
            pages.append(PlannedPage(language, uri, "kit.md.j2", functools.partial(kit, kit_id))
                         if index is None else PlannedPage(
                             language, uri, "video.md.j2",
                             functools.partial(video, kit_id, index)))
        guide = self._language_guide(language)
        if guide is not None:
            pages.append(PlannedPage(language, words_uri(), "words.md.j2",
                                     functools.partial(dict, guide=guide)))
        generated = {page.src_uri for page in pages}
        pages.extend(page for page in self._translation_pages(language)
                     if page.src_uri not in generated)  # a stand-in never hides a kit page
        return pages

    def _language_guide(self, language: str) -> LanguageGuide | None:
        return shown_language_guide(self.library, language)

    def _translation_pages(self, lang: str) -> list[PlannedPage]:
        """The translation status page, and stand-ins for the hand-written pages this language
        lacks: the other language's page under a notice (``templates/page-fallback.md.j2``)."""
        docs = self.docs_dir
        languages = list(dict.fromkeys((self.library.default_language, *self.library.languages)))
        guide = "../translators.md" if docs and "translators.md" in docs_pages(docs, languages) \
            else ""
        pages = [PlannedPage(lang, status_uri(), "status.md.j2", lambda: {
            "report": build_report(self.library, docs), "guide": guide})]
        found = missing_pages(docs, languages, self.library.fallback_languages) if docs else []
        for missing in found:
            if missing.language == lang:
                pages.append(PlannedPage(lang, missing.uri, "page-fallback.md.j2",
                                         functools.partial(_fallback_context, missing)))
        return pages

    def render(self, page: PlannedPage) -> GeneratedPage:
        """The Markdown of a planned page."""
        base = self._language_context(page.language)
        here = self.published_path(page.language, page.src_uri)

        def url_to(language: str, to_uri: str) -> str:
            return relative_url(here, self.published_path(language, to_uri))

        def asset_url(language: str, path: str) -> str:
            """A file under ``docs/<language>/`` (a video, poster, captions), or a URL as is."""
            if "://" in path:
                return path
            prefix = "" if language == self.library.default_language else f"{language}/"
            return relative_url(here, prefix + path.lstrip("/"))

        context = {**base, **page.context(), "page_uri": page.src_uri, "url_to": url_to,
                   "asset_url": asset_url}
        return GeneratedPage(page.src_uri, self.env.get_template(page.template).render(context))

    def _kit_views(self, language: str) -> dict[str, KitView]:
        """Every kit as ``language``'s site shows it, by id, made once per language."""
        if language not in self._views:
            self._views[language] = {view.kit.id: view
                                     for view in site_kit_views(self.library, language)}
        return self._views[language]

    def _language_context(self, language: str) -> dict[str, Any]:
        """What every page of a language shares: its labels, and the shared pieces of markup
        (``templates/macros.md.j2``) as ``m``, made once per language."""
        if language not in self._contexts:
            labels = with_language_names(read_labels(self.library.root, language),
                                         self.library)
            base: dict[str, Any] = {
                "lang": language, "labels": labels, "library": self.library,
                "spoken": lambda s: spoken_duration(s, labels, language), "duration": Duration,
                "dir_of": text_direction}
            base["m"] = self.env.get_template(MACROS_TEMPLATE).make_module(base)
            self._contexts[language] = base
        return self._contexts[language]

    def published_path(self, language: str, uri: str) -> str:
        """Where the page ``uri`` of ``language`` is published, relative to the site root."""
        prefix = "" if language == self.library.default_language else f"{language}/"
        return prefix + published_uri(uri, self.use_directory_urls)


def published_uri(uri: str, use_directory_urls: bool = True) -> str:
    """Where MkDocs publishes the source file ``uri`` of a language folder, relative to that
    language's root: ``staff.md`` -> ``staff/``, ``kits/index.md`` -> ``kits/`` (or
    ``staff.html``, ``kits/index.html`` without directory URLs); other files as they are."""
    if not uri.endswith(".md"):
        return uri
    stem = uri.removesuffix(".md")
    if not use_directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def relative_url(here: str, target: str) -> str:
    """A link from the published page ``here`` to ``target`` (both relative to the root)."""
    start = posixpath.dirname(here) if not here.endswith("/") else here.rstrip("/")
    rel = posixpath.relpath(target.rstrip("/") or ".", start or ".")
    return rel + "/" if target.endswith("/") or not target else rel


def spoken_duration(seconds: int, labels: dict[str, Any], language: str) -> str:
    """``4 minutes 20 seconds`` in the labels' language, for screen readers."""
    minutes, secs = divmod(seconds, 60)
    parts = []
    if minutes:
        parts.append(plural(labels["minute"], minutes, language))
    if secs:
        parts.append(plural(labels["second"], secs, language))
    return " ".join(parts)
