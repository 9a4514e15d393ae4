"""Accessibility and privacy of every page of the real site, in both languages: axe-core finds no
WCAG 2.0/2.1/2.2 A or AA violation at a desktop and a phone width, no page asks another host
for anything, each page has one h1 and no skipped heading level, and a keyboard user can tab to
the main links and always sees where the focus is.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
import yaml
from axetools import axe_violations, format_violations, site_pages
from helpers.browsing import guarded_context
from helpers.site_pages import predicted_pages

from conftest import ROOT

pytestmark = pytest.mark.browser

VIEWPORTS = ({"width": 1280, "height": 900}, {"width": 412, "height": 823})
LANGS = {"da": "", "en": "en/"}


PAGES = predicted_pages(ROOT)


@pytest.fixture(scope="module")
def pages(built_site: Path) -> list[str]:
    found: list[str] = site_pages(built_site)
    for prefix in LANGS.values():  # both languages, every generated kind of page
        for path in ("", "kits/", "kits/dialogue-kickstarter/",
                     "kits/dialogue-kickstarter/hope/"):
            assert prefix + path in found
    return found


def test_the_pages_checked_one_by_one_are_every_page_built(pages: list[str]) -> None:
    assert sorted(pages) == PAGES


@pytest.fixture()
def tab(browser: Any) -> Iterator[Any]:
    outside: list[str] = []
    context = guarded_context(browser, outside)
    page = context.new_page()
    yield page
    context.close()
    assert outside == []


@pytest.fixture(scope="module", params=VIEWPORTS, ids=lambda v: f"{v['width']}px")
def viewport_tab(request: pytest.FixtureRequest, browser: Any) -> Iterator[tuple[Any, list[str]]]:
    """One tab per viewport for every page, with the requests it made to other hosts."""
    outside: list[str] = []
    context = guarded_context(browser, outside, viewport=request.param)
    yield context.new_page(), outside
    context.close()


@pytest.mark.parametrize("path", PAGES)
def test_the_page_passes_axe_and_loads_nothing_from_other_hosts(
    viewport_tab: tuple[Any, list[str]], site_url: str, path: str
) -> None:
    tab, outside = viewport_tab
    outside.clear()
    tab.goto(site_url + path, wait_until="networkidle")
    found = axe_violations(tab)
    width = tab.viewport_size["width"]
    assert not found, "axe found WCAG violations:\n" + format_violations(
        f"/{path} at {width}px", found)
    assert outside == [], f"/{path} asked other hosts for: {sorted(set(outside))}"


def test_every_page_has_one_h1_and_no_skipped_heading_level(
    tab: Any, site_url: str, pages: list[str]
) -> None:
    problems = []
    for path in pages:
        tab.goto(site_url + path)
        levels = tab.locator("h1, h2, h3, h4, h5, h6").evaluate_all(
            "hs => hs.map(h => Number(h.tagName[1]))")
        if levels.count(1) != 1 or levels[0] != 1:
            problems.append(f"/{path}: headings {levels}: expected one h1, first")
        for before, after in itertools.pairwise(levels):
            if after > before + 1:
                problems.append(f"/{path}: h{before} followed by h{after}")
    assert not problems, "\n".join(problems)


FOCUS_INFO = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  return {tag: el.tagName, href: el.getAttribute('href') || '', text: el.innerText || '',
          outline: style.outlineStyle, width: parseFloat(style.outlineWidth) || 0,
          on_screen: box.width > 0 && box.height > 0 && box.right > 0
                     && box.left < innerWidth && style.visibility === 'visible'};
}"""


@pytest.mark.parametrize("width", [1280, 412])
@pytest.mark.parametrize("lang", LANGS)
def test_keyboard_reaches_the_main_links_with_a_visible_focus_ring(
    tab: Any, site_url: str, lang: str, width: int
) -> None:
    kit = yaml.safe_load((ROOT / "content" / lang / "kits" / "dialogue-kickstarter.yml")
                         .read_text(encoding="utf-8"))
    tab.set_viewport_size({"width": width, "height": 800})
    tab.goto(f"{site_url}{LANGS[lang]}kits/dialogue-kickstarter/")
    tab.keyboard.press("Tab")
    first = tab.evaluate(FOCUS_INFO)
    assert first["href"] == "#" + tab.locator("h1").get_attribute("id") or \
        first["href"].startswith("#"), "the first Tab should reach the skip link"
    reached = []
    for _ in range(150):  # every focusable element once, until focus leaves the page
        info = tab.evaluate(FOCUS_INFO)
        if info["tag"] == "BODY":
            break
        assert info["outline"] != "none" and info["width"] >= 2, f"no visible focus: {info}"
        assert info["on_screen"], f"focus on something the reader cannot see: {info}"
        reached.append(info)
        tab.keyboard.press("Tab")
    assert len(reached) >= 5
    hrefs = [r["href"] for r in reached]
    for video in kit["videos"]:  # every video card, by keyboard alone
        assert f"{video['id']}/" in hrefs, (video["id"], hrefs)
    if width >= 1220:  # the navigation sidebar; on small screens it is behind the menu button
        assert "../" in hrefs
    else:
        assert any(r["tag"] == "LABEL" for r in reached)  # the menu button
    # Enter on a focused card link opens the video
    tab.goto(f"{site_url}{LANGS[lang]}kits/dialogue-kickstarter/")
    link = tab.locator(".video-cards a").first
    link.focus()
    tab.keyboard.press("Enter")
    tab.wait_for_url(f"**/kits/dialogue-kickstarter/{kit['videos'][0]['id']}/")


@pytest.mark.parametrize("lang", LANGS)
def test_search_index_loads_when_the_reader_starts_searching(
    browser: Any, site_url: str, lang: str
) -> None:
    outside: list[str] = []
    context = guarded_context(browser, outside)
    loaded: list[str] = []
    context.on("requestfinished", lambda r: loaded.append(urlparse(r.url).path))
    tab = context.new_page()
    tab.goto(f"{site_url}{LANGS[lang]}kits/", wait_until="networkidle")
    assert not [p for p in loaded if "search" in p or p.endswith("sitemap.xml")], loaded
    tab.locator(".md-search__input").focus()
    tab.keyboard.type({"da": "håb", "en": "hope"}[lang])
    tab.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    assert any(p.endswith("search_index.json") for p in loaded)
    title = yaml.safe_load((ROOT / "content" / lang / "kits" / "dialogue-kickstarter.yml")
                           .read_text(encoding="utf-8"))["videos"][0]["title"]
    assert title in tab.locator(".md-search-result").inner_text()
    context.close()
    assert outside == []
