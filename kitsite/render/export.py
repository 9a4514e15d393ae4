"""Writing a docs folder: hand-written docs and generated pages side by side.

Owns: mirroring ``docs/`` into a folder and writing the generated Markdown next to it, for
tools that read a folder of ordinary source files (the build itself takes the generated pages
from memory; ``scripts/bench.py`` writes its hand-written twin with this). Writes a file only
when its bytes change and removes files that are no longer produced.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Mapping
from pathlib import Path

from kitsite.content.docs_pages import visible_files
from kitsite.render.pages import GeneratedPage


def stage(
    docs_dir: Path, generated: Mapping[str, Iterable[GeneratedPage]], staging_dir: Path,
) -> int:
    """Make ``staging_dir`` hold ``docs_dir`` plus ``generated[lang]`` under ``<lang>/``.

    Hand-written pages win over generated ones with the same path. Returns how many files
    were written or removed.
    """
    wanted: dict[str, bytes | Path] = {}
    for lang, pages in generated.items():
        for page in pages:
            wanted[f"{lang}/{page.src_uri}"] = page.markdown.encode("utf-8")
    for src in visible_files(docs_dir):
        wanted[src.relative_to(docs_dir).as_posix()] = src
    existing = {path.relative_to(staging_dir).as_posix(): path
                for path in visible_files(staging_dir)}
    made: set[Path] = set()  # one mkdir per folder, not one per file
    changes = 0
    for rel, source in wanted.items():
        target = staging_dir / rel
        if rel in existing and _unchanged(target, source):
            continue
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        _write(target, source)
        changes += 1
    for rel, path in existing.items():
        if rel not in wanted:
            path.unlink()
            changes += 1
            _remove_empty_parents(path.parent, staging_dir)
    return changes




def _unchanged(target: Path, source: bytes | Path) -> bool:
    """Whether the staged file already holds ``source`` (docs files: same size and mtime)."""
    stat = target.stat()
    if isinstance(source, Path):
        original = source.stat()
        return stat.st_size == original.st_size and int(stat.st_mtime) == int(original.st_mtime)
    return stat.st_size == len(source) and target.read_bytes() == source


def _write(target: Path, source: bytes | Path) -> None:
    if isinstance(source, Path):
        shutil.copy2(source, target)
    else:
        target.write_bytes(source)


def _remove_empty_parents(folder: Path, root: Path) -> None:
    """Remove ``folder`` and its parents up to ``root`` while they are empty."""
    while folder != root and folder.is_relative_to(root):
        try:
            folder.rmdir()
        except OSError:  # not empty
            return
        folder = folder.parent
