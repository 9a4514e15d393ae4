"""Unit tests of the content model: durations and session plans."""

from __future__ import annotations

import pytest

from kitsite.content.model import Duration, Video, session_minutes


@pytest.mark.parametrize(("text", "seconds"), [("4:20", 260), ("6:44", 404), ("10:02", 602),
                                                ("0:59", 59), (" 1:00 ", 60)])
def test_duration_parses_minutes_and_seconds(text: str, seconds: int) -> None:
    duration = Duration.parse(text)
    assert duration is not None
    assert duration.seconds == seconds


@pytest.mark.parametrize("text", ["4:70", "-1:00", "0:00", "ten minutes", "4.20", "4:2", ""])
def test_impossible_durations_are_rejected(text: str) -> None:
    assert Duration.parse(text) is None


def test_duration_formats() -> None:
    d = Duration(602)
    assert d.clock() == "10:02"
    assert d.iso8601() == "PT10M2S"
    assert (Duration(260) + Duration(404)).clock() == "11:04"


def _video(seconds: int, questions: int) -> Video:
    return Video(id="v", duration=Duration(seconds), texts={"title": "t", "description": "d"},
                 lists={"questions": tuple(f"q{i}" for i in range(questions))})


def test_session_plan_counts_video_and_discussion_time() -> None:
    # 4:20 + 6:44 of video = 11:04, plus 5 questions x 5 minutes = 36:04 -> 40 minutes
    videos = [_video(260, 2), _video(404, 3)]
    assert session_minutes(videos, 5) == 40
    # an editor who allows 10 minutes a question gets a longer plan: 61:04 -> 65
    assert session_minutes(videos, 10) == 65


def test_session_plan_of_a_kit_without_videos_is_zero() -> None:
    assert session_minutes([], 5) == 0
