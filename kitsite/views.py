"""What a reader of one language sees of the library, with fallbacks made explicit.

Owns: choosing, for each kit, video and field on a language's site, which language's text is
shown — its own where it exists, else another language's, marked with that language — and
whether a translation lags behind its source (stale). Also the order and neighbours of videos.
Templates render these views; they never decide fallbacks themselves. Which text is missing
or stale is decided by :mod:`kitsite.translation`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from kitsite.model import Kit, Library, Section, Video, session_minutes
from kitsite.translation import (
    Comparison,
    Pair,
    compare_kits,
    compare_videos,
    translation_source,
)


@dataclass(frozen=True)
class Text:
    """One text as shown: its words and the language they are in."""

    text: str
    lang: str
    fallback: bool = False
    """True when the reader's language lacks this text and another language's is shown."""


@dataclass(frozen=True)
class SectionText:
    title: str
    body: str
    lang: str
    fallback: bool = False


@dataclass(frozen=True)
class VideoView:
    """A video as shown on one language's site."""

    video: Video
    lang: str
    """The language of the text shown (differs from the site's when not yet translated)."""
    site_lang: str
    kit_id: str
    index: int
    previous: Video | None
    next: Video | None
    questions: tuple[Text, ...] = ()
    """The questions to show, with any the translation lacks taken from its source."""
    description: Text | None = None
    transcript: Text | None = None
    stale_in: str | None = None
    """The source language, when its text changed after this translation was confirmed."""

    @property
    def translated(self) -> bool:
        return self.lang == self.site_lang

    @property
    def has_fallbacks(self) -> bool:
        texts = [*self.questions, self.description, self.transcript]
        return any(t is not None and t.fallback for t in texts)


@dataclass(frozen=True)
class KitView:
    """A kit as shown on one language's site."""

    kit: Kit
    site_lang: str
    videos: tuple[VideoView, ...]
    languages: tuple[str, ...]
    """Every language this kit has a file in."""
    made_with: tuple[Text, ...] = ()
    sections: tuple[SectionText, ...] = ()
    sources: tuple[Text, ...] = ()
    stale_in: str | None = None
    """The source language, when its kit texts changed after this translation was confirmed."""

    @property
    def lang(self) -> str:
        return self.kit.language

    @property
    def translated(self) -> bool:
        return self.kit.language == self.site_lang

    @property
    def only_in_other_languages(self) -> bool:
        return self.site_lang not in self.languages

    @property
    def session_minutes(self) -> int:
        shown = (dataclasses.replace(v.video, questions=tuple(q.text for q in v.questions))
                 for v in self.videos)
        return session_minutes(shown, self.kit.discussion_minutes_per_question)

    @property
    def total_seconds(self) -> int:
        return sum(v.video.duration.seconds for v in self.videos)

    @property
    def question_count(self) -> int:
        return sum(len(v.questions) for v in self.videos)


def shown_videos(library: Library, site_lang: str, kit_id: str) -> list[tuple[Video, str]]:
    """The videos of a kit on ``site_lang``'s site, in order, each with the language it is
    shown in: the kit's own (in its best language), then those only other languages have."""
    kit = library.kit_in_best_language(site_lang, kit_id)
    ordered: list[tuple[Video, str]] = [(v, kit.language) for v in kit.videos]
    known = {v.id for v in kit.videos}
    for lang in library.languages:
        other = library.kit(lang, kit_id)
        for video in other.videos if other else ():
            if video.id not in known:
                known.add(video.id)
                ordered.append((video, lang))
    return ordered


def kit_view(library: Library, site_lang: str, kit_id: str) -> KitView:
    """The kit in ``site_lang``; videos and fields missing there are taken from another."""
    kit = library.kit_in_best_language(site_lang, kit_id)
    source = translation_source(library, kit.language, kit_id) if kit.language == site_lang \
        else None
    languages = tuple(lang for lang in library.languages if library.kit(lang, kit_id))
    ordered = shown_videos(library, site_lang, kit_id)
    views = []
    for i, (video, lang) in enumerate(ordered):
        own = VideoView(
            video=video, lang=lang, kit_id=kit_id, index=i, site_lang=site_lang,
            previous=ordered[i - 1][0] if i > 0 else None,
            next=ordered[i + 1][0] if i + 1 < len(ordered) else None,
            questions=tuple(Text(q, lang) for q in video.questions),
            description=Text(video.description, lang),
            transcript=Text(video.transcript, lang) if video.transcript else None,
        )
        source_video = source.video(video.id) if source and lang == kit.language else None
        views.append(_with_video_fields(own, source_video, source.language if source else ""))
    return _with_kit_fields(
        KitView(kit=kit, site_lang=site_lang, videos=tuple(views), languages=languages),
        source)


def _with_video_fields(view: VideoView, source: Video | None, source_lang: str) -> VideoView:
    """``view`` with the texts its translation lacks taken from ``source``."""
    if source is None:
        return view
    video, lang = view.video, view.lang
    comparison = compare_videos(source, video)
    return dataclasses.replace(
        view,
        questions=_list(comparison.lists["questions"], source.questions, video.questions,
                        source_lang, lang),
        description=_text(video.description, source.description, source_lang, lang),
        transcript=_optional(video.transcript, source.transcript, source_lang, lang),
        stale_in=source_lang if comparison.stale else None,
    )


def _with_kit_fields(view: KitView, source: Kit | None) -> KitView:
    kit, lang = view.kit, view.kit.language
    made_with = tuple(Text(t, lang) for t in kit.made_with)
    sections = tuple(SectionText(s.title, s.body, lang) for s in kit.sections)
    sources = tuple(Text(t, lang) for t in kit.sources)
    if source is None:
        return dataclasses.replace(view, made_with=made_with, sections=sections, sources=sources)
    comparison: Comparison = compare_kits(source, kit)
    return dataclasses.replace(
        view,
        made_with=_list(comparison.lists["made_with"], source.made_with, kit.made_with,
                        source.language, lang),
        sections=_sections(comparison.lists["sections"], source.sections, kit.sections,
                           source.language, lang),
        sources=_list(comparison.lists["sources"], source.sources, kit.sources,
                      source.language, lang),
        stale_in=source.language if comparison.stale else None,
    )


def _list(
    pairs: Sequence[Pair], source: Sequence[str], target: Sequence[str], source_lang: str,
    lang: str,
) -> tuple[Text, ...]:
    """The translation's items in order, with the items only the source has put in place."""
    return tuple(Text(target[p.target], lang) if p.target is not None
                 else Text(source[p.source or 0], source_lang, fallback=True) for p in pairs)


def _sections(
    pairs: Sequence[Pair], source: Sequence[Section], target: Sequence[Section],
    source_lang: str, lang: str,
) -> tuple[SectionText, ...]:
    shown = []
    for p in pairs:
        if p.target is not None:
            shown.append(SectionText(target[p.target].title, target[p.target].body, lang))
        else:
            s = source[p.source or 0]
            shown.append(SectionText(s.title, s.body, source_lang, fallback=True))
    return tuple(shown)


def _text(own: str, source: str, source_lang: str, lang: str) -> Text:
    if own.strip() or not source.strip():
        return Text(own, lang)
    return Text(source, source_lang, fallback=True)


def _optional(own: str | None, source: str | None, source_lang: str, lang: str) -> Text | None:
    if not own and not source:
        return None
    return _text(own or "", source or "", source_lang, lang)


def site_kit_views(library: Library, site_lang: str) -> list[KitView]:
    """Every kit, as shown on ``site_lang``'s site, in listing order."""
    return [kit_view(library, site_lang, kit_id) for kit_id in library.kit_ids()]
