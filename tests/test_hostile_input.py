"""Hostile and careless input on a copy of the real content: no file keeps ``kits check`` busy.

The golden cases (tests/golden/) pin each message; these tests measure what an expected output
cannot: ``kits check`` on the real content with one hostile file added ends, with an error and
no traceback, in about the time it takes on the real content (processor time, which the load
of other processes on the machine does not change); the limits leave room for real-sized
files; aliases within the limits still work; the editor's guide states every limit.
"""

from __future__ import annotations

import re
import resource
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import ROOT
from kitsite.content import limits
from kitsite.content.yamldoc import parse_yaml

KIT = Path("content/en/kits/start-the-dialogue.yml")
PAGE = Path("docs/en/staff.md")
BOUND_SECONDS = 5.0
"""Processor time a hostile file may cost ``kits check`` (the real content takes ~0.4 s)."""


def copy_content(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    for name in ("content", "docs"):
        shutil.copytree(ROOT / name, project / name)
    return project


def timed_check(project: Path) -> tuple[float, subprocess.CompletedProcess[str]]:
    """``kits check`` in ``project``: the processor time it used, and how it ended."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run([sys.executable, "-m", "kitsite.cli.main", "check"], cwd=project,
                            capture_output=True, text=True, timeout=120, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    used = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return used, result


def alias_bomb(levels: int = 9) -> str:
    lines = ["lol: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"lol{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]"
              for i in range(1, levels + 1)]
    return "\n".join(lines) + "\n"


def append_to_kit(extra: str) -> Callable[[Path], None]:
    def change(project: Path) -> None:
        kit = project / KIT
        kit.write_text(kit.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return change


def kit_description(text: str) -> Callable[[Path], None]:
    """The first video's description replaced by ``text`` (a double-quoted YAML text)."""
    def change(project: Path) -> None:
        kit = project / KIT
        source = kit.read_text(encoding="utf-8")
        quoted = '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
        changed = re.sub(r"(?m)^    description: >-\n(?:      .*\n)+",
                         lambda _: f"    description: {quoted}\n", source, count=1)
        assert changed != source
        kit.write_text(changed, encoding="utf-8")
    return change


def page_text(text: str) -> Callable[[Path], None]:
    def change(project: Path) -> None:
        (project / PAGE).write_text(text, encoding="utf-8")
    return change


LONG = limits.MAX_TEXT_CHARS - 10
PAGE_SIZE = limits.MAX_FILE_BYTES - 100
HOSTILE: dict[str, Callable[[Path], None]] = {
    "alias bomb, 9 levels": append_to_kit(alias_bomb()),
    "recursive alias": append_to_kit("loop: &loop [*loop]\n"),
    "10 000 nested lists": append_to_kit("deep: " + "[" * 10_000 + "]" * 10_000 + "\n"),
    "1 MB of '[' (500 000 levels)": append_to_kit("deep: " + "[" * (PAGE_SIZE // 2)),
    "1 MB of list items": append_to_kit("many:\n" + "- a\n" * (PAGE_SIZE // 5)),
    "20 MB kit file": append_to_kit("# " + "x" * 20_000_000 + "\n"),
    "unclosed HTML comments in a text": kit_description("<!--" * (LONG // 4)),
    "an HTML tag full of spaces": kit_description("<a" + " " * (LONG - 2)),
    "backticks in a text": kit_description("`" * LONG),
    "a guide's term, over and over": kit_description("schizophrenic " * (LONG // 14)),
    "a page line of backticks": page_text("# Staff\n\nText " + "`" * PAGE_SIZE + "\n"),
    "a page of unclosed comments": page_text(
        "# Staff\n\nschizophrenic " + "<!--" * (PAGE_SIZE // 4)),
    "a page of HTML tags full of spaces": page_text(
        "# Staff\n\nschizophrenic " + ("<a" + " " * 10_000) * (PAGE_SIZE // 10_002)),
    "a page of a guide's term": page_text("# Staff\n\n" + "schizophrenic\n" * (PAGE_SIZE // 14)),
    "a page of language-ok markers": page_text(
        "# Staff\n\n" + "<!-- language-ok: quoted -->\nschizophrenic\n\n" * (PAGE_SIZE // 46)),
}


@pytest.fixture(scope="module")
def real_seconds(tmp_path_factory: pytest.TempPathFactory) -> float:
    """Processor time of ``kits check`` on the real content (the best of three)."""
    project = copy_content(tmp_path_factory.mktemp("real"))
    runs = [timed_check(project) for _ in range(3)]
    assert all(result.returncode == 0 for _, result in runs), runs[0][1].stdout
    return min(seconds for seconds, _ in runs)


@pytest.mark.parametrize("case", list(HOSTILE))
def test_a_hostile_file_ends_fast_with_located_errors(case: str, tmp_path: Path,
                                                       real_seconds: float) -> None:
    project = copy_content(tmp_path)
    HOSTILE[case](project)
    seconds, result = timed_check(project)
    print(f"{case}: {seconds:.2f} s of processor time (real content: {real_seconds:.2f} s)")
    assert "Traceback" not in result.stderr and result.stderr == "", result.stderr
    assert seconds < BOUND_SECONDS, f"{case}: {seconds:.1f} s"
    problems = [line for line in result.stdout.splitlines()[:-1]
                if line.startswith(("content/", "docs/"))]
    assert problems or result.returncode == 0, result.stdout
    for line in problems:
        assert re.match(r"^(content|docs)/\S+:\d+: ", line), line


def test_a_kit_file_close_to_the_size_limit_is_fine(tmp_path: Path) -> None:
    """The limits leave room: the real kit with its videos repeated to almost 1 MB (over
    a thousand videos) parses without a problem."""
    source = (ROOT / KIT).read_text(encoding="utf-8")
    head, rest = source.split("videos:\n", 1)
    videos = rest.split("sources:")[0]
    text, copies = head + "videos:\n", 0
    while len(text.encode("utf-8")) + len(videos.encode("utf-8")) < limits.MAX_FILE_BYTES:
        text += videos.replace("  - id: ", f"  - id: copy-{copies}-")
        copies += 1
    problems: list[object] = []
    doc = parse_yaml(KIT, text, problems)  # type: ignore[arg-type]
    assert problems == [] and doc is not None
    assert len(doc.data["videos"]) == copies > 1000


def test_aliases_within_the_limits_still_work() -> None:
    text = ("questions: &shared\n  - Hvad tænker du?\n  - Hvad gør I?\n"
            "videos:\n  - questions: *shared\n  - questions: *shared\n")
    problems: list[object] = []
    doc = parse_yaml(Path("kit.yml"), text, problems)  # type: ignore[arg-type]
    assert problems == [] and doc is not None
    assert doc.data["videos"][1]["questions"] == ["Hvad tænker du?", "Hvad gør I?"]


def test_a_small_bomb_is_measured_exactly() -> None:
    """Lists of nine, each level repeating the one before nine times: the file and its lists
    hold 1 + 10 + 91 + 820 + 7 381 values at three levels, 66 430 more at four; counted
    without being expanded, and refused only over the limit."""
    problems: list[object] = []
    assert parse_yaml(Path("k.yml"), alias_bomb(3), problems) is not None  # type: ignore[arg-type]
    assert problems == []
    parse_yaml(Path("k.yml"), alias_bomb(4), problems)  # type: ignore[arg-type]
    assert len(problems) == 1
    assert "found 74,733" in str(problems[0])


@pytest.mark.parametrize("language", ["en", "da"])
def test_the_editors_guide_states_every_limit(language: str) -> None:
    guide = (ROOT / "docs" / language / "editors.md").read_text(encoding="utf-8")
    heading = {"en": "## Limits", "da": "## Grænser"}[language]
    section = guide.split(heading, 1)[1].split("\n## ", 1)[0]
    digits = re.sub(r"(?<=\d)[,.](?=\d{3})", "", section)
    for name in ("MAX_FILE_BYTES", "MAX_DEPTH", "MAX_VALUES", "MAX_TEXT_CHARS",
                 "MAX_SHORT_TEXT_CHARS", "MAX_ID_CHARS"):
        value = getattr(limits, name)
        assert re.search(rf"(?<![\d]){value}(?![\d])", digits), f"{language}: {name} = {value}"
