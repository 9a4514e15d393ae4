"""Reading YAML files into plain data while remembering where every value stands.

Owns: turning a file into a :class:`YamlDoc` (plain dicts, lists and scalars plus the line of
every key path) or into :class:`~kitsite.problems.Problem` objects when the file cannot be
read (not UTF-8, empty, YAML syntax, duplicate keys). Knows nothing about kits.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kitsite.problems import Problem

KeyPath = tuple[str | int, ...]

# the C loader is several times faster; fall back to pure Python where it is missing
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_constructor = yaml.constructor.SafeConstructor()


@dataclass
class YamlDoc:
    """A parsed YAML file: its data, the line of each key path and the raw text of scalars."""

    path: Path
    data: Any
    lines: dict[KeyPath, int] = field(default_factory=dict)
    """Line where the value at each key path starts."""
    key_lines: dict[KeyPath, int] = field(default_factory=dict)
    """Line of the key itself, for values that are mapping entries."""
    end_lines: dict[KeyPath, int] = field(default_factory=dict)
    """Last line of the value at each key path."""
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

    def key_line_of(self, key_path: KeyPath) -> int:
        """Line of the key of ``key_path`` (for unknown or repeated keys)."""
        return self.key_lines.get(key_path) or self.line_of(key_path)

    def line_of_text(self, key_path: KeyPath, snippet: str) -> int:
        """Line, within the value at ``key_path``, where ``snippet`` is written.

        Multi-line texts span several lines; this finds the one an editor has to change.
        Falls back to the value's first line when the snippet is not found verbatim.
        """
        first = self.line_of(key_path)
        last = self.end_lines.get(key_path, first)
        source = self.text.splitlines()
        for number in range(first, min(last, len(source)) + 1):
            if snippet in source[number - 1]:
                return number
        return first


def format_key_path(key_path: KeyPath) -> str:
    """``('videos', 1, 'duration')`` -> ``videos[1].duration``."""
    out = ""
    for part in key_path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


EMPTY_FILE_MESSAGE = (
    "expected keys and values, found an empty file (nothing but blank lines and comments) — "
    "copy the layout of another file in the same folder; the editor's guide "
    "(docs/en/editors.md) shows a whole kit file"
)


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
        problems.append(Problem(
            path, line, "",
            f"expected UTF-8 text, found byte 0x{data[err.start]:02x} that is not UTF-8 "
            "(the file was saved in another encoding, such as Windows-1252) — save it as "
            "UTF-8 in your editor (VS Code: 'Reopen with Encoding', then 'Save with Encoding' "
            "→ UTF-8)",
        ))
        return None
    if all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        problems.append(Problem(path, 1, "", EMPTY_FILE_MESSAGE))
        return None
    return text


def load_yaml(path: Path, problems: list[Problem]) -> YamlDoc | None:
    """Parse ``path``; append problems and return None when it cannot be parsed at all."""
    text = read_text(path, problems)
    if text is None:
        return None
    return parse_yaml(path, text, problems)


def parse_yaml(path: Path, text: str, problems: list[Problem]) -> YamlDoc | None:
    """Parse ``text`` as if read from ``path`` (for checking a change before writing it)."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as err:
        problems.append(_syntax_problem(path, text, err))
        return None
    if node is None:
        problems.append(Problem(path, 1, "", EMPTY_FILE_MESSAGE))
        return None
    doc = YamlDoc(path=path, data=None, text=text)
    doc.data = _convert(node, (), doc, problems)
    return doc


def _syntax_problem(path: Path, text: str, err: yaml.MarkedYAMLError) -> Problem:
    """The parser's own words and line, pointed at the line an editor has to change."""
    problem_line = err.problem_mark.line + 1 if err.problem_mark else 1
    context_line = err.context_mark.line + 1 if err.context_mark else problem_line
    what = err.problem or "invalid YAML"
    context = err.context or ""
    # A missing ':' or an unclosed quote is on the line where the key or quote begins;
    # the parser only notices further down.
    starts_there = "simple key" in context or "quoted scalar" in context
    line = context_line if starts_there else problem_line
    where = ""
    if context:
        where = f" {context}"
        if context_line != line:
            where += f" that starts on line {context_line}"
    if problem_line != line:
        where += f" (the parser stopped on line {problem_line})"
    source = text.splitlines()
    this_line = source[line - 1] if 0 < line <= len(source) else ""
    key_path = _path_at_error(text)
    key_here = re.match(r"^\s*(?:-\s+)?([A-Za-z_][\w-]*):\s", this_line)
    if "mapping values" in what and key_here and key_path[-1:] != (key_here.group(1),):
        key_path = (*key_path, key_here.group(1))  # the parser fails before it yields the key
    expected, fix = _syntax_hint(what, context, this_line)
    if "mapping values" in what and key_here:
        value = this_line.split(":", 1)[1].strip()
        shown = value if len(value) <= 40 else value[:39] + "…"
        quoted = json.dumps(shown, ensure_ascii=False)
        fix = f"put the text in double quotes, like {key_here.group(1)}: {quoted}"
    return Problem(path, line, format_key_path(key_path),
                   f"YAML syntax error ({what}{where}): expected {expected}, "
                   f"found {this_line.strip()!r} — {fix}")


def _syntax_hint(problem: str, context: str, line_text: str) -> tuple[str, str]:
    """What the line should look like, and how to get there."""
    if "\t" in line_text:
        return "indentation with spaces", "replace the tab at the start of the line with spaces"
    if "mapping values are not allowed" in problem:
        return ("text with ': ' in it to be in double quotes",
                "write it like title: \"Hope: a story\"")
    if "quoted scalar" in context:
        return "a closing quote", "close the quote that starts on this line"
    if "could not find expected ':'" in problem:
        return ("'key: value'", "every key needs ': ' after it; a long text goes on one line, "
                "or on the lines after 'key: >-'")
    if "flow sequence" in context or "flow mapping" in context:
        return "a closing bracket", "close the bracket, or put text with [ ] { } in double quotes"
    return "valid YAML", "check the indentation and quotes on this line and the one before"


def _path_at_error(text: str) -> KeyPath:
    """The key path the parser was reading when it failed (``()`` when it failed at once)."""
    stack: list[list[Any]] = []  # [kind, key or index, whether a key comes next]

    def value_done() -> None:
        if stack and stack[-1][0] == "map":
            stack[-1][2] = True
        elif stack:
            stack[-1][1] += 1

    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.MappingStartEvent):
                stack.append(["map", None, True])
            elif isinstance(event, yaml.SequenceStartEvent):
                stack.append(["seq", 0, False])
            elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
                stack.pop()
                value_done()
            elif isinstance(event, yaml.ScalarEvent) and stack and stack[-1][0] == "map" \
                    and stack[-1][2]:
                stack[-1][1:] = [event.value, False]
            elif isinstance(event, yaml.ScalarEvent | yaml.AliasEvent):
                value_done()
    except yaml.YAMLError:
        pass
    path: list[str | int] = []
    for kind, key, key_next in stack:
        if kind == "seq" or (key is not None and not key_next):
            path.append(key)
    return tuple(path)


def _convert(node: yaml.Node, key_path: KeyPath, doc: YamlDoc, problems: list[Problem]) -> Any:
    doc.lines[key_path] = node.start_mark.line + 1
    doc.end_lines[key_path] = _last_line(node)
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            child = (*key_path, key)
            if key in result:
                problems.append(Problem(
                    doc.path, key_node.start_mark.line + 1, format_key_path(child),
                    f"expected each key once in a block, found '{key}' again (first on line "
                    f"{doc.key_lines[child]}) — keep one of the two and delete the other",
                ))
                continue
            doc.key_lines[child] = key_node.start_mark.line + 1
            result[key] = _convert(value_node, child, doc, problems)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, (*key_path, i), doc, problems) for i, item in enumerate(node.value)]
    assert isinstance(node, yaml.ScalarNode)
    doc.raw[key_path] = node.value
    if node.tag == "tag:yaml.org,2002:str" or node.tag not in _constructor.yaml_constructors:
        return node.value  # a tag like mkdocs.yml's !ENV or !!python/name: stays text, unrun
    try:
        return _constructor.construct_object(node)
    except (yaml.YAMLError, ValueError):  # 2024-02-30, !!int x
        problems.append(Problem(
            doc.path, node.start_mark.line + 1, format_key_path(key_path),
            f"expected a value YAML can read, found {node.value!r}, which YAML takes as "
            f"{node.tag.rsplit(':', 1)[-1]} but cannot read — put it in double quotes to keep "
            "it as text"))
        return node.value


def _last_line(node: yaml.Node) -> int:
    """The last line holding part of ``node`` (an end at column 0 belongs to the line before)."""
    end = node.end_mark
    line: int = end.line if end.column == 0 and end.line > node.start_mark.line else end.line + 1
    return line
