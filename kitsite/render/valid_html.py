"""Valid HTML where the theme's own markup is not, and no template override reaches it.

Owns: taking ``autocomplete`` off the theme's checkboxes (the drawer and search toggles, which
Material writes in ``base.html`` outside any block): HTML allows the attribute on text-like
inputs only, and the W3C Nu HTML Checker (``make audit``, tests/test_valid_html.py) counts it
as an error on every page. Material sets it to keep Firefox from restoring a toggle's state on
reload; ``overrides/assets/javascripts/toggles.js`` closes them on every page show instead.
Everything the templates can fix is fixed in ``overrides/``. No MkDocs.
"""

from __future__ import annotations

import re

_CHECKBOX_AUTOCOMPLETE = re.compile(
    r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="[^"]*"', re.IGNORECASE)


def without_checkbox_autocomplete(html: str) -> str:
    """``html`` with the ``autocomplete`` attribute taken off every checkbox."""
    return _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)
