"""Browser tests: a staff member reads the real site in headless Chromium, in both languages."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlparse

import pytest
import yaml

from conftest import ROOT

pytestmark = pytest.mark.browser

LANGS = {"da": "", "en": "en/"}


def kit_data(lang: str, kit_id: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(
        (ROOT / "content" / lang / "kits" / f"{kit_id}.yml").read_text(encoding="utf-8"))
    return data


@pytest.fixture()
def page(browser: Any, site_url: str) -> Iterator[Any]:
    context = browser.new_context()
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    tab = context.new_page()
    tab.requests = requests
    yield tab
    hosts = {urlparse(url).hostname or "" for url in requests if not url.startswith("data:")}
    assert hosts <= {"127.0.0.1"}, f"requests left 127.0.0.1: {sorted(hosts)}"
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_kit_list_shows_every_kit_with_its_video_count(page: Any, site_url: str, lang: str) -> None:
    page.goto(f"{site_url}{LANGS[lang]}kits/")
    assert page.locator("html").get_attribute("lang") == lang
    cards = page.locator(".kit-cards > ul > li")
    kit = kit_data(lang, "dialogue-kickstarter")
    card = cards.filter(has_text=kit["title"])
    assert card.count() == 1
    assert "11:04" in card.inner_text()  # 4:20 + 6:44


@pytest.mark.parametrize("lang", LANGS)
def test_kit_page_lists_videos_with_duration_and_questions(
    page: Any, site_url: str, lang: str
) -> None:
    kit = kit_data(lang, "dialogue-kickstarter")
    page.goto(f"{site_url}{LANGS[lang]}kits/dialogue-kickstarter/")
    assert page.locator("h1").inner_text() == kit["title"]
    text = page.locator("article").inner_text()
    for video in kit["videos"]:
        assert video["title"] in text
        assert video["duration"] in text
        for question in video["questions"]:
            assert " ".join(question.split()) in " ".join(text.split())


@pytest.mark.parametrize("lang", LANGS)
def test_video_page_and_language_switcher_keep_the_same_video(
    page: Any, site_url: str, lang: str
) -> None:
    video = kit_data(lang, "dialogue-kickstarter")["videos"][1]
    page.goto(f"{site_url}{LANGS[lang]}kits/dialogue-kickstarter/{video['id']}/")
    assert page.locator("h1").inner_text() == video["title"]
    assert video["duration"] in page.locator("article").inner_text()
    questions = page.locator("article ol").last.locator("li")
    assert questions.count() == len(video["questions"])
    # a screen reader hears the duration in words, not "6:44"
    spoken = page.locator("article time .visually-hidden").first.inner_text()
    assert spoken == {"da": "6 minutter 44 sekunder", "en": "6 minutes 44 seconds"}[lang]
    other = "en" if lang == "da" else "da"
    page.locator(f'a[hreflang="{other}"]').first.dispatch_event("click")
    page.wait_for_url(f"{site_url}{LANGS[other]}kits/dialogue-kickstarter/{video['id']}/")
    assert page.locator("html").get_attribute("lang") == other
    assert page.locator("h1").inner_text() == kit_data(other, "dialogue-kickstarter")[
        "videos"][1]["title"]


def test_english_only_kit_is_one_click_from_the_danish_list(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}kits/")
    title = kit_data("en", "time-to-change")["title"]
    page.locator("article").get_by_role("link", name=title).click()
    page.wait_for_url(f"{site_url}en/kits/time-to-change/")
    assert page.locator("html").get_attribute("lang") == "en"
