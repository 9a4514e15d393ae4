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
from helpers.site_search import search_results

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




def search(page: Any, site_url: str, lang: str, query: str) -> list[str]:
    """Type ``query`` into the search field of ``lang``'s home page; the result links."""
    return search_results(page, f"{site_url}{PREFIX[lang]}", query)


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
