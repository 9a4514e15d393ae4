"""Writing a docs folder: hand-written docs and generated pages side by side.

Owns: writing ``docs/`` and the generated Markdown into one new folder, for tools that read a
folder of ordinary source files (the build itself takes the generated pages from memory;
``scripts/dev/bench.py`` writes its hand-written twin with this).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Mapping
from pathlib import Path

from kitsite.content.docs_pages import visible_files
from kitsite.render.pages import GeneratedPage


def write_docs_folder(
    docs_dir: Path, generated: Mapping[str, Iterable[GeneratedPage]], out_dir: Path,
) -> int:
    """Write ``docs_dir`` plus ``generated[lang]`` under ``<lang>/`` into ``out_dir``, which
    is made afresh (what it held before is removed). Hand-written pages win over generated
    ones with the same path. Returns how many files were written."""
    shutil.rmtree(out_dir, ignore_errors=True)
    wanted: dict[str, bytes | Path] = {}
    for lang, pages in generated.items():
        for page in pages:
            wanted[f"{lang}/{page.src_uri}"] = page.markdown.encode("utf-8")
    for src in visible_files(docs_dir):
        wanted[src.relative_to(docs_dir).as_posix()] = src
    for rel, source in wanted.items():
        target = out_dir / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(source, Path):
            shutil.copy2(source, target)
        else:
            target.write_bytes(source)
    return len(wanted)
