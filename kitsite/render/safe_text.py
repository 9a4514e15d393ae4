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

_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!])")
"""The characters Python-Markdown reads as markup and lets a backslash escape."""
_AS_ENTITY = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "|": "&#124;", "=": "&#61;"}
"""Markup characters no backslash escapes: ``>`` quotes, ``|`` tables, ``===`` headings."""
_AUTOLINK = re.compile(r"<(?:https://|mailto:)[^<>\s\"'`]+>", re.IGNORECASE)
_BRACE = re.compile(r"[{}]")


def plain_markdown(text: str) -> str:
    """``text`` as Markdown that shows exactly these characters, with no markup at all."""
    escaped = _MARKDOWN_PUNCTUATION.sub(r"\\\1", text)
    return "".join(_AS_ENTITY.get(char, char) for char in escaped)


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
