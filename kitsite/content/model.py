"""The content model: kits, videos and durations, as plain Python values.

Owns: the dataclasses every other module passes around, and the small facts computed from
them (total video time). How long a session takes is :mod:`kitsite.render.session_plan`'s.
No I/O, no YAML, no MkDocs.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kitsite.content.site_settings import Publisher

DURATION_RE = re.compile(r"^(\d{1,3}):([0-5]\d)$")


@dataclass(frozen=True)
class Duration:
    """A length of time in whole seconds."""

    seconds: int

    @classmethod
    def parse(cls, text: str) -> Duration | None:
        """``"4:20"`` -> 260 seconds; None when the text is not ``m:ss`` or is zero."""
        match = DURATION_RE.match(text.strip())
        if not match:
            return None
        seconds = int(match.group(1)) * 60 + int(match.group(2))
        return cls(seconds) if seconds > 0 else None

    @property
    def minutes_part(self) -> int:
        return self.seconds // 60

    @property
    def seconds_part(self) -> int:
        return self.seconds % 60

    def clock(self) -> str:
        """``4:20`` — how the duration is shown."""
        return f"{self.minutes_part}:{self.seconds_part:02d}"

    def iso8601(self) -> str:
        """``PT4M20S`` — for the ``datetime`` attribute of ``<time>``."""
        return f"PT{self.minutes_part}M{self.seconds_part}S"

    def __add__(self, other: Duration) -> Duration:
        return Duration(self.seconds + other.seconds)


@dataclass(frozen=True)
class VideoSource:
    """Where a video can be watched: a file published with the site or an external link."""

    file: str | None = None
    url: str | None = None
    poster: str | None = None
    captions: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Section:
    """A titled block of Markdown on a kit page."""

    title: str
    body: str


@dataclass(frozen=True)
class Video:
    """One video card: what a team watches and then discusses."""

    id: str
    duration: Duration
    texts: Mapping[str, str]
    """Every translatable single text of a video in the spec (``title``, ``description``,
    ``transcript``...), ``""`` for an optional one the card leaves out."""
    lists: Mapping[str, tuple[str, ...]]
    """Every translatable list of a video in the spec (``questions``...)."""
    title_is_editorial: bool = False
    source: VideoSource | None = None
    line: int = 1
    field_lines: dict[str, int] = field(default_factory=dict, compare=False, hash=False)
    """Line of each field in its file: ``{"duration": 14, "questions[0]": 18, ...}``."""
    translated_from: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    """The video's ``translated_from:`` block as written (see
    :mod:`kitsite.translation.compare`)."""

    @property
    def title(self) -> str:
        return self.texts["title"]

    @property
    def description(self) -> str:
        return self.texts["description"]

    @property
    def transcript(self) -> str | None:
        return self.texts.get("transcript") or None

    @property
    def questions(self) -> tuple[str, ...]:
        return self.lists["questions"]

    @property
    def facilitator_notes(self) -> str:
        return self.texts.get("facilitator_notes", "")

    def line_of(self, field_name: str) -> int:
        return self.field_lines.get(field_name, self.line)



@dataclass(frozen=True)
class Package:
    """A session an editor suggests for a kit: which videos, how long per question."""

    id: str
    name: str
    video_ids: tuple[str, ...] = ()
    """The videos it shows, in the kit's order; empty: every video."""
    discussion_minutes_per_question: int | None = None
    """None: the kit's."""


@dataclass(frozen=True)
class Kit:
    """A kit in one language: what it is, who it is for, and its videos in order."""

    id: str
    language: str
    texts: Mapping[str, str]
    """Every translatable single text of a kit in the spec (``title``, ``summary``...)."""
    lists: Mapping[str, tuple[str, ...]]
    """Every translatable list of a kit in the spec, each item as one text (a section: its
    title and body; see :func:`kitsite.content.spec.item_text`)."""
    discussion_minutes_per_question: int
    videos: tuple[Video, ...] = ()
    sections: tuple[Section, ...] = ()
    packages: tuple[Package, ...] = ()
    path: Path = Path()
    field_lines: dict[str, int] = field(default_factory=dict, compare=False, hash=False)
    """Line of each kit-level field: ``{"title": 6, "sections[0]": 40, ...}`` (not videos)."""
    translated_from: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    """The kit's ``translated_from:`` block as written (see :mod:`kitsite.translation.compare`)."""

    @property
    def title(self) -> str:
        return self.texts["title"]

    @property
    def campaign(self) -> str:
        return self.texts["campaign"]

    @property
    def audience(self) -> str:
        return self.texts["audience"]

    @property
    def summary(self) -> str:
        return self.texts["summary"]

    @property
    def about(self) -> str:
        return self.texts["about"]

    @property
    def made_with(self) -> tuple[str, ...]:
        return self.lists["made_with"]

    @property
    def sources(self) -> tuple[str, ...]:
        return self.lists["sources"]

    def line_of(self, field_name: str) -> int:
        return self.field_lines.get(field_name, 1)

    @property
    def facilitator_notes(self) -> str:
        return self.texts.get("facilitator_notes", "")

    def video(self, video_id: str) -> Video | None:
        return next((v for v in self.videos if v.id == video_id), None)


@dataclass
class Library:
    """Every kit in every language, as loaded from a content folder."""

    root: Path
    default_language: str
    languages: tuple[str, ...]
    discussion_minutes_per_question: int
    kits: dict[str, dict[str, Kit]] = field(default_factory=dict)
    """``kits[language][kit_id]``, in the order the kits should be listed."""
    fallback: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """The fallback order some languages configure in ``site.yml`` (``{"sv": ("en", "da")}``);
    :meth:`fallback_languages` completes it."""
    publisher: Publisher | None = None
    """Who publishes the site (``site.yml``), shown in every page's footer."""
    accessibility_statement: str | None = None
    """The address of the site's accessibility statement, linked from every page's footer."""

    def fallback_languages(self, language: str) -> tuple[str, ...]:
        """The languages to take text from when ``language`` lacks it, best first, without
        ``language`` itself: the order ``site.yml`` configures for it, then the default
        language, then the others in the order of ``languages``."""
        order = (*self.fallback.get(language, ()), self.default_language, *self.languages)
        return tuple(lang for lang in dict.fromkeys(order) if lang != language)

    def kit_ids(self) -> list[str]:
        """Every kit id in any language, default language's order first."""
        seen: dict[str, None] = {}
        for lang in (self.default_language, *self.languages):
            for kit_id in self.kits.get(lang, {}):
                seen.setdefault(kit_id)
        return list(seen)

    def kit(self, language: str, kit_id: str) -> Kit | None:
        return self.kits.get(language, {}).get(kit_id)

    def kit_in_best_language(self, language: str, kit_id: str) -> Kit:
        """The kit in ``language``, else in the first of its :meth:`fallback_languages` that
        has it."""
        for lang in (language, *self.fallback_languages(language)):
            found = self.kit(lang, kit_id)
            if found is not None:
                return found
        raise KeyError(kit_id)
