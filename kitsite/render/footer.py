"""What every page's footer shows besides the theme's links: the contributors' pages, who
publishes the site and its accessibility statement.

Owns: which contributors' pages the footer links (the editor's guide, the translator's guide,
the translation status page: out of the readers' menu, reached from here), where each is
published for a language, and the values the footer partial (``overrides/partials/
site-footer.html``) fills in. The words are the language's labels, the markup the partial's;
this module holds neither.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kitsite.content.docs_pages import docs_pages
from kitsite.content.model import Library
from kitsite.content.site_settings import Publisher
from kitsite.render.urls import published_uri, status_uri

CONTRIBUTOR_PAGES: tuple[tuple[str, str], ...] = (
    ("editors.md", "editors_guide"),
    ("translators.md", "translators_guide"),
    (status_uri(), "status_title"),
)
"""The contributors' pages, each with the label the footer names it by, in the footer's
order. A hand-written guide is linked when any language has it (the others show it under a
notice); the status page is always generated."""


@dataclass(frozen=True)
class FooterLink:
    text: str
    path: str
    """Where the page is published, relative to the site's root (``en/editors/``): the
    theme's ``url`` filter makes it relative to the page, or absolute on the 404 page."""


@dataclass(frozen=True)
class SiteFooter:
    """The values of one language's footer."""

    lang: str
    labels: dict[str, Any]
    contributors: tuple[FooterLink, ...]
    publisher: Publisher | None
    accessibility_statement: str | None


def site_footer(library: Library, language: str, labels: dict[str, Any], docs_dir: Path,
                use_directory_urls: bool = True) -> SiteFooter:
    """The footer of ``language``'s pages, in its ``labels``."""
    written = docs_pages(docs_dir, (library.default_language, *library.languages))
    prefix = "" if language == library.default_language else f"{language}/"
    links = tuple(
        FooterLink(labels[label], prefix + published_uri(uri, use_directory_urls))
        for uri, label in CONTRIBUTOR_PAGES if uri == status_uri() or uri in written)
    return SiteFooter(language, labels, links, library.publisher,
                      library.accessibility_statement)


def contributor_page_uris() -> tuple[str, ...]:
    """The source paths of the contributors' pages (inside a language folder)."""
    return tuple(uri for uri, _ in CONTRIBUTOR_PAGES)
