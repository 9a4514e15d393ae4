"""The ``kits`` command: what editors and translators run in a terminal.

Owns: argument parsing and printing for each subcommand. The work itself is done by the
modules each subcommand calls; this module only wires them to the terminal.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from kitsite.loading import load_library
from kitsite.problems import errors, summary_line


def cmd_check(args: argparse.Namespace) -> int:
    """Check every content file; print every problem, then a count; exit 1 on errors."""
    result = load_library(Path(args.content))
    for problem in sorted(result.problems):
        print(problem.format())
    failed = bool(errors(result.problems))
    if failed or result.problems:
        print(summary_line(result.problems))
    else:
        kits = sum(len(k) for k in result.library.kits.values())
        print(f"content OK: {kits} kit files in {len(result.library.languages)} languages")
    return 1 if failed else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kits", description="Check and edit the training kits' content."
    )
    parser.add_argument("--content", default="content", metavar="DIR",
                        help="the content folder to work on (default: content/)")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="check all content; exit 1 on any error")
    check.add_argument("--content", default=argparse.SUPPRESS, metavar="DIR",
                       help="the content folder to work on (default: content/)")
    check.set_defaults(func=cmd_check)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    code: int = args.func(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
