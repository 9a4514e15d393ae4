"""Reading YAML files into plain data while remembering where every value stands.

Owns: turning a file into a :class:`YamlDoc` (plain dicts, lists and scalars plus the line of
every key path) or into :class:`~kitsite.content.problems.Problem` objects when the file cannot be
read (not a plain file, too large, not UTF-8, control characters, empty, YAML syntax, duplicate
keys), and bounded parsing: before a file is turned into data, one pass over the parser's
events checks the limits of :mod:`kitsite.content.limits` (nesting, values counted with aliases
expanded, recursive aliases, text length) and that it uses no YAML tags, so that no file can
keep the tools busy, exhaust the stack or build objects of its choosing. Scalars become text,
numbers, true/false or nothing; anything else YAML could make of them (dates, ``=``) stays the
text as written. Knows nothing about kits.
"""

from __future__ import annotations

import json
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kitsite.content.limits import (
    MAX_DEPTH,
    MAX_FILE_BYTES,
    MAX_SHORT_TEXT_CHARS,
    MAX_TEXT_CHARS,
    MAX_VALUES,
)
from kitsite.content.problems import Problem

KeyPath = tuple[str | int, ...]

# the C loader is several times faster; fall back to pure Python where it is missing
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_constructor = yaml.constructor.SafeConstructor()
_CORE = "tag:yaml.org,2002:"
_PLAIN_TAGS = {f"{_CORE}{name}" for name in ("str", "int", "float", "bool", "null")}
"""What a scalar may become; any other resolved tag (a date, ``=``) keeps the text."""
_ALLOWED_TAGS = {*_PLAIN_TAGS, f"{_CORE}seq", f"{_CORE}map"}
"""The only tags a file may write out (``!!str 0123``); any other tag is refused."""
_NOT_YAML_TEXT = yaml.reader.Reader.NON_PRINTABLE
"""Characters YAML does not allow in a file (NUL and other control characters)."""
_CHARACTER_NAMES = {0: "NUL", 8: "backspace", 0x0B: "vertical tab", 0x0C: "form feed",
                    0x1B: "escape", 0x7F: "delete"}


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


def read_file_text(path: Path, problems: list[Problem]) -> str | None:
    """Read a plain file of at most :data:`MAX_FILE_BYTES` as UTF-8 text; report (and return
    None) when it is something else (a folder, a named pipe), too large or not UTF-8.

    The size is known before anything is read: a file that is too large costs nothing."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            problems.append(Problem(path, 1, "", (
                "expected a text file, found a folder or special file (such as a named pipe) "
                "— put a plain file here, or remove this one")))
            return None
        if info.st_size > MAX_FILE_BYTES:
            problems.append(Problem(path, 1, "", (
                f"expected no more than {MAX_FILE_BYTES:,} bytes ({MAX_FILE_BYTES // 10**6} MB) "
                f"in one file, found {info.st_size:,} bytes — a file written by hand is far "
                "smaller: check that the right file was saved here, or split it (see 'Limits' "
                "in the editor's guide, docs/en/editors.md)")))
            return None
        data = path.read_bytes()
    except OSError as err:
        problems.append(Problem(path, 1, "", f"cannot read the file ({err.strerror})"))
        return None
    try:
        return data.decode("utf-8")
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


def read_text(path: Path, problems: list[Problem]) -> str | None:
    """Read a YAML file as UTF-8 (see :func:`read_file_text`); report (and return None) when
    it cannot be read or is empty."""
    text = read_file_text(path, problems)
    if text is None:
        return None
    if all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        problems.append(Problem(path, 1, "", EMPTY_FILE_MESSAGE))
        return None
    return text


def load_yaml(path: Path, problems: list[Problem], *, tags: bool = False) -> YamlDoc | None:
    """Parse ``path``; append problems and return None when it cannot be parsed at all."""
    text = read_text(path, problems)
    if text is None:
        return None
    return parse_yaml(path, text, problems, tags=tags)


def parse_yaml(path: Path, text: str, problems: list[Problem], *,
               tags: bool = False) -> YamlDoc | None:
    """Parse ``text`` as if read from ``path`` (for checking a change before writing it).

    Appends problems and returns None when the text is not YAML within the limits. A content
    file may use no tags; with ``tags`` (a developer's file such as mkdocs.yml, with its
    ``!ENV``) a tagged value is kept as the text written after the tag, never run."""
    if _control_character(path, text, problems):
        return None
    found: list[Problem] = []
    composed, node = _compose_plain(text)
    try:
        if not composed:
            _check_events(path, text, found, tags)
            if found:
                problems.extend(found)
                return None
            node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as err:
        problems.extend(found)
        problems.append(_syntax_problem(path, text, err))
        return None
    except yaml.YAMLError as err:  # pragma: no cover - the checks above leave none known
        problems.append(Problem(path, 1, "", f"expected YAML, found what the parser cannot "
                                f"read ({err}) — check the file's first lines"))
        return None
    if node is None:
        problems.append(Problem(path, 1, "", EMPTY_FILE_MESSAGE))
        return None
    doc = YamlDoc(path=path, data=None, text=text)
    doc.data = _convert(node, (), doc, problems)
    return doc


_VALUE_START = r"(?:^|(?<=[\n\r\-:?\[{,]))[ \t]*"
"""Where a value can start: the text's or a line's start, or after ``:``, ``-``, ``?``, ``[``,
``{`` or ``,``, with any spaces between (a superset: also the start of a line of text)."""
_PROPERTY_MARK = re.compile(_VALUE_START + r"[&*!]")
_FLOW_OPENER = re.compile(_VALUE_START + r"[\[{]")


def _may_hold_properties(text: str) -> bool:
    """Whether an anchor (``&a``), an alias (``*a``) or a tag (``!x``) could begin in ``text``:
    an ``&``, ``*`` or ``!`` where a value can start (:data:`_VALUE_START`; also true for
    ``*emphasis*`` at the start of a line of text)."""
    return _PROPERTY_MARK.search(text) is not None


SAFE_COMPOSE_DEPTH = 1_000
"""Levels the C parser's composer may meet in one pass: it recurses once per level, and a
file nested 500 000 levels deep overflows its stack and kills the process. A file that could
be nested deeper takes the event pass, which counts levels without recursing."""
_BLOCK_INDICATOR = re.compile(r"[-?:](?:[ \t]|$)")


def _nesting_bound(text: str) -> int:
    """More levels than ``text`` can nest: a block level starts to the right of its parent
    (a list in a block may share its column, hence twice the column), a flow level starts
    with a ``[`` or ``{`` where a value can start."""
    column = 0
    for line in text.splitlines():
        indicators = [m.start() for m in _BLOCK_INDICATOR.finditer(line)]
        column = max(column, len(line) - len(line.lstrip(" ")), *indicators)
    return 2 * (column + 1) + len(_FLOW_OPENER.findall(text))


def _compose_plain(text: str) -> tuple[bool, yaml.Node | None]:
    """The file's nodes composed in one pass of the parser, when that pass alone finds what
    :func:`_check_events` would: ``(True, node)`` for a file without anchors, aliases and tags
    (nothing to expand, no tag to refuse) that parses and is within every limit, else
    ``(False, None)``: such a file takes the event pass, for its problems in its words."""
    if _may_hold_properties(text) or _nesting_bound(text) > SAFE_COMPOSE_DEPTH:
        return False, None
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError:  # reported from the event pass, with what it finds before the error
        return False, None
    if node is not None and not _within_limits(node):
        return False, None
    return True, node


def _within_limits(root: yaml.Node) -> bool:
    """Whether a tree without aliases keeps every limit :func:`_check_events` checks: levels,
    values (each block, list and value; keys are not counted), the length of keys and texts.
    A block or list used as a key is left to the event pass."""
    values = 0
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        values += 1
        if isinstance(node, yaml.ScalarNode):
            if len(node.value) > MAX_TEXT_CHARS:
                return False
            continue
        if depth > MAX_DEPTH:
            return False
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if not isinstance(key, yaml.ScalarNode) or len(key.value) > MAX_SHORT_TEXT_CHARS:
                    return False
                stack.append((value, depth + 1))
        else:
            stack.extend((item, depth + 1) for item in node.value)
    return values <= MAX_VALUES


def _control_character(path: Path, text: str, problems: list[Problem]) -> bool:
    """Report the first character YAML does not allow (a NUL byte, another control
    character), at its line and key; True when there is one."""
    bad = _NOT_YAML_TEXT.search(text)
    if bad is None:
        return False
    code = ord(bad.group(0))
    line = text.count("\n", 0, bad.start()) + 1
    column = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
    more = len(_NOT_YAML_TEXT.findall(text)) - 1
    name = f"U+{code:04X}" + (f" ({_CHARACTER_NAMES[code]})" if code in _CHARACTER_NAMES else "")
    # the key: parse a copy without such characters and take the value on this line
    cleaned = YamlDoc(path, None)
    copy = parse_yaml(path, _NOT_YAML_TEXT.sub(" ", text), []) or cleaned
    others = f" (and {more} more in this file)" if more else ""
    problems.append(Problem(path, line, format_key_path(_key_path_on_line(copy, line)), (
        f"expected text, found the control character {name} in column {column}{others}, which "
        "YAML does not allow — delete it (most editors do not show it: retype the text "
        "around that column, or save the file again as plain UTF-8 text)")))
    return True


def _key_path_on_line(doc: YamlDoc, line: int) -> KeyPath:
    """The deepest key path whose value spans ``line`` (``()`` when none does)."""
    spanning = [path for path, first in doc.lines.items()
                if path and first <= line <= doc.end_lines.get(path, first)]
    return max(spanning, key=len, default=())


class _Position:
    """Where the parser is among a file's blocks and lists: what is open, which key or index
    is being read, and what each open block holds so far (for the limits)."""

    def __init__(self) -> None:
        self.stack: list[_Open] = []

    def reading_key(self) -> bool:
        return bool(self.stack) and self.stack[-1].kind == "map" and self.stack[-1].key_next

    def key_path(self) -> KeyPath:
        path: list[str | int] = []
        for open_ in self.stack:
            if open_.kind == "seq":
                path.append(open_.index)
            elif not open_.key_next and open_.key is not None:
                path.append(open_.key)
        return tuple(path)

    def line(self, event_line: int) -> int:
        """The line to report a value at: its key's line, when it is a mapping's value."""
        top = self.stack[-1] if self.stack else None
        if top is not None and top.kind == "map" and not top.key_next and top.key_line:
            return top.key_line
        return event_line

    def value_done(self, key: str | None = None, line: int = 0) -> None:
        """A key or value has been read: a key is followed by its value, a value by the next
        key or item."""
        if not self.stack:
            return
        top = self.stack[-1]
        if top.kind == "seq":
            top.index += 1
        elif top.key_next:
            top.key, top.key_line, top.key_next = key if key is not None else "?", line, False
        else:
            top.key_next = True


@dataclass
class _Open:
    """An open block (``map``) or list (``seq``)."""

    kind: str
    anchor: str | None
    key_next: bool = False
    key: str | None = None
    key_line: int = 0
    index: int = 0
    values: int = 0
    """Values in it so far, itself included, each alias counted as the values it repeats."""
    height: int = 1
    """Levels of blocks and lists, itself included."""


def _check_events(path: Path, text: str, problems: list[Problem], tags: bool) -> None:
    """One pass over the parser's events, which builds nothing: YAML tags, text length,
    nesting, recursive aliases, and values counted with every alias expanded (by arithmetic:
    an alias "bomb" is measured without being expanded). Stops at the first problem that
    makes going on unsafe or pointless (nesting, a recursive alias); raises the parser's
    :class:`yaml.MarkedYAMLError` on a syntax error."""
    where = _Position()
    anchors: dict[str, tuple[int, int]] = {}  # anchor -> (values, height)
    total = 0
    over: Problem | None = None

    def report(line: int, message: str) -> Problem:
        problem = Problem(path, line, format_key_path(where.key_path()), message)
        problems.append(problem)
        return problem

    def count(values: int, line: int, alias: str | None) -> None:
        nonlocal total, over
        total += values
        if where.stack:
            where.stack[-1].values += values
        if total > MAX_VALUES and over is None:
            repeated = f", counting each use of an alias (*{alias}) as the values it repeats" \
                if alias else ""
            over = report(line, f"expected no more than {MAX_VALUES:,} values in one file"
                          f"{repeated}, found more here — {_VALUES_FIX}")

    for event in yaml.parse(text, Loader=_Loader):
        line = event.start_mark.line + 1 if event.start_mark else 1
        if isinstance(event, yaml.AliasEvent):
            values, height = anchors.get(event.anchor or "", (1, 0))
            opened = next((o for o in where.stack if o.anchor == event.anchor), None)
            if opened is not None:
                report(line, f"expected an alias to repeat a block that ends before it, found "
                       f"*{event.anchor} inside the block &{event.anchor} it repeats, which "
                       "would repeat itself forever — write the values out instead of "
                       f"using the alias *{event.anchor}")
                return
            if len(where.stack) + height > MAX_DEPTH:
                report(line, _depth_message(f", in what the alias *{event.anchor} repeats"))
                return
            if where.stack:
                where.stack[-1].height = max(where.stack[-1].height, height + 1)
            if not where.reading_key():
                count(values, line, event.anchor)
            where.value_done("*" + (event.anchor or ""), line)
        elif isinstance(event, yaml.ScalarEvent):
            if not tags:
                _check_tag(event, line, report)
            is_key = where.reading_key()
            limit = MAX_SHORT_TEXT_CHARS if is_key else MAX_TEXT_CHARS
            if len(event.value) > limit:
                what = "key" if is_key else "text"
                report(where.line(line), f"expected no more than {limit:,} characters in one "
                       f"{what}, found {len(event.value):,} — {_LENGTH_FIX}")
            if event.anchor:
                anchors[event.anchor] = (1, 0)
            if not is_key:
                count(1, line, None)
            where.value_done(event.value if is_key else None, line)
        elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            if not tags:
                _check_tag(event, line, report)
            if len(where.stack) >= MAX_DEPTH:
                report(where.line(line), _depth_message())
                return
            kind = "map" if isinstance(event, yaml.MappingStartEvent) else "seq"
            where.stack.append(_Open(kind, event.anchor, key_next=kind == "map"))
            count(1, line, None)
        elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            closed = where.stack.pop()
            if closed.anchor:
                anchors[closed.anchor] = (closed.values, closed.height)
            if where.stack:
                parent = where.stack[-1]
                parent.values += closed.values
                parent.height = max(parent.height, closed.height + 1)
            where.value_done(None, line)
    if over is not None and total > MAX_VALUES:
        problems[problems.index(over)] = Problem(
            over.path, over.line, over.key,
            over.message.replace("found more here", f"found {total:,} (the limit is reached "
                                 "here)"))


_VALUES_FIX = ("write the values out instead of repeating them with aliases (& and *), or "
               "split the file; see 'Limits' in the editor's guide (docs/en/editors.md)")
_LENGTH_FIX = ("shorten it, or check that the quotes around it are closed; see 'Limits' in the "
               "editor's guide (docs/en/editors.md)")


def _depth_message(through: str = "") -> str:
    return (f"expected no more than {MAX_DEPTH} levels of blocks and lists inside each other, "
            f"found level {MAX_DEPTH + 1} here{through} — write the values at most "
            f"{MAX_DEPTH} levels deep (a kit file needs 5)")


def _check_tag(event: yaml.NodeEvent, line: int, report: Any) -> None:
    tag = getattr(event, "tag", None)
    if tag is None or tag in _ALLOWED_TAGS:
        return
    shown = tag.replace(_CORE, "!!")
    report(line, f"expected plain YAML, found the tag {shown!r} — content files use no YAML "
           f"tags: delete {shown!r} (a text that starts with '!' goes in double quotes, "
           "like title: \"!important\")")


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
    where = _Position()
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
                kind = "map" if isinstance(event, yaml.MappingStartEvent) else "seq"
                where.stack.append(_Open(kind, None, key_next=kind == "map"))
            elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
                where.stack.pop()
                where.value_done()
            elif isinstance(event, yaml.ScalarEvent):
                where.value_done(event.value if where.reading_key() else None)
            elif isinstance(event, yaml.AliasEvent):
                where.value_done()
    except yaml.YAMLError:
        pass
    return where.key_path()


def _convert(node: yaml.Node, key_path: KeyPath, doc: YamlDoc, problems: list[Problem]) -> Any:
    doc.lines[key_path] = node.start_mark.line + 1
    doc.end_lines[key_path] = _last_line(node)
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append(Problem(
                    doc.path, key_node.start_mark.line + 1, format_key_path(key_path),
                    "expected a key (a word before ':'), found a list or block in its place "
                    "— write one 'key: value' per line"))
                continue
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
    return _scalar(node, key_path, doc, problems)


def _scalar(node: yaml.ScalarNode, key_path: KeyPath, doc: YamlDoc,
            problems: list[Problem]) -> Any:
    """Text, a number, true/false or nothing. Any other reading YAML has (a date, ``=``) and
    a tag allowed to stay (mkdocs.yml's ``!ENV``) keep the text as written; a number YAML
    cannot read (``0x_``, ``!!int x``) is reported."""
    if node.tag not in _PLAIN_TAGS or node.tag == f"{_CORE}str":
        return node.value
    try:
        return _constructor.construct_object(node)
    except (yaml.YAMLError, ValueError, OverflowError):
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
