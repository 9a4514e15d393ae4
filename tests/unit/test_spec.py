"""The spec (kitsite/content/spec.py) is the one description of the kit format: everything that
lists fields derives from it, and where a person wrote the format down (the editor's guide) or
a template prints the fields, this test fails when one of them disagrees with the spec."""

from __future__ import annotations

import re

import pytest
import yaml

from conftest import ROOT, SAMPLES
from kitsite.content.loading import load_library
from kitsite.content.schema import kit_schema
from kitsite.content.spec import (
    KIT_FIELDS,
    PACKAGE_FIELDS,
    VIDEO_FIELDS,
    FieldSpec,
    translatable_lists,
    translatable_texts,
)
from kitsite.translation.kit import kit_lists, kit_texts, video_lists, video_texts

RECORDED = {"translated_from"}
"""Written by the tools, never by an editor: not in the guide's format."""
REQUIRED_WORDS = {"en": ("required", "optional"), "da": ("skal med", "valgfri")}


def guide_card(language: str) -> str:
    """The video card the editor's guide shows under "The format of a video card"."""
    guide = (ROOT / "docs" / language / "editors.md").read_text(encoding="utf-8")
    heading = {"en": "## The format of a video card", "da": "## Formatet for et videokort"}
    section = guide.split(heading[language], 1)[1]
    return section.split("```yaml\n", 1)[1].split("```", 1)[0]


@pytest.mark.parametrize("language", ["en", "da"])
def test_the_editors_guide_shows_every_field_of_a_video_card_as_required_or_optional(
        language: str) -> None:
    card = guide_card(language)
    video = yaml.safe_load(card)["videos"][0]
    assert set(video) == {f.name for f in VIDEO_FIELDS} - RECORDED
    required, optional = REQUIRED_WORDS[language]
    for field in VIDEO_FIELDS:
        if field.name in RECORDED:
            continue
        line = next(line for line in card.splitlines()
                    if re.match(rf"\s*-?\s*{field.name}:", line))
        comment = line.split("#", 1)[1].strip() if "#" in line else ""
        word = required if field.required else optional
        assert comment.startswith(word), (language, field.name, comment)


def guide_sessions(language: str) -> str:
    """The kit keys the editor's guide shows under "Sessions"."""
    guide = (ROOT / "docs" / language / "editors.md").read_text(encoding="utf-8")
    heading = {"en": "## Sessions: packages and facilitator notes",
               "da": "## Sessioner: pakker og noter til facilitatoren"}
    section = guide.split(heading[language], 1)[1]
    return section.split("```yaml\n", 1)[1].split("```", 1)[0]


@pytest.mark.parametrize("language", ["en", "da"])
def test_the_editors_guide_shows_every_field_of_a_package_as_required_or_optional(
        language: str) -> None:
    block = guide_sessions(language)
    data = yaml.safe_load(block)
    assert set(data) == {"facilitator_notes", "packages"}
    assert set(data["packages"][0]) == {f.name for f in PACKAGE_FIELDS}
    required, optional = REQUIRED_WORDS[language]
    for field in PACKAGE_FIELDS:
        line = next(line for line in block.splitlines()
                    if re.match(rf"\s*-?\s*{field.name}:", line))
        comment = line.split("#", 1)[1].strip()
        assert comment.startswith(required if field.required else optional), (language, field)


def test_the_model_holds_every_translatable_field_and_nothing_else() -> None:
    library = load_library(SAMPLES / "translation" / "content").library
    kit = library.kit("en", "sample-kit")
    assert kit is not None
    assert tuple(kit_texts(kit)) == translatable_texts(KIT_FIELDS)
    assert tuple(kit_lists(kit)) == translatable_lists(KIT_FIELDS)
    for video in kit.videos:
        assert tuple(video_texts(video)) == translatable_texts(VIDEO_FIELDS)
        assert tuple(video_lists(video)) == translatable_lists(VIDEO_FIELDS)


def test_every_translatable_field_is_text_and_says_where_it_is_shown() -> None:
    def walk(fields: tuple[FieldSpec, ...]) -> list[FieldSpec]:
        return [f for field in fields for f in (field, *walk(field.children))]

    for field in walk(KIT_FIELDS):
        if field.translatable:
            assert field.kind in ("text", "markdown", "text_list", "list"), field.name
            assert field.shown_on, field.name
            if field.kind == "list":
                assert any(c.translatable for c in field.children), field.name


@pytest.mark.parametrize(("template", "fields", "page"), [
    ("video.md.j2", VIDEO_FIELDS, "video"),
    ("kit.md.j2", VIDEO_FIELDS, "kit"),
    ("kit.md.j2", KIT_FIELDS, "kit"),
    ("kits.md.j2", KIT_FIELDS, "kits"),
    ("facilitator.md.j2", VIDEO_FIELDS, "facilitator"),
    ("facilitator.md.j2", KIT_FIELDS, "facilitator"),
])
def test_each_page_prints_the_fields_the_spec_shows_on_it(
        template: str, fields: tuple[FieldSpec, ...], page: str) -> None:
    text = (ROOT / "templates" / template).read_text(encoding="utf-8")
    for field in fields:
        if page in field.shown_on:
            assert re.search(rf"\b{field.name}\b", text), (template, field.name)


def test_the_schema_describes_every_field_of_the_spec() -> None:
    generated = kit_schema()
    assert set(generated["properties"]) == {f.name for f in KIT_FIELDS}
    video = generated["properties"]["videos"]["items"]
    assert set(video["properties"]) == {f.name for f in VIDEO_FIELDS}


def test_the_real_kits_hold_only_fields_the_spec_knows() -> None:
    for path in sorted((ROOT / "content").glob("*/kits/*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert set(data) <= {f.name for f in KIT_FIELDS}, path
        for video in data.get("videos") or []:
            assert set(video) <= {f.name for f in VIDEO_FIELDS}, (path, video.get("id"))
