"""kitsite.edit.atomic: a file is replaced whole or not at all, with its bytes exactly as given
and its mode kept; a full disk or a read-only folder is one located line and leaves the old
file byte for byte, with no temporary file behind; a finished folder is swapped in whole."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest
from helpers.faults import files_in, full_disk, refused

from kitsite.edit import atomic
from kitsite.edit.atomic import WriteError, replace_folder, restore_folder, write_text

OLD = "title: Gammel\r\nvideos:\r\n  - id: håb\r\n".encode()
NEW = "title: Ny titel, som er meget længere end den gamle\r\n" * 20


@pytest.fixture
def kit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "content" / "da" / "kits" / "x.yml"
    path.parent.mkdir(parents=True)
    path.write_bytes(OLD)
    return path


def test_the_new_text_is_written_byte_for_byte_crlf_included(kit: Path) -> None:
    write_text(kit, NEW)
    assert kit.read_bytes() == NEW.encode("utf-8")
    assert files_in(kit.parent) == {"x.yml": NEW.encode("utf-8")}


def test_a_full_disk_leaves_the_old_file_and_says_so_in_one_line(
        kit: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    written = full_disk(monkeypatch, kit.parent, room=100)
    with pytest.raises(WriteError) as caught:
        write_text(kit, NEW)
    assert written == [100], "the fault was not hit where the file is written"
    assert str(caught.value) == (
        "content/da/kits/x.yml: no space left while writing; nothing was changed — "
        "free some space on the disk, then try again")
    assert files_in(kit.parent) == {"x.yml": OLD}


@pytest.mark.parametrize(("code", "said"), [
    (errno.EROFS, "read-only file system while writing"),
    (errno.EACCES, "permission denied while writing"),
])
def test_a_folder_that_cannot_be_written_leaves_the_old_file(
        kit: Path, monkeypatch: pytest.MonkeyPatch, code: int, said: str) -> None:
    refused(monkeypatch, kit.parent, code)
    with pytest.raises(WriteError) as caught:
        write_text(kit, NEW)
    assert str(caught.value).startswith(f"content/da/kits/x.yml: {said}; nothing was changed")
    assert "\n" not in str(caught.value)
    assert files_in(kit.parent) == {"x.yml": OLD}


def test_a_failing_flush_to_disk_leaves_the_old_file(
        kit: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fsync(fd: int) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(WriteError, match="input/output error while writing"):
        write_text(kit, NEW)
    assert files_in(kit.parent) == {"x.yml": OLD}


def test_an_error_while_producing_the_content_leaves_the_old_file(kit: Path) -> None:
    with pytest.raises(ValueError), atomic.replacing(kit) as out:
        out.write(b"half")
        raise ValueError("the caller failed")
    assert files_in(kit.parent) == {"x.yml": OLD}


def test_the_file_keeps_its_mode(kit: Path) -> None:
    kit.chmod(0o640)
    write_text(kit, NEW)
    assert stat.S_IMODE(kit.stat().st_mode) == 0o640
    kit.chmod(0o755)
    write_text(kit, NEW + "more\r\n")
    assert stat.S_IMODE(kit.stat().st_mode) == 0o755


def test_a_new_file_gets_the_mode_the_umask_gives(tmp_path: Path) -> None:
    old_mask = os.umask(0o027)
    try:
        write_text(tmp_path / "new.json", "{}\n")
    finally:
        os.umask(old_mask)
    assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o640


def test_a_symlinked_file_stays_a_symlink(kit: Path) -> None:
    link = kit.with_name("link.yml")
    link.symlink_to(kit.name)
    write_text(link, NEW)
    assert link.is_symlink() and kit.read_bytes() == NEW.encode("utf-8")


def folder(path: Path, text: str) -> Path:
    path.mkdir()
    (path / "index.html").write_text(text, encoding="utf-8")
    return path


def test_a_finished_folder_is_swapped_in_and_the_old_one_handed_back(tmp_path: Path) -> None:
    site = folder(tmp_path / "site", "old")
    new = folder(tmp_path / "site.new-1", "new")
    old = replace_folder(new, site)
    assert (site / "index.html").read_text(encoding="utf-8") == "new"
    assert old is not None and (old / "index.html").read_text(encoding="utf-8") == "old"


def test_the_first_folder_is_moved_into_place(tmp_path: Path) -> None:
    new = folder(tmp_path / "site.new-1", "new")
    assert replace_folder(new, tmp_path / "site") is None
    assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8") == "new"


def test_without_a_one_step_swap_the_old_folder_is_moved_aside(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(atomic, "_exchange", lambda first, second: False)
    site = folder(tmp_path / "site", "old")
    old = replace_folder(folder(tmp_path / "site.new-1", "new"), site)
    assert (site / "index.html").read_text(encoding="utf-8") == "new"
    assert old is not None and old.name.startswith("site.old-")


def test_a_site_lost_between_the_two_moves_is_put_back(tmp_path: Path) -> None:
    aside = folder(tmp_path / "site.old-1234", "old")
    assert restore_folder(tmp_path / "site") == aside
    assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8") == "old"
    assert restore_folder(tmp_path / "site") is None  # there is one: nothing to do


def test_a_swap_that_fails_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           ) -> None:
    site = folder(tmp_path / "site", "old")
    new = folder(tmp_path / "site.new-1", "new")

    def rename(src: object, dst: object) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), dst)

    monkeypatch.setattr(atomic, "_exchange", lambda first, second: False)
    monkeypatch.setattr(os, "rename", rename)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(WriteError, match=r"^site/: read-only file system while writing"):
        replace_folder(new, site)
    assert (site / "index.html").read_text(encoding="utf-8") == "old"
    assert (new / "index.html").read_text(encoding="utf-8") == "new"
