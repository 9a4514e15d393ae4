"""`kits status`: what a translator sees in the terminal, the JSON for tools, and --confirm.

The walkthrough of issue 4, on a copy of the sample project: remove a Danish question, change an
English description, add an English-only video; status lists exactly those three gaps with file
and line; after translating and confirming, the status is clean.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from test_build import copy_sample
from test_translation import THIRD_VIDEO, edit, strip_records, walkthrough_edits

from conftest import ROOT
from kitsite.cli import main

DA = Path("content/da/kits/sample-kit.yml")
EN = Path("content/en/kits/sample-kit.yml")


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy = copy_sample(tmp_path, "translation")
    monkeypatch.chdir(copy)
    return copy


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["status", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def line_of(path: Path, text: str) -> int:
    """The line of ``path`` (1-based) that contains ``text``; it must occur once."""
    found = [i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if text in line]
    assert len(found) == 1, (text, found)
    return found[0]


def gap_lines(out: str) -> list[str]:
    return [line.strip() for line in out.splitlines() if re.match(r"\s+content/.*:\d+: ", line)]


def test_the_sample_starts_clean_with_the_english_only_kit_shown_as_such(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--check")
    assert code == 0, out
    assert gap_lines(out) == []
    assert "  da: not translated — English only; to translate it, copy " \
           "content/en/kits/english-only.yml to content/da/kits/" in out
    assert "  da: up to date (from en) — content/da/kits/sample-kit.yml" in out
    assert "clean: every translation shown is up to date" in out


def test_walkthrough_lists_exactly_the_three_gaps_with_file_and_line(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    walkthrough_edits(project)
    code, out, _ = run(capsys)
    assert code == 0
    lines = gap_lines(out)
    assert len(lines) == 3, out
    question = line_of(DA, "Hvordan taler du med patienter om håb?")
    description = line_of(DA, "description: Den anden video")
    second_video = line_of(DA, "- id: second")
    assert lines == [
        f"{DA}:{question}: videos[first].questions[0]: missing — translate the en text "
        f'"Do you recognise the situations in the video?" '
        f"({EN}:{line_of(EN, 'Do you recognise the situations')}) and add it to the questions "
        "here, in the same place",
        f"{DA}:{second_video}: videos[third]: missing video \"Third video\" — copy it from the en "
        f"file ({EN}:{line_of(EN, '- id: third')}) into the videos here, in the same place, and "
        "translate it",
        f"{DA}:{description}: videos[second].description: stale — the en text changed after "
        f"this was translated; compare with {EN}:{line_of(EN, 'description: The second video')}"
        ", update this text, then confirm",
    ]
    assert "when checked: kits status --confirm sample-kit/second --lang da" in out
    assert "  da: 0 of 2 kits up to date, 1 with gaps, 1 not translated; 2 missing, 1 stale" in out
    assert "  en: 2 of 2 kits up to date; no gaps" in out
    assert run(capsys, "--check")[0] == 1


def test_json_gives_the_same_gaps_for_tools(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    walkthrough_edits(project)
    code, out, _ = run(capsys, "--json")
    assert code == 0
    report: dict[str, Any] = json.loads(out)
    kit = next(k for k in report["kits"] if k["id"] == "sample-kit")
    danish = kit["languages"]["da"]
    assert (danish["state"], danish["role"], danish["source_language"]) == \
        ("gaps", "translation", "en")
    gaps = {(g["kind"], g["field"], g["line"], g["source_file"]) for g in danish["gaps"]}
    assert gaps == {
        ("missing", "videos[first].questions[0]",
         line_of(DA, "Hvordan taler du med patienter om håb?"), EN.as_posix()),
        ("missing", "videos[third]", line_of(DA, "- id: second"), EN.as_posix()),
        ("stale", "videos[second].description", line_of(DA, "description: Den anden video"),
         EN.as_posix()),
    }
    assert kit["languages"]["en"]["gaps"] == []
    only = next(k for k in report["kits"] if k["id"] == "english-only")["languages"]["da"]
    assert (only["state"], only["only_in"]) == ("not_translated", ["en"])
    assert report["totals"]["da"]["missing"] == 2 and report["totals"]["da"]["stale"] == 1
    assert report["clean"] is False
    assert {(p["page"], p["language"], p["state"]) for p in report["pages"]} >= {
        ("english-page.md", "da", "not_translated"), ("english-page.md", "en", "translated")}


def test_after_translating_and_confirming_the_status_is_clean(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    walkthrough_edits(project)
    da = project / DA
    edit(da, "    questions:\n      # a comment",
         "    questions:\n      - Kan du genkende situationerne i videoen?\n      # a comment")
    edit(da, "description: Den anden video handler om de spørgsmål, patienter stiller.",
         "description: Den anden video handler om de spørgsmål, patienter og pårørende stiller.")
    edit(da, "sections:\n", THIRD_VIDEO.replace("Third video", "Tredje video")
         .replace("A video added in English only.", "En video, der først kom på engelsk.")
         .replace("What did you notice?", "Hvad lagde du mærke til?") + "sections:\n")
    # the question is back word for word, so it matches its fingerprint again; the changed
    # description and the new video wait for the translator's confirmation
    assert [line.split(": ")[1:3] for line in gap_lines(run(capsys)[1])] == [
        ["videos[second].description", "stale — the en text changed after this was translated;"
         f" compare with {EN}:{line_of(EN, 'description: The second video')}, update this text, "
         "then confirm"],
        ["videos[third]", "not confirmed — 3 texts never checked against the en file; check "
         "them, then confirm"]]
    code, out, err = run(capsys, "--confirm", "sample-kit", "--lang", "da")
    assert code == 0, err
    assert f"{DA}:{line_of(DA, '- id: third') + 6}: confirmed video 'third'" in out
    assert "# a comment that must survive --confirm" in da.read_text(encoding="utf-8")
    code, out, _ = run(capsys, "--check")
    assert code == 0, out
    assert gap_lines(out) == []
    assert "clean: every translation shown is up to date" in out


def test_confirming_only_one_video(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(project / EN, "    description: The second video is about the questions patients ask.",
         "    description: The second video is about the questions patients often ask.")
    before = (project / DA).read_text(encoding="utf-8")
    code, out, _ = run(capsys, "--confirm", "sample-kit/second", "--lang", "da")
    assert code == 0
    after = (project / DA).read_text(encoding="utf-8")
    changed = [line for line in after.splitlines() if line not in before.splitlines()]
    assert len(changed) == 1 and changed[0].startswith("      description: ")
    assert strip_records(after) == strip_records(before)
    assert "da: up to date (from en)" in out


def test_a_new_translation_is_not_confirmed_until_checked(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / DA).write_text(strip_records((project / DA).read_text(encoding="utf-8")),
                              encoding="utf-8")
    _, out, _ = run(capsys, "--lang", "en")
    # no file names a source yet: the first language of the site (da) is taken as source
    assert "en: 3 gaps (from da)" in out and "not confirmed" in out
    code, _, err = run(capsys, "--confirm", "sample-kit", "--lang", "da", "--from", "en")
    assert code == 0, err
    code, out, _ = run(capsys, "--check")
    assert code == 0, out


@pytest.mark.parametrize(("args", "message"), [
    (["--confirm", "sample-kit", "--lang", "en"],
     "en is the source of kit 'sample-kit': the da file says it was translated from en"),
    (["--confirm", "sample-kit"], "say which translation you checked: --lang CODE"),
    (["--confirm", "sample-kit/nope", "--lang", "da"], "has no video 'nope'"),
    (["--confirm", "english-only", "--lang", "da"], "there is no da file for kit 'english-only'"),
    (["--lang", "sv"], "unknown language 'sv'"),
    (["--kit", "nope"], "unknown kit 'nope'"),
])
def test_mistakes_get_a_clear_message_and_change_nothing(
    project: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    files = {p: p.read_bytes() for p in (project / "content").rglob("*.yml")}
    code, _, err = run(capsys, *args)
    assert code == 1
    assert message in err and "Traceback" not in err
    assert {p: p.read_bytes() for p in (project / "content").rglob("*.yml")} == files


def test_content_errors_stop_status_with_file_and_line(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(project / DA, 'duration: "1:05"', "duration: soon")
    code, _, err = run(capsys)
    assert code == 1
    assert f"{DA}:{line_of(DA, 'duration: soon')}: videos[1].duration:" in err


def test_the_real_content_is_clean(capsys: pytest.CaptureFixture[str],
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """The Danish kits are confirmed translations of the English ones; Time to Change is
    English only (not translated, not a gap). When this fails, someone changed a kit's text:
    update the translation, then run the --confirm command that `kits status` prints."""
    monkeypatch.chdir(ROOT)
    code, out, _ = run(capsys, "--check")
    assert code == 0, out
    assert "  da: not translated — English only; to translate it, copy " \
           "content/en/kits/time-to-change.yml to content/da/kits/" in out
