"""Audit a built site as a workshop reader meets it: accessibility, speed, weight and privacy.

Usage: .venv/bin/python scripts/audit.py [SITE_DIR] [--no-lighthouse] [--pages PATH ...]

Serves SITE_DIR (default ``site``) gzipped on 127.0.0.1, runs axe-core (WCAG 2.0/2.1/2.2 A and
AA) on every HTML page at a desktop and a phone width, then Lighthouse 12 (mobile, the default)
on the home, kit list, kit, video and 404 pages of each language, and prints one table: the four
Lighthouse scores, bytes transferred on first load, requests to other hosts and axe violations.
Lighthouse comes from ``.cache/node`` (``make audit`` installs it there with npm) and runs on
Node with Debian's Chromium. Exits non-zero when a target is missed.
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

from playwright.sync_api import Browser, sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
from axetools import axe_violations, format_violations, site_pages  # noqa: E402
from sitetools import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
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
    bytes: int | None = None
    external: list[str] = field(default_factory=list)
    axe: int = 0

    def ok(self) -> bool:
        scores_ok = all(self.scores.get(c) == 100 for c in CATEGORIES) if self.scores else True
        weight_ok = self.bytes is None or self.bytes <= MAX_BYTES
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


def run_axe(browser: Browser, base: str, paths: list[str], rows: dict[str, Row]) -> None:
    """axe on every page at each viewport; prints violations, counts them per page."""
    for viewport in VIEWPORTS:
        context = browser.new_context(viewport=viewport)  # type: ignore[arg-type]
        tab = context.new_page()
        for path in paths:
            tab.goto(base + path)
            found = axe_violations(tab)
            rows.setdefault(path, Row(path)).axe += len(found)
            if found:
                print(format_violations(f"{path} @{viewport['width']}px", found))
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


def lighthouse_row(row: Row, report: dict[str, Any]) -> list[str]:
    """Fill ``row`` from a report; returns the titles of failed audits, for the reader."""
    for cat in CATEGORIES:
        row.scores[cat] = round(100 * (report["categories"][cat]["score"] or 0))
    audits = report["audits"]
    row.bytes = int(audits["total-byte-weight"]["numericValue"])
    for item in audits["network-requests"]["details"]["items"]:
        host = urlparse(item["url"]).hostname
        if item["url"].startswith(("http:", "https:")) and host != "127.0.0.1":
            row.external.append(item["url"])
    failed = []
    for cat in CATEGORIES:
        for ref in report["categories"][cat]["auditRefs"]:
            audit = audits[ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                failed.append(f"{cat}: {ref['id']} ({audit['score']}): {audit['title']}")
    return failed


def print_table(rows: list[Row]) -> None:
    head = ["page", "perf", "a11y", "best", "seo", "KB", "external", "axe"]
    print("\n| " + " | ".join(head) + " |")
    print("|" + "|".join(["---"] * len(head)) + "|")
    for r in rows:
        scores = [str(r.scores.get(c, "–")) for c in CATEGORIES]
        kb = f"{r.bytes / 1024:.1f}" if r.bytes is not None else "–"
        print("| " + " | ".join(["/" + r.path, *scores, kb, str(len(r.external)), str(r.axe)])
              + " |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", nargs="?", default="site", type=Path)
    parser.add_argument("--no-lighthouse", action="store_true", help="only run axe")
    parser.add_argument("--pages", nargs="*", help="Lighthouse only these paths")
    args = parser.parse_args()
    site: Path = args.site
    if not (site / "index.html").is_file():
        raise SystemExit(f"{site}/index.html is missing: build the site first (make site)")
    if not args.no_lighthouse and not LIGHTHOUSE.is_file():
        raise SystemExit(f"{LIGHTHOUSE} is missing: run 'make audit', which installs it")
    rows: dict[str, Row] = {}
    with serve(site, compress=True) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        run_axe(browser, base, site_pages(site), rows)
        browser.close()
        if not args.no_lighthouse:
            with tempfile.TemporaryDirectory() as tmp:
                for path in args.pages or lighthouse_pages(site):
                    report = run_lighthouse(base + path, Path(tmp))
                    for line in lighthouse_row(rows.setdefault(path, Row(path)), report):
                        print(f"/{path}: {line}")
    shown = [r for r in rows.values() if r.scores] + [r for r in rows.values() if not r.scores]
    print_table(shown)
    total_axe = sum(r.axe for r in rows.values())
    failing = [r.path for r in rows.values() if not r.ok()]
    print(f"\n{len(rows)} pages, {total_axe} axe violations; targets: 100 in every Lighthouse "
          f"category, ≤ {MAX_BYTES // 1024} KB, 0 external requests, 0 axe violations")
    if failing:
        print("missed on: " + ", ".join("/" + p for p in failing))
        return 1
    print("every target met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
