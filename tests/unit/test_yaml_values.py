"""Values of a YAML file changed as text: the style each value was written in is kept, every
other byte stays, and an edit that would change anything else is refused."""

from __future__ import annotations

import pytest
import yaml

from kitsite.edit.yaml_values import (
    AddKey,
    InsertBlock,
    InsertItem,
    RemoveKey,
    SetText,
    TextEditError,
    apply_edits,
)

KIT = """\
# The editor's note.
title: Start the Dialogue  # a comment on the line
summary: 'It''s short'
about: |
  One line
  and another.

  A second paragraph.
videos:
  - id: hope
    # Editorial title.
    title: "Hope"
    description: >-
      The dissemination of hope is related to the experience of stigma. This video
      illustrates the professional's important role.
    questions:
      - Do you recognise it?
      - >-
        How do you convey hope to patients? What are your strong points, and where can
        you improve?
    extra: []
sources:
  - A source
"""


def changed(before: str, after: str) -> list[tuple[str, str]]:
    a, b = before.splitlines(), after.splitlines()
    assert len(a) == len(b)
    return [(x, y) for x, y in zip(a, b, strict=True) if x != y]


def test_each_value_keeps_its_style_and_nothing_else_changes() -> None:
    after = apply_edits(KIT, [
        SetText(("title",), "Start dialogen"),
        SetText(("summary",), "Det er kort"),
        SetText(("videos", 0, "title"), "Håb"),
        SetText(("videos", 0, "questions", 0), "Kan du genkende det?"),
    ])
    assert changed(KIT, after) == [
        ("title: Start the Dialogue  # a comment on the line",
         "title: Start dialogen  # a comment on the line"),
        ("summary: 'It''s short'", "summary: 'Det er kort'"),
        ('    title: "Hope"', '    title: "Håb"'),
        ("      - Do you recognise it?", "      - Kan du genkende det?")]


def test_a_folded_text_is_folded_again_and_a_literal_one_keeps_its_line_breaks() -> None:
    words = "Håb hænger sammen med oplevelsen af stigma, og videoen viser, hvor vigtig " \
            "den professionelles rolle er for patientens tro på at komme sig."
    after = apply_edits(KIT, [SetText(("videos", 0, "description"), words),
                              SetText(("about",), "Første linje\n\nAndet afsnit.")])
    data = yaml.safe_load(after)
    assert data["videos"][0]["description"] == words
    assert data["about"] == "Første linje\n\nAndet afsnit.\n"
    assert "    description: >-\n      Håb hænger sammen" in after
    assert all(len(line) <= 88 for line in after.splitlines())
    assert after.endswith(KIT[KIT.index("    questions:"):])


def test_a_text_that_needs_quotes_gets_them() -> None:
    after = apply_edits(KIT, [SetText(("title",), "Start: the dialogue #1"),
                              SetText(("sources", 0), "- not a list")])
    assert 'title: "Start: the dialogue #1"  # a comment on the line' in after
    assert '  - "- not a list"' in after
    assert yaml.safe_load(after)["title"] == "Start: the dialogue #1"


def test_items_keys_and_blocks_are_inserted_where_they_belong() -> None:
    after = apply_edits(KIT, [
        InsertItem(("videos", 0, "questions"), 1, "A new question?"),
        InsertItem(("videos", 0, "extra"), 0, "First"),
        AddKey(("videos", 0), "transcript", "questions", "Speaker: hello"),
        AddKey((), "made_with", "summary", ("Region Hovedstaden",)),
        RemoveKey(("summary",)),
        InsertBlock(("videos",), 1, ("- id: new", '  title: "New"'), {"id": "new",
                                                                      "title": "New"}),
    ])
    data = yaml.safe_load(after)
    assert data["videos"][0]["questions"][1] == "A new question?"
    assert data["videos"][0]["extra"] == ["First"]
    assert data["videos"][0]["transcript"] == "Speaker: hello"
    assert data["made_with"] == ["Region Hovedstaden"]
    assert "summary" not in data
    assert data["videos"][1] == {"id": "new", "title": "New"}
    assert "    # Editorial title.\n" in after and after.startswith("# The editor's note.\n")


def test_windows_line_endings_are_kept() -> None:
    crlf = KIT.replace("\n", "\r\n")
    after = apply_edits(crlf, [SetText(("videos", 0, "description"), "Kort."),
                               InsertItem(("sources",), 1, "Another source")])
    assert "\n" not in after.replace("\r\n", "")
    assert yaml.safe_load(after)["sources"] == ["A source", "Another source"]


def test_an_edit_that_cannot_be_made_as_text_is_refused() -> None:
    with pytest.raises(TextEditError, match=r"no value at videos\[0\]\.nothing"):
        apply_edits(KIT, [SetText(("videos", 0, "nothing"), "x")])
    with pytest.raises(TextEditError, match="expected a text"):
        apply_edits(KIT, [SetText(("videos", 0, "questions"), "x")])
