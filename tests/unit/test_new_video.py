"""``kits new-video``: a new card is appended as text, everything else stays byte for byte,
and the placeholders keep ``kits check`` failing until the editor fills them in."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from helpers.commands import run_kits

from conftest import ROOT

KIT = "dialogue-kickstarter"


def kits(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_kits(args, project)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the real content and docs."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    return tmp_path


def kit_file(project: Path, lang: str = "da", kit: str = KIT) -> Path:
    return project / "content" / lang / "kits" / f"{kit}.yml"


def inserted_part(before: bytes, after: bytes) -> bytes:
    """``after`` must be ``before`` with one run of bytes inserted; return that run."""
    start = 0
    while start < len(before) and before[start] == after[start]:
        start += 1
    tail = len(before) - start
    assert after[len(after) - tail :] == before[start:], "bytes outside the new entry changed"
    return after[start : len(after) - tail]


def test_adds_a_commented_card_and_changes_nothing_else(project: Path) -> None:
    path = kit_file(project)
    before = path.read_bytes()
    result = kits(project, "new-video", KIT, "--title", "Min nye video: om håb",
                  "--duration", "5:30")
    assert result.returncode == 0, result.stderr
    after = path.read_bytes()
    new = inserted_part(before, after).decode("utf-8")
    assert "- id: min-nye-video-om-haab\n" in new
    assert 'title: "Min nye video: om håb"\n' in new and 'duration: "5:30"\n' in new
    assert "# " in new  # the entry explains itself
    data = yaml.safe_load(after)
    old = yaml.safe_load(before)
    assert data["videos"][:-1] == old["videos"]
    assert {k: v for k, v in data.items() if k != "videos"} == {
        k: v for k, v in old.items() if k != "videos"}
    # the card goes after the last video, before the keys that follow it (sources)
    assert after.index(b"min-nye-video-om-haab") < after.index(b"\nsources:")


def test_placeholders_fail_the_check_until_filled_in(project: Path) -> None:
    kits(project, "new-video", KIT, "--title", "Ny video", "--duration", "2:05")
    path = kit_file(project)
    check = kits(project, "check")
    assert check.returncode == 1
    lines = path.read_text(encoding="utf-8").splitlines()
    reported = [ln for ln in check.stdout.splitlines()
                if ln.startswith(f"content/da/kits/{KIT}.yml:")]
    assert len(reported) == 2
    for line, key in zip(reported, ("description", "questions"), strict=True):
        number = int(line.split(":")[1])
        assert lines[number - 1].strip().startswith(f"{key}:"), line
    text = path.read_text(encoding="utf-8")
    text = text.replace('description: ""', "description: Om noget.").replace(
        "questions: []", "questions:\n      - Hvad tænker du?")
    path.write_text(text, encoding="utf-8")
    assert kits(project, "check").returncode == 0


def test_prints_what_is_left_to_fill_in_with_lines(project: Path) -> None:
    result = kits(project, "new-video", KIT, "--title", "Ny video", "--duration", "2:05")
    out = result.stdout
    lines = kit_file(project).read_text(encoding="utf-8").splitlines()
    for key in ("description", "questions"):
        entry = next(ln for ln in out.splitlines() if f".{key}:" in ln)
        number = int(entry.strip().split(":")[1])
        assert lines[number - 1].strip().startswith(f"{key}:")
    assert f"kits new-video {KIT} --lang en --id ny-video" in out
    assert "make check" in out


def test_id_is_unique_in_the_kit_across_languages(project: Path) -> None:
    # 'hope' exists in both languages; a title that makes 'hope' gets 'hope-2'
    result = kits(project, "new-video", KIT, "--title", "Hope", "--duration", "1:00")
    assert result.returncode == 0
    assert "- id: hope-2\n" in kit_file(project).read_text(encoding="utf-8")
    en = kit_file(project, "en")
    en.write_text(en.read_text(encoding="utf-8").replace("- id: hope\n", "- id: hope-3\n"),
                  encoding="utf-8")
    kits(project, "new-video", KIT, "--title", "Hope", "--duration", "1:00")
    assert "- id: hope-4\n" in kit_file(project).read_text(encoding="utf-8")


def test_translating_a_video_reuses_its_id_and_duration(project: Path) -> None:
    kits(project, "new-video", KIT, "--title", "Ny video", "--duration", "2:05")
    result = kits(project, "new-video", KIT, "--lang", "en", "--id", "ny-video",
                  "--title", "New video")
    assert result.returncode == 0, result.stderr
    data = yaml.safe_load(kit_file(project, "en").read_text(encoding="utf-8"))
    # the card says which language it translates, so `kits status` compares it with that one
    assert data["videos"][-1] == {"id": "ny-video", "title": "New video", "duration": "2:05",
                                  "description": "", "questions": [],
                                  "translated_from": {"language": "da", "into": "en"}}


def test_empty_video_list(project: Path) -> None:
    path = kit_file(project, "en", "time-to-change")
    before = path.read_bytes()
    assert b"videos: []" in before
    result = kits(project, "new-video", "time-to-change", "--lang", "en",
                  "--title", "A first video", "--duration", "3:00")
    assert result.returncode == 0, result.stderr
    after = path.read_bytes()
    # only the empty list marker is gone, and the new entry is in
    new = inserted_part(before.replace(b"videos: []", b"videos:"), after)
    assert b"- id: a-first-video" in new
    assert yaml.safe_load(after)["videos"][0]["id"] == "a-first-video"


@pytest.mark.parametrize("layout", [
    "videos:\n", "videos:\n# later\n", "videos: []  # none yet\nsources:\n  - x\n", "",
])
def test_other_layouts_of_an_empty_kit(project: Path, layout: str) -> None:
    path = kit_file(project, "en", "time-to-change")
    head = path.read_text(encoding="utf-8").split("videos: []")[0]
    path.write_text(head + layout, encoding="utf-8")
    result = kits(project, "new-video", "time-to-change", "--lang", "en",
                  "--title", "A first video", "--duration", "3:00")
    assert result.returncode == 0, result.stderr
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert [v["id"] for v in data["videos"]] == ["a-first-video"]


def test_windows_line_endings_and_no_final_newline_are_kept(project: Path) -> None:
    path = kit_file(project)
    videos_last = path.read_text(encoding="utf-8").split("\nsources:")[0]  # no final newline
    text = videos_last.replace("\n", "\r\n")
    path.write_bytes(text.encode("utf-8"))
    result = kits(project, "new-video", KIT, "--title", "Ny video", "--duration", "2:05")
    assert result.returncode == 0, result.stderr
    after = path.read_bytes()
    assert b"\n" not in after.replace(b"\r\n", b"")
    assert after.startswith(text.encode("utf-8") + b"\r\n")
    assert yaml.safe_load(after)["videos"][-1]["id"] == "ny-video"


@pytest.mark.parametrize(("args", "wanted"), [
    (["dialog-kickstarter", "--title", "X", "--duration", "1:00"],
     "did you mean 'dialogue-kickstarter'"),
    ([KIT, "--title", "X", "--duration", "4:70"], 'did you mean "5:10"'),
    ([KIT, "--title", "X", "--duration", "ten minutes"], "found 'ten minutes'"),
    ([KIT, "--title", "X", "--duration", "0:00"], "no time at all"),
    ([KIT, "--title", "X"], "--duration"),
    ([KIT, "--title", "  ", "--duration", "1:00"], "--title"),
    ([KIT, "--title", "X", "--duration", "1:00", "--lang", "de"], "expected one of da, en"),
    ([KIT, "--title", "X", "--id", "hope"], "already there"),
    ([KIT, "--title", "X", "--id", "Bad Id", "--duration", "1:00"], "for example: --id bad-id"),
    (["time-to-change", "--title", "X", "--duration", "1:00"], "only in en"),
])
def test_clear_errors_change_nothing(project: Path, args: list[str], wanted: str) -> None:
    before = {p: p.read_bytes() for p in (project / "content").rglob("*.yml")}
    result = kits(project, "new-video", *args)
    assert result.returncode == 1
    assert wanted in result.stderr
    assert "Traceback" not in result.stderr
    assert {p: p.read_bytes() for p in (project / "content").rglob("*.yml")} == before


def test_a_broken_file_is_left_alone(project: Path) -> None:
    path = kit_file(project)
    path.write_text(path.read_text(encoding="utf-8").replace("title: Dialogstarteren",
                                                             "title: Dialog: starteren"),
                    encoding="utf-8")
    before = path.read_bytes()
    result = kits(project, "new-video", KIT, "--title", "X", "--duration", "1:00")
    assert result.returncode == 1
    assert "YAML syntax error" in result.stderr and "Traceback" not in result.stderr
    assert path.read_bytes() == before


def test_works_on_another_content_folder(project: Path) -> None:
    result = kits(project.parent, "new-video", KIT, "--content", str(project / "content"),
                  "--title", "X", "--duration", "1:00")
    assert result.returncode == 0, result.stderr
    assert "- id: x\n" in kit_file(project).read_text(encoding="utf-8")
