"""What a reader of one language sees of the library, with fallbacks made explicit.

Owns: for each kit, video and field on a language's site, which language's text is shown —
its own where it has translated it, else another language's, marked with that language —
whether its translation lags behind a newer language (stale), and the order and neighbours
of the videos. Templates render these views; they never decide fallbacks themselves. What
is missing, deleted, copied or stale is decided by :mod:`kitsite.translation.kit`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

from kitsite.content.model import Kit, Library, Section, Video
from kitsite.render import session_plan
from kitsite.translation.kit import (
    KitTranslation,
    Shown,
    Unit,
    kit_lists,
    kit_texts,
    video_lists,
    video_texts,
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
    texts: Mapping[str, Text]
    """Every translatable text of the video in the spec, as shown (``""`` when neither this
    language nor a fallback has an optional one)."""
    lists: Mapping[str, tuple[Text, ...]]
    """Every translatable list, with the items this language lacks taken from another."""
    stale_in: str | None = None
    """The language that changed this video after this translation was confirmed."""
    previous_lang: str = ""
    next_lang: str = ""

    @property
    def translated(self) -> bool:
        return self.lang == self.site_lang

    @property
    def title(self) -> Text:
        return self.texts["title"]

    @property
    def description(self) -> Text:
        return self.texts["description"]

    @property
    def transcript(self) -> Text | None:
        shown = self.texts.get("transcript")
        return shown if shown is not None and shown.text else None

    @property
    def questions(self) -> tuple[Text, ...]:
        return self.lists["questions"]


@dataclass(frozen=True)
class KitView:
    """A kit as shown on one language's site."""

    kit: Kit
    site_lang: str
    videos: tuple[VideoView, ...]
    languages: tuple[str, ...]
    """Every language this kit has a file in."""
    texts: Mapping[str, Text]
    """Every translatable text of the kit in the spec (title, summary...), as shown."""
    lists: Mapping[str, tuple[Text, ...]]
    """Every translatable list of texts (made_with, sources...), as shown."""
    sections: tuple[SectionText, ...] = ()
    stale_in: str | None = None
    """The language that changed the kit's texts after this translation was confirmed."""

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
    def title(self) -> Text:
        return self.texts["title"]

    @property
    def made_with(self) -> tuple[Text, ...]:
        return self.lists["made_with"]

    @property
    def sources(self) -> tuple[Text, ...]:
        return self.lists["sources"]

    @property
    def planned_videos(self) -> list[Video]:
        """The videos as shown, each with the questions shown (for the session plan)."""
        return [dataclasses.replace(v.video, lists={**v.video.lists, "questions": tuple(
            q.text for q in v.questions)}) for v in self.videos]

    @property
    def presets(self) -> list[session_plan.Preset]:
        return session_plan.presets(self.kit, self.planned_videos)

    @property
    def plan(self) -> session_plan.PlanSummary:
        """The plan of the first preset, as the kit page prints it."""
        return session_plan.summary(self.planned_videos, self.presets[0])

    @property
    def total_seconds(self) -> int:
        return sum(v.video.duration.seconds for v in self.videos)

    @property
    def question_count(self) -> int:
        return sum(len(v.questions) for v in self.videos)


def shown_videos(library: Library, site_lang: str, kit_id: str,
                 translations: KitTranslation | None = None) -> list[tuple[Video, str]]:
    """The videos of a kit on ``site_lang``'s site, in order, each with the language it is
    shown in: the language's own, and, after the video that precedes each in its language,
    those only other languages have — never one this language deleted or left out."""
    tr = translations or KitTranslation(library, kit_id)
    kit = _shown_kit(library, tr, site_lang, kit_id)
    ordered: list[tuple[Video, str]] = [(v, kit.language) for v in kit.videos]
    left_out = tr.left_out_videos(kit.language)
    for video_id in tr.video_edges:
        if kit.video(video_id) is not None or video_id in left_out:
            continue
        source = tr.fallback_version(kit.language, video_id)
        if source is None:
            continue
        source_kit = tr.versions[source]
        position = _after_predecessor(ordered, source_kit, video_id)
        ordered.insert(position, (_video(source_kit, video_id), source))
    return [_not_a_copy(tr, video, lang) for video, lang in ordered]


def _shown_kit(library: Library, tr: KitTranslation, site_lang: str, kit_id: str) -> Kit:
    """The language's own kit file, unless it has none or it is an untranslated copy: then
    the first of its fallback languages that has one."""
    own = library.kit(site_lang, kit_id)
    if own is not None and not tr.copied_from(site_lang, None):
        return own
    return next(tr.versions[lang] for lang in library.fallback_languages(site_lang)
                if lang in tr.versions)


def _after_predecessor(ordered: list[tuple[Video, str]], source: Kit, video_id: str) -> int:
    ids = [v.id for v in source.videos]
    for previous in reversed(ids[:ids.index(video_id)]):
        for n, (video, _lang) in enumerate(ordered):
            if video.id == previous:
                return n + 1
    return len(ordered) if ids.index(video_id) else 0


def _not_a_copy(tr: KitTranslation, video: Video, lang: str) -> tuple[Video, str]:
    """A card that is an untranslated copy is shown from the first fallback language that
    has the video (it is not translated into ``lang``)."""
    if not tr.copied_from(lang, video.id):
        return video, lang
    source = tr.fallback_version(lang, video.id) or lang
    return _video(tr.versions[source], video.id), source


def kit_view(library: Library, site_lang: str, kit_id: str) -> KitView:
    """The kit as ``site_lang``'s readers see it."""
    tr = KitTranslation(library, kit_id)
    kit = _shown_kit(library, tr, site_lang, kit_id)
    lang = kit.language
    ordered = shown_videos(library, site_lang, kit_id, tr)
    views = tuple(_video_view(tr, site_lang, kit_id, ordered, i) for i in range(len(ordered)))
    languages = tuple(tr.versions)
    texts = {name: _text(tr, lang, None, name) for name in kit_texts(kit)}
    lists = {name: tuple(_items(tr, lang, None, name)) for name in kit_lists(kit)
             if name != "sections"}
    return KitView(
        kit=kit, site_lang=site_lang, videos=views, languages=languages, texts=texts,
        lists=lists, sections=tuple(_sections(tr, lang)),
        stale_in=tr.stale_against(lang, None) if lang == site_lang else None,
    )


def _video_view(tr: KitTranslation, site_lang: str, kit_id: str,
                ordered: list[tuple[Video, str]], index: int) -> VideoView:
    video, lang = ordered[index]
    previous = ordered[index - 1] if index > 0 else None
    following = ordered[index + 1] if index + 1 < len(ordered) else None
    own = lang == site_lang
    if own:
        texts = {name: _text(tr, lang, video.id, name) for name in video_texts(video)}
        lists = {name: tuple(_items(tr, lang, video.id, name)) for name in video_lists(video)}
    else:  # a video this language lacks, shown in another: its own texts, as they are
        texts = {name: Text(text, lang) for name, text in video_texts(video).items()}
        lists = {name: tuple(Text(t, lang) for t in items)
                 for name, items in video_lists(video).items()}
    return VideoView(
        video=video, lang=lang, site_lang=site_lang, kit_id=kit_id, index=index,
        previous=previous[0] if previous else None, next=following[0] if following else None,
        previous_lang=previous[1] if previous else "",
        next_lang=following[1] if following else "",
        texts=texts, lists=lists,
        stale_in=tr.stale_against(lang, video.id) if own else None,
    )


def _unit_of(tr: KitTranslation, language: str, unit: Unit) -> Kit | Video:
    kit = tr.versions[language]
    return kit if unit is None else _video(kit, unit)


def _text(tr: KitTranslation, language: str, unit: Unit, name: str) -> Text:
    source, marked, fallback = tr.text_state(language, unit, name)
    if source is None:
        return Text("", language)
    owner = _unit_of(tr, source, unit)
    words = (kit_texts(owner) if isinstance(owner, Kit) else video_texts(owner))[name]
    return Text(words, marked, fallback)


def _items(tr: KitTranslation, language: str, unit: Unit, name: str) -> list[Text]:
    shown: list[Shown] = tr.shown_items(language, unit, name)
    texts = []
    for item in shown:
        owner = _unit_of(tr, item.source, unit)
        items = _list_of(owner, name)
        texts.append(Text(items[item.index], item.lang, item.fallback))
    return texts


def _list_of(owner: Kit | Video, name: str) -> tuple[str, ...]:
    return owner.lists[name]


def _sections(tr: KitTranslation, language: str) -> list[SectionText]:
    shown = []
    for item in tr.shown_items(language, None, "sections"):
        section: Section = tr.versions[item.source].sections[item.index]
        shown.append(SectionText(section.title, section.body, item.lang, item.fallback))
    return shown


def _video(kit: Kit, video_id: str) -> Video:
    video = kit.video(video_id)
    assert video is not None
    return video


def site_kit_views(library: Library, site_lang: str) -> list[KitView]:
    """Every kit, as shown on ``site_lang``'s site, in listing order."""
    return [kit_view(library, site_lang, kit_id) for kit_id in library.kit_ids()]
