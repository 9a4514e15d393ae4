"""A text file's lines as the YAML parser counts them, and the line ending the file uses.

Owns: the two facts an edit needs to leave every line it does not touch byte for byte: where
lines break (so that the parser's line numbers index the list, and joining the list gives the
text back exactly), and which ending new lines get (``\\r\\n`` in a file written on Windows).
"""

from __future__ import annotations

import re

YAML_BREAKS = "\r\n\x85\u2028\u2029"
"""The characters PyYAML and libyaml count as line breaks (``\\r\\n`` counts once)."""
_LINE = re.compile(f"[^{YAML_BREAKS}]*(?:\r\n|[{YAML_BREAKS}])|[^{YAML_BREAKS}]+\\Z")


def newline_of(text: str) -> str:
    """The line ending for new lines: ``\\r\\n`` when the text has any, else ``\\n``."""
    return "\r\n" if "\r\n" in text else "\n"


def yaml_lines(text: str) -> list[str]:
    """``text`` split into lines where YAML breaks them, each with its ending.

    ``"".join(yaml_lines(text)) == text``. Unlike ``str.splitlines``, form feeds and the other
    separators the parser does not count stay inside their line."""
    return _LINE.findall(text)


def ends_a_line(text: str) -> bool:
    """Whether ``text`` ends with a line break (or is empty)."""
    return not text or text[-1] in YAML_BREAKS
