"""Browser tests: a Danish reader meets the translation gaps of the walkthrough (a question
deleted in Danish, a question new in English, a changed English description, an English-only
video) and sees each with its notice, the text marked with its real language — except the
deleted question, which does not come back."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from local_server import serve
from test_translation_build import walkthrough_site  # noqa: F401  (a fixture)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def walk_url(walkthrough_site: Path) -> Iterator[str]:  # noqa: F811
    with serve(walkthrough_site) as url:
        yield url


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context()
    tab = context.new_page()
    yield tab
    context.close()


def lang_of(locator: Any) -> str:
    """The language a screen reader uses for this element: its nearest lang attribute."""
    value: str = locator.evaluate("e => e.closest('[lang]').getAttribute('lang')")
    return value


def test_a_missing_danish_question_is_read_in_english_and_marked(page: Any, walk_url: str) -> None:
    page.goto(f"{walk_url}kits/sample-kit/second/")
    assert page.locator("html").get_attribute("lang") == "da"
    questions = page.locator("article ol").last.locator("li")
    assert questions.count() == 2
    assert lang_of(questions.nth(0)) == "da"
    added = questions.nth(1)
    english = added.locator("span[lang]")
    assert english.inner_text() == "Who else should hear this?"
    assert lang_of(english) == "en"
    marker = added.locator(".translation-gap")
    assert marker.is_visible()
    assert marker.inner_text() == "(ikke oversat endnu, vises på engelsk)"
    assert lang_of(marker) == "da"


def test_a_question_deleted_in_danish_is_not_read_at_all(page: Any, walk_url: str) -> None:
    page.goto(f"{walk_url}kits/sample-kit/first/")
    questions = page.locator("article ol").last.locator("li")
    assert questions.all_inner_texts() == ["Hvordan taler du med patienter om håb?"]


def test_a_stale_translation_says_so_discreetly_and_links_to_the_english(
    page: Any, walk_url: str
) -> None:
    page.goto(f"{walk_url}kits/sample-kit/second/")
    notice = page.locator(".translation-notice--stale")
    assert notice.is_visible()
    assert notice.inner_text().startswith("Teksten på engelsk er blevet ændret")
    assert lang_of(notice) == "da"
    # discreet: smaller than the page's text
    size = notice.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    body = page.locator("article p").last.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert size < body
    notice.locator('a[hreflang="en"]').click()
    page.wait_for_url(f"{walk_url}en/kits/sample-kit/second/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator(".translation-notice").count() == 0
    assert "questions patients and relatives ask" in page.locator("article").inner_text()


def test_an_english_only_video_is_shown_in_english_under_a_danish_notice(
    page: Any, walk_url: str
) -> None:
    page.goto(f"{walk_url}kits/sample-kit/third/")
    notice = page.locator(".translation-notice").first
    assert notice.inner_text() == ("Denne video er endnu ikke oversat til dansk. "
                                   "Den vises på engelsk.")
    assert lang_of(notice) == "da"
    assert lang_of(page.locator("h1 span")) == "en"
    assert lang_of(page.locator("article p", has_text="A video added in English only.")) == "en"
    assert lang_of(page.locator("article li", has_text="What did you notice?").locator("span")) \
        == "en"
    page.goto(f"{walk_url}kits/sample-kit/")
    card = page.locator(".video-cards li", has=page.locator("h3", has_text="Third video")).first
    assert "Denne video er endnu ikke oversat til dansk." in card.inner_text()
    assert lang_of(card.locator("p", has_text="A video added in English only.")) == "en"


def test_an_english_only_page_and_the_switcher(page: Any, walk_url: str) -> None:
    page.goto(f"{walk_url}english-page/")
    assert page.locator("html").get_attribute("lang") == "da"
    assert page.locator(".translation-notice").inner_text() == (
        "Denne side er endnu ikke oversat til dansk. Den vises på engelsk.")
    assert lang_of(page.locator("h1")) == "en"
    page.locator('a.md-select__link[hreflang="en"]').dispatch_event("click")
    page.wait_for_url(f"{walk_url}en/english-page/")
    assert page.locator("h1").inner_text() == "A page in English only"
    assert page.locator(".translation-notice").count() == 0
