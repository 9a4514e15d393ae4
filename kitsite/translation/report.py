"""The translation status of every kit and page: what each language's translator has to do.

Owns: the report behind ``kits status``, ``kits status --json`` and the site's translation
status page — per kit and language, every gap (stale, changed in both, missing, deleted in
another language, reordered, not confirmed, not translated) with the line to edit here and
the file and line to compare with. The gaps themselves come from
:mod:`kitsite.translation.kit`; confirming is :mod:`kitsite.translation.confirm`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from kitsite.content.docs_pages import docs_pages
from kitsite.content.model import Kit, Library
from kitsite.content.spec import KIT_FIELDS, VIDEO_FIELDS, translatable_lists
from kitsite.translation.kit import (
    FieldGap,
    GapKind,
    KitTranslation,
    kit_lists,
    kit_texts,
    video_lists,
    video_texts,
)

EXCERPT_LENGTH = 70
GAP_ORDER: tuple[GapKind, ...] = ("missing", "stale", "conflict", "deleted", "reordered",
                                  "unconfirmed", "untranslated")


@dataclass(frozen=True)
class Gap:
    """One thing a translator has to look at in one language's file."""

    kind: GapKind
    field: str
    """Key path: ``about``, ``videos[hope].questions[1]``, ``videos[hope]`` (a whole video),
    ``videos`` (their order). For an item this language lacks, the path in the other file."""
    line: int
    """Line to edit in this language's file (for a missing item: where to add it)."""
    other_language: str
    """The newer language, the one that has what is missing here, or the one to compare with."""
    other_file: Path | None = None
    other_line: int | None = None
    text: str = ""
    """An excerpt of the other language's text (what to translate or compare with)."""
    video: str | None = None
    whole_video: bool = False
    count: int = 1
    """For a unit that is not confirmed or not translated: how many of its texts."""

    @property
    def public(self) -> bool:
        """Whether the field's text may be quoted on a public page (the status page): not
        when the spec shows it on the facilitator view only (facilitator notes)."""
        name = self.field.rsplit(".", 1)[-1].split("[", 1)[0]
        fields = VIDEO_FIELDS if self.video is not None else KIT_FIELDS
        spec = next((f for f in fields if f.name == name), None)
        return spec is None or spec.shown_on != ("facilitator",)


@dataclass(frozen=True)
class KitStatus:
    """One kit in one language."""

    kit_id: str
    language: str
    title: str
    path: Path | None
    """This language's file; None when the kit is not translated into it."""
    checked_against: str | None = None
    """The language this file's kit texts were confirmed against (None: an original)."""
    only_in: tuple[str, ...] = ()
    """For a kit not translated into this language: the languages that have it."""
    gaps: tuple[Gap, ...] = ()
    title_lang: str = ""
    """The language of ``title`` (another language's when the kit is not translated)."""

    @property
    def state(self) -> Literal["not_translated", "up_to_date", "gaps"]:
        if self.path is None:
            return "not_translated"
        return "gaps" if self.gaps else "up_to_date"

    def count(self, kind: GapKind) -> int:
        return sum(1 for g in self.gaps if g.kind == kind)


@dataclass(frozen=True)
class PageStatus:
    """One hand-written page (``docs/<lang>/<uri>``) in one language."""

    uri: str
    language: str
    path: Path | None
    only_in: tuple[str, ...] = ()


@dataclass(frozen=True)
class Totals:
    kits: int
    up_to_date: int
    with_gaps: int
    not_translated: int
    gap_counts: dict[str, int]
    pages: int
    pages_missing: int

    @property
    def gaps(self) -> int:
        return sum(self.gap_counts.values())


@dataclass
class StatusReport:
    languages: tuple[str, ...]
    default_language: str
    root: Path
    """The project folder; paths are shown relative to it."""
    kits: list[KitStatus] = field(default_factory=list)
    pages: list[PageStatus] = field(default_factory=list)
    _index: dict[tuple[str, str], KitStatus] = field(default_factory=dict, repr=False,
                                                     compare=False)

    def kit_ids(self) -> list[str]:
        return list(dict.fromkeys(k.kit_id for k in self.kits))

    def kit(self, kit_id: str, language: str) -> KitStatus:
        if len(self._index) != len(self.kits):
            self._index = {(k.kit_id, k.language): k for k in self.kits}
        return self._index[kit_id, language]

    def totals(self, language: str) -> Totals:
        kits = [k for k in self.kits if k.language == language]
        pages = [p for p in self.pages if p.language == language]
        return Totals(
            kits=len(kits),
            up_to_date=sum(1 for k in kits if k.state == "up_to_date"),
            with_gaps=sum(1 for k in kits if k.state == "gaps"),
            not_translated=sum(1 for k in kits if k.state == "not_translated"),
            gap_counts={kind: sum(k.count(kind) for k in kits) for kind in GAP_ORDER},
            pages=len(pages),
            pages_missing=sum(1 for p in pages if p.path is None),
        )

    @property
    def clean(self) -> bool:
        """No gaps in any translated kit. A kit or page that is not translated at all is listed,
        but is not a gap: it is shown in another language, with a notice, by design."""
        return all(not k.gaps for k in self.kits)

    def relative(self, path: Path | None) -> str | None:
        if path is None:
            return None
        if path.is_absolute() and self.root.is_absolute() and ".." not in path.parts:
            try:  # the usual case, a file found under the project: no need to ask the disk
                return path.relative_to(self.root).as_posix()
            except ValueError:
                pass
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return str(path)

    def to_json(self) -> dict[str, Any]:
        """The same report as plain data for tools (``kits status --json``)."""
        return {
            "languages": list(self.languages),
            "default_language": self.default_language,
            "clean": self.clean,
            "kits": [self._kit_json(kit_id) for kit_id in self.kit_ids()],
            "pages": [
                {"page": p.uri, "language": p.language, "path": self.relative(p.path),
                 "state": "translated" if p.path else "not_translated",
                 "only_in": list(p.only_in)}
                for p in self.pages
            ],
            "totals": {lang: {**vars(self.totals(lang)), "gaps": self.totals(lang).gaps}
                       for lang in self.languages},
        }

    def _kit_json(self, kit_id: str) -> dict[str, Any]:
        entries = {}
        for lang in self.languages:
            k = self.kit(kit_id, lang)
            entries[lang] = {
                "state": k.state, "title": k.title, "path": self.relative(k.path),
                "checked_against": k.checked_against, "only_in": list(k.only_in),
                "gaps": [{**vars(g), "other_file": self.relative(g.other_file)}
                         for g in k.gaps],
            }
        return {"id": kit_id, "languages": entries}


# --- building the report ------------------------------------------------------------------

def build_report(library: Library, docs_dir: Path | None = None) -> StatusReport:
    """The status of every kit (and, given ``docs_dir``, every hand-written page)."""
    report = StatusReport(library.languages, library.default_language, library.root.parent)
    for kit_id in library.kit_ids():
        translation = KitTranslation(library, kit_id)
        for lang in library.languages:
            report.kits.append(kit_status(library, translation, lang))
    if docs_dir is not None:
        report.pages = page_statuses(docs_dir, library.languages)
    return report


def page_statuses(docs_dir: Path, languages: Sequence[str]) -> list[PageStatus]:
    statuses = []
    for uri, present in sorted(docs_pages(docs_dir, languages).items()):
        for lang in languages:
            statuses.append(PageStatus(uri, lang, present.get(lang),
                                       () if lang in present else tuple(present)))
    return statuses


def kit_status(library: Library, translation: KitTranslation, language: str) -> KitStatus:
    """One kit in one language: what a translator has to do there."""
    kit_id = translation.kit_id
    kit = translation.versions.get(language)
    if kit is None:
        best = library.kit_in_best_language(language, kit_id)
        return KitStatus(kit_id, language, best.title, None,
                         only_in=tuple(translation.versions), title_lang=best.language)
    gaps = _located(translation, language, translation.gaps(language))
    edge = translation.outgoing(language, None)
    checked = edge.there if edge is not None and edge.record is not None else None
    return KitStatus(kit_id, language, kit.title, kit.path, checked,
                     gaps=tuple(sorted(gaps, key=lambda g: (g.line, GAP_ORDER.index(g.kind)))),
                     title_lang=language)


def _located(translation: KitTranslation, language: str,
             found: Sequence[FieldGap]) -> list[Gap]:
    """Each gap with the lines to edit and compare; a unit's texts that are all not
    confirmed (or all not translated) as one gap for the unit."""
    gaps: list[Gap] = []
    grouped: dict[tuple[str | None, GapKind, str], int] = {}
    for gap in found:
        if gap.kind in ("unconfirmed", "untranslated") and gap.field != "videos":
            key = (gap.unit, gap.kind, gap.other)
            grouped[key] = grouped.get(key, 0) + 1
            continue
        gaps.append(_locate(translation, language, gap))
    for (unit, kind, other), count in grouped.items():
        own = translation.versions[language]
        video = own.video(unit) if unit else None
        gaps.append(Gap(kind, f"videos[{unit}]" if unit else "(kit)",
                        video.line if video else own.line_of("title"), other,
                        translation.versions[other].path, _unit_line(translation, other, unit),
                        video=unit, count=count))
    return gaps


def _unit_line(translation: KitTranslation, language: str, unit: str | None) -> int:
    kit = translation.versions[language]
    video = kit.video(unit) if unit else None
    return video.line if video else kit.line_of("title")


def _locate(translation: KitTranslation, language: str, gap: FieldGap) -> Gap:
    own, other = translation.versions[language], translation.versions[gap.other]
    if gap.field == "videos":
        return _video_list_gap(own, other, gap)
    prefix = f"videos[{gap.unit}]." if gap.unit else ""
    own_lines, other_lines = _lines(own, gap.unit), _lines(other, gap.unit)
    is_list = gap.field in _list_names(gap.unit)
    if not is_list:
        text = _texts(other, gap.unit).get(gap.field, "")
        line = own_lines(gap.field) if gap.kind != "missing" else own_lines("")
        return Gap(gap.kind, prefix + gap.field, line, gap.other, other.path,
                   other_lines(gap.field), _excerpt(text), gap.unit)
    items = _lists(other, gap.unit)[gap.field]
    other_key = f"{gap.field}[{gap.other_index}]" if gap.other_index is not None else gap.field
    text = items[gap.other_index] if gap.other_index is not None else ""
    if gap.index is not None:
        key = f"{gap.field}[{gap.index}]"
        line = own_lines(key)
    elif gap.kind == "reordered":
        key, line = gap.field, own_lines(gap.field)
    else:  # missing here: where to add it
        key = other_key
        line = own_lines(_preceding_key(translation, language, gap)) if gap.other_index \
            else own_lines(gap.field)
    return Gap(gap.kind, prefix + key, line, gap.other, other.path, other_lines(other_key),
               _excerpt(text), gap.unit)


def _preceding_key(translation: KitTranslation, language: str, gap: FieldGap) -> str:
    """The own item after which an item this language lacks goes."""
    shown = translation.shown_items(language, gap.unit, gap.field)
    previous = gap.field
    for item in shown:
        if item.source == gap.other and item.index == gap.other_index:
            return previous
        if item.source == language:
            previous = f"{gap.field}[{item.index}]"
    return previous


def _video_list_gap(own: Kit, other: Kit, gap: FieldGap) -> Gap:
    if gap.kind == "reordered":
        return Gap("reordered", "videos", own.line_of("videos"), other.language, other.path,
                   other.line_of("videos"))
    assert gap.video is not None
    theirs = other.video(gap.video)
    mine = own.video(gap.video)
    if gap.kind == "missing":
        assert theirs is not None
        return Gap("missing", f"videos[{gap.video}]", _add_video_line(own, other, gap.video),
                   other.language, other.path, theirs.line, _excerpt(theirs.title), gap.video,
                   whole_video=True)
    assert mine is not None
    return Gap(gap.kind, f"videos[{gap.video}]", mine.line, other.language, other.path,
               other.line_of("videos"), _excerpt(mine.title), gap.video, whole_video=True)


def _add_video_line(kit: Kit, other: Kit, video_id: str) -> int:
    """Where to add ``video_id`` of ``other`` in ``kit``: after the video that precedes it."""
    ids = [v.id for v in other.videos]
    for previous in reversed(ids[:ids.index(video_id)]):
        here = kit.video(previous)
        if here is not None:
            return here.line
    return kit.line_of("videos") if "videos" in kit.field_lines else 1


def _lines(kit: Kit, unit: str | None) -> Callable[[str], int]:
    if unit is None:
        return lambda key: kit.line_of(key) if key else kit.line_of("title")
    video = kit.video(unit)
    assert video is not None
    return lambda key: video.line_of(key) if key else video.line


def _texts(kit: Kit, unit: str | None) -> dict[str, str]:
    if unit is None:
        return kit_texts(kit)
    video = kit.video(unit)
    assert video is not None
    return video_texts(video)


def _lists(kit: Kit, unit: str | None) -> dict[str, tuple[str, ...]]:
    if unit is None:
        return kit_lists(kit)
    video = kit.video(unit)
    assert video is not None
    return video_lists(video)


def _list_names(unit: str | None) -> tuple[str, ...]:
    return translatable_lists(KIT_FIELDS if unit is None else VIDEO_FIELDS)


def _excerpt(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= EXCERPT_LENGTH else flat[: EXCERPT_LENGTH - 1].rstrip() + "…"
