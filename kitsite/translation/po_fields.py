"""Which texts of a kit a translator gets as PO entries, and where each one goes back.

Owns: the mapping between a kit's translatable fields and gettext PO entries for one
language — the ``msgctxt`` path of each text (``kit/title``, ``kit/made_with/1``,
``kit/sections/0/body``, ``kit/videos/hope/questions/2``: the index is the item's place in
the language the text is translated from), its ``msgid`` (the text of the language the
translation model compares this unit with), its ``msgstr`` (this language's current text;
empty while it is missing or an untranslated copy), whether it is *fuzzy* (stale, changed in
both, or never confirmed), the editor's YAML comments and the field's help from
:mod:`kitsite.content.spec`, both files' lines, and the place in this language's file where a
translation is written: the value itself, a new list item, a missing key, a new video card
or a new kit file. The translatable fields are :mod:`kitsite.translation.kit`'s
(``kit_texts``, ``kit_lists``, ``video_texts``, ``video_lists``): a field's name there is its
key in the kit file. Reading and writing PO files is :mod:`kitsite.translation.po_export`'s and
:mod:`kitsite.translation.po_import`'s.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from kitsite.content.model import Kit
from kitsite.content.spec import KIT_FIELDS, VIDEO_FIELDS, FieldSpec, field_named
from kitsite.content.yamldoc import KeyPath, YamlDoc
from kitsite.translation.compare import VIDEOS_KEY, Match, flipped
from kitsite.translation.kit import (
    KitTranslation,
    Unit,
    kit_lists,
    kit_texts,
    video_lists,
    video_texts,
)

PlaceKind = Literal["value", "item", "key", "video", "kit"]

_FUZZY = {"there_newer", "both_changed", "unconfirmed"}
"""States (seen from the translated language) whose text needs to be checked."""
_UP_TO_DATE = {"same", "here_newer", "copy_of_own"}
"""States whose text is the translation as it stands (``here_newer``: the other language is
to catch up; ``copy_of_own``: the other language copied this one's text)."""
_NOTES = {
    "there_newer": "stale: the {other} text changed after the two were last confirmed — "
                   "update the translation, then remove the fuzzy mark",
    "both_changed": "changed in both languages since they were last confirmed — make the "
                    "translation say what the {other} text says, then remove the fuzzy mark",
    "unconfirmed": "translated, but never checked against the {other} text — check it, then "
                   "remove the fuzzy mark",
    "copy": "not translated: the text here was the {copy} text word for word",
}


@dataclass(frozen=True)
class FieldRef:
    """One translatable text of a kit: a text field of the kit or of a video, an item of a
    list field (by its index in the source language's list), or a text of such an item when
    the list holds objects (a section's ``title``)."""

    unit: Unit
    name: str
    index: int | None = None
    child: str | None = None

    def context(self, kit_id: str) -> str:
        """The entry's ``msgctxt``: ``kit/videos/hope/questions/2``."""
        parts = [kit_id, *([VIDEOS_KEY, self.unit] if self.unit else []), self.name]
        parts += [str(self.index)] if self.index is not None else []
        parts += [self.child] if self.child else []
        return "/".join(parts)

    @property
    def item_key(self) -> tuple[Unit, str, int | None]:
        """The text or list item this belongs to (a section's title and body: one item)."""
        return self.unit, self.name, self.index


def parse_context(context: str) -> tuple[str, FieldRef] | None:
    """``(kit id, ref)`` of a ``msgctxt`` :meth:`FieldRef.context` wrote; None otherwise."""
    parts = context.split("/")
    if len(parts) < 2 or not all(parts):
        return None
    kit_id, rest = parts[0], parts[1:]
    unit: Unit = None
    if rest[0] == VIDEOS_KEY and len(rest) >= 3:
        unit, rest = rest[1], rest[2:]
    if len(rest) > 3 or (len(rest) >= 2 and not rest[1].isdigit()):
        return None
    index = int(rest[1]) if len(rest) >= 2 else None
    return kit_id, FieldRef(unit, rest[0], index, rest[2] if len(rest) == 3 else None)


@dataclass(frozen=True)
class Place:
    """Where a translation goes in the translated language's file.

    ``value``: replace the text at ``path``. ``item``: a new item of the list at ``path``,
    before its item ``index``. ``key``: a new key ``path[-1]`` in the mapping ``path[:-1]``,
    after the key ``after``. ``video``: the unit is a video this language lacks; its card
    (a copy of the source language's, ``source_path`` in it) goes before own video
    ``index``. ``kit``: this language has no file for the kit; it is made from the source
    language's file (the text at ``source_path``)."""

    kind: PlaceKind
    path: KeyPath = ()
    index: int = 0
    after: str = ""


@dataclass(frozen=True)
class KitEntry:
    """One PO entry of one kit for one language, as it stands in the content now."""

    kit_id: str
    language: str
    ref: FieldRef
    source_language: str
    source_text: str
    """The ``msgid``: the text in the language this unit is translated from."""
    own_text: str
    """The ``msgstr``: this language's text; empty when it has none or only a copy."""
    fuzzy: bool
    state: str
    """How this language's text stands against the source (:mod:`kitsite.translation.compare`'s
    states seen from this language; ``missing`` for a video or kit it lacks)."""
    source_file: Path
    source_path: KeyPath
    source_line: int
    own_file: Path
    own_line: int | None
    own_index: int | None
    """The item's index in this language's list (None: a text, or an item it lacks)."""
    place: Place
    comments: tuple[str, ...]
    help: str
    copy_of: str = ""
    """For an untranslated copy: the language whose text it is."""

    @property
    def context(self) -> str:
        return self.ref.context(self.kit_id)

    def notes(self) -> list[str]:
        """What the translator is told in the entry's ``#.`` comments."""
        note = _NOTES.get(self.state, "")
        lines = [*self.comments, self.help]
        if note:
            lines.append(note.format(other=self.source_language,
                                     copy=self.copy_of or self.source_language))
        return lines


def field_spec(unit: Unit, name: str) -> FieldSpec:
    """The spec of a translatable field (of the kit, or of a video)."""
    return field_named(KIT_FIELDS if unit is None else VIDEO_FIELDS, name)


def text_children(spec: FieldSpec) -> tuple[FieldSpec, ...]:
    """For a list of objects: the keys of each object a translator translates."""
    return tuple(c for c in spec.children if c.translatable)


def spec_order(unit: Unit) -> list[str]:
    """The keys of a kit (or of a video) in the order the spec lists them."""
    return [s.name for s in (KIT_FIELDS if unit is None else VIDEO_FIELDS)]


# --- the entries of one kit --------------------------------------------------------------

def kit_entries(translation: KitTranslation, language: str,
                docs: Mapping[Path, YamlDoc]) -> list[KitEntry]:
    """Every entry of ``language``'s PO file for the kit, in the source file's order."""
    builder = _Builder(translation, language, docs)
    entries = list(builder.entries())
    return sorted(entries, key=lambda e: (e.source_file != builder.main_source, e.source_line,
                                          e.context))


class _Builder:
    def __init__(self, translation: KitTranslation, language: str,
                 docs: Mapping[Path, YamlDoc]) -> None:
        self.translation = translation
        self.language = language
        self.docs = docs
        self.own = translation.versions.get(language)
        library = translation.library
        best = library.kit_in_best_language(language, translation.kit_id) \
            if self.own is None and translation.versions else None
        self.new_kit_source = best.language if best is not None else None
        self.main_source: Path | None = best.path if best is not None else None

    def entries(self) -> Iterator[KitEntry]:
        if self.own is None:
            if self.new_kit_source is None:
                return
            source = self.translation.versions[self.new_kit_source]
            yield from self._missing_unit(None, source, Place("kit"))
            for video in source.videos:
                yield from self._missing_unit(video.id, source, Place("kit"))
            return
        yield from self._paired_unit(None)
        for video in self.own.videos:
            yield from self._paired_unit(video.id)
        for video_id, source_lang in self._missing_videos():
            source = self.translation.versions[source_lang]
            yield from self._missing_unit(video_id, source,
                                          Place("video", index=self._video_place(video_id,
                                                                                 source)))

    # --- units this language has ---------------------------------------------------------

    def _paired_unit(self, unit: Unit) -> Iterator[KitEntry]:
        assert self.own is not None
        partner = self.translation.partner(self.language, unit)
        if partner is None:
            return
        edge = next(e for e in self.translation.edges(unit)
                    if {e.here, e.there} == {self.language, partner})
        source = self.translation.versions[partner]
        if self.main_source is None:
            self.main_source = source.path
        own_is_here = edge.here == self.language
        for name, match in edge.comparison.texts.items():
            state = _seen_from_own(match, own_is_here)
            text = _texts(source, unit).get(name, "")
            if not text.strip() or state not in (*_FUZZY, *_UP_TO_DATE, "copy", "new_there"):
                continue
            own_text = _texts(self.own, unit).get(name, "")
            place = Place("value", self._own_path(unit, (name,))) if own_text.strip() else \
                self._key_place(unit, name)
            yield self._entry(FieldRef(unit, name), partner, source, state, text,
                              _msgstr(state, own_text), None, place, match.copy_of)
        for name, comparison in edge.comparison.lists.items():
            for match in comparison.matches:
                yield from self._list_item(unit, name, match, own_is_here, partner, source)

    def _list_item(self, unit: Unit, name: str, match: Match, own_is_here: bool,
                   partner: str, source: Kit) -> Iterator[KitEntry]:
        assert self.own is not None
        state = _seen_from_own(match, own_is_here)
        own_at = match.here if own_is_here else match.there
        other_at = match.there if own_is_here else match.here
        if other_at is None or state not in (*_FUZZY, *_UP_TO_DATE, "copy", "new_there"):
            return
        if own_at is not None:
            place = Place("value", self._own_path(unit, (name, own_at)))
        elif _items(self.own, unit, name) or self._has_key(unit, name):
            place = Place("item", self._own_path(unit, (name,)),
                          index=self._item_place(unit, name, partner, other_at))
        else:
            place = self._key_place(unit, name)
        children = text_children(field_spec(unit, name))
        for child in children or (None,):
            child_name = child.name if child is not None else None
            text = _item_text(source, unit, name, other_at, child_name, self.docs)
            own_text = _item_text(self.own, unit, name, own_at, child_name, self.docs) \
                if own_at is not None else ""
            item_place = place if place.kind != "value" or child_name is None else \
                Place("value", (*place.path, child_name))
            yield self._entry(FieldRef(unit, name, other_at, child_name), partner, source,
                              state, text, _msgstr(state, own_text), own_at, item_place,
                              match.copy_of)

    # --- units this language lacks -------------------------------------------------------

    def _missing_videos(self) -> list[tuple[str, str]]:
        return [(gap.video, gap.other) for gap in self.translation.gaps(self.language)
                if gap.field == VIDEOS_KEY and gap.kind == "missing" and gap.video]

    def _missing_unit(self, unit: Unit, source: Kit, place: Place) -> Iterator[KitEntry]:
        for name, text in _texts(source, unit).items():
            if text.strip():
                yield self._entry(FieldRef(unit, name), source.language, source, "missing",
                                  text, "", None, place, "")
        for name, items in _lists_of(source, unit).items():
            children = text_children(field_spec(unit, name))
            for index in range(len(items)):
                for child in children or (None,):
                    child_name = child.name if child is not None else None
                    text = _item_text(source, unit, name, index, child_name, self.docs)
                    yield self._entry(FieldRef(unit, name, index, child_name),
                                      source.language, source, "missing", text, "", None,
                                      place, "")

    # --- places and lines ----------------------------------------------------------------

    def _own_path(self, unit: Unit, rest: KeyPath) -> KeyPath:
        assert self.own is not None
        if unit is None:
            return rest
        index = [v.id for v in self.own.videos].index(unit)
        return (VIDEOS_KEY, index, *rest)

    def _has_key(self, unit: Unit, name: str) -> bool:
        assert self.own is not None
        doc = self.docs.get(self.own.path)
        return doc is not None and self._own_path(unit, (name,)) in doc.lines

    def _key_place(self, unit: Unit, name: str) -> Place:
        """A key this language's file lacks: after the nearest key before it in the spec's
        order that the file has."""
        assert self.own is not None
        doc = self.docs[self.own.path]
        mapping = self._own_path(unit, ())
        order = spec_order(unit)
        before = [key for key in order[:order.index(name)] if (*mapping, key) in doc.lines]
        return Place("key", (*mapping, name), after=before[-1] if before else order[0])

    def _item_place(self, unit: Unit, name: str, partner: str, other_at: int) -> int:
        """Before which own item an item this language lacks goes: after the own items
        readers see before it."""
        shown = self.translation.shown_items(self.language, unit, name)
        own_before = 0
        for item in shown:
            if item.source == partner and item.index == other_at:
                return own_before
            if item.source == self.language:
                own_before += 1
        return own_before

    def _video_place(self, video_id: str, source: Kit) -> int:
        """Before which own video a video this language lacks goes: after the own video that
        precedes it in the source language."""
        assert self.own is not None
        own_ids = [v.id for v in self.own.videos]
        source_ids = [v.id for v in source.videos]
        for previous in reversed(source_ids[:source_ids.index(video_id)]):
            if previous in own_ids:
                return own_ids.index(previous) + 1
        return 0

    def _entry(self, ref: FieldRef, source_language: str, source: Kit, state: str,
               text: str, own_text: str, own_index: int | None, place: Place,
               copy_of: str) -> KitEntry:
        source_path = _unit_path(source, ref.unit) + _ref_rest(ref)
        source_doc = self.docs.get(source.path)
        own_line = None
        if self.own is not None and place.kind == "value":
            own_doc = self.docs.get(self.own.path)
            own_line = own_doc.line_of(place.path) if own_doc is not None else None
        own_file = self.own.path if self.own is not None else \
            source.path.parent.parent.parent / self.language / source.path.parent.name / \
            source.path.name
        spec = field_spec(ref.unit, ref.name)
        help_text = next((c.help for c in spec.children if c.name == ref.child), spec.help) \
            if ref.child else spec.help
        comments = _comments(source_doc, source_path, ref) if source_doc else ()
        if self.own is not None and place.kind == "value":
            own_comments = _comments(self.docs.get(self.own.path), place.path, ref)
            comments += tuple(c for c in own_comments if c not in comments)
        return KitEntry(
            self.translation.kit_id, self.language, ref, source_language, text.strip(),
            own_text.strip(), state in _FUZZY and bool(own_text.strip()), state,
            source.path, source_path,
            source_doc.line_of(source_path) if source_doc else 1, own_file, own_line,
            own_index, place, comments, help_text, copy_of or source_language)


def _seen_from_own(match: Match, own_is_here: bool) -> str:
    if own_is_here:
        return match.state
    return "copy_of_own" if match.state == "copy" else flipped(match.state)


def _msgstr(state: str, own_text: str) -> str:
    return "" if state in ("copy", "new_there") else own_text


def _texts(kit: Kit, unit: Unit) -> dict[str, str]:
    if unit is None:
        return kit_texts(kit)
    video = kit.video(unit)
    return video_texts(video) if video is not None else {}


def _lists_of(kit: Kit, unit: Unit) -> dict[str, tuple[str, ...]]:
    if unit is None:
        return kit_lists(kit)
    video = kit.video(unit)
    return video_lists(video) if video is not None else {}


def _items(kit: Kit, unit: Unit, name: str) -> tuple[str, ...]:
    return _lists_of(kit, unit).get(name, ())


def _item_text(kit: Kit, unit: Unit, name: str, index: int | None, child: str | None,
               docs: Mapping[Path, YamlDoc]) -> str:
    """The text of list item ``index`` (of its key ``child``, for a list of objects, as
    the kit file has it)."""
    if index is None:
        return ""
    if child is None:
        return _items(kit, unit, name)[index]
    value: Any = docs[kit.path].data
    for part in (*_unit_path(kit, unit), name, index, child):
        if isinstance(value, dict) and isinstance(part, str):
            value = value.get(part)
        elif isinstance(value, list) and isinstance(part, int) and part < len(value):
            value = value[part]
        else:
            value = None
    return str(value or "").strip()


def _unit_path(kit: Kit, unit: Unit) -> KeyPath:
    if unit is None:
        return ()
    return (VIDEOS_KEY, [v.id for v in kit.videos].index(unit))


def _ref_rest(ref: FieldRef) -> KeyPath:
    rest: KeyPath = (ref.name,)
    if ref.index is not None:
        rest += (ref.index,)
    if ref.child is not None:
        rest += (ref.child,)
    return rest


_SCHEMA_COMMENT = "yaml-language-server:"


def _comments(doc: YamlDoc | None, path: KeyPath, ref: FieldRef) -> tuple[str, ...]:
    """The editor's comments on the lines right above a value (its key, its list item, and
    for a list's first item the list's key)."""
    if doc is None:
        return ()
    source = doc.text.splitlines()
    lines = {doc.key_line_of(path)} if path in doc.key_lines else {doc.line_of(path)}
    if ref.child is not None:
        lines.add(doc.line_of(path[:-1]))
    if ref.index == 0:
        lines.add(doc.key_line_of(path[:-1] if ref.child is None else path[:-2]))
    found: list[str] = []
    for line in sorted(lines):
        found.extend(_comment_block(source, line))
    return tuple(dict.fromkeys(found))


def _comment_block(source: list[str], line: int) -> list[str]:
    above: list[str] = []
    number = line - 1
    while number >= 1 and source[number - 1].lstrip().startswith("#"):
        text = source[number - 1].lstrip()[1:].strip()
        if not text.startswith(_SCHEMA_COMMENT):
            above.insert(0, text)
        number -= 1
    return above


def shown_path(path: Path, root: Path) -> str:
    """A file as the PO file's ``#:`` lines name it: relative to the project folder."""
    try:
        return Path(os.path.relpath(path, root)).as_posix()
    except ValueError:  # pragma: no cover - another drive on Windows
        return path.as_posix()
