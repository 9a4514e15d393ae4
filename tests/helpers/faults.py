"""Disk faults for tests: a full disk, a read-only file system, a refused permission.

Owns two kinds. In-process: :func:`full_disk` (``os.write`` writes part of what it is given,
then fails with ENOSPC, as a disk does when it fills up mid-file) and :func:`refused`
(``os.open`` of a new file fails with EROFS or EACCES), for the files of one folder only — they
patch the calls :mod:`kitsite.edit.atomic` makes and let every other file through. Real:
:func:`small_disk`, a 24 MB tmpfs mounted for one test, which :func:`fill_up` fills and
:func:`make_read_only` remounts read-only, so that commands run as people run them meet the
kernel's own errors; it skips the test where mounting is not allowed. (We run as root, for whom
``chmod`` makes nothing read-only.)
"""

from __future__ import annotations

import contextlib
import errno
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REAL_WRITE = os.write
REAL_OPEN = os.open


def _inside(path: str, folder: Path) -> bool:
    return Path(path).resolve().parent == folder.resolve()


def _fd_path(fd: int) -> str:
    try:
        return os.readlink(f"/proc/self/fd/{fd}")
    except OSError:
        return ""


def full_disk(monkeypatch: pytest.MonkeyPatch, folder: Path, room: int = 100) -> list[int]:
    """From now on the disk of ``folder`` has ``room`` bytes left; returns the list of byte
    counts written there before it filled up (to check the fault was hit)."""
    written: list[int] = []

    def write(fd: int, data: Any) -> int:
        if not _inside(_fd_path(fd), folder):
            return REAL_WRITE(fd, data)
        left = room - sum(written)
        if left <= 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        done = REAL_WRITE(fd, bytes(data)[:left])
        written.append(done)
        return done

    monkeypatch.setattr(os, "write", write)
    return written


def refused(monkeypatch: pytest.MonkeyPatch, folder: Path, code: int = errno.EROFS) -> None:
    """From now on no new file can be made in ``folder`` (EROFS: a read-only file system)."""
    def open_(path: Any, flags: int, mode: int = 0o777, *args: Any, **kwargs: Any) -> int:
        if flags & os.O_CREAT and _inside(os.fspath(path), folder):
            raise OSError(code, os.strerror(code), os.fspath(path))
        return REAL_OPEN(path, flags, mode, *args, **kwargs)

    monkeypatch.setattr(os, "open", open_)


def files_in(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes (hidden temporary files too)."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


@contextlib.contextmanager
def small_disk(mount_point: Path, size: str = "24m") -> Iterator[Path]:
    """A tmpfs of ``size`` at ``mount_point`` for the ``with`` block; skips where mounting
    needs a privilege this machine does not give."""
    mount_point.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs",
                              str(mount_point)], capture_output=True, text=True, check=False)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small disk here ({mounted.stderr.strip()}); the "
                    "in-process faults (tests/unit/test_safe_writes.py) still run")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def fill_up(disk: Path, leave: int = 0) -> None:
    """Fill ``disk`` until ``leave`` bytes (rounded down to blocks) are free."""
    with (disk / "filler").open("wb", buffering=0) as out:
        for chunk in (1 << 20, 1 << 14, 1 << 12):
            with contextlib.suppress(OSError):
                while _free(disk) - chunk >= leave:
                    out.write(b"\0" * chunk)
    assert _free(disk) <= leave + (1 << 12), "the disk did not fill up"


def _free(disk: Path) -> int:
    stats = os.statvfs(disk)
    return stats.f_bavail * stats.f_frsize


def make_read_only(disk: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
