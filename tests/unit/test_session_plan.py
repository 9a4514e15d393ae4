"""The session plan (kitsite/render/session_plan.py): the one rule for a session's agenda."""

from __future__ import annotations

from pathlib import Path

from kitsite.content.model import Duration, Kit, Package, Video
from kitsite.render.session_plan import (
    ROUND_UP_TO,
    Choices,
    about_minutes,
    agenda,
    presets,
    summary,
    total_minutes,
)


def _video(video_id: str, seconds: int, questions: int) -> Video:
    return Video(id=video_id, duration=Duration(seconds),
                 texts={"title": "t", "description": "d"},
                 lists={"questions": tuple(f"q{i}" for i in range(questions))})


VIDEOS = [_video("hope", 260, 2), _video("ask", 404, 3)]


def _kit(*packages: Package, minutes: int = 5) -> Kit:
    return Kit(id="k", language="en", texts={}, lists={}, discussion_minutes_per_question=minutes,
               videos=tuple(VIDEOS), packages=packages, path=Path("k.yml"))


def test_the_whole_kit_is_the_one_preset_without_packages() -> None:
    [preset] = presets(_kit(), VIDEOS)
    assert (preset.id, preset.video_ids, preset.minutes_per_question) == (
        "whole-kit", ("hope", "ask"), 5)


def test_the_agenda_runs_welcome_videos_questions_closing_with_their_starts() -> None:
    [preset] = presets(_kit(), VIDEOS)
    steps = agenda(VIDEOS, preset)
    assert [s.key for s in steps] == [
        "welcome", "video:hope", "question:hope:0", "question:hope:1", "video:ask",
        "question:ask:0", "question:ask:1", "question:ask:2", "closing"]
    # 4:20 takes 5 minutes of the agenda, 6:44 takes 7
    assert [s.minutes for s in steps] == [5, 5, 5, 5, 7, 5, 5, 5, 5]
    assert [s.start for s in steps] == [0, 5, 10, 15, 20, 27, 32, 37, 42]
    assert total_minutes(steps) == 47
    assert summary(VIDEOS, preset).about == 50


def test_a_package_chooses_videos_and_minutes() -> None:
    kit = _kit(Package("short", "Short", ("hope",), 3), Package("long", "Long"))
    short, long = presets(kit, VIDEOS)
    assert short.video_ids == ("hope",) and short.minutes_per_question == 3
    assert long.video_ids == ("hope", "ask") and long.minutes_per_question == 5
    assert total_minutes(agenda(VIDEOS, short)) == 5 + 5 + 2 * 3 + 5


def test_left_out_steps_and_changed_minutes_move_the_times() -> None:
    [preset] = presets(_kit(), VIDEOS)
    choices = Choices(welcome=False, left_out=frozenset({"video:ask", "question:hope:1"}),
                      minutes={"question:hope:0": 12, "closing": 2})
    steps = agenda(VIDEOS, preset, choices)
    assert [(s.key, s.start, s.minutes) for s in steps] == [
        ("video:hope", 0, 5), ("question:hope:0", 5, 12), ("closing", 17, 2)]


def test_minutes_per_question_changes_every_question_not_changed_one_by_one() -> None:
    [preset] = presets(_kit(), VIDEOS)
    steps = agenda(VIDEOS, preset, Choices(minutes_per_question=2,
                                           minutes={"question:ask:2": 9}))
    assert [s.minutes for s in steps if s.kind == "question"] == [2, 2, 2, 2, 9]


def test_about_rounds_up_to_the_next_step() -> None:
    step = ROUND_UP_TO
    assert [about_minutes(m) for m in (0, 1, step, step + 1, 2 * step, 2 * step + 1)] == [
        0, step, step, 2 * step, 2 * step, 3 * step]
