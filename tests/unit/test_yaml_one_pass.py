"""kitsite/content/yamldoc.py parses a plain file (no anchor, alias or tag) in one pass of the
parser instead of two: the result must be the very same as the two-pass reading's — the data,
every line, every problem — for every YAML file of the project, its golden cases and samples,
and for files at and over each limit; and a file that may hold an anchor, alias or tag never
takes the one pass.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from kitsite.content import yamldoc
from kitsite.content.limits import MAX_DEPTH, MAX_SHORT_TEXT_CHARS, MAX_TEXT_CHARS, MAX_VALUES
from kitsite.content.problems import Problem
from kitsite.content.yamldoc import YamlDoc, parse_yaml

FILES = sorted(p for folder in ("content", "tests/golden", "tests/samples", "tests/scenarios")
               for p in (ROOT / folder).rglob("*.yml"))


def nested(levels: int) -> str:
    return "".join("  " * i + f"k{i}:\n" for i in range(levels - 1)) + "  " * levels + "x: 1\n"


CRAFTED: dict[str, tuple[str, bool]] = {  # the text, and whether it takes the one pass
    "at the depth limit": (nested(MAX_DEPTH), True),
    "over the depth limit": (nested(MAX_DEPTH + 1), False),
    "lists over the depth limit": ("a: " + "[" * MAX_DEPTH + "]" * MAX_DEPTH + "\n", False),
    "at the values limit": ("a:\n" + "  - x\n" * (MAX_VALUES - 2), True),
    "over the values limit": ("a:\n" + "  - x\n" * (MAX_VALUES - 1), False),
    "text at its limit": ("a: " + "x" * MAX_TEXT_CHARS + "\n", True),
    "text over its limit": ("a: " + "x" * (MAX_TEXT_CHARS + 1) + "\n", False),
    "key over its limit": ("k" * (MAX_SHORT_TEXT_CHARS + 1) + ": 1\n", False),
    "a list as a key": ("? [a, b]\n: c\n", False),
    "emphasis in a text": ("about: |\n  Teams reflect on *culture* & language!\n", True),
    "emphasis at a line's start": ("about: |\n  *culture* and language\n", False),
    "an alias in a flow block": ('a: &x {b: 1}\nc: {"d":*x}\n', False),
    "tags after a dash": ("a:\n  -!!python/name:os.system x\n  - !!binary aGk=\n", False),
    "two documents": ("a: 1\n---\nb: 2\n", False),
    "a syntax error after a long text": ("a: " + "x" * (MAX_TEXT_CHARS + 1) + "\nb: [\n",
                                         False),
    "a duplicate key": ("a: 1\na: 2\n", True),
    "numbers and dates": ("a: 0x_1\nb: 2026-12-03\nc: 1_000\nd: .inf\n", True),
    "only a document marker": ("---\n", True),
}


def two_passes(monkeypatch: pytest.MonkeyPatch, path: Path, text: str,
               tags: bool) -> tuple[YamlDoc | None, list[Problem]]:
    with monkeypatch.context() as patch:
        patch.setattr(yamldoc, "_compose_plain", lambda text: (False, None))
        problems: list[Problem] = []
        return parse_yaml(path, text, problems, tags=tags), problems


def same_reading(monkeypatch: pytest.MonkeyPatch, path: Path, text: str,
                 tags: bool = False) -> bool:
    """Assert that both readings agree; True when the one pass was taken."""
    problems: list[Problem] = []
    doc = parse_yaml(path, text, problems, tags=tags)
    expected, expected_problems = two_passes(monkeypatch, path, text, tags)
    assert problems == expected_problems
    assert (doc is None) == (expected is None)
    if doc is not None and expected is not None:
        assert doc == expected
    return yamldoc._compose_plain(text)[0]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_file_of_the_project_reads_the_same(path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    text = path.read_text(encoding="utf-8", errors="replace")
    same_reading(monkeypatch, path, text)


def test_mkdocs_yml_reads_the_same_with_its_tags(monkeypatch: pytest.MonkeyPatch) -> None:
    path = ROOT / "mkdocs.yml"
    assert not same_reading(monkeypatch, path, path.read_text("utf-8"), tags=True)


@pytest.mark.parametrize("name", CRAFTED)
def test_files_at_and_over_the_limits_read_the_same(name: str,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    text, one_pass = CRAFTED[name]
    assert same_reading(monkeypatch, Path(f"{name}.yml"), text) is one_pass


def test_the_benchmarks_kits_take_the_one_pass() -> None:
    import bench

    assert yamldoc._compose_plain(bench.synthetic_kit(1, 10, "da"))[0]
    assert yamldoc._compose_plain(bench.synthetic_kit(1, 10, "en"))[0]


@pytest.mark.parametrize("text", [
    "deep: " + "[" * 500_000,  # the hostile file of tests/test_hostile_input.py
    "- " * 100_000 + "x",
    "a: " + "{a: " * 100_000,
    "\n".join(" " * i + f"k{i}:" for i in range(3_000)),
])
def test_a_file_that_could_nest_deeper_than_the_composer_recurses_takes_the_event_pass(
        text: str) -> None:
    assert yamldoc._compose_plain(text) == (False, None)  # composing it would overflow C's stack
