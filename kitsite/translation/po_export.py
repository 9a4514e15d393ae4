"""``kits po export``: gettext PO files for translators, one per kit and one per page.

Owns: turning a language's entries (:mod:`kitsite.translation.po_fields` for kits,
:mod:`kitsite.translation.po_pages` for hand-written pages) into PO files — the header
(``Language``, the language's ``Plural-Forms`` from Babel's CLDR data, UTF-8),
``msgctxt``/``msgid``/``msgstr``, ``#, fuzzy``, ``#.`` notes, ``#:`` file:line — and where
they go:
``<out>/<lang>/kits/<kit>.po`` and ``<out>/<lang>/pages/<page>.po``. A file whose entries
did not change is left as it is (so a second export changes no byte), and a file that holds
translations not yet imported is never overwritten: the export stops and says so first.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import polib
from babel.messages.plurals import get_plural

from kitsite.cli.commands import kits_command
from kitsite.content.docs_pages import docs_pages
from kitsite.content.loading import LoadResult
from kitsite.edit.atomic import WriteError, shown, write_text
from kitsite.translation.kit import KitTranslation
from kitsite.translation.po_fields import KitEntry, kit_entries, shown_path
from kitsite.translation.po_pages import PageEntry, PageTexts, flat, page_texts

KITS_FOLDER = "kits"
PAGES_FOLDER = "pages"
GENERATOR = "kits po export"
REVISION_KEY = "PO-Revision-Date"
_KEPT_HEADERS = ("Last-Translator", "Language-Team")
"""Header fields a PO editor fills in, kept from the file being replaced."""


class ExportError(Exception):
    """The export cannot be done; the message says why and what to do."""


@dataclass(frozen=True)
class Written:
    """One PO file of the export, and what it holds."""

    path: Path
    entries: int
    untranslated: int
    fuzzy: int
    changed: bool


@dataclass(frozen=True)
class Skipped:
    """A page whose texts cannot be paired with the source language's page."""

    page: Path
    source: Path


def kit_po_path(out: Path, language: str, kit_id: str) -> Path:
    return out / language / KITS_FOLDER / f"{kit_id}.po"


def page_po_path(out: Path, language: str, uri: str) -> Path:
    return out / language / PAGES_FOLDER / (uri.removesuffix(".md") + ".po")


def export(loaded: LoadResult, docs_dir: Path, out: Path, languages: Sequence[str]
           ) -> tuple[list[Written], list[Skipped]]:
    """Write the PO files of ``languages``; refuses (:class:`ExportError`, nothing written)
    when a file there holds translations not imported yet."""
    root = loaded.library.root.parent
    planned: list[tuple[Path, polib.POFile]] = []
    skipped: list[Skipped] = []
    for language in languages:
        for kit_id in loaded.library.kit_ids():
            entries = kit_entries(KitTranslation(loaded.library, kit_id), language,
                                  loaded.docs)
            if entries:
                planned.append((kit_po_path(out, language, kit_id),
                                kit_po(entries, kit_id, language, root)))
        for texts in language_pages(loaded, docs_dir, language):
            if texts.layout_differs:
                skipped.append(Skipped(docs_dir / language / texts.uri,
                                       docs_dir / texts.source_language / texts.uri))
            elif texts.entries:
                planned.append((page_po_path(out, language, texts.uri),
                                page_po(texts.entries, texts.uri, language, root)))
    problems = [line for path, po in planned for line in _unimported(path, po)]
    if problems:
        raise ExportError("\n".join(problems))
    return [_write(path, po) for path, po in planned], skipped


def language_pages(loaded: LoadResult, docs_dir: Path, language: str) -> Iterator[PageTexts]:
    """Every hand-written page ``language`` translates from another language: from the
    first of its fallback languages that has the page."""
    library = loaded.library
    for uri, present in docs_pages(docs_dir, library.languages).items():
        source = next((lang for lang in library.fallback_languages(language)
                       if lang in present), None)
        if source is not None:
            yield page_texts(docs_dir, uri, language, source)


# --- building the files --------------------------------------------------------------------

def header(language: str, project: str) -> dict[str, str]:
    """The header fields of every exported file."""
    return {
        "Project-Id-Version": project,
        REVISION_KEY: "",
        "Last-Translator": "",
        "Language-Team": "",
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": str(get_plural(language)),
        "X-Generator": GENERATOR,
    }


def kit_po(entries: Sequence[KitEntry], kit_id: str, language: str, root: Path
           ) -> polib.POFile:
    po = _new_file(language, f"kits {kit_id}")
    sources = sorted({shown_path(e.source_file, root) for e in entries})
    po.header = (f"The kit {kit_id!r} for translating into {language} (from "
                 f"{', '.join(sources)}).\n" + _how_to_import(language, kit_id, KITS_FOLDER))
    for entry in entries:
        places = [(shown_path(entry.source_file, root), str(entry.source_line))]
        if entry.own_line is not None:
            places.append((shown_path(entry.own_file, root), str(entry.own_line)))
        po.append(polib.POEntry(
            msgctxt=entry.context, msgid=entry.source_text, msgstr=entry.own_text,
            comment="\n".join(entry.notes()), occurrences=places,
            flags=["fuzzy"] if entry.fuzzy else []))
    return po


def page_po(entries: Sequence[PageEntry], uri: str, language: str, root: Path
            ) -> polib.POFile:
    po = _new_file(language, f"kits page {uri}")
    source = shown_path(entries[0].source_file, root)
    po.header = (f"The page {uri} for translating into {language} (from {source}).\n"
                 + _how_to_import(language, uri.removesuffix(".md"), PAGES_FOLDER))
    for entry in entries:
        places = [(source, str(entry.source.first_line))]
        if entry.own is not None:
            places.append((shown_path(entry.own_file, root), str(entry.own.first_line)))
        po.append(polib.POEntry(msgctxt=entry.context, msgid=entry.source.text,
                                msgstr=entry.own_text, comment="\n".join(entry.notes()),
                                occurrences=places))
    return po


def _how_to_import(language: str, name: str, folder: str) -> str:
    return ("Translate it in a PO editor (Poedit, Weblate), then bring it back with:\n"
            f"{kits_command(f'po import po/{language}/{folder}/{name}.po')}")


def _new_file(language: str, project: str) -> polib.POFile:
    po = polib.POFile(wrapwidth=78, encoding="utf-8")
    po.metadata = header(language, project)
    return po


# --- writing -------------------------------------------------------------------------------

def _unimported(path: Path, po: polib.POFile) -> Iterator[str]:
    """A located line for each translation in the file at ``path`` that the content does not
    hold yet (the new file would lose it)."""
    old = _read_existing(path)
    if old is None:
        return
    new = {e.msgctxt: e for e in po}
    for entry in old:
        if entry.obsolete or not entry.msgstr.strip():
            continue
        now = new.get(entry.msgctxt)
        if now is not None and flat(now.msgstr) == flat(entry.msgstr) and \
                now.fuzzy == entry.fuzzy:
            continue
        if now is not None and flat(now.msgid) != flat(entry.msgid) and \
                flat(now.msgstr) == flat(entry.msgstr):
            continue  # the source text changed since: the new file shows the new one
        yield (f"{shown(path)}:{entry.linenum}: msgstr: expected no translation that the "
               f"content lacks, found one for {entry.msgctxt!r} that was never imported — "
               f"import the file first ({kits_command(f'po import {shown(path)}')}), or "
               "delete it to export it anew")


def _read_existing(path: Path) -> polib.POFile | None:
    if not path.is_file():
        return None
    try:
        return polib.pofile(str(path), wrapwidth=78)
    except (OSError, ValueError, UnicodeDecodeError):
        return None  # not a file we can read: the import reports it; export replaces it


def _write(path: Path, po: polib.POFile) -> Written:
    old = _read_existing(path)
    if old is not None:
        for key in (REVISION_KEY, *_KEPT_HEADERS):
            if old.metadata.get(key):
                po.metadata[key] = old.metadata[key]
    text = str(po) + "\n"
    changed = old is None or text != path.read_text(encoding="utf-8")
    if changed:
        po.metadata[REVISION_KEY] = datetime.datetime.now(datetime.UTC).strftime(
            "%Y-%m-%d %H:%M+0000")
        text = str(po) + "\n"
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_text(path, text)
        except OSError as err:
            raise ExportError(str(WriteError(path, err))) from err
        except WriteError as err:
            raise ExportError(str(err)) from err
    untranslated = sum(1 for e in po if not e.msgstr)
    return Written(path, len(po), untranslated, sum(1 for e in po if e.fuzzy), changed)
