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
from helpers.projects import copy_sample
from helpers.walkthrough import THIRD_VIDEO, edit, strip_records, walkthrough_edits

from conftest import ROOT
from kitsite.cli.main import main

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
    assert "  da: up to date (checked against en) — content/da/kits/sample-kit.yml" in out
    assert "clean: every translation shown is up to date" in out


def test_walkthrough_lists_each_gap_in_the_language_that_has_to_act(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    walkthrough_edits(project)
    code, out, _ = run(capsys)
    assert code == 0
    lines = gap_lines(out)
    second_video = line_of(DA, "- id: second")
    assert lines == [
        f"{DA}:{second_video}: videos[third]: missing video \"Third video\" — the en file has "
        f"it ({EN}:{line_of(EN, '- id: third')}): add it to the videos here, in the same place "
        "(copy its card and translate it), or, if this language should not have it, confirm "
        "with --omit",
        f"{DA}:{line_of(DA, 'description: Den anden video')}: videos[second].description: stale "
        f"— en is newer: its text changed after the two were confirmed "
        f"({EN}:{line_of(EN, 'description: The second video')}); update this text to match, "
        "then confirm",
        f"{DA}:{line_of(DA, 'Hvilke spørgsmål stiller')}: videos[second].questions[1]: missing "
        f"— the en text \"Who else should hear this?\" ({EN}:{line_of(EN, 'Who else should')})"
        " is not here: translate it and add it to the questions here, in the same place, then "
        "confirm; if this language should not have it, confirm with --omit",
        f"{EN}:{line_of(EN, 'Do you recognise the situations')}: videos[first].questions[0]: "
        f"deleted in da — da no longer has this ({DA}:{line_of(DA, 'Hvordan taler du med')}"
        "); delete it here too, or confirm to keep it in this language only",
    ]
    assert "when checked: .venv/bin/kits status --confirm sample-kit/second --lang da" in out
    assert "when checked: .venv/bin/kits status --confirm sample-kit/first --lang en" in out
    assert "  da: 0 of 2 kits up to date, 1 with gaps, 1 not translated; 2 missing, 1 stale" \
        in out
    assert "  en: 1 of 2 kits up to date, 1 with gaps; 1 deleted elsewhere" in out
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
    assert (danish["state"], danish["checked_against"]) == ("gaps", "en")
    gaps = {(g["kind"], g["field"], g["line"], g["other_language"], g["other_file"])
            for g in danish["gaps"]}
    assert gaps == {
        ("missing", "videos[third]", line_of(DA, "- id: second"), "en", EN.as_posix()),
        ("stale", "videos[second].description", line_of(DA, "description: Den anden video"),
         "en", EN.as_posix()),
        ("missing", "videos[second].questions[1]", line_of(DA, "Hvilke spørgsmål"), "en",
         EN.as_posix()),
    }
    english = kit["languages"]["en"]
    assert [(g["kind"], g["field"], g["other_language"]) for g in english["gaps"]] == [
        ("deleted", "videos[first].questions[0]", "da")]
    only = next(k for k in report["kits"] if k["id"] == "english-only")["languages"]["da"]
    assert (only["state"], only["only_in"]) == ("not_translated", ["en"])
    totals = report["totals"]["da"]["gap_counts"]
    assert (totals["missing"], totals["stale"]) == (2, 1)
    assert report["clean"] is False
    assert {(p["page"], p["language"], p["state"]) for p in report["pages"]} >= {
        ("english-page.md", "da", "not_translated"), ("english-page.md", "en", "translated")}


def translate_the_walkthrough_into_danish(project: Path) -> None:
    da = project / DA
    edit(da, "description: Den anden video handler om de spørgsmål, patienter stiller.",
         "description: Den anden video handler om de spørgsmål, patienter og pårørende stiller.")
    edit(da, "      - Hvilke spørgsmål stiller patienter dig?\n",
         "      - Hvilke spørgsmål stiller patienter dig?\n      - Hvem bør ellers høre det?\n")
    edit(da, "sections:\n", THIRD_VIDEO.replace("Third video", "Tredje video")
         .replace("A video added in English only.", "En video, der først kom på engelsk.")
         .replace("What did you notice?", "Hvad lagde du mærke til?") + "sections:\n")


def test_after_translating_confirming_and_deleting_the_status_is_clean(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    walkthrough_edits(project)
    translate_the_walkthrough_into_danish(project)
    da = project / DA
    # translated, not yet confirmed: the new video's texts wait for the translator
    assert [line.split(": ")[1:3] for line in gap_lines(run(capsys, "--lang", "da")[1])] == [
        ["videos[second]", "not confirmed — 1 text never checked against the en "
         f"file ({EN}:{line_of(EN, '- id: second')}); check them, then confirm"],
        ["videos[second].description", "changed in both — this text and the en text "
         f"({EN}:{line_of(EN, 'description: The second video')}) both changed since they "
         "were confirmed; make them say the same, then confirm the one you translated last"],
        ["videos[third]", "not confirmed — 3 texts never checked against the en file "
         f"({EN}:{line_of(EN, '- id: third')}); check them, then confirm"]]
    code, out, err = run(capsys, "--confirm", "sample-kit", "--lang", "da")
    assert code == 0, err
    assert f"{DA}:{line_of(DA, '- id: third') + 6}: confirmed video 'third' against en" in out
    assert "# a comment that must survive --confirm" in da.read_text(encoding="utf-8")
    # the question deleted in Danish: English deletes it too
    edit(project / EN, "      - Do you recognise the situations in the video?\n", "")
    code, out, _ = run(capsys, "--check")
    assert code == 0, out
    assert gap_lines(out) == []
    assert "clean: every translation shown is up to date" in out


def test_a_deletion_can_instead_be_kept_by_the_other_language(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(project / DA, "      - Kan du genkende situationerne i videoen?\n", "")
    code, out, err = run(capsys, "--confirm", "sample-kit/first", "--lang", "en")
    assert code == 0, err
    assert f"{EN}:" in out and "confirmed video 'first' against da" in out
    code, out, _ = run(capsys, "--check")
    assert code == 0, out


def test_confirming_only_one_video(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(project / EN, "    description: The second video is about the questions patients ask.",
         "    description: The second video is about the questions patients often ask.")
    before = (project / DA).read_text(encoding="utf-8")
    code, out, _ = run(capsys, "--confirm", "sample-kit/second", "--lang", "da")
    assert code == 0
    after = (project / DA).read_text(encoding="utf-8")
    assert strip_records(after) == strip_records(before)
    first_block = before.split("  - id: second")[0]
    assert after.startswith(first_block), "the first video's record was touched"
    assert "da: up to date (checked against en)" in out


def test_a_new_translation_is_not_confirmed_until_checked(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / DA).write_text(strip_records((project / DA).read_text(encoding="utf-8")),
                              encoding="utf-8")
    _, out, _ = run(capsys)
    assert "not confirmed" in out and "not clean" in out
    code, _, err = run(capsys, "--confirm", "sample-kit", "--lang", "da", "--from", "en")
    assert code == 0, err
    code, out, _ = run(capsys, "--check")
    assert code == 0, out


@pytest.mark.parametrize(("args", "message"), [
    (["--confirm", "sample-kit"], "say which language's file you checked: --lang CODE"),
    (["--confirm", "sample-kit/nope", "--lang", "da"], "has no video 'nope'"),
    (["--confirm", "english-only", "--lang", "da"], "there is no da file for kit 'english-only'"),
    (["--confirm", "english-only", "--lang", "en"], "exists only in en: there is nothing to "
     "confirm it against"),
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
