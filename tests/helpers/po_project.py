"""Helpers for the PO tests: a copy of the real project and the verbs the tests use.

Owns: copying the real ``content/``, ``docs/`` and ``mkdocs.yml`` into a temporary folder,
running ``kits`` there (in-process, as typed at the project root), fingerprinting every
file to prove that nothing was written, and editing exported PO files with polib as a PO
editor (Poedit) would.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import polib
import pytest

from helpers.projects import ROOT
from kitsite.cli.main import main

MSGFMT = "/usr/bin/msgfmt"


def copy_project(target: Path) -> Path:
    for name in ("content", "docs"):
        shutil.copytree(ROOT / name, target / name)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


def kits(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def snapshot(root: Path) -> dict[str, str]:
    """Every file of ``content/`` and ``docs/`` by path, with a hash of its bytes."""
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for folder in ("content", "docs") for p in sorted((root / folder).rglob("*"))
            if p.is_file()}


def edit_po(path: Path, change: Callable[[polib.POEntry], None]) -> None:
    """Change entries as a PO editor would, and save the file the way polib writes it."""
    po = polib.pofile(str(path))
    for entry in po:
        change(entry)
    po.metadata["Last-Translator"] = "A Volunteer <volunteer@example.org>"
    po.save()


def translate(path: Path, translations: dict[str, str], *, fuzzy: bool = False) -> None:
    """Give the entries of ``translations`` (by msgctxt) their translation; a translated
    entry loses its fuzzy mark unless ``fuzzy``."""
    def change(entry: polib.POEntry) -> None:
        if entry.msgctxt in translations:
            entry.msgstr = translations[entry.msgctxt]
            if "fuzzy" in entry.flags and not fuzzy:
                entry.flags.remove("fuzzy")
            if fuzzy and "fuzzy" not in entry.flags:
                entry.flags.append("fuzzy")
    edit_po(path, change)


def msgfmt_check(path: Path) -> subprocess.CompletedProcess[str]:
    if not Path(MSGFMT).exists():
        pytest.fail(f"{MSGFMT} is missing: run 'make test', which installs Debian's gettext")
    return subprocess.run([MSGFMT, "--check", "--output-file", os.devnull, str(path)],
                          capture_output=True, text=True, check=False)
