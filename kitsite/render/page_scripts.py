"""Which of the site's own scripts a page loads: only those it uses.

Owns: the table of scripts that serve particular elements (:data:`SCRIPT_NEEDS`: the script's
file name and the markup a page needs for it to do anything), and taking a script's tag out of a
built page that has no such markup. ``mkdocs.yml`` still lists every script in
``extra_javascript`` (MkDocs copies them and the theme links them on every page); the ``kits``
plugin calls :func:`without_unused_scripts` on each page after it is rendered, so a reader's
first visit loads, parses and runs only what the page needs (issue 16).
"""

from __future__ import annotations

import re

SCRIPT_NEEDS: dict[str, str] = {
    "video-consent.js": 'class="video-consent"',
}
"""A script's file name, and a piece of markup without which it has nothing to do on a page
(video-consent.js waits for a press on a video's button, templates/video.md.j2)."""

_SCRIPT_TAG = re.compile(r'[ \t]*<script\b[^>]*\bsrc="(?P<src>[^"]*)"[^>]*>\s*</script>\n?')


def without_unused_scripts(html: str) -> str:
    """``html`` without the tags of the scripts in :data:`SCRIPT_NEEDS` it has no use for."""
    def keep_or_drop(tag: re.Match[str]) -> str:
        name = tag.group("src").split("?", 1)[0].rsplit("/", 1)[-1]
        needs = SCRIPT_NEEDS.get(name)
        return tag.group(0) if needs is None or needs in html else ""

    return _SCRIPT_TAG.sub(keep_or_drop, html)
