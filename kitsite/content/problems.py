"""Problems found in content, and how they are printed.

Owns: the :class:`Problem` record and the compiler-style line format
``path:line: key.path: message`` that editors can click in their terminal or editor.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file: where it is, which key, and what to do about it."""

    path: Path
    line: int
    key: str
    message: str
    severity: Severity = "error"

    def format(self, relative_to: Path | None = None) -> str:
        """Render as ``path:line: key: message`` (``warning:`` before warnings)."""
        shown = _display_path(self.path, relative_to)
        prefix = "warning: " if self.severity == "warning" else ""
        where = f"{self.key}: " if self.key else ""
        return f"{shown}:{self.line}: {prefix}{where}{self.message}"


def _display_path(path: Path, relative_to: Path | None) -> str:
    return _relative(str(path), str(relative_to or os.getcwd()))


@functools.lru_cache(maxsize=256)
def _relative(path: str, base: str) -> str:
    """``path`` from ``base`` (once per file: a file can have thousands of problems)."""
    try:
        return os.path.relpath(path, base) if os.path.isabs(path) else path
    except ValueError:  # pragma: no cover - different drive on Windows
        return path


def errors(problems: list[Problem]) -> list[Problem]:
    """Only the problems that stop a build."""
    return [p for p in problems if p.severity == "error"]


def summary_line(problems: list[Problem]) -> str:
    """``2 errors, 1 warning`` — the count printed after the problem lines."""
    n_err = len(errors(problems))
    n_warn = len(problems) - n_err
    parts = [f"{n_err} error{'s' if n_err != 1 else ''}"]
    if n_warn:
        parts.append(f"{n_warn} warning{'s' if n_warn != 1 else ''}")
    return ", ".join(parts)


def error_report(problems: list[Problem]) -> str:
    """Every problem on its line, after a heading and before the count: what a build that
    stops prints."""
    lines = [p.format() for p in sorted(problems)]
    return "\n".join(["content has errors:", *lines, summary_line(problems)])


class ContentError(Exception):
    """Raised by the build when content has errors; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        lines = [p.format() for p in sorted(problems)]
        super().__init__("\n".join([*lines, summary_line(problems)]))
