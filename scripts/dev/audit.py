"""Audit a built site as a workshop reader meets it: valid HTML, accessibility, speed, weight
and privacy.

Usage: .venv/bin/python scripts/dev/audit.py [SITE_DIR] [--no-lighthouse] [--pages PATH ...]

First the W3C Nu HTML Checker reads every page's HTML (scripts/dev/htmlcheck.py): each error is
printed, and any error misses a target. Then it serves SITE_DIR (default ``site``) gzipped on
127.0.0.1 and opens every HTML page in headless Chromium with an empty cache, at a desktop and a
phone width: it runs axe-core (WCAG 2.0/2.1/2.2 A and AA), counts the bytes of every response
until the network is idle (workers included) and records any request to another host. Then
Lighthouse 12 (mobile, its default) runs on the home, kit list, kit, video and 404 pages of each
language (the median of 3 runs, as Lighthouse's authors advise). One table shows it all: the
four Lighthouse scores, kilobytes on first load (Lighthouse's count and Chromium's, the larger
is held to the target), requests to other hosts and axe violations. Lighthouse comes from
``.cache/node`` (``make audit`` installs it there with npm) and runs on Node with Debian's
Chromium.
Exits non-zero when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from playwright.sync_api import Browser, Request, sync_playwright

sys.path[:0] = [str(Path(__file__).resolve().parent),  # the developer tools
                str(Path(__file__).resolve().parents[1] / "build")]  # local_server
from axetools import axe_violations, format_violations, site_pages  # noqa: E402
from htmlcheck import html_errors, missing_tools, summary  # noqa: E402
from local_server import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
LIGHTHOUSE = ROOT / ".cache" / "node" / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
LIGHTHOUSE_PAGES = ("", "kits/", "kits/{kit}/", "kits/{kit}/{video}/", "404.html")
MAX_BYTES = 75 * 1024
VIEWPORTS = ({"width": 1280, "height": 900}, {"width": 412, "height": 823})


@dataclass
class Row:
    """What the audit found on one page."""

    path: str
    scores: dict[str, int] = field(default_factory=dict)
    lighthouse_bytes: int | None = None
    chromium_bytes: int = 0
    external: set[str] = field(default_factory=set)
    axe: int = 0

    def ok(self, weighed: bool) -> bool:
        scores_ok = all(self.scores.get(c) == 100 for c in CATEGORIES) if self.scores else True
        heaviest = max(self.lighthouse_bytes or 0, self.chromium_bytes)
        weight_ok = not weighed or heaviest <= MAX_BYTES
        return scores_ok and weight_ok and not self.external and self.axe == 0


def language_prefixes(site: Path) -> list[str]:
    """``""`` for the default language and ``"en/"`` etc. for every language folder."""
    prefixes = [""]
    for child in sorted(site.iterdir()):
        if child.is_dir() and len(child.name) == 2 and (child / "index.html").is_file():
            prefixes.append(child.name + "/")
    return prefixes


def first_kit_and_video(site: Path) -> tuple[str, str]:
    """The first kit folder (by name) that has a video page, and its first video."""
    for kit in sorted((site / "kits").iterdir()):
        videos = sorted(p.name for p in kit.iterdir() if (p / "index.html").is_file())
        if videos:
            return kit.name, videos[0]
    raise SystemExit(f"{site}/kits has no kit with a video page")


def lighthouse_pages(site: Path) -> list[str]:
    kit, video = first_kit_and_video(site)
    pages = []
    for prefix in language_prefixes(site):
        for pattern in LIGHTHOUSE_PAGES:
            path = prefix + pattern.format(kit=kit, video=video)
            if (site / path / "index.html").is_file() or (site / path).is_file():
                pages.append(path)
    return pages


def is_external(url: str) -> bool:
    return url.startswith(("http:", "https:", "ws:", "wss:")) and \
        urlparse(url).hostname != "127.0.0.1"


def check_page(browser: Browser, url: str, row: Row) -> None:
    """First load of one page at each viewport: bytes, other hosts, axe (prints violations)."""
    for viewport in VIEWPORTS:
        context = browser.new_context(viewport=viewport)  # type: ignore[arg-type]
        finished: list[Request] = []

        def done(request: Request, into: list[Request] = finished) -> None:
            into.append(request)

        context.on("requestfinished", done)
        context.on("request", lambda r: row.external.add(r.url) if is_external(r.url) else None)
        tab = context.new_page()
        tab.goto(url, wait_until="networkidle")
        tab.wait_for_timeout(500)
        if viewport is VIEWPORTS[0]:
            sizes = [r.sizes() for r in finished]
            row.chromium_bytes = sum(s["responseBodySize"] + s["responseHeadersSize"]
                                     for s in sizes)
        found = axe_violations(tab)
        row.axe += len(found)
        if found:
            print(format_violations(f"/{row.path} @{viewport['width']}px", found))
        context.close()


def run_lighthouse(url: str, out_dir: Path) -> dict[str, Any]:
    """One Lighthouse run (mobile, simulated throttling); returns its JSON report."""
    report = out_dir / "report.json"
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    cmd = ["node", str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
           f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={flags}"]
    subprocess.run(cmd, check=True, env=env, capture_output=True, text=True)
    data: dict[str, Any] = json.loads(report.read_text(encoding="utf-8"))
    return data


def median_run(url: str, out_dir: Path, runs: int) -> dict[str, Any]:
    """The run with the median performance score of ``runs`` runs.

    Lighthouse's performance score varies from run to run with the machine's load (its CPU
    throttling is simulated from measured task times); its authors advise the median of
    several runs. The scores of every run are printed.
    """
    reports = [run_lighthouse(url, out_dir) for _ in range(runs)]
    reports.sort(key=lambda r: r["categories"]["performance"]["score"] or 0)
    scores = [round(100 * (r["categories"]["performance"]["score"] or 0)) for r in reports]
    print(f"{urlparse(url).path}: performance in {runs} runs: {scores}")
    return reports[len(reports) // 2]


def lighthouse_row(row: Row, report: dict[str, Any]) -> list[str]:
    """Fill ``row`` from a report; returns the titles of failed audits, for the reader."""
    for cat in CATEGORIES:
        row.scores[cat] = round(100 * (report["categories"][cat]["score"] or 0))
    audits = report["audits"]
    row.lighthouse_bytes = int(audits["total-byte-weight"]["numericValue"])
    for item in audits["network-requests"]["details"]["items"]:
        if is_external(item["url"]):
            row.external.add(item["url"])
    failed = []
    for cat in CATEGORIES:
        for ref in report["categories"][cat]["auditRefs"]:
            audit = audits[ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                failed.append(f"{cat}: {ref['id']} ({audit['score']}): {audit['title']}")
    return failed


def print_table(rows: list[Row]) -> None:
    head = ["page", "perf", "a11y", "best", "seo", "KB (LH)", "KB (all)", "external", "axe"]
    print("\n| " + " | ".join(head) + " |")
    print("|" + "|".join(["---"] * len(head)) + "|")
    for r in rows:
        scores = [str(r.scores.get(c, "–")) for c in CATEGORIES]
        lh = f"{r.lighthouse_bytes / 1024:.1f}" if r.lighthouse_bytes is not None else "–"
        cells = ["/" + r.path, *scores, lh, f"{r.chromium_bytes / 1024:.1f}",
                 str(len(r.external)), str(r.axe)]
        print("| " + " | ".join(cells) + " |")
    for r in rows:
        for url in sorted(r.external):
            print(f"/{r.path}: request to another host: {url}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", nargs="?", default="site", type=Path)
    parser.add_argument("--no-lighthouse", action="store_true", help="only run axe")
    parser.add_argument("--pages", nargs="*", help="Lighthouse only these paths")
    parser.add_argument("--runs", type=int, default=3,
                        help="Lighthouse runs per page; the median is shown (default 3)")
    args = parser.parse_args()
    site: Path = args.site
    if not (site / "index.html").is_file():
        raise SystemExit(f"{site}/index.html is missing: build the site first (make site)")
    if not args.no_lighthouse and not LIGHTHOUSE.is_file():
        raise SystemExit(f"{LIGHTHOUSE} is missing: run 'make audit', which installs it")
    if missing_tools():
        raise SystemExit(missing_tools())
    invalid = html_errors(site)
    for error in invalid:
        print(error.format())
    print(f"Nu HTML Checker: {summary(invalid)}")
    rows = {path: Row(path) for path in site_pages(site)}
    key_pages = args.pages or lighthouse_pages(site)
    with serve(site, compress=True) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for row in rows.values():
            check_page(browser, base + row.path, row)
        browser.close()
        if not args.no_lighthouse:
            with tempfile.TemporaryDirectory() as tmp:
                for path in key_pages:
                    report = median_run(base + path, Path(tmp), args.runs)
                    for line in lighthouse_row(rows.setdefault(path, Row(path)), report):
                        print(f"/{path}: {line}")
    shown = [rows[p] for p in key_pages if p in rows]
    shown += [r for r in rows.values() if r.path not in key_pages]
    print_table(shown)
    total_axe = sum(r.axe for r in rows.values())
    failing = [r.path for r in rows.values() if not r.ok(weighed=r.path in key_pages)]
    print(f"\n{len(rows)} pages, {total_axe} axe violations; targets: 100 in every Lighthouse "
          f"category and ≤ {MAX_BYTES // 1024} KB on the key pages; no request to another host "
          "and no axe violation or Nu HTML Checker error on any page")
    failing += sorted({e.page for e in invalid} - set(failing))
    if failing:
        print("missed on: " + ", ".join("/" + p for p in failing))
        return 1
    print("every target met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
