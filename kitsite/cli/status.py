"""What ``kits status`` does in a terminal: print the translation report, or confirm.

Owns: the wording and layout of the status lines for translators — one block per kit, one
line per gap in the clickable ``path:line: field: what to do`` form, the command that
confirms a checked translation, a total per language — the ``--json`` output, and running
``--confirm``. The report itself comes from :mod:`kitsite.translation.report`.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from kitsite.cli.commands import kits_command
from kitsite.content.labels import load_labels
from kitsite.content.loading import load_library
from kitsite.content.problems import errors, summary_line
from kitsite.edit.records import EditError
from kitsite.translation.confirm import ConfirmError, Options, confirm
from kitsite.translation.report import (
    GAP_ORDER,
    Gap,
    KitStatus,
    StatusReport,
    Totals,
    build_report,
)


def run_status(args: argparse.Namespace) -> int:
    """``kits status``: exit 1 on content errors (or, with ``--check``, on any gap)."""
    content, cwd = Path(args.content), Path.cwd()
    loaded = load_library(content)
    if errors(loaded.problems):
        for problem in sorted(errors(loaded.problems)):
            print(problem.format(), file=sys.stderr)
        print(f"{summary_line(loaded.problems)} — fix them (see {kits_command('check')}), "
              f"then run {kits_command('status')} again", file=sys.stderr)
        return 1
    library = loaded.library
    for lang in filter(None, [args.lang, args.from_lang]):
        if lang not in library.languages:
            print(f"kits status: unknown language {lang!r} — content/site.yml has: "
                  f"{', '.join(library.languages)}", file=sys.stderr)
            return 1
    if args.kit and args.kit not in library.kit_ids():
        print(f"kits status: unknown kit {args.kit!r} — kits: {', '.join(library.kit_ids())}",
              file=sys.stderr)
        return 1
    if args.confirm:
        code = _run_confirm(args, content, cwd)
        if code:
            return code
        library = load_library(content).library
        args.kit = args.kit or args.confirm.split("/")[0]
    report = build_report(library, Path(args.docs))
    langs = [args.lang] if args.lang else None
    kits = [args.kit] if args.kit else None
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2, default=str))
    else:
        names = language_names(content, library.languages, library.default_language)
        print("\n".join(format_report(report, names, cwd=cwd, languages=langs, kit_ids=kits)))
    return 1 if args.check and not report.clean else 0


def _run_confirm(args: argparse.Namespace, content: Path, cwd: Path) -> int:
    if not args.lang:
        print("kits status --confirm: say which language's file you checked: --lang CODE",
              file=sys.stderr)
        return 1
    kit_id, _, video_id = args.confirm.partition("/")
    library = load_library(content).library
    try:
        done = confirm(library, kit_id, args.lang, video_id=video_id or None,
                       from_language=args.from_lang,
                       options=Options(same=args.same, omit=args.omit))
    except (ConfirmError, EditError) as err:
        print(f"kits status --confirm: {err}", file=sys.stderr)
        return 1
    for item in done:
        print(f"{shown(item.path, cwd)}:{item.line}: confirmed {item.what}")
    print()
    return 0


def language_names(content: Path, languages: Sequence[str], default: str) -> dict[str, str]:
    """English names of the languages, from content/en/labels.yml when there is one."""
    if "en" not in languages:
        return {}
    names = load_labels(content, "en", default).get("language_names") or {}
    return {str(k): str(v) for k, v in names.items()}


def shown(path: Path | None, cwd: Path) -> str:
    if path is None:
        return "-"
    try:
        return os.path.relpath(path, cwd)
    except ValueError:  # pragma: no cover - another drive on Windows
        return str(path)


def format_report(
    report: StatusReport, names: Mapping[str, str], *, cwd: Path,
    languages: Sequence[str] | None = None, kit_ids: Sequence[str] | None = None,
) -> list[str]:
    """Every line ``kits status`` prints."""
    langs = list(languages or report.languages)
    lines: list[str] = []
    for kit_id in kit_ids or report.kit_ids():
        lines.append(kit_id)
        for lang in langs:
            lines.extend(_kit_lines(report.kit(kit_id, lang), names, cwd))
    if report.pages and not kit_ids:
        lines.append("")
        lines.append("pages (docs/)")
        for lang in langs:
            lines.append(_pages_line(report, lang, names))
    lines.append("")
    lines.append("total")
    for lang in langs:
        lines.append(f"  {lang}: {_totals_line(report.totals(lang))}")
    shown_kits = [k for k in report.kits if k.language in langs
                  and (not kit_ids or k.kit_id in kit_ids)]
    clean = not any(k.gaps for k in shown_kits)
    lines.append("clean: every translation shown is up to date" if clean else
                 f"not clean: close the gaps above, then run {kits_command('status')} again")
    return lines


def _kit_lines(status: KitStatus, names: Mapping[str, str], cwd: Path) -> Iterator[str]:
    lang = status.language
    if status.path is None:
        only = " and ".join(names.get(x, x) for x in status.only_in)
        first = status.only_in[0]
        yield (f"  {lang}: not translated — {only} only; to translate it, copy "
               f"content/{first}/kits/{status.kit_id}.yml to content/{lang}/kits/ and "
               "translate every text in it (a copy counts as not translated until then)")
        return
    role = f"checked against {status.checked_against}" if status.checked_against \
        else "original"
    if not status.gaps:
        yield f"  {lang}: up to date ({role}) — {shown(status.path, cwd)}"
        return
    yield f"  {lang}: {_count(len(status.gaps), 'gap')} ({role}) — {shown(status.path, cwd)}"
    for gap in status.gaps:
        yield f"    {shown(status.path, cwd)}:{gap.line}: {gap.field}: {_what(gap, names, cwd)}"
    command = confirm_command(status)
    if command:
        yield f"    when checked: {command}"


CONFIRMABLE = ("stale", "conflict", "deleted", "reordered", "unconfirmed")
"""Gap kinds that ``--confirm`` closes once the translator has checked the text."""


def confirm_command(status: KitStatus) -> str | None:
    """The command that records a checked translation (one video's, when only one has gaps
    to confirm); None when every gap is something to translate first."""
    units = {g.video for g in status.gaps if g.kind in CONFIRMABLE and not g.whole_video}
    units |= {None for g in status.gaps if g.kind in CONFIRMABLE and g.whole_video}
    if not units:
        return None
    target = status.kit_id
    if len(units) == 1 and None not in units:
        target += f"/{next(iter(units))}"
    return kits_command(f"status --confirm {target} --lang {status.language}")


def _what(gap: Gap, names: Mapping[str, str], cwd: Path) -> str:
    other = gap.other_language
    where = f"{shown(gap.other_file, cwd)}:{gap.other_line}" if gap.other_line else \
        shown(gap.other_file, cwd)
    text = f' "{gap.text}"' if gap.text else ""
    if gap.kind == "missing" and gap.whole_video:
        return (f"missing video{text} — the {other} file has it ({where}): add it to the "
                f"videos here, in the same place (copy its card and translate it), or, if "
                f"this language should not have it, confirm with --omit")
    if gap.kind == "missing":
        name = gap.field.rsplit(".", 1)[-1].split("[")[0]
        return (f"missing — the {other} text{text} ({where}) is not here: translate it and "
                f"add it to the {name} here, in the same place, then confirm; if this "
                f"language should not have it, confirm with --omit")
    if gap.kind == "stale":
        return (f"stale — {other} is newer: its text changed after the two were confirmed "
                f"({where}); update this text to match, then confirm")
    if gap.kind == "conflict":
        return (f"changed in both — this text and the {other} text ({where}) both changed "
                "since they were confirmed; make them say the same, then confirm the one you "
                "translated last")
    if gap.kind == "deleted":
        what = "this video" if gap.whole_video else "this"
        return (f"deleted in {other} — {other} no longer has {what} ({where}); delete it here "
                f"too, or confirm to keep it in this language only")
    if gap.kind == "reordered":
        return (f"reordered in {other} — {other} has these in another order ({where}); put "
                "them in the same order here, or confirm this order")
    if gap.kind == "untranslated":
        return (f"not translated — {_count(gap.count, 'text')} here are the {other} text word "
                f"for word ({where}); translate them (a name that is the same in every "
                "language: confirm with --same)")
    return (f"not confirmed — {_count(gap.count, 'text')} never checked against the {other} "
            f"file ({where}); check them, then confirm")


def _pages_line(report: StatusReport, lang: str, names: Mapping[str, str]) -> str:
    pages = [p for p in report.pages if p.language == lang]
    missing = [p for p in pages if p.path is None]
    line = f"  {lang}: {len(pages) - len(missing)} of {len(pages)} pages"
    for page in missing:
        only = page.only_in[0]
        line += (f"\n    docs/{lang}/{page.uri}: missing — readers see the "
                 f"{names.get(only, only)} page (docs/{only}/{page.uri}); translate it into "
                 f"this file")
    return line


_KIND_WORDS = {"missing": "missing", "stale": "stale", "conflict": "changed in both",
               "deleted": "deleted elsewhere", "reordered": "reordered elsewhere",
               "unconfirmed": "not confirmed", "untranslated": "not translated"}


def _totals_line(totals: Totals) -> str:
    parts = [f"{totals.up_to_date} of {_count(totals.kits, 'kit')} up to date"]
    if totals.with_gaps:
        parts.append(f"{totals.with_gaps} with gaps")
    if totals.not_translated:
        parts.append(f"{totals.not_translated} not translated")
    gaps = [f"{totals.gap_counts[kind]} {_KIND_WORDS[kind]}" for kind in GAP_ORDER
            if totals.gap_counts.get(kind)]
    line = ", ".join(parts) + "; " + (", ".join(gaps) if gaps else "no gaps")
    if totals.pages:
        line += f"; pages: {totals.pages - totals.pages_missing} of {totals.pages}"
    return line


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"
