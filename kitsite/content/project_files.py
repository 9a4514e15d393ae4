"""Files from outside the project: what may be read from ``content/`` and published from ``docs/``.

Owns: the rule that everything under these folders is the project's own. MkDocs copies every
file it finds under ``docs/`` into the site, following symlinks, and the tools read
``content/`` and print lines of it in messages; so a symlink there may lead only to a place
inside the project folder that is not hidden (``.git/``, ``.env``: MkDocs never publishes a
hidden file itself, and a CI runner keeps its credentials there), must lead somewhere (not
nowhere, not around in a loop, not to a folder it is in), and every entry is a plain file or
folder (reading a named pipe would wait forever). Each offender is one problem naming the
entry and what it points to. ``kits check`` walks both folders; the build checks every file
MkDocs is about to copy (:mod:`kitsite.plugins.kits`), so such a file never reaches
``site/``.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from kitsite.content.problems import Problem

_FIX = "put the file itself here (copy it, do not link to it), or delete the symlink"


@dataclass
class TreeCheck:
    """The problems found under a folder, and the entries not to be read or published."""

    problems: list[Problem] = field(default_factory=list)
    refused: set[Path] = field(default_factory=set)

    def allows(self, path: Path) -> bool:
        """False for a refused entry and for anything reached through one."""
        return not any(path == bad or bad in path.parents for bad in self.refused)


def check_tree(folder: Path, project: Path) -> TreeCheck:
    """Every entry under ``folder`` (hidden ones too), following the symlinks that are
    allowed, as MkDocs does."""
    result = TreeCheck()
    root = Path(os.path.realpath(project))
    seen: set[str] = set()

    def walk(directory: Path) -> None:
        real = os.path.realpath(directory)
        if real in seen:
            return
        seen.add(real)
        try:
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError:
            return
        for entry in entries:
            path = Path(entry.path)
            reason = outside_reason(path, root)
            if reason is not None:
                result.problems.append(problem_for(path, reason))
                result.refused.add(path)
            elif path.is_dir():
                walk(path)

    if folder.is_dir():
        walk(folder)
    return result


def problem_for(path: Path, reason: str) -> Problem:
    return Problem(path, 1, "", reason)


def outside_reason(path: Path, project: Path) -> str | None:
    """Why the entry ``path`` is not the project's own (the message of its problem), or None.

    ``project`` is the project folder with its symlinks resolved."""
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return None  # gone since it was listed
    if stat.S_ISLNK(mode):
        return _symlink_reason(path, project)
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return ("expected plain files and folders only, found a special file (such as a named pipe "
            "or a device), which cannot be read or published — delete it")


def _symlink_reason(path: Path, project: Path) -> str | None:
    written = os.readlink(path)
    found = f"expected files of the project only, found a symlink to {written}"
    try:
        target = Path(os.path.realpath(path, strict=True))
    except OSError as err:
        if err.errno == errno.ELOOP:
            return f"{found}, which leads back to itself in a loop — delete the symlink"
        return f"{found}, which does not exist — {_FIX}"
    shown = "" if written == str(target) else f" (that is {target})"
    if target != project and project not in target.parents:
        return f"{found}{shown}, outside the project — {_FIX}"
    inside = target.relative_to(project)
    if any(part.startswith(".") for part in inside.parts):
        return (f"{found}, a hidden file or folder of the project ({inside.as_posix()}), "
                f"which is never published — {_FIX}")
    home = Path(os.path.realpath(path.parent))
    if target.is_dir() and (target == home or target in home.parents):
        return (f"{found}, a folder it is in, which would be read again and again without "
                "end — delete the symlink")
    return None
