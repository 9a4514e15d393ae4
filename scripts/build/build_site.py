"""Build site/ whole or not at all: the steps of ``make site``.

Usage: .venv/bin/python scripts/build/build_site.py   (``make site`` runs it at the project root)

1. ``kits check``: every content problem as file:line; an error stops the build here. The
   public address (``SITE_URL``) is checked too; without one, one line says that the site
   will name no address of its own.
2. Takes the lock ``.cache/site.lock``. A second build started meanwhile says that it waits,
   waits for the first to finish, then builds: both finish, and site/ is always one whole
   build. (Waiting, not refusing: a person or a script that runs ``make site`` gets the site
   it asked for, built from the content as it is when its turn comes, instead of a failure to
   retry.) Every process of the build holds the lock, so a build whose starter was killed is
   waited for until its last process has stopped.
3. Clears what a stopped build left behind: ``site.new*`` (the build folders, and the other
   languages' work folders of kitsite/plugins/parallel.py) and ``site.old*``; if site/ went
   missing between the two moves of a swap, the old site/ is put back first.
4. ``mkdocs build --strict`` into a folder of its own, ``site.new-<random>/site`` (the
   other languages' work folder lands next to it, in the same folder). The log goes to
   ``.cache/site-build.log``; the build's problems are shown.
5. Prints the PDF handouts into that folder (scripts/build/handouts.py).
6. Swaps the finished folder in for site/ in one step (:func:`kitsite.edit.atomic.replace_folder`)
   and deletes the old one.

Until step 6 site/ is not touched, so any failure leaves it byte for byte as it was; a full
disk or a read-only folder is one line (``site/: no space left while building the site;
nothing was changed — …``), never a traceback.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from kitsite.cli.main import main as kits
from kitsite.edit.atomic import WriteError, failure_line, replace_folder, restore_folder, write_text
from kitsite.render.publishing import robots_advice
from kitsite.render.site_address import address_problem, public_url

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
"""The virtualenv's scripts (``make site`` runs this with ``$(BIN)/python``)."""
SITE = ROOT / "site"
SHOWN = "site/"
LOCK = ROOT / ".cache" / "site.lock"
LOG = ROOT / ".cache" / "site-build.log"
BUILD_PREFIX = "site.new-"
LEFTOVERS = ("site.new", "site.new-*", "site.new.languages-*", "site.old", "site.old-*")
"""What builds leave next to site/ when they are stopped (``site.new`` and
``site.new.languages-*``: builds before this script)."""
DOING = "building the site"
_OS_ERROR = re.compile(r"^[\w.]*Error: \[Errno (\d+)\] ([^:\n]+)(.*)$", re.MULTILINE)
_QUOTED = re.compile(r"'([^'\n]+)'")


class BuildFailed(Exception):
    """The build stopped; the problems were printed (or are this exception's message)."""


def main() -> int:
    os.chdir(ROOT)
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]  # in order with stderr
    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGHUP, _stop)
    try:
        if kits(["check"]) != 0 or not address_ok():
            return 1
        with build_lock() as lock:
            clear_leftovers()
            build_and_swap(lock)
    except WriteError as err:
        print(err, file=sys.stderr)
        return 1
    except BuildFailed as err:
        if str(err):
            print(err, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("make site: stopped; site/ was not changed", file=sys.stderr)
        return 130
    return 0


def address_ok() -> bool:
    """Whether ``SITE_URL`` can be the public address (one line says why not, or that it is
    not set and the site will name no address of its own)."""
    address = public_url()
    if address is None:
        print("make site: SITE_URL is not set, so the site names no address of its own (no "
              "canonical links, hreflang alternates or sitemap; PDFs without links to it) — "
              "to publish, run make site SITE_URL=https://…/", flush=True)
        return True
    problem = address_problem(address)
    if problem is not None:
        print(f"make site: {problem}", file=sys.stderr)
        return False
    advice = robots_advice(address)
    if advice is not None:
        print(advice, flush=True)
    return True


def _stop(signum: int, _frame: object) -> None:
    """Stopped (``kill``, a closed terminal): leave as after Ctrl-C, cleaning up on the way."""
    raise SystemExit(128 + signum)


@contextlib.contextmanager
def build_lock() -> Iterator[int]:
    """Hold the project's build lock (waiting for another build); yields its descriptor."""
    try:
        LOCK.parent.mkdir(exist_ok=True)
        fd = os.open(LOCK, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as err:
        raise WriteError(SHOWN, err, DOING) from err
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 20, 0).decode("ascii", "replace").strip() or "?"
            print(f"make site: another build of site/ is running (process {holder}); "
                  "waiting for it to finish", flush=True)
            fcntl.flock(fd, fcntl.LOCK_EX)
        with contextlib.suppress(OSError):  # who holds it, for the message above
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        yield fd
    finally:
        os.close(fd)


def clear_leftovers() -> None:
    """Remove what stopped builds left next to site/ (call with the lock held)."""
    try:
        restore_folder(SITE)
        for pattern in LEFTOVERS:
            for leftover in sorted(ROOT.glob(pattern)):
                if leftover.is_dir() and not leftover.is_symlink():
                    shutil.rmtree(leftover)
                else:
                    leftover.unlink()
    except OSError as err:
        raise WriteError(SHOWN, err, DOING) from err


def build_and_swap(lock: int) -> None:
    try:
        folder = Path(tempfile.mkdtemp(prefix=BUILD_PREFIX, dir=ROOT))
    except OSError as err:
        raise WriteError(SHOWN, err, DOING) from err
    try:
        site = folder / "site"
        mkdocs_build(site, lock)
        print(f"handouts: {print_handouts(site, folder)}", flush=True)
        replace_folder(site, SITE)  # the old site/ is now in ``folder``
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def mkdocs_build(site: Path, lock: int) -> None:
    """``mkdocs build --strict`` into ``site``; its processes inherit the lock."""
    result = subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict", "--site-dir", str(site)], cwd=ROOT,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, errors="replace",
        pass_fds=(lock,), check=False)
    # not --quiet: it hides warnings from --strict too (MkDocs 1.6); keep the log
    with contextlib.suppress(WriteError):  # on a full disk the line below says why
        write_text(LOG, result.stdout)
    if result.returncode == 0:
        for line in result.stdout.splitlines():  # e.g. a parallel build that fell back
            if line.startswith("WARNING"):
                print(line, flush=True)
        return
    fault = fault_in_log(result.stdout, site.parent)
    if fault is None:
        for line in problem_lines(result.stdout):
            print(line, flush=True)
    raise BuildFailed(fault or "")


def problem_lines(log: str) -> list[str]:
    """The build's output without its progress lines (INFO, DEBUG and the lists under them)."""
    return [line for line in log.splitlines()
            if not line.startswith(("INFO", "DEBUG", "  - "))]


def fault_in_log(log: str, folder: Path) -> str | None:
    """One line for the last system error (full disk, read-only folder...) in the build's
    output, located at site/ or at the source file it names; None when there is none."""
    found = list(_OS_ERROR.finditer(log))
    if not found:
        return None
    last = found[-1]
    paths = _QUOTED.findall(last.group(3))
    return fault_line(int(last.group(1)), last.group(2), paths, folder)


def fault_line(error_number: int | None, strerror: str | None, paths: list[str],
               folder: Path) -> str:
    """``site/: … while building the site; nothing was changed — …``, or the source file's
    path instead of site/ when the error names only files outside the build's ``folder``."""
    inside = [p for p in paths if Path(p).resolve().is_relative_to(folder.resolve())]
    where = SHOWN if inside or not paths else paths[0]
    return failure_line(where, error_number, strerror, DOING)


def print_handouts(site: Path, folder: Path) -> str:
    """Print the handouts of the fresh build in ``site`` (those unchanged since they were last
    printed come from the print cache); says how many were written, printed and reused."""
    from handouts import summary, write_handouts  # Playwright loads once the site is built
    from playwright.sync_api import Error as BrowserError

    try:
        return summary(write_handouts(site))
    except OSError as err:
        paths = [os.fspath(p) for p in (err.filename, err.filename2) if p]
        raise BuildFailed(fault_line(err.errno, err.strerror, paths, folder)) from err
    except BrowserError as err:
        first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise BuildFailed(f"{SHOWN}: printing the PDF handouts failed ({first}); nothing was "
                          "changed — see that Chromium (/usr/bin/chromium) starts, then "
                          "try again") from err


if __name__ == "__main__":
    sys.exit(main())
