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
it replaces site/. The printing itself, several pages at a time and only for pages that changed
since they were last printed, is scripts/build/pdf_print.py's.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pdf_print import PrintCache, PrintJob, PrintReport, print_pages

from kitsite.render.site_address import public_url

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


PDF_OPTIONS = {
    "format": "A4", "print_background": False, "display_header_footer": True,
    "header_template": "<span></span>", "footer_template": FOOTER,
    "margin": {"top": "15mm", "bottom": "18mm", "left": "15mm", "right": "15mm"},
    "tagged": True, "outline": True,  # structure for screen readers, headings as bookmarks
}
EDGE_TO_EDGE_OPTIONS = {
    "format": "A4", "print_background": False, "prefer_css_page_size": True,
    "margin": {"top": "0", "bottom": "0", "left": "0", "right": "0"},
    "tagged": True, "outline": True,
}
"""The question cards: the paper their styles choose, no margins, no page-number footer."""


def handout_jobs(site: Path, address: str | None = None) -> list[PrintJob]:
    """What to print: each page with a handout, into the PDF it links to, opened at the
    public ``address`` (none: its links to the site's own pages are left out)."""
    return [PrintJob(page.path, site / page.pdf,
                     PDF_OPTIONS if page.margins else EDGE_TO_EDGE_OPTIONS, address=address,
                     before_print=None if address else UNLINK_OWN_PAGES)
            for page in kit_pages(site)]


def print_handouts(site: Path, cache: PrintCache | None = None,
                   address: str | None = None) -> PrintReport:
    """Print (or take from the cache) the PDF of every page of ``site`` with a handout."""
    jobs = handout_jobs(site, address)
    if not jobs:
        raise SystemExit(f"{site}: no kit pages found under kits/ — build the site first")
    return print_pages(site, jobs, cache=cache)


def write_handouts(site: Path, address: str | None = None) -> PrintReport:
    """Print the PDF of every page of ``site`` with a handout into it, its links at ``address``
    (by default the public address, ``SITE_URL``); says which were printed, which reused."""
    return print_handouts(site, address=address or public_url())


def summary(report: PrintReport) -> str:
    """``N PDFs written (M printed, K reused)``: what ``make site`` says of the handouts."""
    return (f"{report.written} PDFs written ({len(report.printed)} printed, "
            f"{len(report.reused)} reused)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", type=Path)
    args = parser.parse_args()
    site: Path = args.site
    print(f"handouts: {summary(write_handouts(site))} under {site}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
