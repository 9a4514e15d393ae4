"""Which way each language is written: left to right, or right to left.

Owns: the direction of a language, taken from Babel's CLDR data (Arabic, Hebrew, Persian and
Urdu are written right to left), so that adding a language to ``site.yml`` is all it takes for
its pages to be marked and laid out in its direction; and setting that direction on a built
page's root element, where the theme's template has no place for it. No MkDocs.
"""

from __future__ import annotations

import functools
import re

import babel

_ROOT_ELEMENT = re.compile(r"<html\b([^>]*)>", re.IGNORECASE)


@functools.cache
def text_direction(language: str) -> str:
    """``"rtl"`` for a language written right to left (``ar``, ``he``), else ``"ltr"``;
    a code that Babel does not know counts as left to right."""
    try:
        return str(babel.Locale.parse(language.replace("-", "_")).text_direction)
    except (ValueError, babel.UnknownLocaleError):
        return "ltr"


def with_document_direction(html: str, direction: str) -> str:
    """``html`` with ``dir`` set on its ``<html>`` element (kept if the element has one)."""
    def mark(match: re.Match[str]) -> str:
        attributes = match.group(1)
        if re.search(r"\sdir\s*=", attributes, re.IGNORECASE):
            return match.group(0)
        return f'<html{attributes} dir="{direction}">'

    return _ROOT_ELEMENT.sub(mark, html, count=1)
