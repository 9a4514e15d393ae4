"""The translation status of every kit and page, and confirming a translation as checked.

Owns: the report behind ``kits status``, ``kits status --json`` and the site's translation
status page — per kit and language, which fields are missing, stale, not confirmed or extra,
with the line to edit — and ``--confirm``, which records the source's current fingerprints
in the translation file. The rules themselves live in :mod:`kitsite.translation`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from kitsite.docs_pages import docs_pages
from kitsite.model import Kit, Library, Video
from kitsite.translation import (
    Comparison,
    Pair,
    compare_kits,
    compare_videos,
    confirmed_record,
    kit_lists,
    kit_texts,
    recorded_language,
    translation_source,
    video_lists,
    video_texts,
)
from kitsite.translation_edit import write_blocks
from kitsite.yamldoc import KeyPath

GapKind = Literal["missing", "stale", "unconfirmed", "extra"]
GAP_KINDS: tuple[GapKind, ...] = ("missing", "stale", "unconfirmed", "extra")
EXCERPT_LENGTH = 70


@dataclass(frozen=True)
class Gap:
    """One thing a translator has to look at in one language's file."""

    kind: GapKind
    field: str
    """Key path: ``about``, ``videos[hope].questions[1]``, ``videos[hope]`` (a whole video).
    For a missing item, the path in the source; otherwise the path in this language's file."""
    line: int
    """Line to edit in this language's file (for a missing item: where to add it)."""
    source_file: Path | None = None
    """The file with the text to translate or compare with."""
    source_line: int | None = None
    source_text: str = ""
    text_lang: str = ""
    """The language of ``source_text``."""
    video: str | None = None
    whole_video: bool = False
    count: int = 1
    """For an unconfirmed kit or video: how many of its fields are not confirmed."""


@dataclass(frozen=True)
class KitStatus:
    """One kit in one language."""

    kit_id: str
    language: str
    title: str
    path: Path | None
    """This language's file; None when the kit is not translated into it."""
    source_language: str | None = None
    """The language this file is a translation of; None when it is the source."""
    source_path: Path | None = None
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

    @property
    def role(self) -> Literal["source", "translation", "none"]:
        if self.path is None:
            return "none"
        return "source" if self.source_language is None else "translation"

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
    missing: int
    stale: int
    unconfirmed: int
    extra: int
    pages: int
    pages_missing: int

    @property
    def gaps(self) -> int:
        return self.missing + self.stale + self.unconfirmed + self.extra


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
            missing=sum(k.count("missing") for k in kits),
            stale=sum(k.count("stale") for k in kits),
            unconfirmed=sum(k.count("unconfirmed") for k in kits),
            extra=sum(k.count("extra") for k in kits),
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
                "state": k.state, "role": k.role, "title": k.title,
                "path": self.relative(k.path), "source_language": k.source_language,
                "source_path": self.relative(k.source_path), "only_in": list(k.only_in),
                "gaps": [{**vars(g), "source_file": self.relative(g.source_file)}
                         for g in k.gaps],
            }
        return {"id": kit_id, "languages": entries}


# --- building the report ------------------------------------------------------------------

def build_report(library: Library, docs_dir: Path | None = None) -> StatusReport:
    """The status of every kit (and, given ``docs_dir``, every hand-written page)."""
    report = StatusReport(library.languages, library.default_language, library.root.parent)
    for kit_id in library.kit_ids():
        for lang in library.languages:
            report.kits.append(kit_status(library, kit_id, lang))
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


def kit_status(library: Library, kit_id: str, language: str) -> KitStatus:
    """One kit in one language: what a translator has to do there."""
    kit = library.kit(language, kit_id)
    if kit is None:
        best = library.kit_in_best_language(language, kit_id)
        only_in = tuple(lang for lang in library.languages if library.kit(lang, kit_id))
        return KitStatus(kit_id, language, best.title, None, only_in=only_in,
                         title_lang=best.language)
    source = translation_source(library, language, kit_id)
    gaps = list(_missing_videos(library, kit, source))
    if source is not None:
        gaps.extend(_kit_gaps(source, kit))
        for video in kit.videos:
            source_video = source.video(video.id)
            if source_video is not None:
                gaps.extend(_video_gaps(source, source_video, video))
    return KitStatus(kit_id, language, kit.title, kit.path,
                     source.language if source else None, source.path if source else None,
                     gaps=tuple(sorted(gaps, key=lambda g: g.line)), title_lang=language)


def _missing_videos(library: Library, kit: Kit, source: Kit | None) -> Iterable[Gap]:
    """Videos some other language has and this one lacks (compared with the source first)."""
    others = [source] if source else []
    others += [k for lang in library.languages
               if (k := library.kit(lang, kit.id)) is not None and k is not source and k is not kit]
    seen = {v.id for v in kit.videos}
    for other in others:
        for index, video in enumerate(other.videos):
            if video.id in seen:
                continue
            seen.add(video.id)
            yield Gap("missing", f"videos[{video.id}]", _add_video_line(kit, other, index),
                      other.path, video.line, _excerpt(video.title), other.language, video.id,
                      whole_video=True)


def _add_video_line(kit: Kit, other: Kit, index: int) -> int:
    """Where to add ``other.videos[index]`` in ``kit``: after the video that precedes it."""
    for previous in reversed(other.videos[:index]):
        here = kit.video(previous.id)
        if here is not None:
            return here.line
    return kit.line_of("videos") if "videos" in kit.field_lines else 1


@dataclass(frozen=True)
class _Unit:
    """A kit's own texts or one video: where its fields are in both files."""

    line_of: Callable[[str], int]
    source_line_of: Callable[[str], int]
    source: Kit
    prefix: str
    line: int
    video: str | None = None

    def gap(self, kind: GapKind, name: str, line: int, source_key: str | None,
            text: str) -> Gap:
        return Gap(kind, self.prefix + name, line or self.line, self.source.path,
                   self.source_line_of(source_key) if source_key else None, _excerpt(text),
                   self.source.language if text else "", self.video)


def _kit_gaps(source: Kit, kit: Kit) -> list[Gap]:
    unit = _Unit(kit.line_of, source.line_of, source, "", kit.line_of("title"))
    return _gaps(compare_kits(source, kit), kit_texts(source), kit_lists(source), unit)


def _video_gaps(source_kit: Kit, source: Video, video: Video) -> list[Gap]:
    unit = _Unit(video.line_of, source.line_of, source_kit, f"videos[{video.id}].", video.line,
                 video.id)
    return _gaps(compare_videos(source, video), video_texts(source), video_lists(source), unit)


def _gaps(
    comparison: Comparison, source_texts: dict[str, str],
    source_lists: dict[str, tuple[str, ...]], unit: _Unit,
) -> list[Gap]:
    gaps: list[Gap] = []
    unconfirmed = 0
    for name, state in comparison.texts.items():
        if state == "unconfirmed" and not comparison.confirmed:
            unconfirmed += 1
        elif state != "ok":
            line = unit.line_of(name) if state != "missing" else unit.line
            gaps.append(unit.gap(state, name, line, name, source_texts.get(name, "")))
    for name, pairs in comparison.lists.items():
        for pos, pair in enumerate(pairs):
            if pair.state == "unconfirmed" and not comparison.confirmed:
                unconfirmed += 1
            elif pair.state != "ok":
                gaps.append(_list_gap(pair, pairs[:pos], name, source_lists[name], unit))
    if unconfirmed:
        gaps.append(Gap("unconfirmed", unit.prefix.rstrip(".") or "(kit)", unit.line,
                        unit.source.path, video=unit.video, count=unconfirmed))
    return gaps


def _list_gap(pair: Pair, before: Sequence[Pair], name: str, source: Sequence[str],
              unit: _Unit) -> Gap:
    source_key = f"{name}[{pair.source}]" if pair.source is not None else None
    text = source[pair.source] if pair.source is not None else ""
    if pair.target is not None:
        state = pair.state
        assert state != "ok"
        key = f"{name}[{pair.target}]"
        return unit.gap(state, key, unit.line_of(key), source_key, text)
    previous = next((p.target for p in reversed(before) if p.target is not None), None)
    line = unit.line_of(f"{name}[{previous}]") if previous is not None else unit.line_of(name)
    return unit.gap("missing", source_key or name, line, source_key, text)


def _excerpt(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= EXCERPT_LENGTH else flat[: EXCERPT_LENGTH - 1].rstrip() + "…"


# --- confirming ---------------------------------------------------------------------------

class ConfirmError(Exception):
    """A confirmation that cannot be done; the message says why and what to do."""


@dataclass(frozen=True)
class Confirmed:
    path: Path
    line: int
    what: str


def confirm(
    library: Library, kit_id: str, language: str, *, video_id: str | None = None,
    from_language: str | None = None,
) -> list[Confirmed]:
    """Record the source's current fingerprints in ``language``'s file of ``kit_id``.

    With ``video_id``, only that video's block; otherwise the kit's block and every video's.
    """
    kit = library.kit(language, kit_id)
    if kit is None:
        have = [lang for lang in library.languages if library.kit(lang, kit_id)]
        raise ConfirmError(f"there is no {language} file for kit {kit_id!r} "
                           f"(it exists in: {', '.join(have) or 'no language'}) — "
                           f"check the kit id and --lang")
    source = _confirm_source(library, kit, from_language)
    blocks: dict[KeyPath, dict[str, str | list[str]]] = {}
    what: dict[KeyPath, str] = {}
    if video_id is not None:
        video = kit.video(video_id)
        if video is None:
            raise ConfirmError(f"kit {kit_id!r} in {language} has no video {video_id!r} — "
                               f"its videos: {', '.join(v.id for v in kit.videos)}")
        videos = [video]
    else:
        videos = [v for v in kit.videos if source.video(v.id)]
        blocks[()] = confirmed_record(source.language, kit_texts(source), kit_lists(source),
                                      kit_texts(kit), kit_lists(kit), kit.translated_from)
        what[()] = "the kit's own texts"
    for video in videos:
        target: KeyPath = ("videos", kit.videos.index(video))
        blocks[target] = _video_block(source, video)
        what[target] = f"video {video.id!r}"
    lines = write_blocks(kit.path, blocks)
    return sorted((Confirmed(kit.path, lines[t], what[t]) for t in blocks), key=lambda c: c.line)


def _confirm_source(library: Library, kit: Kit, from_language: str | None) -> Kit:
    translations = [lang for lang in library.languages
                    if (k := library.kit(lang, kit.id)) and recorded_language(k) == kit.language]
    if translations and (from_language is None or from_language in translations):
        raise ConfirmError(
            f"{kit.language} is the source of kit {kit.id!r}: the {', '.join(translations)} "
            f"file says it was translated from {kit.language} — confirm the translation "
            f"instead, e.g. --lang {translations[0]}")
    if from_language is not None:
        source = library.kit(from_language, kit.id)
        if from_language == kit.language or source is None:
            raise ConfirmError(f"--from {from_language}: expected another language that has "
                               f"kit {kit.id!r}")
        return source
    source = translation_source(library, kit.language, kit.id)
    if source is not None:
        return source
    others = [lang for lang in library.languages
              if lang != kit.language and library.kit(lang, kit.id)]
    if len(others) == 1:
        return _confirm_source(library, kit, others[0])
    raise ConfirmError(
        f"cannot tell which language the {kit.language} file of kit {kit.id!r} was translated "
        f"from — name it: --from {' or --from '.join(others) or '<language>'}")


def _video_block(source: Kit, video: Video) -> dict[str, str | list[str]]:
    source_video = source.video(video.id)
    if source_video is None:
        raise ConfirmError(f"video {video.id!r} is not in the {source.language} file "
                           f"{source.path.name}, so there is nothing to confirm it against")
    return confirmed_record(source.language, video_texts(source_video),
                            video_lists(source_video), video_texts(video), video_lists(video),
                            video.translated_from)
