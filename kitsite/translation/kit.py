"""Which languages of one kit are compared with which, and what follows for each language.

Owns: for every unit of a kit (its own texts, and each video) the pairs of languages that
are compared — the ones a ``translated_from:`` record names, and, where nothing was
confirmed yet, the language a version is taken to be translated from — and, from those
comparisons, two answers: the *gaps* each language's translator has to look at (stale,
missing, deleted elsewhere, reordered, not confirmed, not translated) and what a reader of
each language is *shown* (its own text, another language's text where its own is missing,
nothing where it was deleted on purpose). :mod:`kitsite.render.views` and
:mod:`kitsite.translation.report` are built on it; the field-by-field rules live in
:mod:`kitsite.translation.compare`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from kitsite.content.model import Kit, Library, Video
from kitsite.translation.compare import (
    ABSENT,
    ListComparison,
    Match,
    Record,
    align,
    compare_text,
    video_id_key,
)

Unit = str | None
"""``None``: the kit's own texts; otherwise a video's id."""

GapKind = Literal["missing", "stale", "conflict", "unconfirmed", "untranslated", "deleted",
                  "reordered"]
"""What a translator of one language has to look at:

``missing``: another language has a text, item or video this one lacks. ``stale``: the
other language changed it after the two were confirmed. ``conflict``: both changed it.
``unconfirmed``: translated but never confirmed. ``untranslated``: the text is another
language's, copied and not translated. ``deleted``: the other language deleted it, this one
still has it. ``reordered``: the other language put the items in another order.
"""


def kit_texts(kit: Kit) -> dict[str, str]:
    """The kit's translatable single texts, by field name (the spec's, in its order)."""
    return dict(kit.texts)


def kit_lists(kit: Kit) -> dict[str, tuple[str, ...]]:
    """The kit's translatable lists; a section counts as one text (its title and body)."""
    return dict(kit.lists)


def video_texts(video: Video) -> dict[str, str]:
    """The video's translatable single texts; an absent optional text is the empty text."""
    return dict(video.texts)


def video_lists(video: Video) -> dict[str, tuple[str, ...]]:
    return dict(video.lists)


@dataclass(frozen=True)
class UnitComparison:
    """Every field of one unit on both sides of a pair of languages."""

    texts: Mapping[str, Match]
    lists: Mapping[str, ListComparison]
    videos: ListComparison | None = None
    """For the kit's own unit: its videos, known by id."""


@dataclass(frozen=True)
class Edge:
    """One unit compared between two languages: ``here`` holds the record (or would, once
    confirmed), ``there`` is the language it is checked against."""

    unit: Unit
    here: str
    there: str
    record: Record | None
    comparison: UnitComparison

    def other(self, language: str) -> str:
        return self.there if language == self.here else self.here


@dataclass(frozen=True)
class FieldGap:
    """One thing one language's translator has to look at."""

    language: str
    other: str
    """The other language: the newer one, the one that has the text, or the one it was
    compared with."""
    unit: Unit
    field: str
    """``title``, ``questions``, ``videos`` (a whole video, or the videos' order)."""
    kind: GapKind
    index: int | None = None
    """The item's index in this language's list (None for a text, or an item it lacks)."""
    other_index: int | None = None
    """The item's index in the other language's list."""
    video: str | None = None
    """For a whole video (``field == "videos"``): its id."""


@dataclass(frozen=True)
class Shown:
    """A list item as shown to one language's readers."""

    source: str
    """The language whose list holds the item."""
    index: int
    lang: str
    """The language the words are in (another one's, for an untranslated copy)."""
    fallback: bool = False
    """True when it is another language's text, shown because this one lacks it."""


class KitTranslation:
    """Every comparison between the languages of one kit."""

    def __init__(self, library: Library, kit_id: str) -> None:
        self.library = library
        self.kit_id = kit_id
        self.versions: dict[str, Kit] = {
            lang: kit for lang in library.languages
            if (kit := library.kit(lang, kit_id)) is not None}
        self.kit_edges = self._edges(None)
        video_ids = dict.fromkeys(v.id for kit in self.versions.values() for v in kit.videos)
        self.video_edges = {vid: self._edges(vid) for vid in video_ids}

    # --- the pairs ------------------------------------------------------------------------

    def edges(self, unit: Unit) -> list[Edge]:
        return self.kit_edges if unit is None else self.video_edges.get(unit, [])

    def outgoing(self, language: str, unit: Unit) -> Edge | None:
        """The pair in which ``language`` holds (or would hold) the record."""
        return next((e for e in self.edges(unit) if e.here == language), None)

    def display_edge(self, language: str, unit: Unit) -> Edge | None:
        """The pair whose other language fills ``language``'s gaps: the one it was translated
        from, else the first language in its fallback order that was translated from it."""
        own = self.outgoing(language, unit)
        if own is not None:
            return own
        incoming = {e.here: e for e in self.edges(unit) if e.there == language}
        return next((incoming[lang] for lang in self.library.fallback_languages(language)
                     if lang in incoming), None)

    def partner(self, language: str, unit: Unit) -> str | None:
        """The language ``language``'s version of ``unit`` is checked against: the one its
        pairs compare it with (its own record's, else the first of its fallback languages
        that was translated from it, else any that was); None when it is in no pair."""
        edge = self.display_edge(language, unit)
        if edge is not None:
            return edge.other(language)
        return next((e.here for e in self.edges(unit) if e.there == language), None)

    def _holders(self, unit: Unit) -> list[str]:
        if unit is None:
            return list(self.versions)
        return [lang for lang, kit in self.versions.items() if kit.video(unit) is not None]

    def _record(self, language: str, unit: Unit, holders: Sequence[str]) -> Record | None:
        kit = self.versions[language]
        raw = kit.translated_from if unit is None else _video(kit, unit).translated_from
        record = Record.parse(raw)
        if (record is None or record.language == language or record.language not in holders
                or record.into not in (None, language)):
            return None
        return record

    def _edges(self, unit: Unit) -> list[Edge]:
        holders = self._holders(unit)
        records = {lang: rec for lang in holders
                   if (rec := self._record(lang, unit, holders)) is not None}
        partner = {lang: rec.language for lang, rec in records.items()}
        named = set(partner.values())
        for lang in holders:
            if lang in partner or lang in named:
                continue
            for candidate in self._preferred_partners(lang, unit):
                if candidate in holders and candidate != lang and \
                        not _leads_to(partner, candidate, lang):
                    partner[lang] = candidate
                    break
        return [Edge(unit, here, there, records.get(here),
                     self.compare(unit, here, there, records.get(here)))
                for here, there in partner.items()]

    def _preferred_partners(self, language: str, unit: Unit) -> list[str]:
        """Whom a never-confirmed version is taken to be translated from: for a video, the
        language its kit file is; then the language's fallback order."""
        first = []
        if unit is not None:
            kit_edge = self.outgoing(language, None)
            if kit_edge is not None:
                first.append(kit_edge.there)
        return [*first, *self.library.fallback_languages(language)]

    def compare(self, unit: Unit, here: str, there: str, record: Record | None
                ) -> UnitComparison:
        """``unit`` of ``here`` against ``there``, by ``record`` (None: never confirmed)."""
        a, b = self.versions[here], self.versions[there]
        if unit is None:
            texts_a, texts_b, lists_a, lists_b = kit_texts(a), kit_texts(b), kit_lists(a), \
                kit_lists(b)
        else:
            va, vb = _video(a, unit), _video(b, unit)
            texts_a, texts_b, lists_a, lists_b = video_texts(va), video_texts(vb), \
                video_lists(va), video_lists(vb)
        texts = {}
        for name, text in texts_a.items():
            match = compare_text(text, texts_b.get(name, ""),
                                 record.texts.get(name) if record else None)
            if match is not None:
                texts[name] = self._copy_checked(match, text, texts_b.get(name, ""),
                                                 self._same_field_texts(unit, name, here),
                                                 there)
        lists = {}
        for name, items in lists_a.items():
            compared = align(items, lists_b.get(name, ()),
                             record.lists.get(name) if record else None,
                             there_order=record.orders_there.get(name) if record else None)
            others = self._same_list_items(unit, name, here)
            lists[name] = ListComparison(tuple(
                self._copy_checked(m, items[m.here] if m.here is not None else "",
                                   lists_b[name][m.there] if m.there is not None else "",
                                   others, there)
                for m in compared.matches), compared.order)
        videos = _compare_videos(a, b, record) if unit is None else None
        return UnitComparison(texts, lists, videos)

    def _copy_checked(self, match: Match, text: str, partner_text: str,
                      others: Mapping[str, Sequence[str]], there: str) -> Match:
        """Name the language a copied text is from; a text that is, word for word, a third
        language's (a file copied from it) is not translated, whatever its record says."""
        if match.state == "copy":
            return dataclasses.replace(match, copy_of=there)
        if match.here is None or not text.strip() or match.state not in (
                "unconfirmed", "here_newer", "both_changed", "new_here"):
            return match  # a text confirmed as this language's own is nobody's copy
        flat = _flat(text)
        if flat == _flat(partner_text):
            return match  # the same in both languages of the pair, as confirmed (a name)
        for lang, texts in others.items():
            if lang != there and any(_flat(t) == flat for t in texts):
                return dataclasses.replace(match, state="copy", copy_of=lang)
        return match

    def _same_field_texts(self, unit: Unit, name: str, language: str) -> dict[str, list[str]]:
        """The text of field ``name`` in every other language that has the unit."""
        found = {}
        for lang in self.versions:
            text = self._text(lang, unit, name) if lang != language else None
            if text:
                found[lang] = [text]
        return found

    def _same_list_items(self, unit: Unit, name: str, language: str) -> dict[str, list[str]]:
        found = {}
        for lang, kit in self.versions.items():
            if lang == language or (unit is not None and kit.video(unit) is None):
                continue
            found[lang] = list(self._items(lang, unit, name))
        return found

    def _text(self, language: str, unit: Unit, name: str) -> str | None:
        kit = self.versions.get(language)
        if kit is None:
            return None
        if unit is None:
            return kit_texts(kit).get(name)
        video = kit.video(unit)
        return video_texts(video).get(name) if video else None

    # --- what translators see -----------------------------------------------------------

    def gaps(self, language: str) -> list[FieldGap]:
        """Everything ``language``'s translator has to look at in this kit."""
        found: list[FieldGap] = []
        for edges in (self.kit_edges, *self.video_edges.values()):
            for edge in edges:
                if language in (edge.here, edge.there):
                    found.extend(_edge_gaps(edge, language, self.versions[language]))
        found.extend(self._missing_videos(language))
        return found

    def _missing_videos(self, language: str) -> Iterator[FieldGap]:
        """Videos another language has, that this one lacks and did not leave out on
        purpose (a deleted video is reported to the languages that still have it)."""
        if language not in self.versions:
            return
        own = {v.id for v in self.versions[language].videos}
        left_out = self.left_out_videos(language)
        for video_id in self.video_edges:
            if video_id in own or video_id in left_out:
                continue
            source = self.fallback_version(language, video_id)
            if source is not None:
                index = [v.id for v in self.versions[source].videos].index(video_id)
                yield FieldGap(language, source, None, "videos", "missing",
                               other_index=index, video=video_id)

    def left_out_videos(self, language: str) -> set[str]:
        """Videos ``language`` deleted or lacks on purpose, by its kit's pairs."""
        out: set[str] = set()
        for edge in self.kit_edges:
            if language not in (edge.here, edge.there) or edge.comparison.videos is None:
                continue
            here = language == edge.here
            other = self.versions[edge.other(language)]
            lacking = ("deleted_here", "kept_there") if here else ("deleted_there", "kept_here")
            for match in edge.comparison.videos.matches:
                index = match.there if here else match.here
                if match.state in lacking and index is not None:
                    out.add(other.videos[index].id)
        return out

    def fallback_version(self, language: str, video_id: str) -> str | None:
        """The first language in ``language``'s fallback order that has the video."""
        return next((lang for lang in self.library.fallback_languages(language)
                     if lang in self.versions and self.versions[lang].video(video_id)),
                    None)

    # --- what readers see ---------------------------------------------------------------

    def shown_items(self, language: str, unit: Unit, name: str) -> list[Shown]:
        """The items of list ``name`` as ``language``'s readers see them, in order."""
        own = self._items(language, unit, name)
        edge = self.display_edge(language, unit)
        if edge is None:
            return [Shown(language, i, language) for i in range(len(own))]
        other = edge.other(language)
        return shown_order(edge.comparison.lists[name], language == edge.here, language,
                           other, len(own))

    def _items(self, language: str, unit: Unit, name: str) -> tuple[str, ...]:
        kit = self.versions[language]
        if unit is None:
            return kit_lists(kit)[name]
        return video_lists(_video(kit, unit))[name]

    def text_state(self, language: str, unit: Unit, name: str
                   ) -> tuple[str | None, str, bool]:
        """How field ``name`` is shown to ``language``'s readers: the language whose text it
        is (None: nothing to show), the language to mark it with, and whether it is a
        fallback (another language's text, shown because this one lacks or only copied it)."""
        own = self._text(language, unit, name) or ""
        edge = self.display_edge(language, unit)
        match = edge.comparison.texts.get(name) if edge is not None else None
        if edge is None or match is None:
            return (language if own.strip() else None), language, False
        here = language == edge.here
        other = edge.other(language)
        if match.state == "copy" and here:
            return language, match.copy_of or other, True
        if match.state == ("new_there" if here else "new_here"):
            return other, other, True
        return (language if own.strip() else None), language, False

    def stale_against(self, language: str, unit: Unit) -> str | None:
        """The language that changed this unit after ``language``'s version was confirmed
        against it (the newer one), if any."""
        for edge in self.edges(unit):
            if language not in (edge.here, edge.there):
                continue
            newer = "there_newer" if language == edge.here else "here_newer"
            states = [m.state for m in edge.comparison.texts.values()]
            states += [m.state for c in edge.comparison.lists.values() for m in c.matches]
            if newer in states or "both_changed" in states:
                return edge.other(language)
        return None

    def copied_from(self, language: str, unit: Unit) -> str | None:
        """The language this unit's texts were copied from, when none of them is
        translated (a copied file or card): readers are shown it as not translated."""
        edge = self.outgoing(language, unit)
        if edge is None:
            return None
        matches = [*edge.comparison.texts.values()]
        matches += [m for c in edge.comparison.lists.values() for m in c.matches
                    if m.here is not None]
        if matches and all(m.state == "copy" for m in matches):
            return matches[0].copy_of or edge.there
        return None


def shown_order(comparison: ListComparison, own_is_here: bool, language: str, other: str,
                own_count: int) -> list[Shown]:
    """Own items in own order, with the other language's items this one lacks (never
    paired) put after the item that precedes them; deleted ones never come back. An own
    item that is a copy of the other language's is marked with that language."""
    fallback_state = "new_there" if own_is_here else "new_here"
    copies = {_sides(m, own_is_here)[0]: m.copy_of or other for m in comparison.matches
              if m.state == "copy" and own_is_here}
    shown = [Shown(language, i, copies.get(i, language), i in copies) for i in range(own_count)]
    by_other = sorted((m for m in comparison.matches if _sides(m, own_is_here)[1] is not None),
                      key=lambda m: _sides(m, own_is_here)[1] or 0)
    previous_own: int | None = None
    for match in by_other:
        own_index, other_index = _sides(match, own_is_here)
        if own_index is not None:
            previous_own = own_index
            continue
        if match.state != fallback_state or other_index is None:
            continue
        at = 0 if previous_own is None else next(
            (n + 1 for n, s in enumerate(shown)
             if s.source == language and s.index == previous_own), len(shown))
        while at < len(shown) and shown[at].source == other:
            at += 1
        shown.insert(at, Shown(other, other_index, other, True))
    return shown


def _sides(match: Match, own_is_here: bool) -> tuple[int | None, int | None]:
    """``(own index, other index)`` of a match, seen from one language."""
    return (match.here, match.there) if own_is_here else (match.there, match.here)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _video(kit: Kit, video_id: str) -> Video:
    video = kit.video(video_id)
    assert video is not None
    return video


def _leads_to(partner: Mapping[str, str], start: str, target: str) -> bool:
    seen: set[str] = set()
    node: str | None = start
    while node is not None and node not in seen:
        if node == target:
            return True
        seen.add(node)
        node = partner.get(node)
    return False


def _compare_videos(here: Kit, there: Kit, record: Record | None) -> ListComparison:
    """The two kit files' videos, known by id. Before the kit was ever confirmed, the
    videos both have count as paired (same id, same video) and nobody has reordered."""
    here_ids, there_ids = [v.id for v in here.videos], [v.id for v in there.videos]
    if record is not None and record.videos is not None:
        agreed = [(v, v) for v in record.videos]
        agreed += [(ABSENT, v) for v in record.only_here]
        agreed += [(v, ABSENT) for v in record.only_there]
        return align(here_ids, there_ids, agreed, there_order=record.orders_there.get("videos"),
                     key=video_id_key, pair_changed=False, texts=False)
    common = [(v, v) for v in here_ids if v in there_ids]
    compared = align(here_ids, there_ids, common, key=video_id_key, pair_changed=False,
                     texts=False)
    return ListComparison(compared.matches)


_TEXT_GAPS: dict[str, tuple[tuple[str, GapKind], ...]] = {
    # state -> (whose gap: "here"/"there", kind), for texts and list items
    "here_newer": (("there", "stale"),),
    "there_newer": (("here", "stale"),),
    "both_changed": (("here", "conflict"), ("there", "conflict")),
    "unconfirmed": (("here", "unconfirmed"),),
    "copy": (("here", "untranslated"),),
    "new_here": (("there", "missing"),),
    "new_there": (("here", "missing"),),
    "deleted_here": (("there", "deleted"),),
    "deleted_there": (("here", "deleted"),),
}
_ORDER_GAPS: dict[str, tuple[str, ...]] = {
    "here_reordered": ("there",), "there_reordered": ("here",),
    "both_reordered": ("here", "there"),
}


def _edge_gaps(edge: Edge, language: str, own_kit: Kit) -> Iterator[FieldGap]:
    side = "here" if language == edge.here else "there"
    other = edge.other(language)

    for name, match in edge.comparison.texts.items():
        for whose, kind in _TEXT_GAPS.get(match.state, ()):
            if whose == side:
                yield FieldGap(language, match.copy_of or other, edge.unit, name, kind)
    for name, comparison in edge.comparison.lists.items():
        for match in comparison.matches:
            for whose, kind in _TEXT_GAPS.get(match.state, ()):
                if whose == side:
                    own, theirs = _sides(match, side == "here")
                    yield FieldGap(language, match.copy_of or other, edge.unit, name, kind,
                                   own, theirs)
        if side in _ORDER_GAPS.get(comparison.order, ()):
            yield FieldGap(language, other, edge.unit, name, "reordered")
    videos = edge.comparison.videos
    if videos is None:
        return
    for match in videos.matches:
        if match.state != ("deleted_there" if side == "here" else "deleted_here"):
            continue
        own_index = _sides(match, side == "here")[0]
        if own_index is not None:
            yield FieldGap(language, other, None, "videos", "deleted", own_index,
                           video=own_kit.videos[own_index].id)
    if side in _ORDER_GAPS.get(videos.order, ()):
        yield FieldGap(language, other, None, "videos", "reordered")

