"""Unit tests of the content model: durations and session plans."""

from __future__ import annotations

import pytest

from kitsite.content.model import Duration


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

