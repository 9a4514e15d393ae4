"""Searching the built site as a reader does, in headless Chromium: Material's search field,
waited for by the words the theme shows (its own translations, so any language works)."""

from __future__ import annotations

from typing import Any

READY = """() => {
    const words = JSON.parse(document.getElementById("__config").textContent).translations;
    const meta = document.querySelector(".md-search-result__meta").textContent.trim();
    return meta === words["search.result.placeholder"];
}"""
"""The field says "Type to start searching": the index is loaded."""
DONE = """() => {
    const words = JSON.parse(document.getElementById("__config").textContent).translations;
    const meta = document.querySelector(".md-search-result__meta").textContent.trim();
    return meta === words["search.result.none"] || meta === words["search.result.one"] ||
        /\\d/.test(meta);
}"""
"""The results of the whole query are shown (none, one, or a count)."""


def search_results(page: Any, url: str, query: str) -> list[str]:
    """Type ``query`` into the search field of the page at ``url``; the result links."""
    page.goto(url)
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
                             f"index requests: {getattr(page, 'index_requests', '?')}") from err
    hrefs: list[str] = page.eval_on_selector_all(  # read at once, not link by link
        ".md-search-result__item > a.md-search-result__link",
        "links => links.map(link => link.getAttribute('href'))")
    return hrefs
