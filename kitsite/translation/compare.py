"""How two languages' versions of one text, list or video order stand against each other.

Owns: the fingerprint of a text in its language, the ``translated_from:`` record that
``kits status --confirm`` writes and reading it back, and comparing two versions field by
field — texts, list items and orders — against what was last confirmed. Which pairs of
languages are compared, and what that means for readers and translators, is decided in
:mod:`kitsite.translation.kit`.

The rules, in short (the translator's guide says the same in prose):

- A ``translated_from:`` block in one language's file (at kit level, or in a video) records
  the last time that unit was checked against another language (``language:``). For each
  text it holds two fingerprints: the other language's text, then this file's own; for each
  list one pair per item, in this file's order (``none`` for a side that lacks the item on
  purpose); at kit level, the order of the videos both had and the videos one of them lacks
  on purpose.
- Either side can lead, field by field: the side whose fingerprint no longer matches changed
  since then, and the other side is stale; when both changed, both are told.
- An item paired in the record and now gone from one side was deleted there; an item only
  one side has and the record never paired is new there (the other side lacks it).
- A record names the language of the file it belongs to (``into:``), so a record copied
  with its file into another language's folder is not taken for that language's; a text
  identical to another language's text counts as translated only when its own record says
  the two were confirmed identical (a name, say).

Plain Python: no MkDocs and no file writing (see :mod:`kitsite.edit.records`).
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

FINGERPRINT_LENGTH = 8
ABSENT = "none"
"""In a recorded pair: this side lacks the item on purpose."""

ORDER_SUFFIX = "_there"
"""``questions_there: [1, 0]``: the other language's order of the pairs, when it differs."""

VIDEOS_KEY = "videos"
ONLY_HERE_KEY = "only_here"
ONLY_THERE_KEY = "only_there"
LANGUAGE_KEY = "language"
INTO_KEY = "into"

State = Literal[
    "same", "here_newer", "there_newer", "both_changed", "unconfirmed", "copy",
    "new_here", "new_there", "deleted_here", "deleted_there", "kept_here", "kept_there",
]
"""How one text or list item stands between *here* (the file that holds, or would hold, the
record) and *there* (the language it was checked against):

``same``: confirmed and unchanged on both sides. ``here_newer`` / ``there_newer``: that side
changed since it was confirmed, the other is stale. ``both_changed``: both did.
``unconfirmed``: both have it, never confirmed. ``copy``: here's text is the other
language's text, not translated. ``new_here`` / ``new_there``: only that side has it and it
was never paired (the other side lacks it). ``deleted_here`` / ``deleted_there``: it was
paired and that side deleted it. ``kept_here`` / ``kept_there``: only that side has it, and
the other lacks it on purpose (confirmed).
"""

OrderState = Literal["same", "here_reordered", "there_reordered", "both_reordered"]

_FLIPPED = {"here_newer": "there_newer", "new_here": "new_there", "deleted_here": "deleted_there",
            "kept_here": "kept_there", "here_reordered": "there_reordered"}
_FLIPPED.update({v: k for k, v in _FLIPPED.items()})


def flipped(state: str) -> str:
    """The same state seen from the other side (``here_newer`` <-> ``there_newer`` ...)."""
    return _FLIPPED.get(state, state)


@functools.lru_cache(maxsize=1 << 16)  # the same texts are compared for each page showing them
def fingerprint(text: str) -> str:
    """A short fingerprint of ``text``; re-wrapping lines or changing spaces does not change it."""
    normalized = " ".join(text.split())
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()[:FINGERPRINT_LENGTH]


Agreed = tuple[str, str | None]
"""A recorded pair: (the other language's fingerprint, this file's own); ``None`` for an own
fingerprint that an older record did not write (taken as unchanged)."""


@dataclass(frozen=True)
class Record:
    """A parsed ``translated_from:`` block of a kit or a video."""

    language: str
    """The language this unit was last checked against ("there")."""
    into: str | None = None
    """The language of the file the record belongs to (None in records written before it
    was recorded: taken to be the file's)."""
    texts: Mapping[str, Agreed] = field(default_factory=dict)
    lists: Mapping[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    """List field -> pairs (there, here), in this file's order."""
    orders_there: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    """List field (and ``videos``) -> the rank of each pair in the other language's order,
    written only when the two orders differed when confirmed."""
    videos: tuple[str, ...] | None = None
    """Kit level: the ids of the videos both languages had, in this file's order."""
    only_here: tuple[str, ...] = ()
    """Kit level: videos this language has and the other lacks on purpose."""
    only_there: tuple[str, ...] = ()
    """Kit level: videos the other language has and this one lacks on purpose."""

    @classmethod
    def parse(cls, raw: Mapping[str, Any] | None) -> Record | None:
        """Read a block as :func:`render_record` writes it; None when there is none.
        What cannot be read is left out (and so counts as not confirmed)."""
        if not raw or not isinstance(raw.get(LANGUAGE_KEY), str):
            return None
        texts: dict[str, Agreed] = {}
        lists: dict[str, tuple[tuple[str, str], ...]] = {}
        orders: dict[str, tuple[int, ...]] = {}
        ids: dict[str, tuple[str, ...]] = {}
        for key, value in raw.items():
            if key in (LANGUAGE_KEY, INTO_KEY) or value is None:
                continue
            if key in (VIDEOS_KEY, ONLY_HERE_KEY, ONLY_THERE_KEY):
                ids[key] = tuple(str(v) for v in value) if isinstance(value, list) else ()
            elif key.endswith(ORDER_SUFFIX) and isinstance(value, list):
                ranks = [int(v) for v in value if str(v).isdigit()]
                if len(ranks) == len(value):
                    orders[key.removesuffix(ORDER_SUFFIX)] = tuple(ranks)
            elif isinstance(value, list):
                pairs = [str(item).split() for item in value]
                lists[key] = tuple((p[0], p[1]) for p in pairs if len(p) == 2)
            else:
                parts = str(value).split()
                if len(parts) == 2:
                    texts[key] = (parts[0], parts[1])
                elif len(parts) == 1:
                    texts[key] = (parts[0], None)
        into = raw.get(INTO_KEY)
        return cls(raw[LANGUAGE_KEY], into if isinstance(into, str) else None, texts, lists,
                   orders, ids.get(VIDEOS_KEY), ids.get(ONLY_HERE_KEY, ()),
                   ids.get(ONLY_THERE_KEY, ()))


def render_record(record: Record) -> dict[str, str | list[str]]:
    """The block's keys and values as ``kits status --confirm`` writes them."""
    block: dict[str, str | list[str]] = {LANGUAGE_KEY: record.language}
    if record.into is not None:
        block[INTO_KEY] = record.into
    for name, (there, here) in record.texts.items():
        block[name] = f"{there} {here}" if here is not None else there
    for name, pairs in record.lists.items():
        if pairs:
            block[name] = [f"{there} {here}" for there, here in pairs]
        if name in record.orders_there:
            block[name + ORDER_SUFFIX] = [str(r) for r in record.orders_there[name]]
    if record.videos is not None:
        block[VIDEOS_KEY] = list(record.videos)
        if VIDEOS_KEY in record.orders_there:
            block[VIDEOS_KEY + ORDER_SUFFIX] = [str(r) for r in record.orders_there[VIDEOS_KEY]]
    if record.only_here:
        block[ONLY_HERE_KEY] = list(record.only_here)
    if record.only_there:
        block[ONLY_THERE_KEY] = list(record.only_there)
    return block


# --- one text ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Match:
    """One text or list item: where it is on each side (None: that side lacks it) and how the
    two stand. For a text, the index is 0 when the side has it."""

    here: int | None
    there: int | None
    state: State
    agreed: tuple[str, str] | None = None
    """The pair as recorded, for writing it back unchanged."""
    copy_of: str = ""
    """For a ``copy``: the language whose text it is (set by :mod:`kitsite.translation.kit`,
    which knows every language of the kit)."""


def compare_text(here: str, there: str, agreed: Agreed | None) -> Match | None:
    """How one text field stands; None when neither side has it."""
    h = fingerprint(here) if here.strip() else None
    t = fingerprint(there) if there.strip() else None
    if h is None and t is None:
        return None
    if agreed is None:
        if h is not None and t is not None:
            return Match(0, 0, _identical_or(here, there, "unconfirmed"))
        return Match(0, None, "new_here") if h is not None else Match(None, 0, "new_there")
    a_there, a_here = agreed
    record = (a_there, a_here or "")
    if a_there == ABSENT:
        return _one_sided(h, t, "kept_here", "there_newer", record)
    if a_here == ABSENT:
        return _one_sided(t, h, "kept_there", "here_newer", record, flipped=True)
    here_changed = a_here is not None and h != a_here
    there_changed = t != a_there
    if h is None:
        return Match(None, 0, "deleted_here", record)
    if t is None:
        return Match(0, None, "deleted_there", record)
    if _same_words(here, there) and not (a_here is not None and not here_changed
                                         and not there_changed):
        return Match(0, 0, "copy", record)
    return Match(0, 0, _changes(here_changed, there_changed), record)


def _one_sided(own: str | None, other: str | None, kept: State, other_newer: State,
               record: tuple[str, str], *, flipped: bool = False) -> Match | None:
    """A text one side lacks on purpose: still so (kept), or the other side has it now."""
    def at(own_at: int | None, other_at: int | None) -> tuple[int | None, int | None]:
        return (other_at, own_at) if flipped else (own_at, other_at)

    if other is None:
        return Match(*at(0, None), kept, record) if own is not None else None
    if own is None:  # the side that lacked it on purpose has it now, the other never had it
        return Match(*at(None, 0), "new_there" if not flipped else "new_here", record)
    return Match(0, 0, other_newer, record)


def _changes(here_changed: bool, there_changed: bool) -> State:
    if here_changed and there_changed:
        return "both_changed"
    if here_changed:
        return "here_newer"
    return "there_newer" if there_changed else "same"


def _same_words(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


def _identical_or(here: str, there: str, state: State) -> State:
    return "copy" if _same_words(here, there) else state


# --- a list --------------------------------------------------------------------------------

@dataclass(frozen=True)
class ListComparison:
    """Every item of one list field on both sides, and whether either side reordered."""

    matches: tuple[Match, ...]
    order: OrderState = "same"


Key = Callable[[str], str]
"""How an item is known: its fingerprint, or (for videos) its id."""


def align(here: Sequence[str], there: Sequence[str],
          agreed: Sequence[tuple[str, str]] | None, *,
          there_order: Sequence[int] | None = None, key: Key = fingerprint,
          pair_changed: bool = True, texts: bool = True) -> ListComparison:
    """Line up the items of a list on both sides with what was confirmed.

    Items are found by their fingerprint. A confirmed pair of which one side is gone was
    changed there when an unpaired item of that side stands at the same place (between the
    same confirmed neighbours; not for ids: ``pair_changed``), else deleted there. Items
    nobody paired are new on their side, or, where both sides have one at the same place,
    unconfirmed. Without any record, items are lined up by position. ``texts=False`` for
    items that are not text (video ids), which are never copies.
    """
    here_keys = [key(x) for x in here]
    there_keys = [key(x) for x in there]
    pairs = list(agreed or ())
    found = _find_pairs(pairs, here_keys, there_keys)
    anchors = [k for k, (h, t) in enumerate(found) if h is not None and t is not None
               and ABSENT not in pairs[k]]
    taken_here = {h for h, _ in found if h is not None}
    taken_there = {t for _, t in found if t is not None}
    free_here = [i for i in range(len(here)) if i not in taken_here]
    free_there = [j for j in range(len(there)) if j not in taken_there]
    matches: list[Match] = []
    for k, (h, t) in enumerate(found):
        region = sum(1 for a in anchors if a < k)
        matches.extend(_resolve_pair(pairs[k], h, t, region, anchors, found, free_here,
                                     free_there, pair_changed))
    matches.extend(_unpaired(free_here, free_there, anchors, found, confirmed=bool(pairs)))
    if texts:
        matches = [_copy_checked(m, here, there) for m in matches]
    order = _order_state([found[a] for a in anchors], there_order, anchors, len(pairs))
    return ListComparison(tuple(matches), order)


def _find_pairs(pairs: Sequence[tuple[str, str]], here_keys: Sequence[str],
                there_keys: Sequence[str]) -> list[tuple[int | None, int | None]]:
    """For each recorded pair, the index of the item with its fingerprint on each side."""
    used_here: set[int] = set()
    used_there: set[int] = set()
    found: list[tuple[int | None, int | None]] = []
    for there_key, here_key in pairs:
        h = _take(here_keys, here_key, used_here)
        t = _take(there_keys, there_key, used_there)
        found.append((h, t))
    return found


def _take(keys: Sequence[str], wanted: str, used: set[int]) -> int | None:
    if wanted == ABSENT:
        return None
    index = next((i for i, k in enumerate(keys) if k == wanted and i not in used), None)
    if index is not None:
        used.add(index)
    return index


def _region_of(index: int, side: int, anchors: Sequence[int],
               found: Sequence[tuple[int | None, int | None]]) -> int:
    """How many confirmed neighbours stand before ``index`` on one side (0 here, 1 there)."""
    return sum(1 for a in anchors if (found[a][side] or 0) < index)


def _pop_in_region(free: list[int], side: int, region: int, anchors: Sequence[int],
                   found: Sequence[tuple[int | None, int | None]]) -> int | None:
    for index in free:
        if _region_of(index, side, anchors, found) == region:
            free.remove(index)
            return index
    return None


def _resolve_pair(pair: tuple[str, str], h: int | None, t: int | None, region: int,
                  anchors: Sequence[int], found: Sequence[tuple[int | None, int | None]],
                  free_here: list[int], free_there: list[int],
                  pair_changed: bool) -> list[Match]:
    there_key, here_key = pair
    if there_key == ABSENT:
        return [Match(h, None, "kept_here", pair)] if h is not None else []
    if here_key == ABSENT:
        return [Match(None, t, "kept_there", pair)] if t is not None else []
    if h is not None and t is not None:
        return [Match(h, t, "same", pair)]

    def changed_at(free: list[int], side: int) -> int | None:
        return _pop_in_region(free, side, region, anchors, found) if pair_changed else None

    if h is not None:
        t2 = changed_at(free_there, 1)
        return [Match(h, t2, "there_newer" if t2 is not None else "deleted_there", pair)]
    if t is not None:
        h2 = changed_at(free_here, 0)
        return [Match(h2, t, "here_newer" if h2 is not None else "deleted_here", pair)]
    h2, t2 = changed_at(free_here, 0), changed_at(free_there, 1)
    if h2 is not None and t2 is not None:
        return [Match(h2, t2, "both_changed", pair)]
    if h2 is not None:
        return [Match(h2, None, "deleted_there", pair)]
    if t2 is not None:
        return [Match(None, t2, "deleted_here", pair)]
    return []  # deleted on both sides: nothing left to do


def _unpaired(free_here: list[int], free_there: list[int], anchors: Sequence[int],
              found: Sequence[tuple[int | None, int | None]], *,
              confirmed: bool) -> list[Match]:
    """Items no record pairs: side by side at the same place they are unconfirmed (by
    position, when nothing was ever confirmed), else new on their side."""
    matches: list[Match] = []
    regions = range(len(anchors) + 1) if confirmed else range(1)
    for region in regions:
        here = [i for i in free_here if not confirmed
                or _region_of(i, 0, anchors, found) == region]
        there = [j for j in free_there if not confirmed
                 or _region_of(j, 1, anchors, found) == region]
        for i, j in zip(here, there, strict=False):
            matches.append(Match(i, j, "unconfirmed"))
        matches.extend(Match(i, None, "new_here") for i in here[len(there):])
        matches.extend(Match(None, j, "new_there") for j in there[len(here):])
    return matches


def _copy_checked(match: Match, here: Sequence[str], there: Sequence[str]) -> Match:
    """An unconfirmed or changed pair whose two texts are the same words is a copy."""
    if match.here is None or match.there is None or match.state in ("same", "kept_here",
                                                                    "kept_there"):
        return match
    if _same_words(here[match.here], there[match.there]):
        return Match(match.here, match.there, "copy", match.agreed)
    return match


def _order_state(anchored: Sequence[tuple[int | None, int | None]],
                 there_order: Sequence[int] | None, anchors: Sequence[int],
                 n_pairs: int) -> OrderState:
    """Whether the items both sides still have stand in the order that was confirmed: this
    file's order is the record's, the other's is ``there_order`` (ranks by pair) or the same."""
    ranks = list(there_order or ())

    def there_rank(n: int) -> int:
        k = anchors[n]
        return ranks[k] if k < len(ranks) else k

    here_seq = [h or 0 for h, _ in anchored]
    there_seq = [anchored[n][1] or 0 for n in sorted(range(len(anchored)), key=there_rank)]
    here_moved = here_seq != sorted(here_seq)
    there_moved = there_seq != sorted(there_seq)
    if here_moved and there_moved:
        return "both_reordered"
    if here_moved:
        return "here_reordered"
    return "there_reordered" if there_moved else "same"


def video_id_key(video_id: str) -> str:
    """Videos are known by their id, which is the same in every language."""
    return video_id
