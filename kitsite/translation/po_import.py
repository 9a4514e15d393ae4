"""``kits po import FILE…``: translations from PO files written back into kits and pages.

Owns: what the entries of translated PO files mean for the content — for each entry, by its
``msgctxt``, the text it translates as it stands now (:mod:`kitsite.translation.po_fields`,
:mod:`kitsite.translation.po_pages`); what changed (a translation, a fuzzy mark taken off); the text
edits that write them (:mod:`kitsite.edit.yaml_values`: comments, order and quoting kept,
only changed values touched; a video the language lacked gets its card, ids and durations
from the other language; a kit it lacked gets its file); and confirming the entries not
marked fuzzy with the record ``kits status --confirm`` writes
(:func:`kitsite.translation.confirm.confirm_units`), while fuzzy ones stay stale.

Everything is done first in a copy of ``content/`` and ``docs/``, which is then checked as
``kits check`` checks; only when every file, entry and check is fine are the changed files
put in place, each whole (:mod:`kitsite.edit.atomic`). Otherwise every problem is reported,
located in the PO file (``po/en/kits/x.po:12: msgctxt: …``), and nothing is written.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polib
import yaml

from kitsite.cli.commands import kits_command
from kitsite.content.docs_pages import docs_pages
from kitsite.content.loading import LoadResult, load_library
from kitsite.content.model import Library
from kitsite.content.problems import Problem, errors
from kitsite.content.yamldoc import KeyPath, format_key_path
from kitsite.edit.atomic import WriteError, shown, write_bytes
from kitsite.edit.records import RECORD_KEY, EditError, write_blocks
from kitsite.edit.yaml_values import (
    AddKey,
    Edit,
    InsertBlock,
    InsertItem,
    RemoveKey,
    SetText,
    TextEditError,
    apply_edits,
    item_span,
)
from kitsite.translation.compare import VIDEOS_KEY, Record, render_record
from kitsite.translation.confirm import ConfirmError, Item, Options, confirm_units
from kitsite.translation.kit import KitTranslation, Unit
from kitsite.translation.po_fields import (
    FieldRef,
    KitEntry,
    field_spec,
    kit_entries,
    parse_context,
    text_children,
)
from kitsite.translation.po_pages import PageEditError, PageEntry, flat, page_texts, rewrite
from kitsite.translation.po_read import PoFile, read_po

_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class ImportRefused(Exception):
    """Nothing was written; ``problems`` says why, each located."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(p.format() for p in problems))


@dataclass(frozen=True)
class Change:
    """One entry that brings something: a translation to write, a check to record, or both."""

    entry: KitEntry
    text: str
    write: bool
    confirm: bool
    po_file: Path
    po_line: int


@dataclass
class FileReport:
    """What the import did to one content file."""

    path: Path
    written: int = 0
    confirmed: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    created: bool = False


@dataclass
class Plan:
    """Every change the PO files bring, by kit and by page."""

    kits: dict[tuple[str, str], list[Change]] = field(default_factory=dict)
    pages: dict[tuple[str, str], list[tuple[PageEntry, str]]] = field(default_factory=dict)
    page_sources: dict[tuple[str, str], str] = field(default_factory=dict)
    unchanged: list[Path] = field(default_factory=list)


def import_files(paths: Sequence[Path], content_dir: Path, docs_dir: Path,
                 mkdocs_file: Path | None = None) -> tuple[list[FileReport], list[Path]]:
    """Import every file of ``paths``: what was done to each content file, and the PO files
    that brought nothing new. Raises :class:`ImportRefused` (nothing written)."""
    loaded = load_library(content_dir, docs_dir, mkdocs_file=mkdocs_file)
    if errors(loaded.problems):
        raise ImportRefused(sorted(errors(loaded.problems)))
    problems: list[Problem] = []
    files = [f for p in paths if (f := read_po(p, loaded.library.languages, problems))]
    plan = Plan()
    for po in files:
        _plan_file(po, loaded, docs_dir, plan, problems)
    if problems:
        raise ImportRefused(problems)
    if not plan.kits and not plan.pages:
        return [], plan.unchanged
    return _carry_out(plan, loaded, content_dir, docs_dir, mkdocs_file), plan.unchanged


# --- reading what the entries say ----------------------------------------------------------

def _plan_file(po: PoFile, loaded: LoadResult, docs_dir: Path, plan: Plan,
               problems: list[Problem]) -> None:
    entries = [e for e in po.po if not e.obsolete and (e.msgid or e.msgctxt)]
    units = {(e.msgctxt or "").split("/", 1)[0] for e in entries}
    kit_ids = set(loaded.library.kit_ids())
    pages = docs_pages(docs_dir, loaded.library.languages)
    if not entries:
        return
    if len(units) != 1 or "" in units:
        where = next((e for e in entries
                      if (e.msgctxt or "").split("/", 1)[0] != sorted(units)[0]), entries[0])
        problems.append(Problem(po.path, where.linenum, "msgctxt", "expected the texts of one "
                                f"kit or one page, each with its msgctxt, found "
                                f"{', '.join(sorted(repr(u) for u in units))} — import the "
                                "files that kits po export wrote, one per kit and page"))
        return
    unit = units.pop()
    if unit in kit_ids:
        _plan_kit(po, unit, entries, loaded, plan, problems)
    elif unit in pages:
        _plan_page(po, unit, entries, loaded, docs_dir, plan, problems)
    else:
        known = ", ".join([*sorted(kit_ids), *sorted(pages)])
        problems.append(Problem(po.path, entries[0].linenum, "msgctxt",
                                f"expected a kit or a page of the site ({known}), found "
                                f"{unit!r}, which is neither — was it renamed or deleted? "
                                f"Export again ({kits_command('po export')})"))


def _plan_kit(po: PoFile, kit_id: str, entries: Sequence[polib.POEntry], loaded: LoadResult,
              plan: Plan, problems: list[Problem]) -> None:
    language = po.language
    translation = KitTranslation(loaded.library, kit_id)
    current = {e.context: e for e in kit_entries(translation, language, loaded.docs)}
    changes: list[Change] = []
    for entry in entries:
        now = current.get(entry.msgctxt or "")
        text = entry.msgstr.strip()
        if now is None:
            if text:
                problems.append(_gone(po, entry, kit_id, parse_context(entry.msgctxt or "")))
            continue
        if flat(entry.msgid) != flat(now.source_text):
            if text and (flat(text) != flat(now.own_text) or not entry.fuzzy):
                problems.append(_outdated(po, entry, now.source_language, now.own_text,
                                          now.source_text, now.source_file, now.source_line))
            continue
        if not text:
            continue
        write = flat(text) != flat(now.own_text)
        confirm = not entry.fuzzy and (write or now.fuzzy or now.state in ("copy", "missing",
                                                                           "new_there"))
        if write or confirm:
            changes.append(Change(now, text, write, confirm, po.path, entry.linenum))
    if changes:
        plan.kits.setdefault((kit_id, language), []).extend(changes)
    else:
        plan.unchanged.append(po.path)


def _plan_page(po: PoFile, uri: str, entries: Sequence[polib.POEntry], loaded: LoadResult,
               docs_dir: Path, plan: Plan, problems: list[Problem]) -> None:
    language = po.language
    library = loaded.library
    present = docs_pages(docs_dir, library.languages)[uri]
    source = next((lang for lang in library.fallback_languages(language) if lang in present),
                  None)
    if source is None:
        problems.append(Problem(po.path, 1, "", f"expected a page another language has, "
                                f"found {uri} only in {language} — nothing to translate"))
        return
    texts = page_texts(docs_dir, uri, language, source)
    if texts.layout_differs:
        problems.append(Problem(po.path, 1, "", f"expected docs/{language}/{uri} to have the "
                                f"same headings, paragraphs, list items and table cells as "
                                f"docs/{source}/{uri}, found others — edit it in a text "
                                "editor instead, or make its layout match first"))
        return
    current = {e.context: e for e in texts.entries}
    changes: list[tuple[PageEntry, str]] = []
    for entry in entries:
        now = current.get(entry.msgctxt or "")
        text = entry.msgstr.strip()
        if now is None:
            if text:
                problems.append(_gone(po, entry, uri, None))
            continue
        if flat(entry.msgid) != flat(now.source.text):
            if text and flat(text) != flat(now.own_text):
                problems.append(_outdated(po, entry, source, now.own_text, now.source.text,
                                          now.source_file, now.source.first_line))
            continue
        if text and flat(text) != flat(now.own_text):
            changes.append((now, text))
    if changes:
        plan.pages[uri, language] = changes
        plan.page_sources[uri, language] = source
    else:
        plan.unchanged.append(po.path)


def _gone(po: PoFile, entry: polib.POEntry, unit: str, ref: tuple[str, FieldRef] | None) -> Problem:
    what = repr(entry.msgctxt)
    if ref is not None and ref[1].unit is not None:
        what += f" (of video {ref[1].unit!r})"
    return Problem(po.path, entry.linenum, "msgctxt",
                   f"expected a text that {unit!r} has, found {what}, which it no longer "
                   f"has (deleted, moved or renamed since the export) — export again "
                   f"({kits_command(f'po export --lang {po.language}')}) and carry your "
                   "translation over into the new file")


def _outdated(po: PoFile, entry: polib.POEntry, source: str, own: str, now: str, file: Path,
              line: int) -> Problem:
    if own and flat(entry.msgid) == flat(own):
        return Problem(po.path, entry.linenum, "msgid",
                       f"expected the {source} text to translate from, found the "
                       f"{po.language} text itself — this file translates another language "
                       f"(check its Language header and folder), or export again")
    short = flat(now) if len(flat(now)) <= 60 else flat(now)[:59] + "…"
    return Problem(po.path, entry.linenum, "msgid",
                   f"expected the {source} text as it is now ({shown(file)}:{line}: "
                   f"\"{short}\"), found another — it changed after the export; export again "
                   f"({kits_command(f'po export --lang {po.language}')}) and check your "
                   "translation against the new text")


# --- making the changes ---------------------------------------------------------------------

def _carry_out(plan: Plan, loaded: LoadResult, content_dir: Path, docs_dir: Path,
               mkdocs_file: Path | None) -> list[FileReport]:
    with tempfile.TemporaryDirectory(prefix="kits-po-import-") as temp:
        stage = Stage(Path(temp), content_dir.resolve(), docs_dir.resolve())
        reports: list[FileReport] = []
        problems: list[Problem] = []
        for (kit_id, language), changes in plan.kits.items():
            reports.append(_stage_kit(stage, loaded, kit_id, language, changes, problems))
        for (uri, language), page_changes in plan.pages.items():
            report = _stage_page(stage, uri, language, plan.page_sources[uri, language],
                                 page_changes, problems)
            if report is not None:
                reports.append(report)
        if problems:
            raise ImportRefused(problems)
        _confirm(stage, plan, reports, problems)
        if not problems:
            _check(stage, plan, mkdocs_file, problems)
        if problems:
            raise ImportRefused(problems)
        stage.commit()
    return reports


class Stage:
    """A copy of ``content/`` and ``docs/`` to make every change in before any is kept."""

    def __init__(self, temp: Path, content_dir: Path, docs_dir: Path) -> None:
        self.content_dir, self.docs_dir = content_dir, docs_dir
        self.content = temp / "content"
        self.docs = temp / "docs"
        shutil.copytree(content_dir, self.content)
        if docs_dir.is_dir():
            shutil.copytree(docs_dir, self.docs)
        self.touched: set[Path] = set()

    def staged(self, real: Path) -> Path:
        real = real.resolve() if real.exists() else real.parent.resolve() / real.name
        if real.is_relative_to(self.content_dir):
            return self.content / real.relative_to(self.content_dir)
        return self.docs / real.relative_to(self.docs_dir)

    def real(self, staged: Path) -> Path:
        if staged.is_relative_to(self.content):
            return self.content_dir / staged.relative_to(self.content)
        if staged.is_relative_to(self.docs):
            return self.docs_dir / staged.relative_to(self.docs)
        return staged

    def write(self, real: Path, text: str) -> None:
        target = self.staged(real)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text.encode("utf-8"))
        self.touched.add(target)

    def commit(self) -> None:
        """Put every staged file that differs in place, whole; on a failure, put back the
        ones already written."""
        done: list[tuple[Path, bytes | None]] = []
        try:
            for staged in sorted(self._changed()):
                real = self.real(staged)
                old = real.read_bytes() if real.exists() else None
                real.parent.mkdir(parents=True, exist_ok=True)
                write_bytes(real, staged.read_bytes())
                done.append((real, old))
        except (WriteError, OSError):
            for real, old in reversed(done):
                with contextlib.suppress(OSError, WriteError):
                    if old is None:
                        real.unlink()
                    else:
                        write_bytes(real, old)
            raise

    def _changed(self) -> Iterator[Path]:
        for staged in self.content.rglob("*.yml"):
            real = self.real(staged)
            if not real.exists() or real.read_bytes() != staged.read_bytes():
                yield staged
        for staged in self.touched:
            if staged.is_relative_to(self.docs):
                real = self.real(staged)
                if not real.exists() or real.read_bytes() != staged.read_bytes():
                    yield staged


def _stage_kit(stage: Stage, loaded: LoadResult, kit_id: str, language: str,
               changes: Sequence[Change], problems: list[Problem]) -> FileReport:
    library = loaded.library
    own = library.kit(language, kit_id)
    writes = [c for c in changes if c.write]
    if own is None:
        source = library.kit_in_best_language(language, kit_id)
        path = source.path.parent.parent.parent / language / source.path.parent.name / \
            source.path.name
        report = FileReport(path, created=True)
        text = _new_kit_text(source.path.read_text(encoding="utf-8"), writes, problems)
    else:
        path = own.path
        report = FileReport(path)
        text = _edited_kit_text(own.path.read_text(encoding="utf-8"), writes, loaded, problems)
    report.written = len(writes)
    if text is not None:
        stage.write(path, text)
    return report


def _edited_kit_text(text: str, writes: Sequence[Change], loaded: LoadResult,
                     problems: list[Problem]) -> str | None:
    edits: list[Edit] = []
    cards: dict[str, list[Change]] = {}
    added: dict[KeyPath, list[Change]] = {}
    items: dict[tuple[KeyPath, int, int | None], list[Change]] = {}
    for change in writes:
        place = change.entry.place
        if place.kind == "value":
            edits.append(SetText(place.path, change.text))
        elif place.kind == "video":
            cards.setdefault(change.entry.ref.unit or "", []).append(change)
        elif place.kind == "key":
            added.setdefault(place.path, []).append(change)
        elif place.kind == "item":
            items.setdefault((place.path, place.index, change.entry.ref.index),
                             []).append(change)
    for (path, index, _), group in sorted(items.items(), key=lambda i: (i[0][1], i[0][2] or 0)):
        value = _item_value(group, problems)
        if value is not None:
            edits.append(InsertItem(path, index, value))
    for path, group in added.items():
        edits.append(_added_key(path, group, problems))
    for video_id, group in cards.items():
        edits.append(_card(video_id, group, loaded, problems))
    if problems:
        return None
    try:
        return apply_edits(text, edits)
    except TextEditError as err:
        first = writes[0]
        problems.append(Problem(first.po_file, first.po_line, "msgstr",
                                f"expected {shown(first.entry.own_file)} to take the "
                                f"translations as text edits, found it laid out otherwise "
                                f"({err}) — lay it out like the other kit files"))
        return None


def _item_value(group: Sequence[Change], problems: list[Problem]
                ) -> str | tuple[tuple[str, str], ...] | None:
    """A new list item: its text, or for a list of objects (a section) every text of it."""
    first = group[0]
    if first.entry.ref.child is None:
        return first.text
    children = [c.name for c in text_children(field_spec(first.entry.ref.unit,
                                                         first.entry.ref.name))]
    given = {c.entry.ref.child: c.text for c in group}
    missing = [c for c in children if c not in given]
    if missing:
        problems.append(Problem(first.po_file, first.po_line, "msgstr",
                                f"expected every text of the new {first.entry.ref.name} item "
                                f"translated, found no {', '.join(missing)} — translate "
                                f"{' and '.join(missing)} too (the entries next to this one)"))
        return None
    return tuple((c, given[c]) for c in children)


def _added_key(path: KeyPath, group: Sequence[Change], problems: list[Problem]) -> Edit:
    first = group[0].entry
    if first.ref.index is None:
        return AddKey(path[:-1], str(path[-1]), first.place.after, group[0].text)
    by_item: dict[int, list[Change]] = {}
    for change in group:
        by_item.setdefault(change.entry.ref.index or 0, []).append(change)
    values = []
    for index in sorted(by_item):
        value = _item_value(by_item[index], problems)
        if value is not None:
            values.append(value)
    return AddKey(path[:-1], str(path[-1]), first.place.after, tuple(values))


def _card(video_id: str, group: Sequence[Change], loaded: LoadResult,
          problems: list[Problem]) -> Edit:
    """The source language's card of the video, translated, for the language that lacks
    it: ids, durations and every other value as the source has them."""
    entry = group[0].entry
    doc = loaded.docs[entry.source_file]
    at = entry.source_path[:2]
    first, last, dash = item_span(doc.text, at)
    lines = [line[dash:] if line.strip() else "" for line in
             doc.text.splitlines()[first:last + 1]]
    card = "\n".join(lines) + "\n"
    edits: list[Edit] = [SetText((0, *c.entry.source_path[2:]), c.text) for c in group]
    data = yaml.load(card, Loader=_LOADER)[0]
    if RECORD_KEY in data:
        edits.append(RemoveKey((0, RECORD_KEY)))
    try:
        translated = apply_edits(card, edits)
    except TextEditError as err:
        problems.append(Problem(group[0].po_file, group[0].po_line, "msgstr",
                                f"expected the {entry.source_language} card of {video_id!r} "
                                f"to take the translation, found ({err}) — add the card with "
                                f"{kits_command('new-video')} --id {video_id} instead"))
        return InsertBlock((VIDEOS_KEY,), entry.place.index, (), None)
    new_data = yaml.load(translated, Loader=_LOADER)[0]
    return InsertBlock((VIDEOS_KEY,), entry.place.index,
                       tuple(translated.rstrip("\n").split("\n")), new_data)


def _new_kit_text(source_text: str, writes: Sequence[Change], problems: list[Problem]
                  ) -> str | None:
    """A kit file for a language that lacks the kit: the source language's file, its
    records left out, with the translations written in."""
    data = yaml.load(source_text, Loader=_LOADER)
    edits: list[Edit] = [SetText(c.entry.source_path, c.text) for c in writes]
    if RECORD_KEY in data:
        edits.append(RemoveKey((RECORD_KEY,)))
    for n, video in enumerate(data.get(VIDEOS_KEY) or []):
        if isinstance(video, dict) and RECORD_KEY in video:
            edits.append(RemoveKey((VIDEOS_KEY, n, RECORD_KEY)))
    try:
        return apply_edits(source_text, edits)
    except TextEditError as err:
        first = writes[0]
        problems.append(Problem(first.po_file, first.po_line, "msgstr",
                                f"expected {shown(first.entry.source_file)} to be copied with "
                                f"the translations, found ({err}) — copy it by hand"))
        return None


def _stage_page(stage: Stage, uri: str, language: str, source: str,
                changes: Sequence[tuple[PageEntry, str]], problems: list[Problem]
                ) -> FileReport | None:
    first = changes[0][0]
    own_file = first.own_file
    try:
        if own_file.is_file():
            text = rewrite(own_file.read_text(encoding="utf-8"),
                           [(e.own, t) for e, t in changes if e.own is not None])
            stage.write(own_file, text)
            return FileReport(own_file, written=len(changes))
        texts = page_texts(stage.docs_dir, uri, language, source)
        given = {e.context for e, _ in changes}
        if len(given) < len(texts.entries):
            report = FileReport(own_file)
            report.notes.append(f"not made yet: {len(given)} of {len(texts.entries)} texts "
                                "are translated; the page is made when all of them are")
            return report
        text = rewrite(first.source_file.read_text(encoding="utf-8"),
                       [(e.source, t) for e, t in changes])
        stage.write(own_file, text)
        return FileReport(own_file, written=len(changes), created=True)
    except PageEditError as err:
        problems.append(Problem(own_file, 1, "", f"expected a page the translations can be "
                                f"written into, found ({err}) — edit it in a text editor"))
        return None


# --- confirming ------------------------------------------------------------------------------

def _confirm(stage: Stage, plan: Plan, reports: Sequence[FileReport],
             problems: list[Problem]) -> None:
    staged = load_library(stage.content, stage.docs, cross_checks=False)
    if errors(staged.problems):
        _located(stage, plan, errors(staged.problems), problems)
        return
    by_path = {r.path: r for r in reports}
    for (kit_id, language), changes in plan.kits.items():
        translation = KitTranslation(staged.library, kit_id)
        report = by_path[_own_path(staged.library, stage, kit_id, language)]
        units = _units(translation, language, changes, report)
        try:
            _mark_new(translation, language, changes)
            translation = KitTranslation(load_library(stage.content, stage.docs,
                                                      cross_checks=False).library, kit_id)
            done = confirm_units(translation, language, units) if units else []
        except (ConfirmError, EditError) as err:
            first = changes[0]
            problems.append(Problem(first.po_file, first.po_line, "", str(err)))
            continue
        checked = {_unit_name(u) for u, o in units.items() if o.only}
        report.confirmed = [c.what for c in done if c.what.split(" against ")[0] in checked]
        report.notes.extend(f"{_unit_name(u)}: its fuzzy texts stay stale until checked"
                            for u, o in units.items() if not o.only)


def _unit_name(unit: Unit) -> str:
    """How a unit is named in the lines confirm writes."""
    return f"video {unit!r}" if unit else "the kit's own texts"


def _own_path(library: Library, stage: Stage, kit_id: str, language: str) -> Path:
    kit = library.kit(language, kit_id)
    assert kit is not None
    return stage.real(kit.path)


def _units(translation: KitTranslation, language: str, changes: Sequence[Change],
           report: FileReport) -> dict[Unit, Options]:
    """The options each unit is confirmed with: only the items of entries not marked
    fuzzy; the fuzzy ones that changed stay stale."""
    only: dict[Unit, set[Item]] = {}
    unchecked: dict[Unit, set[Item]] = {}
    fuzzy_items = {c.entry.ref.item_key for c in changes if not c.confirm}
    for change in changes:
        ref = change.entry.ref
        item = (ref.name, _final_index(change, changes))
        if change.confirm and ref.item_key not in fuzzy_items:
            only.setdefault(ref.unit, set()).add(item)
        elif change.write:
            unchecked.setdefault(ref.unit, set()).add(item)
    units: dict[Unit, Options] = {}
    for unit in {*only, *unchecked}:
        partner = translation.partner(language, unit)
        recorded = any(e.record is not None and {e.here, e.there} == {language, partner}
                       for e in translation.edges(unit))
        if unit not in only and not recorded:
            continue  # nothing confirmed, nothing recorded: a fuzzy text stays unconfirmed
        blocked = _blocked(translation, language, unit)
        if blocked:
            report.notes.append(blocked)
            continue
        units[unit] = Options(same=True, only=frozenset(only.get(unit, ())),
                              unchecked=frozenset(unchecked.get(unit, ())))
    return units


def _final_index(change: Change, changes: Sequence[Change]) -> int | None:
    """The item's index in the language's list once the import has written it."""
    entry = change.entry
    ref = entry.ref
    if ref.index is None:
        return None
    if entry.place.kind in ("video", "kit"):
        return ref.index
    same_list = [c for c in changes if c.write and c.entry.ref.unit == ref.unit
                 and c.entry.ref.name == ref.name and c.entry.ref.child in (None, ref.child)]
    inserts = sorted({(c.entry.place.index, c.entry.ref.index or 0) for c in same_list
                      if c.entry.place.kind in ("item", "key")})
    if entry.place.kind == "key":
        return [i for _, i in inserts].index(ref.index)
    if entry.place.kind == "item":
        return inserts.index((entry.place.index, ref.index)) + entry.place.index
    own = entry.own_index or 0
    return own + sum(1 for before, _ in inserts if before <= own)


def _blocked(translation: KitTranslation, language: str, unit: Unit) -> str:
    """Why a unit cannot be confirmed entry by entry (its items or videos were reordered
    or deleted in one language): the whole unit is the translator's to check then."""
    partner = translation.partner(language, unit)
    edge = next((e for e in translation.edges(unit)
                 if partner is not None and {e.here, e.there} == {language, partner}), None)
    if edge is None:
        return ""
    what = f"video {unit!r}" if unit else "the kit's own texts"
    command = kits_command(f"status --confirm {translation.kit_id}"
                           f"{'/' + unit if unit else ''} --lang {language}")
    reordered = [n for n, c in edge.comparison.lists.items() if c.order != "same"]
    videos = edge.comparison.videos
    if videos is not None and (videos.order != "same" or any(
            m.state.startswith("deleted") for m in videos.matches)):
        reordered.append(VIDEOS_KEY)
    if not reordered:
        return ""
    return (f"{what}: written, not confirmed — {', '.join(reordered)} were reordered or "
            f"deleted in one language; put them in step (see {kits_command('status')}), "
            f"then confirm with {command}")


def _mark_new(translation: KitTranslation, language: str, changes: Sequence[Change]) -> None:
    """A new card or kit file names the language it translates (as ``kits new-video --id``
    writes it), so that ``kits status`` compares it with that language's."""
    kit = translation.versions[language]
    blocks: dict[KeyPath, dict[str, str | list[str]]] = {}
    for change in changes:
        entry = change.entry
        if entry.place.kind not in ("video", "kit") or not change.write:
            continue
        record = render_record(Record(entry.source_language, language))
        if entry.place.kind == "kit":
            blocks[()] = record
        if entry.ref.unit is not None:
            index = [v.id for v in kit.videos].index(entry.ref.unit)
            blocks[(VIDEOS_KEY, index)] = record
    if blocks:
        write_blocks(kit.path, blocks)


# --- checking the result ---------------------------------------------------------------------

def _check(stage: Stage, plan: Plan, mkdocs_file: Path | None, problems: list[Problem]
           ) -> None:
    checked = load_library(stage.content, stage.docs, mkdocs_file=mkdocs_file)
    found = errors(checked.problems)
    if found:
        _located(stage, plan, found, problems)


def _located(stage: Stage, plan: Plan, found: Sequence[Problem], problems: list[Problem]
             ) -> None:
    """Each problem the changed content has, told at the PO entry that caused it."""
    for problem in found:
        real = stage.real(problem.path)
        change = _change_at(plan, real, problem.key)
        where = f"{shown(real)}:{problem.line}: {problem.key + ': ' if problem.key else ''}"
        if change is None:
            problems.append(Problem(real, problem.line, problem.key,
                                    f"{problem.message} (after the import)"))
            continue
        problems.append(Problem(change[0], change[1], "msgstr",
                                f"expected a translation that kits check accepts, found one "
                                f"it rejects — {where}{problem.message}"))


def _change_at(plan: Plan, real: Path, key: str) -> tuple[Path, int] | None:
    fallback = None
    for changes in plan.kits.values():
        for change in changes:
            if change.entry.own_file.resolve() != real.resolve():
                continue
            fallback = fallback or (change.po_file, change.po_line)
            if change.entry.place.kind == "value" and \
                    format_key_path(change.entry.place.path) == key:
                return change.po_file, change.po_line
    return fallback


def summary(reports: Sequence[FileReport], unchanged: Sequence[Path] = ()) -> list[str]:
    """What to tell the translator."""
    lines = []
    for report in reports:
        made = "made, " if report.created else ""
        confirmed = f", confirmed: {'; '.join(report.confirmed)}" if report.confirmed else ""
        lines.append(f"{shown(report.path)}: {made}{report.written} "
                     f"text{'s' if report.written != 1 else ''} written{confirmed}")
        lines.extend(f"  {note}" for note in report.notes)
    return lines

