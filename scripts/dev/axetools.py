"""Accessibility checks with axe-core, shared by scripts/dev/audit.py and the browser tests.

Owns: which WCAG rule sets are checked (2.0, 2.1 and 2.2, levels A and AA), finding every HTML
page of a built site, running axe-core (shipped by axe-playwright-python) on an open page and
printing its violations so that a person can find and fix them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from axe_playwright_python.sync_playwright import Axe

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
AXE_OPTIONS: dict[str, Any] = {
    "runOnly": {"type": "tag", "values": WCAG_TAGS},
    "resultTypes": ["violations"],
}

_AXE = Axe()


def site_pages(site_dir: Path) -> list[str]:
    """Every HTML page of a built site as a URL path relative to its root (``kits/x/``).

    ``index.html`` pages are given as their folder (``kits/``); other pages by file name.
    """
    paths = []
    for html in sorted(site_dir.rglob("*.html")):
        rel = html.relative_to(site_dir).as_posix()
        if rel.startswith(("assets/", "search/")):
            continue
        paths.append(rel.removesuffix("index.html"))
    return paths


_ANIMATIONS_FINISHED = """() => document.getAnimations().every(a =>
    a.playState !== 'running' || a.effect.getComputedTiming().iterations === Infinity)"""


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """Run axe-core with the WCAG A and AA rules on the page open in ``page``.

    It first waits for the page's running animations (a step fading in) to end, endless
    ones aside: axe measures colours as painted, and a half-faded text is not what a
    reader sees.
    """
    page.wait_for_function(_ANIMATIONS_FINISHED)
    results = _AXE.run(page, options=AXE_OPTIONS)
    violations: list[dict[str, Any]] = results.response["violations"]
    return violations


def format_violations(where: str, violations: list[dict[str, Any]]) -> str:
    """Readable lines: the page, each rule broken, and the elements that break it."""
    lines = []
    for v in violations:
        lines.append(f"{where}: {v['id']} ({v['impact']}): {v['help']} — {v['helpUrl']}")
        for node in v["nodes"][:5]:
            target = " ".join(str(t) for t in node["target"])
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {target}: {summary[:300]}")
        if len(v["nodes"]) > 5:
            lines.append(f"    … and {len(v['nodes']) - 5} more elements")
    return "\n".join(lines)
