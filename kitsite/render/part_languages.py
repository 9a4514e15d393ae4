"""The language of each heading of a built page, so that the theme marks titles shown outside
the page's text (the menu, the table of contents, the header, the previous/next links) with
their language, as the page's text already is.

Owns: finding a heading's language in the page's HTML (the ``lang`` of the element around it,
or of the one element its whole text is in: ``<h1><span lang="en">…</span></h1>``), and giving
a heading in another language than the page's the title Material shows for it (its
``typeset`` title, which ``partials/nav-item.html`` and ``partials/toc-item.html`` already
show, and ``partials/header.html`` and ``partials/footer.html`` here too): the same text in a
``<span>`` with its ``lang`` (and ``dir`` when that differs). No MkDocs.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser
from typing import Any

from kitsite.render.text_direction import text_direction

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
         "track", "wbr"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


class _HeadingLanguages(HTMLParser):
    """Every heading with an id: the languages its text is written in."""

    def __init__(self, page_lang: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = [("", page_lang)]
        self.heading: tuple[str, str, set[str]] | None = None  # tag, id, languages
        self.found: dict[str, tuple[int, str | None]] = {}
        """By heading id: its level and its language (None: several)."""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        values = dict(attrs)
        self.stack.append((tag, values.get("lang") or self.stack[-1][1]))
        if tag in _HEADINGS and values.get("id") and self.heading is None:
            self.heading = (tag, str(values["id"]), set())

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or not any(open_tag == tag for open_tag, _ in self.stack[1:]):
            return
        while self.stack[-1][0] != tag:
            self.stack.pop()
        self.stack.pop()
        if self.heading is not None and self.heading[0] == tag:
            _, heading_id, languages = self.heading
            self.found[heading_id] = (int(tag[1]),
                                      next(iter(languages)) if len(languages) == 1 else None)
            self.heading = None

    def handle_data(self, data: str) -> None:
        if self.heading is not None and data.strip():
            self.heading[2].add(self.stack[-1][1])


def heading_languages(page_html: str, page_lang: str) -> dict[str, tuple[int, str | None]]:
    """Each heading's level and language by its id (None where its text mixes languages)."""
    parser = _HeadingLanguages(page_lang)
    parser.feed(page_html)
    parser.close()
    return parser.found


def marked_title(text: str, text_lang: str, page_lang: str) -> str:
    """``text`` (HTML) in an element that says its language, and its direction if that
    differs from the page's."""
    direction = text_direction(text_lang)
    dir_attr = f' dir="{direction}"' if direction != text_direction(page_lang) else ""
    return f'<span lang="{html.escape(text_lang)}"{dir_attr}>{text}</span>'


def mark_title_languages(page: Any, page_html: str, page_lang: str) -> None:
    """Give ``page`` (a MkDocs page) and each of its table-of-contents entries in another
    language than ``page_lang`` a ``typeset`` title that says its language."""
    found = heading_languages(page_html, page_lang)
    title_lang: str | None = None
    for anchor in _anchors(page.toc):
        level, lang = found.get(anchor.id, (0, None))
        if lang is not None and lang != page_lang:
            anchor.typeset = {"title": marked_title(anchor.title, lang, page_lang)}
        if level == 1 and title_lang is None:
            title_lang = lang or page_lang
    if title_lang is not None and title_lang != page_lang and page.title:
        # the title is HTML already: the kits plugin escapes a front matter title, MkDocs the
        # text of a heading
        page.typeset = {"title": marked_title(page.title, title_lang, page_lang)}


def _anchors(toc: Any) -> list[Any]:
    """Every entry of a table of contents, children after their parent."""
    anchors: list[Any] = []
    for item in toc:
        anchors.append(item)
        anchors.extend(_anchors(item.children))
    return anchors
