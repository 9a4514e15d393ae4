"""What a reader of one language sees of the library, with fallbacks made explicit.

Owns: choosing, for each kit and video on a language's site, which language's text is shown
(its own where it exists, else another language's, marked as such), and the order and
neighbours of videos. Templates render these views; they never decide fallbacks themselves.
"""

from __future__ import annotations

from dataclasses import dataclass

from kitsite.model import Kit, Library, Video, session_minutes


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

    @property
    def translated(self) -> bool:
        return self.lang == self.site_lang


@dataclass(frozen=True)
class KitView:
    """A kit as shown on one language's site."""

    kit: Kit
    site_lang: str
    videos: tuple[VideoView, ...]
    languages: tuple[str, ...]
    """Every language this kit has a file in."""

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
        return session_minutes((v.video for v in self.videos),
                               self.kit.discussion_minutes_per_question)

    @property
    def total_seconds(self) -> int:
        return sum(v.video.duration.seconds for v in self.videos)

    @property
    def question_count(self) -> int:
        return sum(len(v.video.questions) for v in self.videos)


def kit_view(library: Library, site_lang: str, kit_id: str) -> KitView:
    """The kit in ``site_lang``; videos missing there are taken from another language."""
    kit = library.kit_in_best_language(site_lang, kit_id)
    languages = tuple(lang for lang in library.languages if library.kit(lang, kit_id))
    ordered: list[tuple[Video, str]] = [(v, kit.language) for v in kit.videos]
    known = {v.id for v in kit.videos}
    for lang in languages:
        other = library.kit(lang, kit_id)
        assert other is not None
        for video in other.videos:
            if video.id not in known:
                known.add(video.id)
                ordered.append((video, lang))
    views = []
    for i, (video, lang) in enumerate(ordered):
        views.append(VideoView(
            video=video, lang=lang, kit_id=kit_id, index=i,
            previous=ordered[i - 1][0] if i > 0 else None,
            next=ordered[i + 1][0] if i + 1 < len(ordered) else None,
            site_lang=site_lang,
        ))
    return KitView(kit=kit, site_lang=site_lang, videos=tuple(views), languages=languages)


def site_kit_views(library: Library, site_lang: str) -> list[KitView]:
    """Every kit, as shown on ``site_lang``'s site, in listing order."""
    return [kit_view(library, site_lang, kit_id) for kit_id in library.kit_ids()]
