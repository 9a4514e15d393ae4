"""``mkdocs serve`` of a project as a process of its own, for the benchmark and the preview
tests.

Owns: starting it on 127.0.0.1 with its output in a log file, and stopping it.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def mkdocs_serve(project: Path, port: int, log: Path) -> Iterator[subprocess.Popen[bytes]]:
    """``mkdocs serve`` of ``project`` on 127.0.0.1:``port``, its output going to ``log``;
    stopped (and if need be killed) on leaving."""
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-f", str(project / "mkdocs.yml"),
             "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project, stdout=out, stderr=subprocess.STDOUT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONUNBUFFERED": "1"})
        try:
            yield proc
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
