"""The JSON Schema of kit files, generated from :mod:`kitsite.content.spec`.

Owns: turning the field spec into a JSON Schema (draft-07) that editors' YAML extensions read
through the ``# yaml-language-server: $schema=...`` line at the top of each kit file, for
completion, hover help and red underlines. The spec is the one source of truth; the committed
``schema/kit.schema.json`` is this module's output (``kits schema`` writes it, whole or not at
all: :mod:`kitsite.edit.atomic`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from kitsite.content.limits import MAX_ID_CHARS, MAX_SHORT_TEXT_CHARS, MAX_TEXT_CHARS
from kitsite.content.spec import DURATION_PATTERN, ID_PATTERN, KIT_FIELDS, FieldSpec
from kitsite.edit.atomic import WriteError, write_text

SCHEMA_FILE = Path("schema") / "kit.schema.json"
DRAFT = "http://json-schema.org/draft-07/schema#"
_NOT_BLANK = r"\S"


def kit_schema() -> dict[str, Any]:
    """The schema of one kit file."""
    schema = {
        "$schema": DRAFT,
        "$id": "kit.schema.json",
        "title": "Training kit",
        "description": "One kit in one language: content/<lang>/kits/<id>.yml. "
                       "Generated from kitsite/content/spec.py by `kits schema`; do not edit.",
    }
    schema.update(_object(KIT_FIELDS))
    return schema


def schema_text() -> str:
    """The schema as it is written to disk: stable key order, two-space indent, final newline."""
    return json.dumps(kit_schema(), indent=2, ensure_ascii=False) + "\n"


def write_schema(path: Path) -> bool:
    """Write the schema to ``path``; True when the file changed. Raises
    :class:`~kitsite.edit.atomic.WriteError` when it cannot be written (nothing was changed)."""
    text = schema_text()
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise WriteError(path, err) from err
    write_text(path, text)
    return True


def _object(fields: tuple[FieldSpec, ...]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "type": "object",
        "properties": {spec.name: _field(spec) for spec in fields},
        "additionalProperties": False,
    }
    required = [spec.name for spec in fields if spec.required]
    if required:
        out["required"] = required
    return out


def _field(spec: FieldSpec) -> dict[str, Any]:
    out: dict[str, Any] = {"description": spec.help}
    out.update(_kind(spec))
    if not spec.required:  # an optional key left empty is as good as absent
        out["type"] = [out["type"], "null"]
    if spec.kind != "list":  # a list's example is only its first line
        out["examples"] = [_example(spec)]
    return out


def _example(spec: FieldSpec) -> Any:
    """The spec's example (a line of YAML) as a value; texts are taken as written."""
    if spec.kind in ("id", "text", "markdown", "url", "path_or_url"):
        return spec.example
    return yaml.safe_load(spec.example)


def _kind(spec: FieldSpec) -> dict[str, Any]:
    kind = spec.kind
    if kind == "id":
        return {"type": "string", "pattern": ID_PATTERN, "maxLength": MAX_ID_CHARS}
    if kind == "text":
        return {"type": "string", "minLength": 1, "maxLength": MAX_SHORT_TEXT_CHARS,
                "pattern": _NOT_BLANK}
    if kind in ("markdown", "path_or_url"):
        return {"type": "string", "minLength": 1, "maxLength": MAX_TEXT_CHARS,
                "pattern": _NOT_BLANK}
    if kind == "url":
        return {"type": "string", "pattern": "^https://"}
    if kind == "duration":
        return {"type": "string", "pattern": DURATION_PATTERN}
    if kind == "minutes":
        return {"type": "integer", "minimum": 1, "maximum": 120}
    if kind == "bool":
        return {"type": "boolean"}
    if kind == "text_list":
        return {"type": "array", "minItems": 1,
                "items": {"type": "string", "minLength": 1, "maxLength": MAX_SHORT_TEXT_CHARS,
                          "pattern": _NOT_BLANK}}
    if kind == "list":
        return {"type": "array", "items": _object(spec.children)}
    if kind == "object":
        return _object(spec.children) if spec.children else {"type": "object"}
    if kind == "language_map":
        return {"type": "object", "additionalProperties": {"type": "string"}}
    raise ValueError(f"no JSON Schema for kind {kind!r}")
