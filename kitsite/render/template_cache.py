"""Compiled Jinja templates kept in memory for the life of the process.

Owns: a bytecode cache shared by every Jinja environment that asks for it. MkDocs makes a new
theme environment for each language pass and for every ``mkdocs serve`` rebuild, and compiles
the Material theme's templates again each time (about half a second here); with this cache a
template is compiled once per process and again only when its source changes (Jinja checks a
checksum of the source before it uses cached bytecode).
"""

from __future__ import annotations

import jinja2


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """Jinja bytecode in a dict; entries are replaced when a template's source changes."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.store.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self.store.clear()


SHARED = MemoryBytecodeCache()
"""The cache the MkDocs adapter gives the theme's environment."""
