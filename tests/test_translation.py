"""Unit tests of translation state: fingerprints, lining up translated lists with their source,
which language is the source, writing translated_from blocks as text, and what readers see."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from conftest import SAMPLES
from kitsite.loading import load_library
from kitsite.translation import (
    Pair,
    Record,
    align,
    confirmed_record,
    fingerprint,
    source_language,
    translation_source,
)
from kitsite.translation_edit import EditError, replace_block, write_block
from kitsite.views import kit_view

Q = ["Do you recognise it?", "How do you talk about hope?", "What would you do differently?"]
T = ["Kan du genkende det?", "Hvordan taler du om håb?", "Hvad ville du gøre anderledes?"]


def recorded(source: list[str], target: list[str]) -> list[tuple[str, str]]:
    """The record --confirm writes for a list translated item by item."""
    return [(fingerprint(s), fingerprint(t)) for s, t in zip(source, target, strict=True)]


def states(pairs: list[Pair]) -> list[tuple[int | None, int | None, str]]:
    return [(p.source, p.target, p.state) for p in pairs]


def test_fingerprint_ignores_line_breaks_and_spaces_but_not_words() -> None:
    text = "The dissemination of hope is related to the experience of stigma."
    rewrapped = "The dissemination of hope is related\n  to the experience   of stigma.\n"
    assert fingerprint(text) == fingerprint(rewrapped)
    assert fingerprint(text) != fingerprint(text.replace("hope", "hopes"))
    assert len(fingerprint(text)) == 8


def test_a_confirmed_list_is_up_to_date() -> None:
    assert states(align(Q, T, recorded(Q, T))) == [(0, 0, "ok"), (1, 1, "ok"), (2, 2, "ok")]


def test_a_removed_translation_leaves_that_source_item_missing_not_the_last() -> None:
    pairs = align(Q, T[1:], recorded(Q, T))
    assert states(pairs) == [(0, None, "missing"), (1, 0, "ok"), (2, 1, "ok")]


def test_a_changed_source_item_makes_only_its_translation_stale() -> None:
    changed = [Q[0], "How do you talk about hope with relatives?", Q[2]]
    assert states(align(changed, T, recorded(Q, T))) == [
        (0, 0, "ok"), (1, 1, "stale"), (2, 2, "ok")]


def test_reordered_source_items_are_still_up_to_date() -> None:
    reordered = [Q[2], Q[0], Q[1]]
    assert states(align(reordered, T, recorded(Q, T))) == [
        (0, 2, "ok"), (1, 0, "ok"), (2, 1, "ok")]


def test_a_new_source_item_is_missing_and_a_deleted_one_leaves_its_translation_extra() -> None:
    assert states(align([*Q, "A new question?"], T, recorded(Q, T)))[-1] == (3, None, "missing")
    pairs = align([Q[0], Q[2]], T, recorded(Q, T))
    assert states(pairs) == [(0, 0, "ok"), (None, 1, "extra"), (1, 2, "ok")]


def test_a_translator_rewording_their_own_text_keeps_it_up_to_date() -> None:
    reworded = [T[0], "Hvordan taler du med andre om håb?", T[2]]
    assert [p.state for p in align(Q, reworded, recorded(Q, T))] == ["ok", "ok", "ok"]


def test_without_a_record_items_are_lined_up_by_position_and_unconfirmed() -> None:
    assert states(align(Q, T[:2], None)) == [
        (0, 0, "unconfirmed"), (1, 1, "unconfirmed"), (2, None, "missing")]


def test_confirmed_record_keeps_missing_items_missing() -> None:
    block = confirmed_record("en", {"title": "A"}, {"questions": Q}, {"title": "Et"},
                             {"questions": T[1:]}, {"language": "en", "title": "x",
                                                    "questions": [" ".join(p) for p in
                                                                  recorded(Q, T)]})
    assert block["language"] == "en" and block["title"] == fingerprint("A")
    assert block["questions"] == [f"{fingerprint(Q[1])} {fingerprint(T[1])}",
                                  f"{fingerprint(Q[2])} {fingerprint(T[2])}"]


def test_record_parse_reads_pairs_and_ignores_what_it_cannot_read() -> None:
    record = Record.parse({"language": "en", "title": "01234567",
                           "questions": ["aaaaaaaa bbbbbbbb", "broken"]})
    assert record is not None
    assert record.texts == {"title": "01234567"}
    assert record.lists["questions"] == (("aaaaaaaa", "bbbbbbbb"),)
    assert Record.parse({"title": "x"}) is None and Record.parse(None) is None


# --- the sample project: which language is the source, and the loader -----------------------

@pytest.fixture()
def sample(tmp_path: Path) -> Path:
    project = tmp_path / "translation"
    shutil.copytree(SAMPLES / "translation", project)
    return project


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_the_language_a_translation_names_is_the_source(sample: Path) -> None:
    library = load_library(sample / "content").library
    assert source_language(library, "sample-kit") == "en"
    source = translation_source(library, "da", "sample-kit")
    assert source is not None and source.language == "en"
    assert translation_source(library, "en", "sample-kit") is None


def strip_records(text: str) -> str:
    """``text`` without its translated_from blocks."""
    out: list[str] = []
    block_indent: int | None = None
    for line in text.splitlines(keepends=True):
        indent = len(line) - len(line.lstrip())
        if block_indent is not None and line.strip() and indent > block_indent:
            continue
        block_indent = indent if line.strip() == "translated_from:" else None
        if block_indent is None:
            out.append(line)
    return "".join(out)


def test_without_any_record_the_first_language_of_the_site_is_taken_as_source(
    sample: Path,
) -> None:
    da = sample / "content" / "da" / "kits" / "sample-kit.yml"
    da.write_text(strip_records(da.read_text(encoding="utf-8")), encoding="utf-8")
    library = load_library(sample / "content").library
    kit = library.kit("da", "sample-kit")
    assert kit is not None and not kit.translated_from
    assert source_language(library, "sample-kit") == "da"


def test_loader_keeps_fingerprints_as_written_even_when_they_look_like_numbers(
    sample: Path,
) -> None:
    da = sample / "content" / "da" / "kits" / "sample-kit.yml"
    text = da.read_text(encoding="utf-8")
    first_title = text.split("      title: ")[1].split("\n")[0]
    edit(da, f"      title: {first_title}\n", "      title: 00123456\n")
    library = load_library(sample / "content").library
    video = library.kit("da", "sample-kit").video("first")  # type: ignore[union-attr]
    assert video is not None and video.translated_from["title"] == "00123456"


# --- writing the block as text ------------------------------------------------------------

KIT = """\
# A comment at the top
id: k   # the id
title: "Quoted title"
videos:
  - id: a
    title: A
    description: >-
      Folded text
      on two lines.

    # a comment about the next video
  - id: b
    title: B
    questions:
    - compact item
sources:
- compact
# trailing comment
"""


def test_a_new_block_goes_after_the_last_key_and_nothing_else_changes() -> None:
    new, line = replace_block(KIT, ("videos", 0), {"language": "en", "title": "abcd1234"})
    lines = new.splitlines()
    assert lines[line - 1] == "    translated_from:"
    assert lines[line - 2] == "      on two lines."
    assert lines[line:line + 2] == ["      language: en", "      title: abcd1234"]
    assert [x for x in lines if "translated_from" not in x and x.strip() not in
            ("language: en", "title: abcd1234")] == KIT.splitlines()
    assert yaml.safe_load(new)["videos"][0]["translated_from"] == {
        "language": "en", "title": "abcd1234"}


def test_a_block_after_a_compact_list_and_at_the_top_level() -> None:
    new, _ = replace_block(KIT, ("videos", 1), {"language": "en", "questions": ["a b"]})
    new, _ = replace_block(new, (), {"language": "en", "sources": ["c d"]})
    data = yaml.safe_load(new)
    assert data["videos"][1]["questions"] == ["compact item"]
    assert data["videos"][1]["translated_from"]["questions"] == ["a b"]
    assert data["sources"] == ["compact"]
    assert data["translated_from"] == {"language": "en", "sources": ["c d"]}
    assert "# trailing comment" in new and "# a comment about the next video" in new


def test_an_existing_block_is_replaced_in_place(tmp_path: Path) -> None:
    path = tmp_path / "k.yml"
    first, _ = replace_block(KIT, ("videos", 0), {"language": "en", "title": "11111111"})
    path.write_text(first, encoding="utf-8")
    line = write_block(path, ("videos", 0), {"language": "en", "title": "22222222"})
    text = path.read_text(encoding="utf-8")
    assert text.count("translated_from:") == 1 and "22222222" in text and "11111111" not in text
    assert text.splitlines()[line - 1] == "    translated_from:"
    assert text.replace("22222222", "11111111") == first


def test_a_file_that_is_not_laid_out_as_kit_files_are_is_not_touched(tmp_path: Path) -> None:
    path = tmp_path / "k.yml"
    path.write_text("{id: k, videos: []}\n", encoding="utf-8")
    with pytest.raises(EditError):
        write_block(path, (), {"language": "en"})
    assert path.read_text(encoding="utf-8") == "{id: k, videos: []}\n"


# --- what a Danish reader sees ------------------------------------------------------------

def walkthrough_edits(project: Path) -> None:
    """Remove a Danish question, change an English description, add an English-only video."""
    content = project / "content"
    edit(content / "da" / "kits" / "sample-kit.yml",
         "      - Kan du genkende situationerne i videoen?\n", "")
    edit(content / "en" / "kits" / "sample-kit.yml",
         "    description: The second video is about the questions patients ask.",
         "    description: The second video is about the questions patients and relatives ask.")
    edit(content / "en" / "kits" / "sample-kit.yml", "sections:\n", THIRD_VIDEO + "sections:\n")


THIRD_VIDEO = """\
  - id: third
    title: Third video
    duration: "2:30"
    description: A video added in English only.
    questions:
      - What did you notice?
"""


def test_the_reader_sees_each_gap_in_its_own_language(sample: Path) -> None:
    walkthrough_edits(sample)
    view = kit_view(load_library(sample / "content").library, "da", "sample-kit")
    first, second, third = view.videos
    assert [(q.lang, q.fallback) for q in first.questions] == [("en", True), ("da", False)]
    assert first.questions[0].text == "Do you recognise the situations in the video?"
    assert first.stale_in is None
    assert second.stale_in == "en" and second.description is not None
    assert (second.description.lang, second.description.fallback) == ("da", False)
    assert (third.lang, third.translated) == ("en", False)
    # the English question the Danish file lacks is still discussed in the session plan
    assert view.question_count == 4
    english = kit_view(load_library(sample / "content").library, "en", "sample-kit")
    assert all(not q.fallback for v in english.videos for q in v.questions)
    assert all(v.stale_in is None for v in english.videos)
