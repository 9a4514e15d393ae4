"""Quotation marks: which marks open a quote and which close it, and quoting a text in the
marks of a language.

Owns: :data:`QUOTE_PAIRS` (the language check reads quoted speech by them too) and
:func:`quote`, the one rule by which generated pages quote a title or a text: in the page's
language's marks (the ``quotes`` label: Danish »…«, English “…”), with the quotes inside the
text turned into that language's inner marks (›…‹, ‘…’) and a straight apostrophe inside a
word into a typographic one. Templates call it as the ``quote`` filter, or, for a text in
another language than the page's, through the ``quoted`` macro (templates/macros.md.j2), which
puts the page's marks around the text's language mark.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

QUOTE_PAIRS: dict[str, str] = {"“": "”", "”": "”", '"': '"', "»": "«", "„": "“", "«": "»"}
"""Each mark that opens a quote, with the mark that closes it."""

_QUOTED = re.compile("|".join(
    f"{re.escape(opening)}([^\n{re.escape(opening + closing)}]*){re.escape(closing)}"
    for opening, closing in QUOTE_PAIRS.items()))
_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")


def quote(text: str, quotes: Mapping[str, str]) -> str:
    """``text`` in the marks ``quotes`` gives (``open``, ``close``, and ``inner_open`` and
    ``inner_close`` for the quotes already in ``text``)."""
    return f"{quotes['open']}{inner_quotes(text, quotes)}{quotes['close']}"


def inner_quotes(text: str, quotes: Mapping[str, str]) -> str:
    """``text`` with its own quotes in the inner marks of ``quotes`` and each apostrophe
    inside a word typographic: what :func:`quote` puts between its marks."""
    def inner(match: re.Match[str]) -> str:
        quoted = next(group for group in match.groups() if group is not None)
        return f"{quotes['inner_open']}{quoted}{quotes['inner_close']}"

    return _QUOTED.sub(inner, _APOSTROPHE.sub("’", text))
