"""What the published site tells crawlers: which pages are for readers, robots.txt.

Owns: the rule that decides which pages a sitemap lists (reader pages: not the 404 pages, not
the contributors' pages of the footer, kitsite/render/footer.py)
and the text of ``robots.txt`` — or, for a site published under a sub-path of its host
(``https://example.org/kits/``, a GitHub Pages project site), none and the line the host's own
``robots.txt`` needs; the theme's source maps stay out of the published site. The site's
address comes from :mod:`kitsite.render.site_address`.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

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


def under_sub_path(site_url: str | None) -> bool:
    """Whether the site is published below the root of its host (``https://example.org/kits/``)."""
    return bool(site_url) and urlsplit(site_url).path not in ("", "/")


def robots_txt(site_url: str | None) -> str | None:
    """``robots.txt``: every page may be crawled; the sitemap's address when the site's is known
    (a sitemap must name absolute addresses, so without one there is none). None for a site
    under a sub-path: crawlers read ``robots.txt`` only at the root of a host, which is not the
    site's to write (see :func:`robots_advice`)."""
    if under_sub_path(site_url):
        return None
    lines = ["User-agent: *", "Allow: /"]
    if site_url:
        lines += ["", f"Sitemap: {site_url}sitemap.xml"]
    return "\n".join(lines) + "\n"


def robots_advice(site_url: str | None) -> str | None:
    """For a site under a sub-path: one line saying what its host's ``robots.txt`` needs, for
    ``make site`` to print; None otherwise."""
    if not site_url or not under_sub_path(site_url):
        return None
    parts = urlsplit(site_url)
    return (f"make site: the site is published under {parts.path}, and crawlers read "
            f"robots.txt only at {parts.scheme}://{parts.netloc}/robots.txt, so site/ has none "
            f"— to lead them to the sitemap, add the line 'Sitemap: {site_url}sitemap.xml' "
            "there (or give that address to the search engines)")


def drop_source_maps(site: Path) -> int:
    """Remove the theme's JavaScript source maps from ``site`` (they are for the theme's own
    developers, and its sources' comments name local addresses); returns how many."""
    maps = sorted((site / "assets").rglob("*.js.map"))
    for source_map in maps:
        source_map.unlink()
    return len(maps)
