"""A right-to-left language by configuration only: Arabic (``ar``) added to a copy of the real
project like any other language (the translator's guide, "Adding a language"), built with
`make site` (languages in parallel). Its pages say ``<html dir="rtl">`` and the layout is
mirrored; Danish and English text shown on them is marked with its language and its direction;
search finds Arabic words, stemmed as Arabic (issue 11, right-to-left).

Screenshots of the new language's pages land in .cache/screenshots/right-to-left/."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from helpers.site_search import search_results
from local_server import serve

from conftest import ROOT
from scenarios.conftest import Project, make_project
from scenarios.languages import add_arabic

KIT = "start-the-dialogue"
"""A kit in Danish and English only: the Arabic site shows it in Danish (the default)."""
SCREENSHOTS = ROOT / ".cache" / "screenshots" / "right-to-left"
PAGES = {"kit-list": "ar/kits/", "kit": f"ar/kits/{KIT}/",
         "video": f"ar/kits/{KIT}/hope-and-recognition/", "words": "ar/words/", "home": "ar/"}


@pytest.fixture(scope="module")
def arabic(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = make_project(tmp_path_factory.mktemp("right-to-left") / "project")
    add_arabic(project)
    result = project.run("make site")
    assert "WARNING" not in result.output
    return project


@pytest.mark.parametrize("path", PAGES.values())
def test_arabic_pages_are_marked_right_to_left(arabic: Project, path: str) -> None:
    page = arabic.page(f"/{path}")
    assert (page.lang, page.dir) == ("ar", "rtl")
    body = page.soup.body
    assert body is not None and body.get("dir") == "rtl"  # the theme mirrors the layout


def test_danish_and_english_pages_stay_left_to_right(arabic: Project) -> None:
    for path, lang in (("/", "da"), ("/en/", "en"), (f"/en/kits/{KIT}/", "en")):
        page = arabic.page(path)
        assert (page.lang, page.dir) == (lang, "ltr")
    # Danish text on an English page: same direction, so only its language is marked
    english = arabic.page("/en/kits/time-to-change/")
    assert english.lang_of("Time to Change") == "en"
    assert 'dir="' not in str(arabic.page("/en/kits/").article)


def test_danish_text_on_an_arabic_page_is_marked_danish_and_left_to_right(
        arabic: Project) -> None:
    kit = arabic.page(f"/ar/kits/{KIT}/")
    assert kit.notices()[0] == "متوفر باللغة الدنماركية فقط. اقرأه باللغة الدنماركية"
    for danish in ("Start dialogen", "Diagnose, håb og anerkendelse"):
        assert (kit.lang_of(danish), kit.dir_of(danish)) == ("da", "ltr")
    assert (kit.lang_of("أسئلة للنقاش"), kit.dir_of("أسئلة للنقاش")) == ("ar", "rtl")
    video = arabic.page(f"/ar/kits/{KIT}/hope-and-recognition/")
    question = "Hvad forbinder du med ordet håb?"
    assert question in video.text()
    assert (video.lang_of(question), video.dir_of(question)) == ("da", "ltr")
    english_only = arabic.page("/ar/kits/time-to-change/")
    title = "Time to Change training pack for mental health services"
    assert (english_only.lang_of(title), english_only.dir_of(title)) == ("en", "ltr")
    words = arabic.page("/ar/words/")
    assert (words.lang_of("Ord betyder noget"), words.dir_of("Ord betyder noget")) == \
        ("da", "ltr")
    assert words.notices() == [
        "لم تُترجم هذه الصفحة إلى العربية بعد. وهي معروضة باللغة الدنماركية."]


def test_the_arabic_search_index_is_stemmed_as_arabic(arabic: Project) -> None:
    index = json.loads(arabic.read("site/ar/search/search_index.json"))
    assert index["config"]["lang"] == ["ar"]
    assert "stemmer" in index["config"]["pipeline"]
    assert {doc["location"].split("#")[0] for doc in index["docs"]} >= {""}
    assert arabic.path("site/assets/javascripts/lunr/min/lunr.ar.min.js").is_file()
    danish = json.loads(arabic.read("site/search/search_index.json"))
    assert "stemmer" not in danish["config"]["pipeline"]  # unchanged: stems the query only


# --- in the browser ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def arabic_url(arabic: Project) -> Iterator[str]:
    with serve(arabic.path("site")) as url:
        yield url


@pytest.fixture()
def tab(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()






@pytest.mark.browser
@pytest.mark.parametrize("query", [
    "الوصمة",  # as written on the Arabic home page ("the stigma")
    "وصمة",  # without the article: found only because the index and the query are stemmed
    "التعافي",  # "recovery"
])
def test_search_finds_arabic_words_on_arabic_pages(
        tab: Any, arabic_url: str, query: str) -> None:
    hits = search_results(tab, f"{arabic_url}ar/", query)
    assert hits, f"no results for {query!r}"
    assert all(h.removeprefix(arabic_url).startswith("ar/") for h in hits), hits
    assert any(h.split("#")[0].split("?")[0] in (f"{arabic_url}ar/", "./", ".") for h in hits)


@pytest.mark.browser
def test_the_layout_is_mirrored(tab: Any, arabic_url: str) -> None:
    """The menu and the table of contents swap sides, as a reader of Arabic expects; every
    page is photographed for a person to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name, path in PAGES.items():
        tab.goto(arabic_url + path)
        tab.screenshot(path=str(SCREENSHOTS / f"ar-{name}.png"), full_page=True)
    tab.goto(arabic_url + PAGES["kit"])
    width = tab.viewport_size["width"]
    menu = tab.locator(".md-sidebar--primary").bounding_box()
    content = tab.locator("article.md-content__inner").bounding_box()
    assert menu["x"] > width / 2 > content["x"], (menu, content)
    tab.goto(arabic_url + f"en/kits/{KIT}/")
    assert tab.locator(".md-sidebar--primary").bounding_box()["x"] < width / 2
