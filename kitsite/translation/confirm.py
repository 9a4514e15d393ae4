"""``kits status --confirm``: record that one language's version has been checked.

Owns: working out the ``translated_from:`` record a confirmation writes into the file the
translator edited, and writing it. A confirmation resolves what the status lists for that
language — stale, changed in both, not confirmed, deleted in the other language (kept here),
reordered in the other language (accepted) — and keeps what is the other language's to do
(its stale texts, what this language deleted or reordered). It never calls a missing text
translated: that takes ``--omit`` (left out on purpose), and a copied text ``--same``
(meant to be the same in both languages, like a name). A record the other language's file
held for the same pair is removed from it: one record per pair, in the file confirmed last.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from kitsite.cli.commands import kits_command
from kitsite.content.model import Kit, Library
from kitsite.content.spec import VIDEO_FIELDS, translatable_lists
from kitsite.content.yamldoc import KeyPath
from kitsite.edit.records import remove_blocks, write_blocks
from kitsite.translation.compare import (
    ABSENT,
    ListComparison,
    Match,
    Record,
    fingerprint,
    flipped,
    render_record,
)
from kitsite.translation.kit import (
    Edge,
    KitTranslation,
    Unit,
    kit_lists,
    kit_texts,
    video_lists,
    video_texts,
)


class ConfirmError(Exception):
    """A confirmation that cannot be done; the message says why and what to do."""


@dataclass(frozen=True)
class Confirmed:
    path: Path
    line: int
    what: str


Item = tuple[str, int | None]
"""A text of a unit (``("title", None)``) or a list item by its index in the confirmed file
(``("questions", 2)``)."""


@dataclass(frozen=True)
class Options:
    same: bool = False
    """Record texts that are word for word the other language's as translated."""
    omit: bool = False
    """Record what this language lacks and the other has as left out on purpose."""
    only: frozenset[Item] | None = None
    """Confirm only these texts and items (``kits po import``: the entries not marked
    fuzzy); every other pair stays as it was recorded. None: everything the unit holds."""
    unchecked: frozenset[Item] = frozenset()
    """Texts and items outside ``only`` whose own text was changed without being checked (a
    fuzzy entry): a stale one stays stale — the record keeps the other language's
    fingerprint as it was confirmed, with this text's new one —, one that was up to date is
    no longer confirmed."""

    def confirms(self, item: Item) -> bool:
        return self.only is None or item in self.only


def confirm(library: Library, kit_id: str, language: str, *, video_id: str | None = None,
            from_language: str | None = None, options: Options = Options()
            ) -> list[Confirmed]:
    """Record, in ``language``'s file of ``kit_id``, that it was checked against the other
    language (``from_language``, or the one it is compared with). With ``video_id``, only
    that video; otherwise the kit's own texts and every video."""
    translation = KitTranslation(library, kit_id)
    kit = translation.versions.get(language)
    if kit is None:
        have = ", ".join(translation.versions) or "no language"
        raise ConfirmError(f"there is no {language} file for kit {kit_id!r} (it exists in: "
                           f"{have}) — check the kit id and --lang")
    if from_language is not None and from_language not in translation.versions:
        raise ConfirmError(f"--from {from_language}: kit {kit_id!r} has no {from_language} "
                           f"file — use one of: {', '.join(translation.versions)}")
    units = _units(kit, video_id)
    return confirm_units(translation, language, dict.fromkeys(units, options),
                         from_language=from_language, skip_unpaired=video_id is None)


def confirm_units(translation: KitTranslation, language: str,
                  units: Mapping[Unit, Options], *, from_language: str | None = None,
                  skip_unpaired: bool = False) -> list[Confirmed]:
    """Confirm each of ``units`` (``None``: the kit's own texts; a video id) of
    ``language``'s file with its own options, and write the records; ``skip_unpaired``
    passes over videos that only this language has."""
    kit = translation.versions[language]
    writes: dict[Path, dict[KeyPath, dict[str, str | list[str]]]] = {}
    removals: dict[Path, list[KeyPath]] = {}
    what: dict[tuple[Path, KeyPath], str] = {}
    for unit, options in units.items():
        partner = from_language or translation.partner(language, unit)
        if partner is None or (unit is not None and
                               translation.versions[partner].video(unit) is None):
            if unit is not None and skip_unpaired:
                continue  # a video only this language has: nothing to check it against
            raise ConfirmError(_nothing_to_confirm(translation, language, unit, partner))
        record = new_record(translation, unit, language, partner, options)
        target = _target(kit, unit)
        writes.setdefault(kit.path, {})[target] = render_record(record)
        what[kit.path, target] = (f"video {unit!r}" if unit else "the kit's own texts") + \
            f" against {partner}"
        superseded = _edge(translation, unit, language, partner)
        if superseded is not None and superseded.here == partner and superseded.record:
            other = translation.versions[partner]
            removals.setdefault(other.path, []).append(_target(other, unit))
    done: list[Confirmed] = []
    for path, blocks in writes.items():
        lines = write_blocks(path, blocks)
        done.extend(Confirmed(path, lines[t], what[path, t]) for t in blocks)
    for path, targets in removals.items():
        remove_blocks(path, targets)
    return sorted(done, key=lambda c: c.line)


def _units(kit: Kit, video_id: str | None) -> list[Unit]:
    if video_id is None:
        return [None, *(v.id for v in kit.videos)]
    if kit.video(video_id) is None:
        raise ConfirmError(f"kit {kit.id!r} in {kit.language} has no video {video_id!r} — "
                           f"its videos: {', '.join(v.id for v in kit.videos)}")
    return [video_id]


def _nothing_to_confirm(translation: KitTranslation, language: str, unit: Unit,
                        partner: str | None) -> str:
    what = f"video {unit!r}" if unit else f"kit {translation.kit_id!r}"
    if partner is not None:
        return (f"--from {partner}: the {partner} file of kit {translation.kit_id!r} has no "
                f"{what} to check it against")
    return (f"{what} exists only in {language}: there is nothing to confirm it against — "
            f"translate it first ({kits_command('status')} says where)")


def _target(kit: Kit, unit: Unit) -> KeyPath:
    if unit is None:
        return ()
    return ("videos", [v.id for v in kit.videos].index(unit))


def _edge(translation: KitTranslation, unit: Unit, language: str, partner: str) -> Edge | None:
    return next((e for e in translation.edges(unit)
                 if {e.here, e.there} == {language, partner}), None)


def new_record(translation: KitTranslation, unit: Unit, language: str, partner: str,
               options: Options) -> Record:
    """The record ``language``'s file gets for ``unit``, checked against ``partner``."""
    edge = _edge(translation, unit, language, partner)
    own_is_here = edge is None or edge.here == language
    comparison = edge.comparison if edge is not None else \
        translation.compare(unit, language, partner, None)
    own_kit, other_kit = translation.versions[language], translation.versions[partner]
    own_texts, other_texts = _texts(own_kit, unit), _texts(other_kit, unit)
    own_lists, other_lists = _lists(own_kit, unit), _lists(other_kit, unit)
    texts: dict[str, tuple[str, str | None]] = {}
    for name, match in comparison.texts.items():
        other, own = _fp(other_texts.get(name, "")), _fp(own_texts.get(name, ""))
        agreed = _agreed(match, own_is_here)
        entry = _entry(_state(match, own_is_here), other, own, agreed, options) \
            if options.confirms((name, None)) else \
            _held(agreed, other, own, (name, None) in options.unchecked)
        if entry is not None:
            texts[name] = entry
    lists: dict[str, tuple[tuple[str, str], ...]] = {}
    orders: dict[str, tuple[int, ...]] = {}
    for name, listed in comparison.lists.items():
        pairs, there_order = _list_entries(name, listed, own_is_here, own_lists[name],
                                           other_lists[name], options)
        if pairs:
            lists[name] = pairs
        if there_order:
            orders[name] = there_order
    record = Record(partner, language, texts, lists, orders)
    if unit is None and comparison.videos is not None:
        record = _with_videos(record, comparison.videos, own_is_here, own_kit, other_kit,
                              options, old_own_order(edge, own_is_here))
    return record


def _fp(text: str) -> str | None:
    return fingerprint(text) if text.strip() else None


def _state(match: Match, own_is_here: bool) -> str:
    """The match's state seen from the confirmed language (as if it were "here")."""
    if own_is_here:
        return match.state
    return "copy_of_own" if match.state == "copy" else flipped(match.state)


def _agreed(match: Match, own_is_here: bool) -> tuple[str, str] | None:
    """The recorded pair as (other language's, own), whichever file held it."""
    if match.agreed is None:
        return None
    there, here = match.agreed
    return (there, here) if own_is_here else (here, there)


def _entry(state: str, other: str | None, own: str | None, agreed: tuple[str, str] | None,
           options: Options) -> tuple[str, str] | None:
    """What the new record holds for one text or item (None: nothing, it stays open)."""
    if state in ("same", "there_newer", "both_changed", "unconfirmed") and other and own:
        return other, own
    if state == "copy":
        return (other, own) if options.same and other and own else None
    if state in ("here_newer", "deleted_here", "copy_of_own"):
        return _known(agreed, other, own)  # the other language's to do: keep it as it was
    if state in ("deleted_there", "kept_here") and own:
        return ABSENT, own
    if state == "kept_there" and other:
        return other, ABSENT
    if state == "new_there" and options.omit and other:
        return other, ABSENT
    return None  # new here: the other language lacks it; new there: still missing here


def _known(agreed: tuple[str, str] | None, other: str | None, own: str | None
           ) -> tuple[str, str] | None:
    """A kept pair with the side an older record did not write filled in: that side was
    taken as unchanged, so it is its current text."""
    if agreed is None:
        return None
    there, here = agreed
    return (there or other or ABSENT, here or own or ABSENT)


def _held(agreed: tuple[str, str] | None, other: str | None, own: str | None,
          changed: bool) -> tuple[str, str] | None:
    """What the record keeps for a text or item that is not being confirmed: the pair as it
    was; for one whose own text changed unchecked, the other language's fingerprint as it was
    with the new own one while the other text is newer (it stays stale), else nothing."""
    if not changed:
        return _known(agreed, other, own)
    if agreed is None or ABSENT in agreed or not own or agreed[0] == other:
        return None
    return agreed[0], own


def _list_entries(name: str, listed: ListComparison, own_is_here: bool,
                  own_items: Sequence[str], other_items: Sequence[str], options: Options
                  ) -> tuple[tuple[tuple[str, str], ...], tuple[int, ...]]:
    """The pairs of one list in this file's order, and the other language's order of them
    when it differs (and this file accepts it)."""
    placed: list[tuple[tuple[float, int], tuple[str, str], int | None]] = []
    previous_own = -1
    by_other = sorted(listed.matches, key=lambda m: _other_at(m, own_is_here) or 0)
    own_position: dict[int, int] = {}
    for match in by_other:
        own_at = _own_at(match, own_is_here)
        if own_at is not None:
            previous_own = own_at
            own_position[id(match)] = own_at
        else:
            own_position[id(match)] = previous_own
    for match in listed.matches:
        own_at, other_at = _own_at(match, own_is_here), _other_at(match, own_is_here)
        other = _fp(other_items[other_at]) if other_at is not None else None
        own = _fp(own_items[own_at]) if own_at is not None else None
        agreed = _agreed(match, own_is_here)
        entry = _entry(_state(match, own_is_here), other, own, agreed, options) \
            if options.confirms((name, own_at)) else \
            _held(agreed, other, own, (name, own_at) in options.unchecked)
        if entry is None:
            continue
        key = (own_position[id(match)] + (0 if own_at is not None else 0.5), len(placed))
        placed.append((key, entry, other_at if ABSENT not in entry else None))
    placed.sort(key=lambda p: p[0])
    pairs = tuple(entry for _, entry, _ in placed)
    return pairs, _other_ranks([at for _, _, at in placed])


def _other_ranks(other_positions: Sequence[int | None]) -> tuple[int, ...]:
    """For pairs in this file's order, each one's rank in the other language's order — or
    nothing, when the two orders agree (pairs one side lacks keep their own place)."""
    present = sorted((at, n) for n, at in enumerate(other_positions) if at is not None)
    ranks = list(range(len(other_positions)))
    for rank, (_at, n) in enumerate(present):
        ranks[n] = rank
    in_own_order = [ranks[n] for n, at in enumerate(other_positions) if at is not None]
    return tuple(ranks) if in_own_order != sorted(in_own_order) else ()


def _own_at(match: Match, own_is_here: bool) -> int | None:
    return match.here if own_is_here else match.there


def _other_at(match: Match, own_is_here: bool) -> int | None:
    return match.there if own_is_here else match.here


def _with_videos(record: Record, videos: ListComparison, own_is_here: bool, own: Kit,
                 other: Kit, options: Options, old_order: Sequence[str]) -> Record:
    """The kit record's videos: the ids both have, in this file's order (the other order
    too when it differs), and those one of them lacks on purpose."""
    own_ids, other_ids = [v.id for v in own.videos], [v.id for v in other.videos]
    common, only_here, only_there = [], [], []
    for match in videos.matches:
        state = _state(match, own_is_here)
        own_at, other_at = _own_at(match, own_is_here), _other_at(match, own_is_here)
        if own_at is not None and other_at is not None:
            common.append(own_ids[own_at])
        elif state in ("deleted_there", "kept_here") and own_at is not None:
            only_here.append(own_ids[own_at])
        elif (state == "kept_there" or (state == "new_there" and options.omit)) \
                and other_at is not None:
            only_there.append(other_ids[other_at])
    common.sort(key=own_ids.index)
    if _state_of_order(videos.order, own_is_here) == "here_reordered":
        common = _kept_order(common, old_order)  # the other language is to follow: keep it
    other_order = sorted(common, key=other_ids.index)
    orders = dict(record.orders_there)
    if other_order != common:
        orders["videos"] = tuple(other_order.index(v) for v in common)
    return Record(record.language, record.into, record.texts, record.lists, orders,
                  tuple(common), tuple(only_here), tuple(only_there))


def _state_of_order(order: str, own_is_here: bool) -> str:
    return order if own_is_here else flipped(order)


def _kept_order(common: list[str], old_order: Sequence[str]) -> list[str]:
    """``common`` in the order confirmed before (ids new since then after them)."""
    known = [v for v in old_order if v in common]
    return known + [v for v in common if v not in known]


def old_own_order(edge: Edge | None, own_is_here: bool) -> list[str]:
    """The order of the videos this language had when the pair was last confirmed."""
    if edge is None or edge.record is None or edge.record.videos is None:
        return []
    ids = list(edge.record.videos)
    if own_is_here:
        return ids
    ranks = edge.record.orders_there.get("videos")
    if not ranks or len(ranks) != len(ids):
        return ids
    return [ids[n] for n in sorted(range(len(ids)), key=lambda n: ranks[n])]


def _texts(kit: Kit, unit: Unit) -> dict[str, str]:
    if unit is None:
        return kit_texts(kit)
    video = kit.video(unit)
    return video_texts(video) if video else {}


def _lists(kit: Kit, unit: Unit) -> dict[str, tuple[str, ...]]:
    if unit is None:
        return kit_lists(kit)
    video = kit.video(unit)
    return video_lists(video) if video else dict.fromkeys(translatable_lists(VIDEO_FIELDS), ())
