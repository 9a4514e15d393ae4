"""The ``kits`` commands that write, on a real small disk (tmpfs) that is full or read-only:
the kernel's own ENOSPC and EROFS, met by the commands as a person types them. Each ends in one
located line and exit 1, and leaves every content file byte for byte as it was."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.faults import files_in, fill_up, make_read_only, small_disk

from conftest import ROOT

KITS = ROOT / ".venv" / "bin" / "kits"
NEW_VIDEO = ["new-video", "dialogue-kickstarter", "--title", "Jeg kunne ikke engang stave "
             "til ordet håb, sagde hun, og det husker jeg endnu", "--duration", "5:30"]
CONFIRM = ["status", "--confirm", "dialogue-kickstarter", "--lang", "da"]
EN = Path("content/en/kits/dialogue-kickstarter.yml")
DA = Path("content/da/kits/dialogue-kickstarter.yml")


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Path]:
    with small_disk(tmp_path / "disk") as disk:
        copy = disk / "project"
        for name in ("content", "docs", "schema"):
            shutil.copytree(ROOT / name, copy / name)
        source = copy / EN  # a changed source, so that --confirm has something to write
        source.write_text(source.read_text(encoding="utf-8").replace(
            "the word \"hope\"", "the word \"hope\" (again)", 1), encoding="utf-8")
        end_just_before_a_block(copy / DA, os.statvfs(disk).f_bsize)
        yield copy


def end_just_before_a_block(path: Path, block: int) -> None:
    """Pad the file with a comment so that its last block has 60 bytes left: any edit that
    adds more needs a new block (in place, on a full disk, the file would be cut there)."""
    text = path.read_bytes()
    pad = -(len(text) + 60) % block
    path.write_bytes(b"#" + b" " * (pad - 2) + b"\n" + text)


def kits(project: Path, args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(KITS), *args], cwd=project, capture_output=True, text=True,
                          check=False, timeout=60)


@pytest.mark.parametrize(("args", "command", "written"), [
    (NEW_VIDEO, "new-video", "content/da/kits/dialogue-kickstarter.yml"),
    (CONFIRM, "status --confirm", "content/da/kits/dialogue-kickstarter.yml"),
])
def test_a_full_disk(project: Path, args: list[str], command: str, written: str) -> None:
    before = files_in(project)
    fill_up(project.parent)
    result = kits(project, args)
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stderr.splitlines() == [
        f"kits {command}: {written}: no space left while writing; nothing was changed — "
        "free some space on the disk, then try again"]
    assert files_in(project) == before


@pytest.mark.parametrize(("args", "command", "written"), [
    (NEW_VIDEO, "new-video", "content/da/kits/dialogue-kickstarter.yml"),
    (CONFIRM, "status --confirm", "content/da/kits/dialogue-kickstarter.yml"),
    (["schema", "--output", "schema/new.schema.json"], "schema", "schema/new.schema.json"),
])
def test_a_read_only_disk(project: Path, args: list[str], command: str, written: str) -> None:
    before = files_in(project)
    make_read_only(project.parent)
    result = kits(project, args)
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stderr.splitlines() == [
        f"kits {command}: {written}: read-only file system while writing; nothing was "
        "changed — work in a copy on a writable disk, then try again"]
    assert files_in(project) == before


def test_with_room_left_the_same_commands_write(project: Path) -> None:
    """The tests above can fail: on the same small disk with room, the commands write."""
    before = files_in(project)
    for args in (CONFIRM, NEW_VIDEO, ["schema", "--output", "schema/new.schema.json"]):
        result = kits(project, args)
        assert result.returncode == 0, result.stderr
    after = files_in(project)
    assert after["content/da/kits/dialogue-kickstarter.yml"] != before[
        "content/da/kits/dialogue-kickstarter.yml"]
    assert "schema/new.schema.json" in after
