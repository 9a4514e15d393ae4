"""The commands that write content files — ``kits new-video``, ``kits status --confirm``,
``kits schema`` — on a full disk or a read-only folder: one located line, no traceback, exit 1,
and every file byte for byte as it was. And ``--confirm`` on a file with Windows line endings
keeps them. On a copy of the real content; the faults are made in-process (tests/helpers/faults.py).
"""

from __future__ import annotations

import errno
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers.faults import files_in, full_disk, refused

from conftest import ROOT
from kitsite.cli.main import main

KIT = "dialogue-kickstarter"
DA = Path("content/da/kits/dialogue-kickstarter.yml")
EN = Path("content/en/kits/dialogue-kickstarter.yml")
SOURCE_TITLE = 'title: I couldn\'t even spell the word "hope"'

Fault = Callable[[pytest.MonkeyPatch, Path], object]
FAULTS: dict[str, tuple[Fault, str]] = {
    "full disk": (full_disk, "no space left while writing; nothing was changed — free some "
                             "space on the disk, then try again"),
    "read-only": (refused, "read-only file system while writing; nothing was changed"),
    "no permission": (lambda mp, folder: refused(mp, folder, errno.EACCES),
                      "permission denied while writing; nothing was changed"),
}


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("content", "docs", "schema"):
        shutil.copytree(ROOT / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def change_the_source(project: Path) -> None:
    """An English title changes, so that confirming the Danish file has something to write."""
    path = project / EN
    text = path.read_text(encoding="utf-8")
    assert text.count(SOURCE_TITLE) == 1
    path.write_text(text.replace(SOURCE_TITLE, SOURCE_TITLE[:-1] + ' (again)"'),
                    encoding="utf-8")


COMMANDS: dict[str, tuple[list[str], Path]] = {
    "status --confirm": (["status", "--confirm", KIT, "--lang", "da"], DA),
    "schema": (["schema"], Path("schema/kit.schema.json")),
    "new-video": (["new-video", KIT, "--title", "Min nye video om håb", "--duration", "5:30"],
                  DA),
}
"""What each command writes (in this order the commands all succeed one after the other: a
new card's placeholders stop ``--confirm``)."""


@pytest.mark.parametrize("fault", FAULTS)
@pytest.mark.parametrize("command", COMMANDS)
def test_a_fault_while_writing_is_one_line_and_changes_nothing(
        project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        command: str, fault: str) -> None:
    args, written = COMMANDS[command]
    change_the_source(project)
    if command == "schema":  # out of date, so that it is written
        (project / written).write_text('{"old": true}\n', encoding="utf-8")
    before = files_in(project)
    make_fault, message = FAULTS[fault]
    make_fault(monkeypatch, (project / written).parent)
    code, out, err = run(capsys, *args)
    assert code == 1, out + err
    assert len(err.splitlines()) == 1, err
    assert err.startswith(f"kits {command}: {written}: {message}"), err
    assert "Traceback" not in out + err
    assert files_in(project) == before


def test_without_a_fault_the_same_commands_write(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The test above can fail: the same commands change their file when the disk is fine."""
    change_the_source(project)
    (project / "schema/kit.schema.json").write_text('{"old": true}\n', encoding="utf-8")
    for args, written in COMMANDS.values():
        before = (project / written).read_bytes()
        code, _, err = run(capsys, *args)
        assert code == 0, err
        assert (project / written).read_bytes() != before, args


def test_confirm_keeps_windows_line_endings(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The same confirmation on the file with CRLF endings gives the same file with CRLF."""
    change_the_source(project)
    lf = (project / DA).read_bytes()
    assert b"\r" not in lf
    code, _, err = run(capsys, "status", "--confirm", KIT, "--lang", "da")
    assert code == 0, err
    confirmed_lf = (project / DA).read_bytes()
    assert confirmed_lf != lf
    (project / DA).write_bytes(lf.replace(b"\n", b"\r\n"))
    code, out, err = run(capsys, "status", "--confirm", KIT, "--lang", "da")
    assert code == 0, err
    assert (project / DA).read_bytes() == confirmed_lf.replace(b"\n", b"\r\n")
    assert f"{DA}:" in out


def test_confirm_without_a_final_line_break_adds_none_in_the_middle(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file whose last line has no line break keeps it so when no block goes after it."""
    change_the_source(project)
    text = (project / DA).read_bytes().rstrip(b"\n") + b"\n# last line, no break"
    (project / DA).write_bytes(text)
    code, _, err = run(capsys, "status", "--confirm", f"{KIT}/hope", "--lang", "da")
    assert code == 0, err
    assert (project / DA).read_bytes().endswith(b"\n# last line, no break")
