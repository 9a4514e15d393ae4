"""Golden tests of ``kits check``: one small content folder per kind of mistake.

Each folder under tests/golden/ holds ``content/`` (site.yml and one or two kit files, plus
``docs/`` where links are checked and ``mkdocs.yml`` where its languages are) and
``expected.txt``: the exact output of ``kits check --content content`` run in a copy of that
folder. A language whose ``labels.yml`` the case does not hold gets the real project's (labels
are site content every language needs; a case about labels brings its own). The exit code must
be 1 when the count line reports errors and 0 otherwise.

What git cannot hold, or should not, is made in the copy before the check runs, by the lines of
an optional ``setup.txt`` (``#`` starts a comment):

- ``symlink PATH TARGET``: a symlink at PATH to TARGET (such as /etc/passwd), as a hostile
  pull request could add;
- ``repeat PATH MARKER COUNT TEXT``: MARKER in the file PATH becomes TEXT written COUNT times
  (a 20 MB file, a text of 100 001 characters);
- ``fill-labels PATH LANG``: every label of the real ``content/LANG/labels.yml`` that the
  labels file PATH lacks is added at its end (its own lines keep their numbers), so a case
  about some labels holds only those and a label added to the site does not change it.

After changing a message on purpose, rewrite the files with
``make golden`` and read the diff of
every expected.txt before committing it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from helpers.commands import run_kits
from helpers.projects import fill_labels

GOLDEN = Path(__file__).resolve().parent.parent / "golden"
REAL_CONTENT = GOLDEN.parent.parent / "content"
CASES = sorted(p.name for p in GOLDEN.iterdir() if (p / "content").is_dir())
LINE = re.compile(r"^(?P<path>[^:\s]+):(?P<line>\d+): (?:warning: )?"
                  r"(?:(?P<key>[\w\[\].]+): )?(?P<message>.+)$")
FOUND = re.compile(r"found [^'\"]*?(?:'([^']+)'|\"([^\"]+)\")")


def prepared_copy(case: str, where: Path) -> Path:
    """A copy of the case's folder with what its ``setup.txt`` says made in it."""
    folder = where / case
    shutil.copytree(GOLDEN / case, folder, symlinks=True)
    setup = GOLDEN / case / "setup.txt"
    lines = setup.read_text(encoding="utf-8").splitlines() if setup.exists() else []
    for line in lines:
        words = line.split("#", 1)[0].split()
        if not words:
            continue
        if words[0] == "symlink":
            (folder / words[1]).parent.mkdir(parents=True, exist_ok=True)
            os.symlink(words[2], folder / words[1])
        elif words[0] == "repeat":
            path, marker, count, text = folder / words[1], words[2], int(words[3]), words[4]
            original = path.read_text(encoding="utf-8")
            assert marker in original, f"{case}/setup.txt: no {marker} in {words[1]}"
            path.write_text(original.replace(marker, text * count), encoding="utf-8")
        elif words[0] == "fill-labels":
            fill_labels(folder / words[1], REAL_CONTENT / words[2] / "labels.yml")
        else:
            raise AssertionError(f"{case}/setup.txt: unknown instruction {line!r}")
    for labels in REAL_CONTENT.glob("*/labels.yml"):
        target = folder / "content" / labels.parent.name / labels.name
        inside = folder.resolve() in target.parent.resolve().parents  # not through a symlink
        if not target.exists() and not target.is_symlink() and (
                inside or not target.parent.exists()):
            target.parent.mkdir(exist_ok=True)
            shutil.copy(labels, target)
    return folder


def run_check(case: str, where: Path) -> subprocess.CompletedProcess[str]:
    return run_kits(["check", "--content", "content"], prepared_copy(case, where))


def expected_output(case: str) -> str:
    return (GOLDEN / case / "expected.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("case", CASES)
def test_kits_check_prints_the_expected_problems(case: str, tmp_path: Path) -> None:
    result = run_check(case, tmp_path)
    if os.environ.get("KITS_UPDATE_GOLDEN"):
        (GOLDEN / case / "expected.txt").write_text(result.stdout, encoding="utf-8")
    assert result.stderr == ""
    assert result.stdout == expected_output(case)
    has_errors = re.match(r"[1-9]\d* errors?", result.stdout.splitlines()[-1]) is not None
    assert result.returncode == (1 if has_errors else 0)


@pytest.mark.parametrize("case", CASES)
def test_every_message_says_where_what_was_expected_found_and_how_to_fix(case: str) -> None:
    lines = expected_output(case).splitlines()
    *problems, count = lines
    assert re.fullmatch(r"\d+ errors?(, \d+ warnings?)?|content OK: .*", count)
    for text in problems:
        match = LINE.match(text)
        assert match, f"not 'path:line: key: message': {text}"
        message = match["message"]
        assert "expected" in message and "found" in message and " — " in message, text
        assert match["key"] or not message.startswith("expected a"), text  # keys are named


@pytest.mark.parametrize("case", CASES)
def test_each_line_number_points_at_the_offending_value(case: str, tmp_path: Path) -> None:
    folder = prepared_copy(case, tmp_path)
    for text in expected_output(case).splitlines()[:-1]:
        match = LINE.match(text)
        assert match
        if not match["key"] or "found none" in match["message"]:
            continue  # a whole-file problem, or a key that is missing altogether
        source = (folder / match["path"]).read_text(encoding="utf-8").splitlines()
        written = source[int(match["line"]) - 1]
        last = match["key"].split(".")[-1]
        name = re.sub(r"(\[\d+\])+$", "", last)
        found = FOUND.search(match["message"])
        snippet = (found[1] or found[2]) if found else ""
        in_flow_list = last.endswith("]") and "[" in written.partition(":")[2]
        assert (f"{name}:" in written and (not last.endswith("]") or in_flow_list)) or (
            snippet and snippet in written) or written.lstrip().startswith("- "), text


def test_every_error_class_of_the_issue_has_a_case() -> None:
    wanted = {
        "yaml-syntax-error", "wrong-type", "missing-required-key", "unknown-key",
        "impossible-durations", "empty-question-list", "duplicate-kit-id", "duplicate-video-id",
        "id-not-url-safe", "duration-differs-across-languages",
        "video-id-typo-across-languages", "untranslated-video-is-fine", "not-utf8",
        "empty-file", "broken-links", "raw-html", "javascript-link",
    }
    assert wanted <= set(CASES)


def test_every_settings_mistake_of_issue_11_has_a_case() -> None:
    wanted = {
        "site-typo-key", "site-minutes-not-a-number", "site-minutes-zero",
        "site-fallback-problems", "labels-yaml-error", "labels-missing-keys",
        "labels-unknown-placeholder", "labels-wrong-plural-categories",
        "language-guide-problems", "mkdocs-languages-mismatch",
    }
    assert wanted <= set(CASES)


def test_every_hostile_input_of_issue_17_has_a_case() -> None:
    """Bounded parsing, nothing from outside the project, page collisions (issue 17)."""
    wanted = {
        "alias-bomb", "alias-recursive", "nesting-too-deep", "yaml-tags", "control-characters",
        "file-too-large", "text-too-long", "one-line-text-too-long", "id-too-long",
        "yaml-oddities-are-text", "docs-page-not-readable", "docs-front-matter",
        "media-outside-docs", "media-symlink-out", "docs-symlinks", "content-symlinks",
        "page-collisions",
    }
    assert wanted <= set(CASES)


def test_nothing_from_outside_the_project_is_printed(tmp_path: Path) -> None:
    """Content files that are symlinks to /etc/passwd are refused unread: no line of it
    appears in a message (which a CI runner would publish in its log)."""
    result = run_check("content-symlinks", tmp_path)
    passwd = Path("/etc/passwd").read_text(encoding="utf-8").splitlines()
    assert passwd and not any(line in result.stdout for line in passwd if len(line) > 8)
