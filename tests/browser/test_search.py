"""Browser tests: search on the real site finds pages in the reader's language only, and the
Danish site stems Danish words (an inflected form that occurs nowhere on the site still finds
the pages with other forms of the word)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

PREFIX = {"da": "", "en": "en/"}


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context()
    tab = context.new_page()
    tab.index_requests = []
    tab.on("request", lambda r: tab.index_requests.append(r.url)
           if "search_index" in r.url else None)
    yield tab
    context.close()


def index_words(site: Path, lang: str) -> set[str]:
    """Every word of a language's search index, lower case, as written on the pages."""
    data = json.loads((site / PREFIX[lang] / "search" / "search_index.json").read_text("utf-8"))
    text = " ".join(f"{d['title']} {d['text']}" for d in data["docs"])
    return set(re.findall(r"[a-zæøå]+", re.sub(r"<[^>]+>", " ", text).lower()))


READY = """() => {
    const words = JSON.parse(document.getElementById("__config").textContent).translations;
    const meta = document.querySelector(".md-search-result__meta").textContent.trim();
    return meta === words["search.result.placeholder"];
}"""
DONE = """() => {
    const words = JSON.parse(document.getElementById("__config").textContent).translations;
    const meta = document.querySelector(".md-search-result__meta").textContent.trim();
    return meta === words["search.result.none"] || /\\d/.test(meta);
}"""


def search(page: Any, site_url: str, lang: str, query: str) -> list[str]:
    """Type ``query`` into the search field of ``lang``'s home page; the result links."""
    page.goto(f"{site_url}{PREFIX[lang]}")
    field = page.locator("input[data-md-component=search-query]")
    field.click()
    try:
        page.wait_for_function(READY)  # "Type to start searching", as a reader would wait
        # The whole query, then one key: Material searches on keyup, not on input. Typed key by
        # key, the results of a shorter query ("dissemi") could satisfy DONE and then be
        # replaced while the links were read.
        field.fill(query)
        field.press("End")
        page.wait_for_function(DONE)
    except Exception as err:  # say where it stopped, not only that it timed out
        meta = page.locator(".md-search-result__meta").text_content()
        raise AssertionError(f"search for {query!r} on {page.url} stopped at {meta!r}; "
                             f"index requests: {page.index_requests}") from err
    hrefs: list[str] = page.eval_on_selector_all(  # read at once, not link by link
        ".md-search-result__item > a.md-search-result__link",
        "links => links.map(link => link.getAttribute('href'))")
    return hrefs


def in_language(site_url: str, lang: str, href: str) -> bool:
    path = href.removeprefix(site_url)
    return path.startswith("en/") if lang == "en" else not path.startswith("en/")


@pytest.mark.parametrize(("lang", "query"), [("da", "patienter"), ("en", "patients")])
def test_search_finds_pages_in_the_readers_language_only(
    page: Any, site_url: str, built_site: Path, lang: str, query: str
) -> None:
    hits = search(page, site_url, lang, query)
    assert hits, f"no results for {query!r} on the {lang} site"
    assert all(in_language(site_url, lang, href) for href in hits), hits
    assert page.index_requests == [f"{site_url}{PREFIX[lang]}search/search_index.json"]
    assert page.locator("html").get_attribute("lang") == lang


@pytest.mark.parametrize(("lang", "other", "word"), [
    ("da", "en", "dissemination"), ("en", "da", "stigmatiserende")])
def test_a_word_only_the_other_language_uses_finds_nothing(
    page: Any, site_url: str, built_site: Path, lang: str, other: str, word: str
) -> None:
    assert word in index_words(built_site, other) and word not in index_words(built_site, lang)
    assert search(page, site_url, lang, word) == []
    none = {"da": "Ingen resultater fundet", "en": "No matching documents"}[lang]
    assert page.locator(".md-search-result__meta").inner_text() == none


def test_danish_search_stems_danish_words(page: Any, site_url: str, built_site: Path) -> None:
    # "patienternes" (the patients', definite genitive plural) is on no page; "patienter" is
    words = index_words(built_site, "da")
    assert "patienternes" not in words and "patienter" in words
    hits = search(page, site_url, "da", "patienternes")
    assert hits and all(in_language(site_url, "da", href) for href in hits)
    # the words found are highlighted, and none is reported missing
    assert page.locator(".md-search-result mark", has_text="patienter").count() > 0
    assert page.locator(".md-search-result del").count() == 0
    assert {h.split("?")[0] for h in hits} == \
        {h.split("?")[0] for h in search(page, site_url, "da", "patienter")}
