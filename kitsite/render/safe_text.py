"""Text from content files as it goes into a generated Markdown page: words, never markup.

Owns: turning a text an editor or translator wrote (a kit title, a video's description, a
label, a language guide entry) into Markdown that can only mean that text:

- :func:`plain_markdown` for plain-text fields (titles, names, partners, audience...: the
  spec's ``text`` fields and lists of them): every character Markdown or HTML would read as
  markup is written as an escape or an entity, so ``*x*`` shows the stars and ``<b>`` the tag.
- :func:`content_markdown` for Markdown fields (``about``, ``description``, questions...):
  emphasis, strong, links, lists and code spans work; raw HTML does not (``<`` is written as
  ``&lt;``, except in an autolink ``<https://...>``), and attribute lists do
  not (``{`` is written as ``&#123;``), so ``Para.{: onclick=... }`` stays text.
- :func:`label_markdown`: a label, like content Markdown, but its own ``{placeholders}`` kept
  for :func:`kitsite.content.labels.fill`.

This is the first of two layers: the Markdown MkDocs renders from a generated page holds no
HTML and no attribute list from content, and :mod:`kitsite.render.safe_html` then cleans the
page's HTML with an allowlist, whatever the text held. :mod:`kitsite.content.markdown_safety`
is the check that tells editors what will not work; safety does not depend on it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_ALWAYS_ESCAPED = re.compile(r"([\\`*_{}\[\]#])")
"""Markup wherever it stands (emphasis, code, links, attribute lists, a heading's closing
``#``), written with a backslash, which Python-Markdown removes."""
_AS_ENTITY = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "|": "&#124;"}
"""Markup no backslash escapes: HTML, quotes (``>``), table cells (``|``)."""
_LINE_START = re.compile(r"^([ \t]*)([-+!]|\d+(?=[.)]))", re.MULTILINE)
"""What makes markup only at the start of a line: a list item (``- ``, ``+ ``, ``1.``), an
admonition (``!!!``)."""
_RULE_LINE = re.compile(r"^[ \t]*[=-][=\- \t]*$", re.MULTILINE)
"""A line of ``===`` or ``---``, which would make the line above a heading."""
_AUTOLINK = re.compile(r"<(?:https://|mailto:)[^<>\s\"'`]+>", re.IGNORECASE)
_BRACE = re.compile(r"[{}]")


def plain_markdown(text: str) -> str:
    """``text`` as Markdown that shows exactly these characters, with no markup at all."""
    escaped = _ALWAYS_ESCAPED.sub(r"\\\1", text)
    escaped = "".join(_AS_ENTITY.get(char, char) for char in escaped)
    escaped = _RULE_LINE.sub(lambda m: m.group(0).replace("=", "&#61;").replace("-", "&#45;"),
                             escaped)
    return _LINE_START.sub(_escape_line_start, escaped)


def _escape_line_start(match: re.Match[str]) -> str:
    indent, marker = match.group(1), match.group(2)
    if marker.isdigit():  # "1984. A year" is no list: the dot escaped (after this match)
        return f"{indent}{marker}\\"
    return f"{indent}\\{marker}"


def content_markdown(text: str) -> str:
    """``text`` as Markdown with its emphasis, links and lists, but no raw HTML and no
    attribute list: every ``<`` that does not open an ``<https://...>`` or ``<mailto:...>``
    autolink becomes ``&lt;``, and ``{`` and ``}`` become entities (in code spans too, where
    they then show as written: ``&lt;``)."""
    pieces, last = [], 0
    for match in _AUTOLINK.finditer(text):
        pieces.append(_no_html(text[last:match.start()]))
        pieces.append(match.group(0))
        last = match.end()
    pieces.append(_no_html(text[last:]))
    return "".join(pieces)


def label_markdown(text: str, placeholders: Iterable[str] = ()) -> str:
    """A label as :func:`content_markdown` does it, with the ``{name}`` of each of
    ``placeholders`` left as written, for :func:`~kitsite.content.labels.fill`."""
    kept = {f"{{{name}}}" for name in placeholders}
    if not kept:
        return content_markdown(text)
    pattern = re.compile("|".join(re.escape(p) for p in sorted(kept)))
    pieces, last = [], 0
    for match in pattern.finditer(text):
        pieces.append(content_markdown(text[last:match.start()]))
        pieces.append(match.group(0))
        last = match.end()
    pieces.append(content_markdown(text[last:]))
    return "".join(pieces)


def _no_html(text: str) -> str:
    return _BRACE.sub(lambda m: "&#123;" if m.group(0) == "{" else "&#125;",
                      text.replace("<", "&lt;"))
