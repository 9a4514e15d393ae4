"""Unit tests of translation state: fingerprints, lining up translated lists with their source,
which language is the source, writing translated_from blocks as text, and what readers see."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from helpers.walkthrough import edit, strip_records, walkthrough_edits

from conftest import SAMPLES
from kitsite.content.loading import load_library
from kitsite.edit.records import EditError, replace_block, write_block
from kitsite.render.views import kit_view
from kitsite.translation.compare import (
    ABSENT,
    ListComparison,
    Record,
    align,
    compare_text,
    fingerprint,
    render_record,
)
from kitsite.translation.confirm import confirm
from kitsite.translation.kit import KitTranslation

Q = ["Do you recognise it?", "How do you talk about hope?", "What would you do differently?"]
T = ["Kan du genkende det?", "Hvordan taler du om håb?", "Hvad ville du gøre anderledes?"]


def recorded(there: list[str], here: list[str]) -> list[tuple[str, str]]:
    """The pairs --confirm writes for a list translated item by item: (there, here)."""
    return [(fingerprint(t), fingerprint(h)) for t, h in zip(there, here, strict=True)]


def states(compared: ListComparison) -> list[tuple[int | None, int | None, str]]:
    return [(m.here, m.there, m.state) for m in compared.matches]


def test_fingerprint_ignores_line_breaks_and_spaces_but_not_words() -> None:
    text = "The dissemination of hope is related to the experience of stigma."
    rewrapped = "The dissemination of hope is related\n  to the experience   of stigma.\n"
    assert fingerprint(text) == fingerprint(rewrapped)
    assert fingerprint(text) != fingerprint(text.replace("hope", "hopes"))
    assert len(fingerprint(text)) == 8


def agreed(there: str, here: str) -> tuple[str, str]:
    return fingerprint(there), fingerprint(here)


@pytest.mark.parametrize(("here", "there", "state"), [
    ("Et håb", "A hope", "same"),
    ("Et nyt håb", "A hope", "here_newer"),
    ("Et håb", "A new hope", "there_newer"),
    ("Et nyt håb", "A new hope", "both_changed"),
    ("A hope", "A hope", "copy"),
])
def test_either_side_of_a_confirmed_text_can_be_the_newer(here: str, there: str,
                                                           state: str) -> None:
    match = compare_text(here, there, agreed("A hope", "Et håb"))
    assert match is not None and match.state == state


def test_texts_never_confirmed_are_unconfirmed_or_a_copy_or_new_on_one_side() -> None:
    assert compare_text("Et håb", "A hope", None).state == "unconfirmed"  # type: ignore[union-attr]
    assert compare_text("A hope", "A  hope", None).state == "copy"  # type: ignore[union-attr]
    assert compare_text("", "A hope", None).state == "new_there"  # type: ignore[union-attr]
    assert compare_text("Et håb", "", None).state == "new_here"  # type: ignore[union-attr]
    assert compare_text("", "", None) is None


def test_a_text_confirmed_identical_stays_translated_and_a_deleted_one_is_deleted() -> None:
    name = agreed("ONE OF US", "ONE OF US")
    assert compare_text("ONE OF US", "ONE OF US", name).state == "same"  # type: ignore[union-attr]
    deleted = compare_text("", "A transcript", agreed("A transcript", "En udskrift"))
    assert deleted is not None and deleted.state == "deleted_here"
    kept = compare_text("En udskrift", "", (ABSENT, fingerprint("En udskrift")))
    assert kept is not None and kept.state == "kept_here"


def test_a_text_recorded_by_an_older_version_has_an_unknown_own_side() -> None:
    legacy = (fingerprint("A hope"), None)
    assert compare_text("Et nyt håb", "A hope", legacy).state == "same"  # type: ignore[union-attr]
    assert compare_text("Et håb", "A new hope", legacy).state == "there_newer"  # type: ignore


def test_a_confirmed_list_is_the_same_on_both_sides() -> None:
    assert states(align(T, Q, recorded(Q, T))) == [(0, 0, "same"), (1, 1, "same"),
                                                    (2, 2, "same")]


def test_a_question_deleted_here_is_deleted_here_not_missing() -> None:
    compared = align([T[0], T[2]], Q, recorded(Q, T))
    assert states(compared) == [(0, 0, "same"), (None, 1, "deleted_here"), (1, 2, "same")]


def test_a_question_deleted_there_is_deleted_there() -> None:
    compared = align(T, [Q[0], Q[2]], recorded(Q, T))
    assert states(compared) == [(0, 0, "same"), (1, None, "deleted_there"), (2, 1, "same")]


def test_a_changed_item_on_either_side_makes_only_the_other_one_stale() -> None:
    changed_there = [Q[0], "How do you talk about hope with relatives?", Q[2]]
    assert states(align(T, changed_there, recorded(Q, T)))[1] == (1, 1, "there_newer")
    changed_here = [T[0], "Hvordan taler du med pårørende om håb?", T[2]]
    assert states(align(changed_here, Q, recorded(Q, T)))[1] == (1, 1, "here_newer")


def test_a_new_item_on_one_side_is_new_and_on_both_at_one_place_unconfirmed() -> None:
    new_there = align(T, [*Q, "A new question?"], recorded(Q, T))
    assert states(new_there)[-1] == (None, 3, "new_there")
    both = align([*T, "Et nyt spørgsmål?"], [*Q, "A new question?"], recorded(Q, T))
    assert states(both)[-1] == (3, 3, "unconfirmed")


def test_without_a_record_items_are_lined_up_by_position() -> None:
    assert states(align(T[:2], Q, None)) == [
        (0, 0, "unconfirmed"), (1, 1, "unconfirmed"), (None, 2, "new_there")]


def test_an_item_kept_on_purpose_on_one_side_is_kept() -> None:
    pairs = [*recorded(Q, T), (ABSENT, fingerprint("Kun på dansk?"))]
    assert states(align([*T, "Kun på dansk?"], Q, pairs))[-1] == (3, None, "kept_here")


def test_reordering_is_told_on_the_side_that_reordered() -> None:
    assert align([T[1], T[0], T[2]], Q, recorded(Q, T)).order == "here_reordered"
    assert align(T, [Q[2], Q[0], Q[1]], recorded(Q, T)).order == "there_reordered"
    assert align(T, Q, recorded(Q, T)).order == "same"
    # confirmed with the other language in another order: that order is the agreed one
    assert align(T, [Q[2], Q[0], Q[1]], recorded(Q, T), there_order=[1, 2, 0]).order == "same"


def test_a_record_reads_back_as_written() -> None:
    record = Record("en", "da", {"title": agreed("A", "Et"), "summary": ("01234567", None)},
                    {"questions": tuple(recorded(Q, T))}, {"questions": (1, 0, 2)},
                    ("hope", "not-ask"), ("only-da",), ("only-en",))
    assert Record.parse(render_record(record)) == record
    assert Record.parse({"language": "en", "title": "a b c"}).texts == {}  # type: ignore
    assert Record.parse({"title": "x"}) is None and Record.parse(None) is None


# --- the sample project: which language is the source, and the loader -----------------------

@pytest.fixture()
def sample(tmp_path: Path) -> Path:
    project = tmp_path / "translation"
    shutil.copytree(SAMPLES / "translation", project)
    return project


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

def test_the_reader_sees_each_gap_in_its_own_language(sample: Path) -> None:
    walkthrough_edits(sample)
    library = load_library(sample / "content").library
    view = kit_view(library, "da", "sample-kit")
    first, second, third = view.videos
    # the question deleted in Danish does not come back from English
    assert [(q.text, q.lang, q.fallback) for q in first.questions] == [
        ("Hvordan taler du med patienter om håb?", "da", False)]
    assert first.stale_in is None
    assert second.stale_in == "en"
    assert (second.description.lang, second.description.fallback) == ("da", False)
    assert [(q.lang, q.fallback) for q in second.questions] == [("da", False), ("en", True)]
    assert second.questions[1].text == "Who else should hear this?"
    assert (third.lang, third.translated) == ("en", False)
    assert view.question_count == 4
    english = kit_view(library, "en", "sample-kit")
    assert [len(v.questions) for v in english.videos] == [2, 2, 1]
    assert all(not q.fallback for v in english.videos for q in v.questions)
    assert all(v.stale_in is None for v in english.videos)


def test_a_file_copied_from_another_language_is_not_translated_whatever_its_blocks(
    tmp_path: Path,
) -> None:
    project = tmp_path / "three"
    shutil.copytree(SAMPLES / "three-languages", project)
    content = project / "content"
    # the Swedish file, with its records of a translation from English, copied as Danish
    shutil.copy(content / "sv" / "kits" / "sample-kit.yml", content / "da" / "kits")
    library = load_library(content).library
    gaps = KitTranslation(library, "sample-kit").gaps("da")
    assert {(g.kind, g.other) for g in gaps} == {("untranslated", "sv")}
    view = kit_view(library, "da", "sample-kit")
    assert (view.kit.language, view.translated) == ("en", False)  # da falls back to en first
    assert [(v.lang, v.translated) for v in view.videos] == [("en", False)]


def test_confirming_the_other_file_removes_its_old_record_and_keeps_line_endings(
    sample: Path,
) -> None:
    da = sample / "content" / "da" / "kits" / "sample-kit.yml"
    en = sample / "content" / "en" / "kits" / "sample-kit.yml"
    da.write_bytes(da.read_bytes().replace(b"\n", b"\r\n"))
    before = da.read_bytes()
    done = confirm(load_library(sample / "content").library, "sample-kit", "en")
    assert {c.path for c in done} == {en}
    after = da.read_bytes()
    assert b"translated_from" not in after and b"\n" not in after.replace(b"\r\n", b"")
    assert strip_records(after.decode()) == strip_records(before.decode())
    assert en.read_text(encoding="utf-8").count("translated_from:") == 3
