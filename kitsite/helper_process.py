"""Running a function in a second process, to use a second core.

Owns: forking a helper that runs one function and sends back its result (or the traceback of
its error) through a pipe, and deciding when that is safe: only where ``os.fork`` exists and
the process runs a single thread (``mkdocs serve`` runs server threads, and forking a process
with threads can leave the child waiting forever on a lock that another thread held).
"""

from __future__ import annotations

import os
import pickle
import threading
import traceback
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def can_fork() -> bool:
    return hasattr(os, "fork") and threading.active_count() == 1


def start(work: Callable[[], T]) -> Callable[[], T]:
    """Run ``work()`` in a forked child; returns a function that waits for its result."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the helper: run, report, and leave without running the parent's cleanup
        os.close(read_end)
        try:
            payload = pickle.dumps((True, work()))
        except BaseException:  # reported to the parent, which raises it
            payload = pickle.dumps((False, traceback.format_exc()))
        with os.fdopen(write_end, "wb") as out:
            out.write(payload)
        os._exit(0)
    os.close(write_end)

    def result() -> T:
        with os.fdopen(read_end, "rb") as stream:
            data = stream.read()
        os.waitpid(pid, 0)
        if not data:
            raise RuntimeError("the helper process ended without a result")
        ok, value = pickle.loads(data)
        if not ok:
            raise RuntimeError(f"the helper process failed:\n{value}")
        returned: T = value
        return returned

    return result
