"""Putting a file or a folder in place whole or not at all.

Owns: how every file the tools write reaches the disk — into a temporary file in the same
folder, flushed to the disk (fsync), given the old file's mode (and owner, where allowed),
then moved over the old file in one step (``os.replace``) — so that a full disk, a read-only
folder or a killed process leaves either the old file or the new one, never a cut-off file.
The bytes are written as given: no newline translation, so a file with CRLF line endings keeps
them. Also owns swapping a finished folder in for an old one in one step (the site build), and
the one line that says why a write failed (:class:`WriteError`), for every command to print.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

_FIXES = {
    errno.ENOSPC: ("no space left", "free some space on the disk"),
    errno.EDQUOT: ("disk quota exceeded", "free some space within your quota"),
    errno.EROFS: ("read-only file system", "work in a copy on a writable disk"),
    errno.EACCES: ("permission denied", "make the folder writable for you"),
    errno.EPERM: ("operation not permitted", "make the folder writable for you"),
    errno.ENOENT: ("no such file or directory", "restore what is missing"),
}
_RENAME_EXCHANGE = 2
"""``renameat2`` flag (Linux): swap two paths in one step."""
_AT_FDCWD = -100


class WriteError(Exception):
    """A file or folder could not be written; nothing was changed. ``str()`` is one located
    line: ``content/da/kits/x.yml: no space left while writing; nothing was changed — …``."""

    def __init__(self, path: Path | str, err: OSError, doing: str = "writing") -> None:
        self.path = Path(path)
        self.errno = err.errno
        super().__init__(failure_line(path, err.errno, err.strerror, doing))


def failure_line(path: Path | str, error_number: int | None, strerror: str | None,
                 doing: str = "writing") -> str:
    """``path: no space left while writing; nothing was changed — free some space …``."""
    what, fix = _FIXES.get(error_number or 0, (
        (strerror or "unknown error").lower(), "check the disk"))
    return f"{shown(path)}: {what} while {doing}; nothing was changed — {fix}, then try again"


def shown(path: Path | str) -> str:
    """``path`` as a person at the project root reads it (relative when it is inside)."""
    text = os.fspath(path)
    if not os.path.isabs(text):
        return text
    relative = os.path.relpath(text)
    if relative.startswith(".."):
        return text
    return relative + "/" if text.endswith("/") else relative  # a folder, as in ``site/``


def write_text(path: Path, text: str) -> None:
    """Replace ``path`` by ``text`` in UTF-8, exactly as given (``\\r\\n`` stays ``\\r\\n``)."""
    write_bytes(path, text.encode("utf-8"))


def write_bytes(path: Path, data: bytes) -> None:
    """Replace ``path`` by ``data`` whole or not at all; raises :class:`WriteError`."""
    with replacing(path) as out:
        view = memoryview(data)
        while view:
            view = view[os.write(out.fileno(), view):]


@contextlib.contextmanager
def replacing(path: Path) -> Iterator[BinaryIO]:
    """A file to write the new content of ``path`` into; it replaces ``path`` when the block
    ends without an error, and is removed otherwise. A symlink keeps pointing where it did:
    its target is replaced. Raises :class:`WriteError` when writing it fails."""
    target = Path(os.path.realpath(path))
    try:
        fd, temp = _create_temp(target)
    except OSError as err:
        raise WriteError(path, err) from err
    try:
        with os.fdopen(fd, "wb") as out:
            yield out
            out.flush()
            _keep_mode_and_owner(out.fileno(), target)
            os.fsync(out.fileno())
        os.replace(temp, target)
    except OSError as err:
        _remove(temp)
        if err.filename not in (None, temp, os.fspath(target)):
            raise  # another file's fault (one the caller was reading), not this write's
        raise WriteError(path, err) from err
    except BaseException:
        _remove(temp)
        raise
    _sync_folder(target.parent)


def _create_temp(target: Path) -> tuple[int, str]:
    """A new file next to ``target``, created with the mode a new file gets (umask applied)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    while True:
        temp = os.fspath(target.parent / f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            return os.open(temp, flags, 0o666), temp
        except FileExistsError:  # pragma: no cover - 1 in 4 billion
            continue


def _keep_mode_and_owner(fd: int, target: Path) -> None:
    try:
        old = os.stat(target)
    except FileNotFoundError:
        return
    os.fchmod(fd, old.st_mode & 0o7777)
    if (old.st_uid, old.st_gid) != (os.getuid(), os.getgid()):
        with contextlib.suppress(PermissionError):  # only root may give a file away
            os.fchown(fd, old.st_uid, old.st_gid)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; the file is already in place, so failing is harmless."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _remove(temp: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(temp)


def replace_folder(new: Path, target: Path) -> Path | None:
    """Put the folder ``new`` at ``target`` in one step; returns where the old ``target`` now
    is (for the caller to delete), or None when there was none. Where the system cannot swap
    two folders in one step, ``target`` is moved aside to ``<target>.old-*`` first (for an
    instant there is no ``target``: :func:`restore_folder` puts it back after a crash).
    Raises :class:`WriteError`, and then nothing was changed."""
    try:
        if not target.exists():
            os.rename(new, target)
            return None
        if _exchange(new, target):
            return new
        aside = target.with_name(f"{target.name}.old-{secrets.token_hex(4)}")
        os.rename(target, aside)
        try:
            os.rename(new, target)
        except OSError:
            os.rename(aside, target)
            raise
        return aside
    except OSError as err:
        raise WriteError(f"{target}/", err) from err


def restore_folder(target: Path) -> Path | None:
    """After a crash between the two moves of :func:`replace_folder`: when ``target`` is
    missing, move the newest ``<target>.old-*`` back; returns it, or None."""
    if target.exists():
        return None
    aside = sorted(target.parent.glob(f"{target.name}.old-*"), key=lambda p: p.stat().st_mtime)
    if not aside:
        return None
    os.rename(aside[-1], target)
    return aside[-1]


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step (Linux ``renameat2``); False where that is not supported."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second),
                 _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False  # this system or file system cannot swap
    raise OSError(code, os.strerror(code), os.fspath(second))
