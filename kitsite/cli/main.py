"""The ``kits`` command: what editors and translators run in a terminal.

Owns: argument parsing and printing for each subcommand. The work itself is done by the
modules each subcommand calls; this module only wires them to the terminal.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kitsite.cli.commands import kits_command
from kitsite.cli.po import add_po_parser
from kitsite.cli.status import run_status
from kitsite.content.language_check import JUSTIFY_HINT
from kitsite.content.loading import load_library
from kitsite.content.problems import errors, summary_line
from kitsite.content.schema import SCHEMA_FILE, schema_text, write_schema
from kitsite.edit.atomic import WriteError
from kitsite.edit.new_video import NewVideoError, add_video, report


def cmd_check(args: argparse.Namespace) -> int:
    """Check every content file; print every problem, then a count; exit 1 on errors.

    Uses of the language guide's terms are warnings; ``--strict-language`` makes them errors.
    """
    result = load_library(Path(args.content))
    language = result.language_warnings
    if args.strict_language:
        language = [dataclasses.replace(p, severity="error") for p in language]
    problems = [*result.problems, *language]
    for problem in sorted(problems):
        print(problem.format())
    if language:
        print(JUSTIFY_HINT)
    failed = bool(errors(problems))
    if failed:
        print(summary_line(problems))
    else:  # warnings are advice: the content is still fit to build
        kits = sum(len(k) for k in result.library.kits.values())
        warned = f", {summary_line(problems).split(', ', 1)[1]}" if problems else ""
        print(f"content OK: {kits} kit files in {len(result.library.languages)} "
              f"languages{warned}")
    return 1 if failed else 0


def cmd_new_video(args: argparse.Namespace) -> int:
    """Append a new video card to a kit file; print what is left to fill in."""
    try:
        added = add_video(Path(args.content), args.kit, args.title, args.duration,
                          language=args.lang, video_id=args.id)
    except NewVideoError as err:
        print(f"kits new-video: {err}", file=sys.stderr)
        return 1
    given = None if args.content == "content" else args.content
    print("\n".join(report(added, given)))
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    """Write the kit files' JSON Schema (generated from the spec)."""
    path = Path(args.output)
    if args.check:
        same = path.is_file() and path.read_text(encoding="utf-8") == schema_text()
        print(f"{path}: {'up to date' if same else 'out of date — run: ' + kits_command('schema')}")
        return 0 if same else 1
    try:
        written = write_schema(path)
    except WriteError as err:
        print(f"kits schema: {err}", file=sys.stderr)
        return 1
    print(f"{path}: {'written' if written else 'already up to date'}")
    return 0


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
    check.add_argument("--strict-language", action="store_true",
                       help="treat uses of the language guide's terms as errors (exit 1)")
    check.set_defaults(func=cmd_check)
    _add_new_video_parser(sub)
    schema = sub.add_parser("schema", help="write schema/kit.schema.json from the kit format")
    schema.add_argument("--output", default=str(SCHEMA_FILE), metavar="FILE",
                        help=f"where to write it (default: {SCHEMA_FILE})")
    schema.add_argument("--check", action="store_true",
                        help="only check that FILE is up to date; exit 1 if not")
    schema.set_defaults(func=cmd_schema)
    _add_status_parser(sub)
    add_po_parser(sub)
    return parser


def _add_status_parser(sub: Any) -> None:
    status = sub.add_parser(
        "status", help="what is translated, missing and stale, per kit and language",
        description="List, per kit and language, every missing, stale or unconfirmed text "
                    "with the file and line to edit, then a total per language. After you "
                    "have checked a translation, record it with --confirm.")
    status.add_argument("--lang", metavar="CODE", help="only this language")
    status.add_argument("--kit", metavar="KIT", help="only this kit")
    status.add_argument("--json", action="store_true", help="print the report as JSON")
    status.add_argument("--check", action="store_true",
                        help="exit 1 unless every translation is up to date")
    status.add_argument("--confirm", metavar="KIT[/VIDEO]",
                        help="record that the --lang file of KIT (or one video in it) has "
                             "been checked against the other language's current text")
    status.add_argument("--from", dest="from_lang", metavar="CODE",
                        help="with --confirm: the language you checked it against (default: "
                             "the one kits status compares it with)")
    status.add_argument("--same", action="store_true",
                        help="with --confirm: texts that are word for word the other "
                             "language's are meant to be the same (names): count them as "
                             "translated")
    status.add_argument("--omit", action="store_true",
                        help="with --confirm: what the other language has and this one lacks "
                             "is left out on purpose")
    status.add_argument("--docs", default="docs", metavar="DIR",
                        help="the hand-written pages' folder (default: docs/)")
    status.add_argument("--content", default=argparse.SUPPRESS, metavar="DIR",
                        help="the content folder to work on (default: content/)")
    status.set_defaults(func=cmd_status)


def cmd_status(args: argparse.Namespace) -> int:
    """Print the translation status, or record a checked translation (``--confirm``)."""
    return run_status(args)


def _add_new_video_parser(sub: Any) -> None:
    new = sub.add_parser(
        "new-video", help="add a video card to a kit (then fill in what it prints)",
        description="Append a commented video card to content/<lang>/kits/KIT.yml, with a "
                    "fresh id made from the title. Nothing else in the file changes.")
    new.add_argument("kit", metavar="KIT", help="the kit's id, e.g. dialogue-kickstarter")
    new.add_argument("--title", required=True, help='the video\'s title, in quotes')
    new.add_argument("--duration", metavar="M:SS", help='its length, e.g. 5:30')
    new.add_argument("--lang", metavar="CODE",
                     help="the language of the file to add it to (default: the site's default)")
    new.add_argument("--id", metavar="ID", help="use this id (to translate a video that "
                     "another language already has; its duration is then taken from there)")
    new.add_argument("--content", default=argparse.SUPPRESS, metavar="DIR",
                     help="the content folder to work on (default: content/)")
    new.set_defaults(func=cmd_new_video)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.func(args)
    except BrokenPipeError:  # `kits check | head`: the reader has seen enough
        sys.stderr.close()
        return 1
    return code


if __name__ == "__main__":
    sys.exit(main())
