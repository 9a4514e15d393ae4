"""The offline edition: `make offline`'s zip, unpacked and opened from file:// in Chromium,
works in both languages — links, the language switcher and search — and asks no server for
anything.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import ROOT

pytestmark = pytest.mark.browser

LANGS = {"da": "", "en": "en/"}
SEARCH_WORD = {"da": "håb", "en": "hope"}


def kit(lang: str, kit_id: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(
        (ROOT / "content" / lang / "kits" / f"{kit_id}.yml").read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def unpacked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("offline")
    out = tmp / "kits-offline.zip"
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build" / "offline.py"),
                             "--out", str(out)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    with zipfile.ZipFile(out) as archive:
        archive.extractall(tmp / "unpacked")
    root = tmp / "unpacked" / "kits-offline"
    assert (root / "index.html").is_file()
    return root


@pytest.fixture()
def tab(browser: Any) -> Iterator[Any]:
    context = browser.new_context()
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    assert [u for u in requests if not u.startswith(("file:", "data:", "about:"))] == []
    assert errors == []
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_reader_follows_links_to_a_kit_and_a_video_from_disk(
    tab: Any, unpacked: Path, lang: str
) -> None:
    data = kit(lang, "dialogue-kickstarter")
    video = data["videos"][0]
    tab.goto((unpacked / LANGS[lang] / "index.html").as_uri())
    assert tab.locator("html").get_attribute("lang") == lang
    tab.locator("article a[href*='kits/index.html']").first.click()
    tab.wait_for_url("**/kits/index.html")
    tab.locator("article").get_by_role("link", name=data["title"]).click()
    tab.wait_for_url("**/kits/dialogue-kickstarter/index.html")
    assert tab.locator("h1").inner_text() == data["title"]
    tab.locator(".video-cards").get_by_role("link", name=video["title"]).click()
    tab.wait_for_url(f"**/kits/dialogue-kickstarter/{video['id']}/index.html")
    assert tab.locator("h1").inner_text() == video["title"]
    assert video["duration"] in tab.locator("article").inner_text()
    # the language switcher leads to the same video in the other language, on disk
    other = "en" if lang == "da" else "da"
    tab.locator(f'a[hreflang="{other}"]').first.dispatch_event("click")
    # the whole address: a pattern such as **/kits/… also matches the page we are leaving
    tab.wait_for_url((unpacked / LANGS[other] / "kits" / "dialogue-kickstarter" / video["id"]
                      / "index.html").as_uri())
    assert tab.locator("html").get_attribute("lang") == other
    assert tab.locator("h1").inner_text() == kit(other, "dialogue-kickstarter")["videos"][0][
        "title"]


@pytest.mark.parametrize("lang", LANGS)
def test_search_works_from_disk_in_each_language(tab: Any, unpacked: Path, lang: str) -> None:
    tab.goto((unpacked / LANGS[lang] / "kits" / "index.html").as_uri())
    tab.locator(".md-search__input").click()
    tab.keyboard.type(SEARCH_WORD[lang])
    results = tab.locator(".md-search-result__item")
    results.first.wait_for(timeout=10_000)
    expected = kit(lang, "dialogue-kickstarter")["videos"][0]["title"]
    assert expected in tab.locator(".md-search-result").inner_text()
    first = tab.locator(".md-search-result__item a").first.get_attribute("href")
    assert first.startswith("file://")
    assert f"/{LANGS[lang]}kits/" in first


def test_each_kit_with_videos_has_its_pdf_in_the_zip(unpacked: Path) -> None:
    for lang, prefix in LANGS.items():
        folder = unpacked / prefix / "kits" / "dialogue-kickstarter"
        pdf = folder / f"dialogue-kickstarter-{lang}.pdf"
        assert pdf.read_bytes().startswith(b"%PDF-")


@pytest.mark.parametrize("lang", LANGS)
def test_a_session_runs_from_disk_with_the_facilitator_view_in_step(
    tab: Any, unpacked: Path, lang: str
) -> None:
    """From file://: the kit page's "Run a session" leads to the session page, the projector
    view moves by keyboard, and the facilitator view in a second tab follows it (over the
    'storage' event where the BroadcastChannel does not reach) and moves it."""
    folder = unpacked / LANGS[lang] / "kits" / "dialogue-kickstarter"
    tab.goto((folder / "index.html").as_uri())
    tab.locator(".kit-session-entry a").click()
    tab.wait_for_url("**/kits/dialogue-kickstarter/session/index.html")
    facilitator = tab.context.new_page()
    facilitator.goto((folder / "session" / "facilitator" / "index.html").as_uri())
    tab.bring_to_front()
    tab.locator("#session-open-projector").focus()
    tab.keyboard.press("Enter")
    tab.keyboard.press("PageDown")
    tab.keyboard.press("PageDown")  # the first question
    step = "document.querySelector('.session-step:not([hidden])').dataset.stepKey"
    assert tab.evaluate(step) == "question:hope:0"
    question = kit(lang, "dialogue-kickstarter")["videos"][0]["questions"][0]
    facilitator.wait_for_function(
        "q => document.getElementById('session-now').textContent.includes(q)",
        arg=" ".join(question.split())[:30])
    facilitator.keyboard.press("ArrowRight")
    tab.wait_for_function(f"() => {step} === 'question:hope:1'")
    for pdf in ("session/cards/dialogue-kickstarter-cards", "session/facilitator/"
                "dialogue-kickstarter-facilitator"):
        assert (folder / f"{pdf}-{lang}.pdf").read_bytes().startswith(b"%PDF-")
