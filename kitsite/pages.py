"""Rendering the generated pages of one language as Markdown.

Owns: which pages exist for a language (the kit list, one page per kit, one per video), their
source paths (``kits/<kit>/<video>/index.md``) and feeding views and reader-facing labels to the
Jinja templates in ``templates/``. The words come from ``content/<lang>/labels.yml`` and the
markup from the templates; this module holds neither.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import yaml

from kitsite.docs_pages import docs_pages, missing_pages, split_front_matter
from kitsite.language_guide import read_language_guide
from kitsite.model import Duration, Library
from kitsite.translation_status import build_report
from kitsite.views import site_kit_views

LABELS_FILE = "labels.yml"


@dataclass(frozen=True)
class GeneratedPage:
    """One Markdown page to publish: its path under the language folder and its text."""

    src_uri: str
    markdown: str


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


def with_language_names(labels: dict[str, Any], library: Library) -> dict[str, Any]:
    """``labels`` with a name for every language of the site: a language the labels do not
    name (a newly added one) is called by its own ``language_name``, else by its code."""
    names = dict(labels.get("language_names") or {})
    for lang in library.languages:
        if lang not in names:
            own = load_labels(library.root, lang, lang).get("language_name")
            names[lang] = own or lang
    return {**labels, "language_names": names}


def load_labels(content_dir: Path, language: str, default_language: str) -> dict[str, Any]:
    """Reader-facing words for generated pages; keys missing in a language use the default's."""
    labels: dict[str, Any] = {}
    for lang in dict.fromkeys((default_language, language)):
        path = content_dir / lang / LABELS_FILE
        if path.exists():
            labels.update(yaml.safe_load(path.read_text(encoding="utf-8")) or {})
    return labels


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
        )
        self.env.filters["clock"] = lambda d: d.clock()

    def render_language(self, language: str) -> list[GeneratedPage]:
        """Every generated page of ``language``'s site."""
        labels = with_language_names(
            load_labels(self.library.root, language, self.library.default_language), self.library)
        kits = site_kit_views(self.library, language)
        base = {"lang": language, "labels": labels, "library": self.library,
                "spoken": lambda s: spoken_duration(s, labels),
                "duration": Duration}
        pages = [self._render("kits.md.j2", kit_list_uri(), base, kits=kits)]
        for kit in kits:
            pages.append(self._render("kit.md.j2", kit_uri(kit.kit.id), base, kit=kit))
            for video in kit.videos:
                pages.append(self._render(
                    "video.md.j2", video_uri(kit.kit.id, video.video.id), base,
                    kit=kit, view=video,
                ))
        guide = read_language_guide(self.library.root, language)
        if guide is not None:
            pages.append(self._render("words.md.j2", words_uri(), base, guide=guide))
        pages.extend(self._translation_pages(base))
        return pages

    def _translation_pages(self, base: dict[str, Any]) -> list[GeneratedPage]:
        """The translation status page, and stand-ins for the hand-written pages this language
        lacks: the other language's page under a notice (``templates/page-fallback.md.j2``)."""
        docs, lang = self.docs_dir, base["lang"]
        languages = list(dict.fromkeys((self.library.default_language, *self.library.languages)))
        guide = "../translators.md" if docs and "translators.md" in docs_pages(docs, languages) \
            else ""
        report = build_report(self.library, docs)
        pages = [self._render("status.md.j2", status_uri(), base, report=report, guide=guide)]
        for missing in missing_pages(docs, languages) if docs else []:
            if missing.language == lang:
                meta, body = split_front_matter(missing.source_path.read_text(encoding="utf-8"))
                pages.append(self._render(
                    "page-fallback.md.j2", missing.uri, base, body=body,
                    meta={**meta, "search": {"exclude": True}},
                    source_lang=missing.source_language))
        return pages

    def _render(self, template: str, uri: str, base: dict[str, Any], **extra: Any) -> GeneratedPage:
        here = self.published_path(base["lang"], uri)

        def url_to(language: str, to_uri: str) -> str:
            return relative_url(here, self.published_path(language, to_uri))

        def asset_url(language: str, path: str) -> str:
            """A file under ``docs/<language>/`` (a video, poster, captions), or a URL as is."""
            if "://" in path:
                return path
            prefix = "" if language == self.library.default_language else f"{language}/"
            return relative_url(here, prefix + path.lstrip("/"))

        context = {**base, **extra, "page_uri": uri, "url_to": url_to, "asset_url": asset_url}
        return GeneratedPage(uri, self.env.get_template(template).render(context))

    def published_path(self, language: str, uri: str) -> str:
        """Where the page ``uri`` of ``language`` is published, relative to the site root."""
        prefix = "" if language == self.library.default_language else f"{language}/"
        html = prefix + uri.removesuffix(".md") + ".html"
        if self.use_directory_urls and html.endswith("index.html"):
            return html.removesuffix("index.html")
        return html


def relative_url(here: str, target: str) -> str:
    """A link from the published page ``here`` to ``target`` (both relative to the root)."""
    start = posixpath.dirname(here) if not here.endswith("/") else here.rstrip("/")
    rel = posixpath.relpath(target.rstrip("/") or ".", start or ".")
    return rel + "/" if target.endswith("/") or not target else rel


def spoken_duration(seconds: int, labels: dict[str, Any]) -> str:
    """``4 minutes 20 seconds`` in the labels' language, for screen readers."""
    minutes, secs = divmod(seconds, 60)
    parts = []
    if minutes:
        parts.append(_plural(labels["minute"], minutes))
    if secs:
        parts.append(_plural(labels["second"], secs))
    return " ".join(parts)


def _plural(forms: list[str], n: int) -> str:
    return (forms[0] if n == 1 else forms[1]).format(n=n)
