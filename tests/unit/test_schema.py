"""The JSON Schema editors' YAML extensions read: generated from the spec, committed, and
true to what ``kits check`` accepts."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from helpers.commands import run_kits

from conftest import ROOT
from kitsite.content.schema import SCHEMA_FILE, kit_schema, schema_text
from kitsite.content.spec import KIT_FIELDS

GOLDEN = Path(__file__).resolve().parent.parent / "golden"


def validate(value: Any, schema: dict[str, Any]) -> list[str]:
    """What the JSON Schema library (the one editors' YAML extensions follow) finds wrong."""
    validator = jsonschema.Draft7Validator(schema)
    return [f"{'.'.join(map(str, error.absolute_path))}: {error.message}"
            for error in validator.iter_errors(value)]


def test_the_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft7Validator.check_schema(kit_schema())


def kit_files() -> list[Path]:
    return sorted((ROOT / "content").glob("*/kits/*.yml"))


def test_committed_schema_is_what_the_spec_generates() -> None:
    assert (ROOT / SCHEMA_FILE).read_text(encoding="utf-8") == schema_text(), (
        "schema/kit.schema.json is out of date: run '.venv/bin/kits schema' and commit it")


def test_kits_schema_check_reports_a_stale_file(tmp_path: Path) -> None:
    stale = tmp_path / "kit.schema.json"
    stale.write_text("{}\n", encoding="utf-8")
    run = ["schema", "--output", str(stale)]
    assert run_kits([*run, "--check"], tmp_path).returncode == 1
    assert run_kits(run, tmp_path).returncode == 0
    assert stale.read_text(encoding="utf-8") == schema_text()
    assert run_kits([*run, "--check"], tmp_path).returncode == 0


def test_every_key_of_the_spec_is_in_the_schema() -> None:
    schema = kit_schema()
    assert list(schema["properties"]) == [f.name for f in KIT_FIELDS]
    assert schema["required"] == [f.name for f in KIT_FIELDS if f.required]
    video = schema["properties"]["videos"]["items"]
    assert set(video["required"]) == {"id", "title", "duration", "description", "questions"}


@pytest.mark.parametrize("path", kit_files(), ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_every_content_file_validates_and_names_the_schema(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert validate(yaml.safe_load(text), kit_schema()) == []
    first = text.splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../../schema/kit.schema.json"
    assert (path.parent / first.split("=", 1)[1]).resolve() == (ROOT / SCHEMA_FILE).resolve()


@pytest.mark.parametrize("case", ["wrong-type", "missing-required-key", "unknown-key",
                                  "impossible-durations", "empty-question-list",
                                  "id-not-url-safe", "id-too-long"])
def test_the_schema_rejects_what_kits_check_rejects(case: str) -> None:
    path = next((GOLDEN / case / "content").glob("*/kits/*.yml"))
    assert validate(yaml.safe_load(path.read_text(encoding="utf-8")), kit_schema()) != []


@pytest.mark.parametrize(("duration", "ok"), [
    ("4:20", True), ("0:01", True), ("120:00", True), ("4:70", False), ("0:00", False),
    ("-1:00", False), ("4:2", False), ("ten minutes", False),
])
def test_duration_pattern(duration: str, ok: bool) -> None:
    pattern = kit_schema()["properties"]["videos"]["items"]["properties"]["duration"]["pattern"]
    assert (re.search(pattern, duration) is not None) == ok
