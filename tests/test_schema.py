"""The JSON Schema editors' YAML extensions read: generated from the spec, committed, and
true to what ``kits check`` accepts."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import ROOT
from kitsite.content.schema import SCHEMA_FILE, kit_schema, schema_text
from kitsite.content.spec import KIT_FIELDS

GOLDEN = Path(__file__).resolve().parent / "golden"
KNOWN_KEYWORDS = {"$schema", "$id", "title", "description", "examples", "type", "properties",
                  "additionalProperties", "required", "items", "minItems", "minLength",
                  "maxLength", "pattern", "minimum", "maximum"}
TYPES = {"object": dict, "array": list, "string": str, "boolean": bool, "null": type(None)}


def validate(value: Any, schema: dict[str, Any], where: str = "") -> list[str]:
    """A small JSON Schema validator for exactly the keywords the generator emits."""
    unknown = set(schema) - KNOWN_KEYWORDS
    assert not unknown, f"the schema uses keywords this validator does not know: {unknown}"
    if "type" in schema:
        wanted = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(_is_type(value, t) for t in wanted):
            return [f"{where}: expected {wanted}, found {type(value).__name__}"]
    errors: list[str] = []
    if isinstance(value, str):
        if len(value) < schema.get("minLength", 0):
            errors.append(f"{where}: shorter than {schema['minLength']}")
        if len(value) > schema.get("maxLength", len(value)):
            errors.append(f"{where}: longer than {schema['maxLength']}")
        if "pattern" in schema and not re.search(schema["pattern"], value):
            errors.append(f"{where}: {value!r} does not match {schema['pattern']}")
    if isinstance(value, int) and not isinstance(value, bool) and not (
            schema.get("minimum", value) <= value <= schema.get("maximum", value)):
        errors.append(f"{where}: {value} out of range")
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0):
            errors.append(f"{where}: fewer than {schema['minItems']} items")
        for i, item in enumerate(value):
            errors += validate(item, schema.get("items", {}), f"{where}[{i}]")
    if isinstance(value, dict):
        errors += [f"{where}.{key}: required" for key in schema.get("required", [])
                   if key not in value]
        properties = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        for key, item in value.items():
            if key in properties:
                errors += validate(item, properties[key], f"{where}.{key}")
            elif extra is False:
                errors.append(f"{where}.{key}: not allowed")
            elif isinstance(extra, dict):
                errors += validate(item, extra, f"{where}.{key}")
    return errors


def _is_type(value: Any, name: str) -> bool:
    if name == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, TYPES[name])


def kit_files() -> list[Path]:
    return sorted((ROOT / "content").glob("*/kits/*.yml"))


def test_committed_schema_is_what_the_spec_generates() -> None:
    assert (ROOT / SCHEMA_FILE).read_text(encoding="utf-8") == schema_text(), (
        "schema/kit.schema.json is out of date: run '.venv/bin/kits schema' and commit it")


def test_kits_schema_check_reports_a_stale_file(tmp_path: Path) -> None:
    stale = tmp_path / "kit.schema.json"
    stale.write_text("{}\n", encoding="utf-8")
    run = [sys.executable, "-m", "kitsite.cli.main", "schema", "--output", str(stale)]
    assert subprocess.run([*run, "--check"], capture_output=True, check=False).returncode == 1
    assert subprocess.run(run, capture_output=True, check=False).returncode == 0
    assert stale.read_text(encoding="utf-8") == schema_text()
    assert subprocess.run([*run, "--check"], capture_output=True, check=False).returncode == 0


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
