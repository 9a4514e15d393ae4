"""``kits po``: the PO files translators work on in Poedit or Weblate, in a terminal.

Owns: the ``kits po export`` and ``kits po import`` arguments and what they print — one
line per PO file written, one per content file changed, every refusal in the
``path:line: what — fix`` form. The work is :mod:`kitsite.translation.po_export`'s and
:mod:`kitsite.translation.po_import`'s.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from kitsite.cli.commands import kits_command
from kitsite.content.loading import load_library
from kitsite.content.problems import errors, summary_line
from kitsite.edit.atomic import WriteError, shown

DEFAULT_OUT = "po"
"""Where ``kits po export`` writes the PO files unless told otherwise."""
# kitsite.translation.po_export and po_import load only for `kits po`: every other command
# (kits check above all) starts without them


def add_po_parser(sub: Any) -> None:
    po = sub.add_parser(
        "po", help="gettext PO files for translators (Poedit, Weblate): export, import",
        description="Translate the kits and pages in a PO editor: export PO files, "
                    "translate them, import them back.")
    po_sub = po.add_subparsers(dest="po_command", required=True)
    out = po_sub.add_parser(
        "export", help="write PO files: one per kit and one per page, for each language",
        description="Write <out>/<lang>/kits/<kit>.po and <out>/<lang>/pages/<page>.po: "
                    "each text with the text it is translated from; stale ones are fuzzy.")
    out.add_argument("--lang", metavar="CODE", help="only this language (default: every one)")
    out.add_argument("--out", default=DEFAULT_OUT, metavar="DIR",
                     help=f"where to write them (default: {DEFAULT_OUT}/)")
    out.add_argument("--docs", default="docs", metavar="DIR",
                     help="the hand-written pages' folder (default: docs/)")
    out.add_argument("--content", default=argparse.SUPPRESS, metavar="DIR",
                     help="the content folder to work on (default: content/)")
    out.set_defaults(func=cmd_po_export)
    imp = po_sub.add_parser(
        "import", help="write the translations of PO files into the kits and pages",
        description="Write every translation of the PO files into the content as text "
                    "edits; confirm the entries not marked fuzzy. Nothing is written when "
                    "any file has a problem.")
    imp.add_argument("files", nargs="+", metavar="FILE", help="PO files from kits po export")
    imp.add_argument("--docs", default="docs", metavar="DIR",
                     help="the hand-written pages' folder (default: docs/)")
    imp.add_argument("--content", default=argparse.SUPPRESS, metavar="DIR",
                     help="the content folder to work on (default: content/)")
    imp.set_defaults(func=cmd_po_import)


def cmd_po_export(args: argparse.Namespace) -> int:
    """Write the PO files; print one line per file."""
    from kitsite.translation.po_export import ExportError, export

    loaded = load_library(Path(args.content), Path(args.docs))
    if errors(loaded.problems):
        for problem in sorted(errors(loaded.problems)):
            print(problem.format(), file=sys.stderr)
        print(f"kits po export: {summary_line(loaded.problems)} — fix them first (see "
              f"{kits_command('check')})", file=sys.stderr)
        return 1
    languages = list(loaded.library.languages)
    if args.lang and args.lang not in languages:
        print(f"kits po export: --lang: expected one of {', '.join(languages)} (from "
              f"content/site.yml), found {args.lang!r}", file=sys.stderr)
        return 1
    try:
        written, skipped = export(loaded, Path(args.docs), Path(args.out),
                                  [args.lang] if args.lang else languages)
    except ExportError as err:
        print(f"{err}\nkits po export: nothing was written", file=sys.stderr)
        return 1
    for file in written:
        todo = [f"{file.untranslated} to translate"] if file.untranslated else []
        todo += [f"{file.fuzzy} fuzzy"] if file.fuzzy else []
        state = "written" if file.changed else "unchanged"
        print(f"{shown(file.path)}: {file.entries} texts"
              f"{' (' + ', '.join(todo) + ')' if todo else ''} — {state}")
    for page in skipped:
        print(f"{shown(page.page)}: not exported — its headings, paragraphs and lists are "
              f"not those of {shown(page.source)}; translate it in a text editor")
    return 0


def cmd_po_import(args: argparse.Namespace) -> int:
    """Import the PO files; print what was written and confirmed, or every problem."""
    from kitsite.translation.po_import import ImportRefused, import_files, summary

    try:
        reports, unchanged = import_files([Path(f) for f in args.files], Path(args.content),
                                          Path(args.docs))
    except ImportRefused as err:
        for problem in err.problems:
            print(problem.format(), file=sys.stderr)
        print(f"kits po import: {summary_line(err.problems)}; nothing was written",
              file=sys.stderr)
        return 1
    except WriteError as err:
        print(f"kits po import: {err}", file=sys.stderr)
        return 1
    lines = summary(reports)
    lines += [f"{shown(path)}: nothing new to import" for path in unchanged]
    print("\n".join(lines or ["kits po import: nothing to import"]))
    if reports:
        print(f"Then: {kits_command('status')} and make check")
    return 0
