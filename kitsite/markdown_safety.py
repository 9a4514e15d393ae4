"""The small, safe subset of Markdown allowed in kit text.

Owns: deciding whether a text field uses something editors may not use (raw HTML tags,
``javascript:`` or other script links). Emphasis, links, lists and quotes are fine;
anything else that looks like markup is reported so that it never reaches a page.
"""

from __future__ import annotations

import re

_HTML_TAG = re.compile(r"<\s*/?\s*([a-zA-Z][a-zA-Z0-9-]*)(\s[^<>]*)?/?\s*>")
_AUTOLINK = re.compile(r"<(https?://|mailto:)[^<>\s]+>")
_LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]+)")
_BAD_SCHEME = re.compile(r"^\s*(javascript|vbscript|data):", re.IGNORECASE)


def unsafe_markdown(text: str) -> list[str]:
    """Messages for each unsafe construct in ``text``; empty when the text is safe."""
    messages: list[str] = []
    without_autolinks = _AUTOLINK.sub("", text)
    for match in _HTML_TAG.finditer(without_autolinks):
        messages.append(
            f"raw HTML <{match.group(1)}> is not allowed, found {match.group(0)!r} — "
            "use Markdown: *emphasis*, [link text](https://example.org), '- ' list items"
        )
    for match in _LINK_TARGET.finditer(text):
        target = match.group(1)
        if _BAD_SCHEME.match(target):
            messages.append(
                f"links must go to a web page or a page of the site, found {target!r} — "
                "use a link like [text](https://example.org) or [text](../staff.md)"
            )
    return messages
