"""How much a content file may hold: the limits that keep every tool fast and every file name valid.

Owns: the numbers, each in one place. :mod:`kitsite.content.yamldoc` applies the limits on reading
(file size, nesting, values counted with their aliases expanded, length of a text or key),
:mod:`kitsite.content.validate` the ones that depend on a key's kind (ids, one-line texts), and the
editor's guide (docs/<lang>/editors.md, "Limits") states them; a test keeps the two in step.

Each is generous for real content (the largest kit file is about 9 KB, its deepest value
5 levels down, its longest id 26 characters, its longest one-line text under 250 characters and
its longest Markdown text under 2 000) and small enough that no file can keep ``kits check``
busy for longer than a file of this size takes to read.
"""

from __future__ import annotations

MAX_FILE_BYTES = 1_000_000
"""A YAML file (kit, site.yml, labels.yml, language-guide.yml) or a page under docs/: 1 MB."""

MAX_DEPTH = 20
"""Blocks and lists inside each other (a kit's captions are 5 levels down)."""

MAX_VALUES = 20_000
"""Values (texts, numbers, lists, blocks) in one YAML file, each use of an alias counted as the
values it repeats: what stops an alias "bomb" before it is expanded."""

MAX_TEXT_CHARS = 100_000
"""One text in a YAML file: the longest Markdown text, such as a transcript."""

MAX_SHORT_TEXT_CHARS = 1_000
"""A one-line text (a title, audience, summary, question, source) and a key."""

MAX_ID_CHARS = 64
"""An id: it is part of file and folder names (``<kit>.yml``, ``<kit>-<lang>.pdf``, the folder
``kits/<kit>/<video>/`` of a video page), which systems limit to 255 bytes each."""
