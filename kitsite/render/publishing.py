"""What the published site tells crawlers: which pages are for readers, robots.txt.

Owns: the rule that decides which pages a sitemap lists (reader pages: not the 404 pages, not
the contributors' pages of the footer, kitsite/render/footer.py)
and the text of ``robots.txt``; the theme's source maps stay out of the published site. The
site's address comes from :mod:`kitsite.render.site_address`.
"""

from __future__ import annotations

from pathlib import Path

from kitsite.render.footer import contributor_page_uris

CONTRIBUTOR_PAGES = frozenset(contributor_page_uris())
"""Pages, as paths inside a language's folder of ``docs/``, written for the people who make the
site (editors, translators), not for its readers: the ones the footer's contributors' menu
links (:data:`kitsite.render.footer.CONTRIBUTOR_PAGES`, the one list of them)."""

NOT_FOUND_PAGE = "404.md"


def for_readers(src_uri: str) -> bool:
    """Whether the page at ``src_uri`` (``<lang>/path.md``, as MkDocs names the files of
    ``docs/``) is for readers, and so belongs in the sitemap."""
    inside = src_uri.split("/", 1)[1] if "/" in src_uri else src_uri
    return inside != NOT_FOUND_PAGE and inside not in CONTRIBUTOR_PAGES


def robots_txt(site_url: str | None) -> str:
    """``robots.txt``: every page may be crawled; the sitemap's address when the site's is known
    (a sitemap must name absolute addresses, so without one there is none)."""
    lines = ["User-agent: *", "Allow: /"]
    if site_url:
        lines += ["", f"Sitemap: {site_url}sitemap.xml"]
    return "\n".join(lines) + "\n"


def drop_source_maps(site: Path) -> int:
    """Remove the theme's JavaScript source maps from ``site`` (they are for the theme's own
    developers, and its sources' comments name local addresses); returns how many."""
    maps = sorted((site / "assets").rglob("*.js.map"))
    for source_map in maps:
        source_map.unlink()
    return len(maps)
