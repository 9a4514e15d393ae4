"""The folder MkDocs reads: hand-written docs and generated pages side by side.

Owns: mirroring ``docs/`` into a staging folder and writing the generated Markdown next to
it, so that MkDocs and mkdocs-static-i18n see only ordinary source files. Writes a file only
when its bytes change and removes files that are no longer produced, so a live-reloading
server sees exactly what changed.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable, Mapping
from pathlib import Path

from kitsite.pages import GeneratedPage


def stage(
    docs_dir: Path, generated: Mapping[str, Iterable[GeneratedPage]], staging_dir: Path
) -> int:
    """Make ``staging_dir`` hold ``docs_dir`` plus ``generated[lang]`` under ``<lang>/``.

    Hand-written pages win over generated ones with the same path. Returns how many files
    were written or removed.
    """
    wanted: dict[Path, bytes | Path] = {}
    for lang, pages in generated.items():
        for page in pages:
            wanted[Path(lang) / page.src_uri] = page.markdown.encode("utf-8")
    for src in _walk(docs_dir):
        wanted[src.relative_to(docs_dir)] = src
    changes = 0
    staging_dir.mkdir(parents=True, exist_ok=True)
    for rel, source in wanted.items():
        if _write_if_changed(staging_dir / rel, source):
            changes += 1
    for existing in list(_walk(staging_dir)):
        if existing.relative_to(staging_dir) not in wanted:
            existing.unlink()
            changes += 1
    _remove_empty_dirs(staging_dir)
    return changes


def _walk(root: Path) -> Iterable[Path]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if not name.startswith("."):
                yield Path(dirpath) / name


def _write_if_changed(target: Path, source: bytes | Path) -> bool:
    if isinstance(source, Path):
        if target.exists():
            s, t = source.stat(), target.stat()
            if s.st_size == t.st_size and int(s.st_mtime) == int(t.st_mtime):
                return False
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
        return True
    if target.exists() and target.read_bytes() == source:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(source)
    return True


def _remove_empty_dirs(root: Path) -> None:
    for dirpath, _dirnames, _filenames in sorted(os.walk(root), reverse=True):
        path = Path(dirpath)
        if path != root and not any(path.iterdir()):
            path.rmdir()
