"""Print every kit page of a built site to a PDF handout, one per kit per language.

Usage: .venv/bin/python scripts/build/handouts.py SITE_DIR

Serves SITE_DIR on 127.0.0.1, opens each kit page (``<lang prefix>kits/<kit>/``) in headless
Chromium with print media, and writes the PDF the page links to (templates/kit.md.j2 names it
``<kit>-<lang>.pdf``) next to it: the discussion cards as the print styles in
overrides/assets/stylesheets/kits.css lay them out. The links in a PDF are absolute (Chromium
resolves them against the page's address), so the page is opened at the site's public address
(``SITE_URL``, :mod:`kitsite.render.site_address`), its requests answered from the local
server; without a public address, the links to the site itself are left out of the PDF (their
text stays). No PDF names the temporary local port. The same print path makes the session
handouts (templates/cards.md.j2, facilitator.md.j2): each session page that names its PDF in a
``data-handout`` attribute is printed to it, the question cards edge to edge on the paper their
styles choose (A6 cards, four to an A4 sheet, session.css), without the page-number footer.
``make site`` (scripts/build/build_site.py) runs :func:`write_handouts` on the fresh build before
it replaces site/.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Page, Route, sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
from kitsite.render.site_address import public_url
from local_server import CHROMIUM, CHROMIUM_ARGS, serve

HANDOUT_RE = re.compile(r'class="kit-handout"><a href="([^"/]+\.pdf)"')
SESSION_HANDOUT_RE = re.compile(r'data-handout="([^"/]+\.pdf)"( data-handout-margins="none")?')
UNLINK_OWN_PAGES = """() => {
  for (const link of document.querySelectorAll("a[href]")) {
    if (new URL(link.href, location.href).origin === location.origin) link.removeAttribute("href");
  }
}"""
"""Without a public address, links to the site's own pages would name the local port."""
FOOTER = ('<div style="width:100%;font-size:8pt;text-align:center;color:#000">'
          '<span class="pageNumber"></span> / <span class="totalPages"></span></div>')


@dataclass(frozen=True)
class KitPage:
    """A kit page of the built site and the handout it gets."""

    path: str
    """URL path from the site root, e.g. ``en/kits/dialogue-kickstarter/``."""
    pdf_name: str
    """The file the page links to (templates/kit.md.j2), e.g. ``dialogue-kickstarter-en.pdf``."""
    margins: bool = True
    """False: printed edge to edge on the paper the page's styles choose, with no footer."""

    @property
    def pdf(self) -> str:
        return self.path + self.pdf_name


def kit_pages(site: Path) -> list[KitPage]:
    """Every kit page, in every language folder, that links to a PDF handout."""
    pages = []
    for kits_dir in sorted([site / "kits", *site.glob("*/kits")]):
        for html in sorted(kits_dir.glob("*/index.html")):
            match = HANDOUT_RE.search(html.read_text(encoding="utf-8"))
            if match is not None:
                rel = html.parent.relative_to(site).as_posix() + "/"
                pages.append(KitPage(rel, match.group(1)))
        for html in sorted(kits_dir.glob("*/session/*/index.html")):
            found = SESSION_HANDOUT_RE.search(html.read_text(encoding="utf-8"))
            if found is not None:
                rel = html.parent.relative_to(site).as_posix() + "/"
                pages.append(KitPage(rel, found.group(1), margins=not found.group(2)))
    return pages


def print_pdf(tab: Page, url: str, out: Path, *, unlink_own_pages: bool,
              margins: bool = True) -> None:
    tab.goto(url, wait_until="networkidle")
    if unlink_own_pages:
        tab.evaluate(UNLINK_OWN_PAGES)
    tab.emulate_media(media="print")
    if not margins:
        tab.pdf(path=str(out), format="A4", print_background=False, prefer_css_page_size=True,
                margin={"top": "0", "bottom": "0", "left": "0", "right": "0"},
                tagged=True, outline=True)
        return
    tab.pdf(path=str(out), format="A4", print_background=False, display_header_footer=True,
            header_template="<span></span>", footer_template=FOOTER,
            margin={"top": "15mm", "bottom": "18mm", "left": "15mm", "right": "15mm"},
            tagged=True, outline=True)  # structure for screen readers, headings as bookmarks


def write_handouts(site: Path, address: str | None = None) -> int:
    """Print the PDF of every kit page of ``site`` into it, its links at ``address`` (by default
    the public address, ``SITE_URL``); returns how many were written."""
    address = address or public_url()
    pages = kit_pages(site)
    if not pages:
        raise SystemExit(f"{site}: no kit pages found under kits/ — build the site first")
    with serve(site) as local, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        tab = browser.new_page()
        if address:
            tab.route(address + "**", lambda route: _from_local(route, address, local))
        for page in pages:
            print_pdf(tab, (address or local) + page.path, site / page.pdf,
                      unlink_own_pages=address is None, margins=page.margins)
        browser.close()
    return len(pages)


def _from_local(route: Route, address: str, local: str) -> None:
    """Answer a request for the public ``address`` from the local server of the site."""
    response = route.fetch(url=local + route.request.url.removeprefix(address))
    route.fulfill(response=response)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", type=Path)
    args = parser.parse_args()
    site: Path = args.site
    count = write_handouts(site)
    print(f"handouts: {count} PDFs written under {site}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
