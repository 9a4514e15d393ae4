"""Golden tests of ``kits po import``'s refusals: one small content folder and PO file per
kind of mistake.

Each folder under tests/golden-po/ holds ``content/`` (site.yml and a kit in Danish and
English), ``po/`` (the PO files a translator sends back, made by ``kits po export`` and then
broken in one way) and ``expected.txt``: exactly what ``kits po import`` prints for them.
Every case must be refused (exit 1), name the PO file's line of each mistake in the
compiler format, and write nothing. The real project's labels are copied in (every language
needs them).

After changing a message on purpose, rewrite the files with
``make golden`` and read the diff of every
expected.txt before committing it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from helpers.commands import run_kits
from helpers.po_project import snapshot

GOLDEN = Path(__file__).resolve().parent.parent / "golden-po"
REAL_CONTENT = GOLDEN.parent.parent / "content"
CASES = sorted(p.name for p in GOLDEN.iterdir() if (p / "po").is_dir())
LINE = re.compile(r"^(?P<path>[^:\s]+):(?P<line>\d+): (?:(?P<key>[\w-]+): )?(?P<message>.+)$")


def run_import(case: str, tmp_path: Path) -> tuple[subprocess.CompletedProcess[str], Path]:
    folder = tmp_path / case
    shutil.copytree(GOLDEN / case, folder)
    for labels in REAL_CONTENT.glob("*/labels.yml"):
        shutil.copy(labels, folder / "content" / labels.parent.name / labels.name)
    files = sorted(str(p.relative_to(folder)) for p in (folder / "po").rglob("*.po"))
    result = run_kits(["po", "import", *files], folder)
    return result, folder


@pytest.mark.parametrize("case", CASES)
def test_kits_po_import_refuses_with_the_expected_located_messages(
        case: str, tmp_path: Path) -> None:
    folder = tmp_path / "before"
    shutil.copytree(GOLDEN / case, folder)
    result, project = run_import(case, tmp_path)
    if os.environ.get("KITS_UPDATE_GOLDEN"):
        (GOLDEN / case / "expected.txt").write_text(result.stderr, encoding="utf-8")
    assert result.stdout == ""
    assert result.stderr == (GOLDEN / case / "expected.txt").read_text(encoding="utf-8")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    before = {k: v for k, v in snapshot(folder).items()}
    after = {k: v for k, v in snapshot(project).items() if not k.endswith("labels.yml")}
    assert after == before  # nothing written


@pytest.mark.parametrize("case", CASES)
def test_every_message_says_where_what_was_expected_found_and_how_to_fix(case: str) -> None:
    *problems, last = (GOLDEN / case / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert re.fullmatch(r"kits po import: \d+ errors?; nothing was written", last)
    assert problems
    for text in problems:
        match = LINE.match(text)
        assert match, f"not 'path:line: key: message': {text}"
        assert match["path"].startswith("po/") and match["path"].endswith(".po"), text
        message = match["message"]
        assert "expected" in message and "found" in message and " — " in message, text


def test_every_refusal_of_the_issue_has_a_case() -> None:
    assert {"msgctxt-gone", "wrong-folder", "unknown-language", "broken-syntax",
            "duplicate-entry", "not-utf8", "outdated-msgid", "rejected-translation"} <= set(CASES)
