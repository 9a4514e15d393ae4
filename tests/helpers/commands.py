"""Running a ``kits`` command the way a person types it, in this process.

A subprocess per command costs about a second of interpreter start-up; the golden cases run
over a hundred commands. What is printed and the exit code are the same as on a terminal.
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
from collections.abc import Sequence
from pathlib import Path

from kitsite.cli.main import main


def run_kits(args: Sequence[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """``kits ARGS`` run in ``cwd``: its exit code, stdout and stderr."""
    stdout, stderr = io.StringIO(), io.StringIO()
    previous = Path.cwd()
    os.chdir(cwd)
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            try:
                code = main(list(args))
            except SystemExit as leaving:  # argparse's usage errors
                code = leaving.code if isinstance(leaving.code, int) else 1
    finally:
        os.chdir(previous)
    return subprocess.CompletedProcess(["kits", *args], code, stdout.getvalue(),
                                       stderr.getvalue())
