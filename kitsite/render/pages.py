"""Rendering the generated pages of one language as Markdown.

Owns: which pages exist for a language (the kit list, one page per kit, one per video), their
source paths (``kits/<kit>/<video>/index.md``) and feeding views and reader-facing labels to the
Jinja templates in ``templates/``. The words come from ``content/<lang>/labels.yml`` and the
markup from the templates; this module holds neither. Content text reaches a template only as
words: labels are made inert here, and the templates pass every other text through the
``plain`` and ``markdown`` filters (:mod:`kitsite.render.safe_text`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from kitsite.content.docs_pages import (
    MissingPage,
    docs_pages,
    first_heading,
    missing_pages,
    split_front_matter,
)
from kitsite.content.labels import LABEL_SPECS, fill, plural, read_labels
from kitsite.content.language_guide import LanguageGuide
from kitsite.content.model import Library
from kitsite.content.quotes import inner_quotes, quote
from kitsite.render.safe_text import content_markdown, label_markdown, plain_markdown
from kitsite.render.session_context import session_context
from kitsite.render.site_address import public_url
from kitsite.render.text_direction import text_direction
from kitsite.render.urls import (
    kit_and_video_pages,
    kit_list_uri,
    published_uri,
    relative_url,
    session_pages,
    shown_language_guide,
    status_uri,
    video_uri,
    words_uri,
)
from kitsite.render.video_embed import embed_url
from kitsite.render.views import KitView, site_kit_views
from kitsite.translation.report import build_report

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
        # labels are filled in only by these two: {name} replaced, nothing evaluated
        self.env.filters["fill"] = fill
        self.env.filters["plural"] = plural
        # every text from a content file goes into a page through one of these two
        # (kitsite/render/safe_text.py): it can never become HTML or an attribute list
        self.env.filters["plain"] = plain_markdown
        self.env.filters["markdown"] = content_markdown
        self.env.filters["embed_url"] = embed_url
        # the one rule for quotation marks (kitsite/content/quotes.py), in the labels' marks
        self.env.filters["quote"] = quote
        self.env.filters["inner_quotes"] = inner_quotes
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
        for uri, kit_id, kind, _ in session_pages(self.library, language):
            pages.append(PlannedPage(language, uri, f"{kind}.md.j2",
                                     functools.partial(self._session_context, language, kit_id)))
        guide = self._language_guide(language)
        if guide is not None:
            pages.append(PlannedPage(language, words_uri(), "words.md.j2",
                                     functools.partial(dict, guide=guide)))
        generated = {page.src_uri for page in pages}
        pages.extend(page for page in self._translation_pages(language)
                     if page.src_uri not in generated)  # a stand-in never hides a kit page
        return pages

    def _session_context(self, language: str, kit_id: str) -> dict[str, Any]:
        """A session page's variables: the kit, its presets, the plan the page's script
        recomputes, and each video's questions in the kit's other languages."""
        view = self._kit_views(language)[kit_id]
        site = public_url()

        def address_of(video_id: str) -> str | None:
            return site + self.published_path(language, video_uri(kit_id, video_id)) \
                if site else None

        return {"kit": view, "session": session_context(self.library, view, address_of)}

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
            written = with_language_names(read_labels(self.library.root, language),
                                          self.library)
            labels = inert_labels(written)
            base: dict[str, Any] = {
                # labels_as_written: for the front matter, which is data, not Markdown (the
                # kits plugin escapes the title, the theme the description)
                "lang": language, "labels": labels, "labels_as_written": written,
                "spoken": lambda s: spoken_duration(s, labels, language),
                "dir_of": text_direction}
            base["m"] = self.env.get_template(MACROS_TEMPLATE).make_module(base)
            self._contexts[language] = base
        return self._contexts[language]

    def published_path(self, language: str, uri: str) -> str:
        """Where the page ``uri`` of ``language`` is published, relative to the site root."""
        prefix = "" if language == self.library.default_language else f"{language}/"
        return prefix + published_uri(uri, self.use_directory_urls)


def inert_labels(labels: dict[str, Any]) -> dict[str, Any]:
    """Every label as Markdown with no HTML and no attribute list, its own placeholders kept
    for :func:`~kitsite.content.labels.fill` (:func:`kitsite.render.safe_text.label_markdown`)."""
    def inert(value: Any, placeholders: tuple[str, ...]) -> Any:
        if isinstance(value, str):
            return label_markdown(value, placeholders)
        if isinstance(value, dict):
            return {key: inert(item, placeholders) for key, item in value.items()}
        return value

    return {key: inert(value, LABEL_SPECS[key].placeholders if key in LABEL_SPECS else ())
            for key, value in labels.items()}


def spoken_duration(seconds: int, labels: dict[str, Any], language: str) -> str:
    """``4 minutes 20 seconds`` in the labels' language, for screen readers."""
    minutes, secs = divmod(seconds, 60)
    parts = []
    if minutes:
        parts.append(plural(labels["minute"], minutes, language))
    if secs:
        parts.append(plural(labels["second"], secs, language))
    return " ".join(parts)
