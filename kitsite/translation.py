"""Translation state: what each language's text was translated from, and what is missing or stale.

Owns: the short fingerprint of a text, reading the ``translated_from:`` records that
``kits status --confirm`` writes, deciding which language is a kit's source, and lining up a
translation's fields with its source's, down to each question. :mod:`kitsite.views` uses the
comparisons to show readers the other language's text where a translation has a gap, and
:mod:`kitsite.translation_status` builds the ``kits status`` report from them.

The rules, in short (the translator's guide says the same in prose):

- A kit file with a ``translated_from: {language: en, ...}`` block is a translation of the
  English file. A kit's *source* is the language its translations name; when no translation
  names one yet, it is the first language in ``content/site.yml`` that has the kit.
- The block holds a fingerprint (8 hex digits of SHA-256, whitespace ignored) of each source
  text the translation was made from. A field is *stale* when the source text's fingerprint no
  longer matches. List items (questions, partners, sources, sections) record a pair, the
  source's fingerprint and the translation's own, so that deleting or reordering items is
  recognised rather than shifting every later item.
- Missing is symmetric: a video, question or section that exists in the source (or, for
  videos, in any language) but not in this language is missing here.

Plain Python: no MkDocs and no file writing (see :mod:`kitsite.translation_edit`).
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from kitsite.model import Kit, Library, Video

FINGERPRINT_LENGTH = 8

KIT_TEXT_FIELDS = ("title", "campaign", "audience", "summary", "about")
KIT_LIST_FIELDS = ("made_with", "sections", "sources")
VIDEO_TEXT_FIELDS = ("title", "description", "transcript")
VIDEO_LIST_FIELDS = ("questions",)

State = Literal["ok", "stale", "unconfirmed", "missing", "extra"]
"""How one field of a translation stands against its source.

``ok``: translated from the current source text. ``stale``: the source changed after the
translation was confirmed. ``unconfirmed``: translated, but never confirmed, so it cannot be
told whether it is up to date. ``missing``: the source has it, the translation does not.
``extra``: the translation has it, the source does not (any more).
"""


@functools.lru_cache(maxsize=1 << 16)  # the same texts are compared for each page showing them
def fingerprint(text: str) -> str:
    """A short fingerprint of ``text``; re-wrapping lines or changing spaces does not change it."""
    normalized = " ".join(text.split())
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()[:FINGERPRINT_LENGTH]


@dataclass(frozen=True)
class Record:
    """A parsed ``translated_from:`` block of a kit or a video."""

    language: str
    texts: Mapping[str, str] = field(default_factory=dict)
    """Field name -> fingerprint of the source text it was translated from."""
    lists: Mapping[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    """List field -> ``(source fingerprint, own fingerprint)`` per translated item, in order."""

    @classmethod
    def parse(cls, raw: Mapping[str, Any] | None) -> Record | None:
        """Read a block as written by :func:`record_text`; None when there is none."""
        if not raw or not isinstance(raw.get("language"), str):
            return None
        texts: dict[str, str] = {}
        lists: dict[str, tuple[tuple[str, str], ...]] = {}
        for key, value in raw.items():
            if key == "language":
                continue
            if isinstance(value, list):
                pairs = [str(item).split() for item in value]
                lists[key] = tuple((p[0], p[1]) for p in pairs if len(p) == 2)
            elif value is not None:
                texts[key] = str(value).strip()
        return cls(raw["language"], texts, lists)


def kit_texts(kit: Kit) -> dict[str, str]:
    """The kit's translatable single texts, by field name."""
    return {name: getattr(kit, name) for name in KIT_TEXT_FIELDS}


def kit_lists(kit: Kit) -> dict[str, tuple[str, ...]]:
    """The kit's translatable lists; a section counts as one text (its title and body)."""
    return {
        "made_with": kit.made_with,
        "sections": tuple(f"{s.title}\n\n{s.body}" for s in kit.sections),
        "sources": kit.sources,
    }


def video_texts(video: Video) -> dict[str, str]:
    """The video's translatable single texts; an absent transcript is the empty text."""
    return {"title": video.title, "description": video.description,
            "transcript": video.transcript or ""}


def video_lists(video: Video) -> dict[str, tuple[str, ...]]:
    return {"questions": video.questions}


# --- which language is the source ---------------------------------------------------------

def recorded_language(kit: Kit) -> str | None:
    """The language this kit file says it was translated from, if it says so anywhere."""
    for raw in (kit.translated_from, *(v.translated_from for v in kit.videos)):
        record = Record.parse(raw)
        if record is not None and record.language != kit.language:
            return record.language
    return None


def source_language(library: Library, kit_id: str) -> str | None:
    """The language a kit's translations are made from (None when no language has the kit).

    The language named by a translation's ``translated_from`` (when that language has the
    kit); otherwise the first language of the site that has the kit.
    """
    present = [lang for lang in library.languages if library.kit(lang, kit_id) is not None]
    for lang in present:
        kit = library.kit(lang, kit_id)
        assert kit is not None
        named = recorded_language(kit)
        if named in present and named != lang:
            return named
    return present[0] if present else None


def translation_source(library: Library, language: str, kit_id: str) -> Kit | None:
    """The kit ``language``'s file of ``kit_id`` is a translation of; None for a source file."""
    kit = library.kit(language, kit_id)
    if kit is None:
        return None
    named = recorded_language(kit)
    if named is not None and named != language and library.kit(named, kit_id) is not None:
        return library.kit(named, kit_id)
    source = source_language(library, kit_id)
    if source is None or source == language:
        return None
    return library.kit(source, kit_id)


# --- lining up a translation with its source ----------------------------------------------

@dataclass(frozen=True)
class Pair:
    """One item of a list field: its index in the source, in the translation, and its state."""

    source: int | None
    target: int | None
    state: State


def compare_text(source: str, target: str, recorded: str | None, confirmed: bool) -> State | None:
    """The state of a single text field; None when neither language has the field."""
    if not source.strip() and not target.strip():
        return None
    if not target.strip():
        return "missing"
    if not source.strip():
        return "extra"
    if not confirmed or recorded is None:
        return "unconfirmed"
    return "ok" if recorded == fingerprint(source) else "stale"


def align(
    source: Sequence[str], target: Sequence[str], record: Sequence[tuple[str, str]] | None
) -> list[Pair]:
    """Line up the items of a translated list with the source's, in the order to show them.

    Each translated item is tied to the entry of ``record`` with its own fingerprint (else the
    entry at its position); that entry says which source text it was made from. Source items
    nobody translated are ``missing``; translated items whose source text is gone are
    ``extra``. Without a record, items are lined up by position and ``unconfirmed``.
    """
    entries = list(record or ())
    src_fp = [fingerprint(s) for s in source]
    slot_of = _slots(target, entries)
    matched: dict[int, tuple[int, State]] = {}  # source index -> (target index, state)
    taken: set[int] = set()

    def take(i: int, j: int, state: State) -> None:
        matched[i] = (j, state)
        taken.add(j)

    for i, fp in enumerate(src_fp):  # 1. translated from exactly this source text
        j = next((j for j in sorted(slot_of) if j not in taken and entries[slot_of[j]][0] == fp),
                 None)
        if j is not None:
            take(i, j, "ok")
    for i in range(len(source)):  # 2. the source text at this place changed
        j = next((j for j in sorted(slot_of) if j not in taken and slot_of[j] == i), None)
        if i not in matched and j is not None:
            take(i, j, "stale")
    rest_source = [i for i in range(len(source)) if i not in matched]
    rest_target = [j for j in range(len(target)) if j not in taken]
    for i, j in zip(rest_source, rest_target, strict=False):  # 3. what is left, by position
        take(i, j, "stale" if j in slot_of else "unconfirmed")
    return _display_order(len(source), len(target), matched)


def _slots(target: Sequence[str], entries: Sequence[tuple[str, str]]) -> dict[int, int]:
    """Target index -> record entry: the entry with its own fingerprint, else its position."""
    slot_of: dict[int, int] = {}
    used: set[int] = set()
    for j, text in enumerate(target):
        own = fingerprint(text)
        k = next((k for k, (_, o) in enumerate(entries) if k not in used and o == own), None)
        if k is not None:
            slot_of[j] = k
            used.add(k)
    for j in range(len(target)):
        if j not in slot_of and j < len(entries) and j not in used:
            slot_of[j] = j
            used.add(j)
    return slot_of


def _display_order(
    n_source: int, n_target: int, matched: Mapping[int, tuple[int, State]]
) -> list[Pair]:
    pairs = [Pair(i, matched[i][0], matched[i][1]) if i in matched else Pair(i, None, "missing")
             for i in range(n_source)]
    shown = {p.target for p in pairs if p.target is not None}
    for j in range(n_target):
        if j in shown:
            continue
        after = next((k for k, p in enumerate(pairs) if p.target == j - 1), None) if j else None
        pairs.insert(0 if after is None else after + 1, Pair(None, j, "extra"))
        shown.add(j)
    return pairs


# --- comparing a kit or a video with its source -------------------------------------------

@dataclass(frozen=True)
class Comparison:
    """Every field of one translated kit or video against its source."""

    texts: Mapping[str, State]
    """Single text fields present in either language -> state."""
    lists: Mapping[str, tuple[Pair, ...]]
    confirmed: bool
    """Whether the translation has a ``translated_from`` block at all."""

    @property
    def stale(self) -> bool:
        return any(s == "stale" for s in self.texts.values()) or any(
            p.state == "stale" for pairs in self.lists.values() for p in pairs)

    def states(self) -> list[State]:
        return [*self.texts.values(), *(p.state for ps in self.lists.values() for p in ps)]


def compare(
    source_texts: Mapping[str, str], source_lists: Mapping[str, Sequence[str]],
    target_texts: Mapping[str, str], target_lists: Mapping[str, Sequence[str]],
    raw_record: Mapping[str, Any] | None,
) -> Comparison:
    """Compare the fields of a translation with its source's, using its recorded fingerprints."""
    record = Record.parse(raw_record)
    texts: dict[str, State] = {}
    for name, source in source_texts.items():
        state = compare_text(source, target_texts.get(name, ""),
                             record.texts.get(name) if record else None, record is not None)
        if state is not None:
            texts[name] = state
    lists = {
        name: tuple(align(source, target_lists.get(name, ()),
                          record.lists.get(name, ()) if record else None))
        for name, source in source_lists.items()
    }
    return Comparison(texts, lists, record is not None)


def compare_kits(source: Kit, target: Kit) -> Comparison:
    """The kit-level fields (not its videos) of a translation against its source."""
    return compare(kit_texts(source), kit_lists(source), kit_texts(target), kit_lists(target),
                   target.translated_from)


def compare_videos(source: Video, target: Video) -> Comparison:
    """One video of a translation against the same video in the source."""
    return compare(video_texts(source), video_lists(source), video_texts(target),
                   video_lists(target), target.translated_from)


# --- the block that --confirm records -----------------------------------------------------

def confirmed_record(
    language: str, source_texts: Mapping[str, str], source_lists: Mapping[str, Sequence[str]],
    target_texts: Mapping[str, str], target_lists: Mapping[str, Sequence[str]],
    old: Mapping[str, Any] | None,
) -> dict[str, str | list[str]]:
    """The ``translated_from`` block that records the current source text as checked.

    Only what both languages have is recorded: a missing field stays missing.
    """
    block: dict[str, str | list[str]] = {"language": language}
    for name, source in source_texts.items():
        if source.strip() and target_texts.get(name, "").strip():
            block[name] = fingerprint(source)
    old_record = Record.parse(old)
    for name, items in source_lists.items():
        target = list(target_lists.get(name, ()))
        previous = old_record.lists.get(name, ()) if old_record else None
        pairs = sorted((p for p in align(items, target, previous)
                        if p.source is not None and p.target is not None),
                       key=lambda p: p.target or 0)
        if pairs:
            block[name] = [f"{fingerprint(items[p.source])} {fingerprint(target[p.target])}"
                           for p in pairs if p.source is not None and p.target is not None]
    return block
