"""Reading YAML files into plain data while remembering where every value stands.

Owns: turning a file into a :class:`YamlDoc` (plain dicts, lists and scalars plus the line of
every key path) or into :class:`~kitsite.problems.Problem` objects when the file cannot be
read (not UTF-8, empty, YAML syntax, duplicate keys). Knows nothing about kits.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kitsite.problems import Problem

KeyPath = tuple[str | int, ...]

try:  # the C loader is several times faster; fall back to pure Python where it is missing
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[attr-defined]
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

_constructor = yaml.constructor.SafeConstructor()


@dataclass
class YamlDoc:
    """A parsed YAML file: its data, the line of each key path and the raw text of scalars."""

    path: Path
    data: Any
    lines: dict[KeyPath, int] = field(default_factory=dict)
    raw: dict[KeyPath, str] = field(default_factory=dict)
    text: str = ""

    def line_of(self, key_path: KeyPath) -> int:
        """Line of the value at ``key_path``, or of its nearest parent that has one."""
        probe = key_path
        while probe:
            if probe in self.lines:
                return self.lines[probe]
            probe = probe[:-1]
        return self.lines.get((), 1)


def format_key_path(key_path: KeyPath) -> str:
    """``('videos', 1, 'duration')`` -> ``videos[1].duration``."""
    out = ""
    for part in key_path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


def read_text(path: Path, problems: list[Problem]) -> str | None:
    """Read a file as UTF-8; report (and return None) when it is not UTF-8 or is empty."""
    try:
        data = path.read_bytes()
    except OSError as err:
        problems.append(Problem(path, 1, "", f"cannot read the file ({err.strerror})"))
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        problems.append(
            Problem(
                path,
                line,
                "",
                f"the file is not UTF-8 (byte 0x{data[err.start]:02x}) — "
                "save it as UTF-8 in your editor (VS Code: 'Reopen with Encoding', then "
                "'Save with Encoding' → UTF-8)",
            )
        )
        return None
    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()
    ):
        problems.append(
            Problem(path, 1, "", "the file is empty — add the kit's keys (see docs/editors guide)")
        )
        return None
    return text


def load_yaml(path: Path, problems: list[Problem]) -> YamlDoc | None:
    """Parse ``path``; append problems and return None when it cannot be parsed at all."""
    text = read_text(path, problems)
    if text is None:
        return None
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 1
        what = err.problem or "invalid YAML"
        hint = _syntax_hint(what)
        problems.append(Problem(path, line, "", f"YAML syntax error: {what}{hint}"))
        return None
    doc = YamlDoc(path=path, data=None, text=text)
    if node is None:
        problems.append(Problem(path, 1, "", "the file is empty — add the kit's keys"))
        return None
    doc.data = _convert(node, (), doc, problems)
    return doc


def _syntax_hint(problem: str) -> str:
    if "mapping values are not allowed" in problem:
        return " — put text that contains ': ' in double quotes"
    if "found character '\\t'" in problem or "tab" in problem:
        return " — indent with spaces, not tabs"
    if "could not find expected ':'" in problem:
        return " — every key needs a ':' after it; check the indentation of this line"
    return " — check the indentation and quotes on this line and the one before"


def _convert(node: yaml.Node, key_path: KeyPath, doc: YamlDoc, problems: list[Problem]) -> Any:
    doc.lines[key_path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in result:
                problems.append(
                    Problem(
                        doc.path,
                        key_node.start_mark.line + 1,
                        format_key_path((*key_path, key)),
                        "this key appears twice in the same block — keep one and delete the other",
                    )
                )
                continue
            result[key] = _convert(value_node, (*key_path, key), doc, problems)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, (*key_path, i), doc, problems) for i, item in enumerate(node.value)]
    assert isinstance(node, yaml.ScalarNode)
    doc.raw[key_path] = node.value
    if node.tag == "tag:yaml.org,2002:str":
        return node.value
    return _constructor.construct_object(node)  # type: ignore[no-untyped-call]
