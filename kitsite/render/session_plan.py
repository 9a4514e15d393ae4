"""The plan of a session with a kit: its presets and the agenda each makes.

Owns: the one rule for how long a session takes and when each step starts — an optional
welcome, each video with its real length (whole minutes, rounded up), then each of its
questions with the discussion minutes of the preset (the package's, else the kit's, else the
site's), an optional closing; the length "about" rounded up to :data:`ROUND_UP_TO` minutes —
and the presets a kit offers (its ``packages``, else the whole kit). The kit page prints
this plan; the session page's script (``overrides/assets/javascripts/session.js``)
recomputes it with the same rule from :func:`plan_data` when a facilitator changes it, and
``tests/browser/test_session.py`` proves the two agree on every preset.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from kitsite.content.model import Kit, Video

WELCOME_MINUTES = 5
"""Minutes of the optional welcome a session starts with."""
CLOSING_MINUTES = 5
"""Minutes of the optional closing a session ends with."""
ROUND_UP_TO = 5
"""A session's length is suggested as "about" a multiple of this many minutes."""


@dataclass(frozen=True)
class Preset:
    """A session a facilitator can start from: a package of the kit, or the whole kit."""

    id: str
    name: str
    """The package's name; ``""`` for the whole kit (the page names it with a label)."""
    video_ids: tuple[str, ...]
    minutes_per_question: int


@dataclass(frozen=True)
class Choices:
    """What a facilitator changed in a preset: steps left out, minutes changed."""

    welcome: bool = True
    closing: bool = True
    left_out: frozenset[str] = frozenset()
    """Keys of the videos and questions left out (see :func:`step_key`)."""
    minutes: Mapping[str, int] = field(default_factory=dict)
    """Minutes by step key, where the facilitator changed them (welcome, closing, questions)."""
    minutes_per_question: int | None = None
    """The discussion minutes of every question not in :attr:`minutes`; None: the preset's."""


@dataclass(frozen=True)
class Step:
    """One step of the agenda, as the projector shows it one at a time."""

    key: str
    """``welcome``, ``video:<id>``, ``question:<id>:<n>`` (n from 0), ``closing``."""
    kind: str
    minutes: int
    start: int
    """Minutes from the start of the session."""
    video_id: str = ""
    question: int = -1


def step_key(kind: str, video_id: str = "", question: int = -1) -> str:
    if kind == "video":
        return f"video:{video_id}"
    if kind == "question":
        return f"question:{video_id}:{question}"
    return kind


def video_minutes(seconds: int) -> int:
    """A video's place in the agenda: its length in whole minutes, rounded up."""
    return -(-seconds // 60)


def about_minutes(minutes: int) -> int:
    """The length a plan suggests: ``minutes`` rounded up to :data:`ROUND_UP_TO`."""
    return -(-minutes // ROUND_UP_TO) * ROUND_UP_TO


def presets(kit: Kit, videos: Iterable[Video]) -> list[Preset]:
    """The kit's packages as presets, or the whole kit as the one preset."""
    shown = [v.id for v in videos]
    per_question = kit.discussion_minutes_per_question
    if not kit.packages:
        return [Preset("whole-kit", "", tuple(shown), per_question)]
    return [Preset(p.id, p.name, tuple(v for v in shown if not p.video_ids or v in p.video_ids),
                   p.discussion_minutes_per_question or per_question) for p in kit.packages]


def agenda(videos: Iterable[Video], preset: Preset, choices: Choices | None = None
           ) -> list[Step]:
    """The steps of a session in order, each with its minutes and its start."""
    chosen = choices or Choices()
    per_question = chosen.minutes_per_question or preset.minutes_per_question
    steps: list[Step] = []
    clock = 0

    def add(kind: str, default: int, video_id: str = "", question: int = -1) -> None:
        nonlocal clock
        key = step_key(kind, video_id, question)
        minutes = default if kind == "video" else chosen.minutes.get(key, default)
        steps.append(Step(key, kind, minutes, clock, video_id, question))
        clock += minutes

    if chosen.welcome:
        add("welcome", WELCOME_MINUTES)
    for video in videos:
        if video.id not in preset.video_ids or step_key("video", video.id) in chosen.left_out:
            continue
        add("video", video_minutes(video.duration.seconds), video.id)
        for n in range(len(video.questions)):
            if step_key("question", video.id, n) not in chosen.left_out:
                add("question", per_question, video.id, n)
    if chosen.closing:
        add("closing", CLOSING_MINUTES)
    return steps


def total_minutes(steps: Iterable[Step]) -> int:
    return sum(step.minutes for step in steps)


@dataclass(frozen=True)
class PlanSummary:
    """What the kit page prints of the default preset's plan."""

    about: int
    welcome: int
    closing: int
    video_seconds: int
    questions: int
    minutes_per_question: int
    steps_by_video: dict[str, int]
    """Minutes of each video's block (watching and discussing), by video id."""


def summary(videos: list[Video], preset: Preset) -> PlanSummary:
    steps = agenda(videos, preset)
    by_video: dict[str, int] = {}
    for step in steps:
        if step.video_id:
            by_video[step.video_id] = by_video.get(step.video_id, 0) + step.minutes
    shown = [v for v in videos if v.id in by_video]
    return PlanSummary(
        about=about_minutes(total_minutes(steps)), welcome=WELCOME_MINUTES,
        closing=CLOSING_MINUTES, video_seconds=sum(v.duration.seconds for v in shown),
        questions=sum(len(v.questions) for v in shown),
        minutes_per_question=preset.minutes_per_question, steps_by_video=by_video)


def plan_data(videos: list[Video], kit_presets: list[Preset]) -> dict[str, object]:
    """What the session page's script needs to recompute the agenda with this module's rule:
    the videos' minutes and questions, the presets, the defaults."""
    return {
        "welcome_minutes": WELCOME_MINUTES,
        "closing_minutes": CLOSING_MINUTES,
        "videos": [{"id": v.id, "minutes": video_minutes(v.duration.seconds),
                    "questions": len(v.questions)} for v in videos],
        "presets": [{"id": p.id, "videos": list(p.video_ids),
                     "minutes_per_question": p.minutes_per_question} for p in kit_presets],
    }
