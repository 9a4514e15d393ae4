"""The small, safe subset of Markdown allowed in kit text.

Owns: deciding whether a text field uses something editors may not use (raw HTML tags,
``javascript:`` or other script links). Emphasis, links, lists and quotes are fine;
anything else that looks like markup is reported so that it never reaches a page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# [^<>]* already takes spaces and '/': a tag is '<name', then anything but '<' and '>', then
# '>' (no second run of spaces after it, which made a tag full of spaces take minutes)
_HTML_TAG = re.compile(r"</?\s*([a-zA-Z][a-zA-Z0-9-]*)(?:[\s/][^<>]*)?>")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_AUTOLINK = re.compile(r"<(https?://|mailto:)[^<>\s]+>")
_LINK_TARGET = re.compile(  # [text](target "title"), allowing one level of () in the target
    r"\]\(\s*<?((?:[^\s()<>]|\([^\s()<>]*\))+)>?(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)"
)
_REFERENCE = re.compile(r"^\s{0,3}\[(?!\^)[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
_BAD_SCHEME = re.compile(r"^\s*(javascript|vbscript|data|file):", re.IGNORECASE)

MARKDOWN_HELP = "*emphasis*, **strong**, [link text](https://example.org), lines starting with '- '"


@dataclass(frozen=True)
class Unsafe:
    """One construct that may not be used: the text as written, and what to say about it."""

    snippet: str
    message: str


def link_targets(text: str) -> list[str]:
    """Every link target in ``text``: ``[a](target)``, ``![a](target)`` and ``[a]: target``."""
    if "]" not in text:  # most texts: no link at all
        return []
    targets = [m.group(1) for m in _LINK_TARGET.finditer(text)]
    return targets + [m.group(1) for m in _REFERENCE.finditer(text)]


def unsafe_markdown(text: str) -> list[Unsafe]:
    """Each unsafe construct in ``text`` (each HTML tag name once); empty when safe."""
    found: list[Unsafe] = []
    if "<" not in text and "]" not in text:  # no tag, comment or link: nothing to look at
        return found
    without_autolinks = defuse_unclosed(_AUTOLINK.sub("", text), "<!--", "-->")
    for comment in _HTML_COMMENT.finditer(without_autolinks):
        found.append(Unsafe("<!--", (
            f"expected Markdown, found an HTML comment {_short(comment.group(0))!r} — "
            "delete it (comments belong in the YAML, on lines starting with '#')"
        )))
    seen: set[str] = set()
    for match in _HTML_TAG.finditer(_HTML_COMMENT.sub("", without_autolinks)):
        name = match.group(1).lower()
        if name in seen:
            continue
        seen.add(name)
        found.append(Unsafe(match.group(0), (
            f"expected Markdown, found raw HTML {match.group(0)!r} — HTML is not allowed in "
            f"kit text; use Markdown instead: {MARKDOWN_HELP}"
        )))
    for target in link_targets(text):
        if _BAD_SCHEME.match(target):
            found.append(Unsafe(target, (
                f"expected a link to a web page (https://...) or a page of the site (/staff/), "
                f"found {target!r} — script and data links are not allowed; link to a page "
                "instead or remove the link"
            )))
    return found


def defuse_unclosed(text: str, opener: str, closer: str) -> str:
    """``text`` with every ``opener`` that no ``closer`` follows blanked out, at the same
    length (positions stay): a pattern such as ``<!--.*?-->`` then never searches to the end
    of the text once for each of them, which took minutes for a text full of ``<!--``."""
    last = text.rfind(closer)
    tail = last + len(closer) if last >= 0 else 0
    if opener not in text[tail:]:
        return text
    return text[:tail] + text[tail:].replace(opener, " " * len(opener))


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
