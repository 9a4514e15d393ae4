"""Changing values in a YAML file as text, so that everything else stays byte for byte.

Owns: replacing one scalar (a text, a list item) in the style it was written in — plain
stays plain where it can, quotes stay the same quotes, a folded (``>-``) text is folded again
at the width of the old lines, a literal (``|``) text keeps its line breaks —, inserting list
items, adding a missing key after the key it follows, and putting whole blocks of lines
(a video card) into a list. Comments, key order, blank lines and line endings of the lines
it does not touch stay exactly as they were (``\\r\\n`` in a Windows file). The result is
parsed again and compared with what was asked for: an edit that would change anything else
raises :class:`TextEditError` and nothing is returned. Knows nothing about kits: callers name
key paths. Writing the file is the caller's (:mod:`kitsite.edit.atomic`).
"""

from __future__ import annotations

import copy
import json
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

from kitsite.content.yamldoc import KeyPath, format_key_path
from kitsite.edit.text_lines import newline_of, yaml_lines

_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
DEFAULT_WIDTH = 88
"""Wrap a folded text this wide (with its indentation) when its old lines were shorter."""
_BLOCK_HEADERS = ("|", "|-", "|+", ">", ">-", ">+")


class TextEditError(Exception):
    """An edit that cannot be made without touching anything else; the message says why."""


@dataclass(frozen=True)
class SetText:
    """Replace the text at ``path`` (a mapping value or a list item)."""

    path: KeyPath
    text: str


@dataclass(frozen=True)
class InsertItem:
    """Insert an item into the list at ``path``, before the item now at ``index`` (the
    list's length: at the end). ``value`` is a text, or for a list of objects the object's
    keys and texts in order."""

    path: KeyPath
    index: int
    value: Item


Item = str | tuple[tuple[str, str], ...]
"""A list item: a text, or an object's keys and texts in order."""


@dataclass(frozen=True)
class AddKey:
    """Add ``key`` to the mapping at ``path``, right after the value of ``after``; ``value``
    is a text or a list of items."""

    path: KeyPath
    key: str
    after: str
    value: str | tuple[Item, ...]


@dataclass(frozen=True)
class RemoveKey:
    """Take the key ``path[-1]`` and its value out of the mapping ``path[:-1]``."""

    path: KeyPath


@dataclass(frozen=True)
class InsertBlock:
    """Insert a ready-made block item (``lines``, the first starting with ``- ``, without
    indentation of their own) into the block list at ``path``, before ``index``; ``data`` is
    what it holds once parsed (to check the result)."""

    path: KeyPath
    index: int
    lines: tuple[str, ...]
    data: Any


Edit = SetText | InsertItem | AddKey | InsertBlock | RemoveKey


@dataclass
class _Splice:
    start: int
    end: int
    text: str
    order: int = 0


@dataclass
class _Context:
    text: str
    lines: list[str]
    offsets: list[int]
    newline: str
    root: yaml.Node
    splices: list[_Splice] = field(default_factory=list)

    def line_start(self, line: int) -> int:
        return self.offsets[line] if line < len(self.offsets) else len(self.text)

    def line_end(self, line: int) -> int:
        """Offset of the line break that ends ``line`` (0-based)."""
        raw = self.lines[line]
        body = raw.rstrip("\r\n\x85\u2028\u2029")
        return self.offsets[line] + len(body)


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """``text`` with every edit made, each against the text as given (edits must not overlap).

    Raises :class:`TextEditError` when the text is not laid out so that the edit can be made
    as text, or when the result would hold anything but what was asked for."""
    if not edits:
        return text
    try:
        root = yaml.compose(text, Loader=_LOADER)
        before = yaml.load(text, Loader=_LOADER)
    except yaml.YAMLError as err:
        raise TextEditError(f"the file is not valid YAML ({err})") from err
    if root is None:
        raise TextEditError("the file is empty")
    lines = yaml_lines(text)
    offsets, at = [], 0
    for line in lines:
        offsets.append(at)
        at += len(line)
    ctx = _Context(text, lines, offsets, newline_of(text), root)
    for order, edit in enumerate(edits):
        for splice in _splices(ctx, edit):
            splice.order = order
            ctx.splices.append(splice)
    new_text = text
    for splice in sorted(ctx.splices, key=lambda s: (s.start, s.order), reverse=True):
        new_text = new_text[:splice.start] + splice.text + new_text[splice.end:]
    _check(before, new_text, edits)
    return new_text


# --- finding nodes -------------------------------------------------------------------------

def _node_at(root: yaml.Node, path: KeyPath) -> yaml.Node:
    node = root
    for part in path:
        found: yaml.Node | None = None
        if isinstance(node, yaml.MappingNode) and isinstance(part, str):
            found = next((v for k, v in node.value if k.value == part), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) \
                and 0 <= part < len(node.value):
            found = node.value[part]
        if found is None:
            raise TextEditError(f"no value at {format_key_path(path)}")
        node = found
    return node


def _key_node(root: yaml.Node, path: KeyPath) -> yaml.Node | None:
    if not path or not isinstance(path[-1], str):
        return None
    parent = _node_at(root, path[:-1])
    if not isinstance(parent, yaml.MappingNode):
        return None
    return next((k for k, _ in parent.value if k.value == path[-1]), None)


def _last_line(ctx: _Context, node: yaml.Node) -> int:
    """The 0-based last line holding part of ``node`` (trailing blank lines left out)."""
    if isinstance(node, yaml.MappingNode | yaml.SequenceNode) and not node.flow_style \
            and node.value:
        children = [v for _, v in node.value] if isinstance(node, yaml.MappingNode) \
            else list(node.value)
        last = max(_last_line(ctx, child) for child in children)
    else:
        mark = node.end_mark
        last = mark.line if mark.column > 0 else mark.line - 1
    last = min(max(last, node.start_mark.line), len(ctx.lines) - 1)
    while last > node.start_mark.line and not ctx.lines[last].strip():
        last -= 1
    return last


# --- rendering -----------------------------------------------------------------------------

def _plain_safe(text: str, *, flow: bool) -> bool:
    if not text or text != text.strip() or "\n" in text:
        return False
    probe = f"[{text}]" if flow else f"k: {text}"
    want = [text] if flow else {"k": text}
    for loader in {_LOADER, yaml.SafeLoader}:  # libyaml and pure PyYAML differ on some
        try:
            if yaml.load(probe, Loader=loader) != want:
                return False
        except yaml.YAMLError:
            return False
    return True


def _double_quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _single_quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def render_scalar(text: str, style: str | None, *, indent: int, width: int, nl: str,
                  header: str = "", flow: bool = False) -> str:
    """``text`` written as a YAML value in ``style`` (None: plain, ``'``, ``"``, ``|``,
    ``>``), block texts with their lines at ``indent`` spaces; the first line is what follows
    ``key: `` or ``- ``."""
    text = text.strip()
    one_line = "\n" not in text
    if flow or style == '"':
        return text if flow and _plain_safe(text, flow=True) else _double_quoted(text)
    if style in (None, "'") and one_line:
        if style is None and _plain_safe(text, flow=False):
            return text
        return _single_quoted(text) if style == "'" and "\\" not in text else \
            _double_quoted(text)
    pad = " " * indent
    if style == ">" and one_line:
        head = header if header.startswith(">") else ">-"
        wrapped = textwrap.wrap(text, width=max(width - indent, 20), break_long_words=False,
                                break_on_hyphens=False)
        return head + nl + nl.join(pad + line for line in wrapped)
    head = header if header.startswith("|") else "|-"
    return head + nl + nl.join(pad + line if line.strip() else ""
                               for line in text.split("\n"))


def _style_of(ctx: _Context, node: yaml.ScalarNode) -> tuple[str | None, str]:
    """The scalar's style and, for a block text, its header as written (``>-``)."""
    style = node.style or None
    if style in ("|", ">"):
        header = ctx.text[node.start_mark.index:ctx.line_end(node.start_mark.line)]
        header = header.split("#", 1)[0].strip()
        return style, header if header in _BLOCK_HEADERS else ""
    return style, ""


def _content_indent(ctx: _Context, node: yaml.ScalarNode, fallback: int) -> int:
    for line in ctx.lines[node.start_mark.line + 1:node.end_mark.line + 1]:
        if line.strip():
            return len(line) - len(line.lstrip(" "))
    return fallback


def _width(ctx: _Context, node: yaml.Node) -> int:
    longest = max((len(line.rstrip("\r\n")) for line in
                   ctx.lines[node.start_mark.line:_last_line(ctx, node) + 1]), default=0)
    return max(longest, DEFAULT_WIDTH) if longest > DEFAULT_WIDTH else DEFAULT_WIDTH


def _value_indent(ctx: _Context, path: KeyPath, node: yaml.Node) -> int:
    """How deep the lines of a block text at ``path`` go: two more than its key or dash."""
    key = _key_node(ctx.root, path)
    if key is not None:
        return key.start_mark.column + 2
    return _dash_column(ctx, node) + 2


def _dash_column(ctx: _Context, item: yaml.Node) -> int:
    """The column of the ``-`` that starts a block list item."""
    line = ctx.lines[item.start_mark.line][:item.start_mark.column]
    dash = line.rfind("-")
    if dash < 0:
        raise TextEditError(f"line {item.start_mark.line + 1}: expected a list item that "
                            "starts with '- '")
    return dash


# --- the edits -----------------------------------------------------------------------------

def _splices(ctx: _Context, edit: Edit) -> list[_Splice]:
    if isinstance(edit, SetText):
        return [_set_text(ctx, edit)]
    if isinstance(edit, InsertItem):
        return [_insert_item(ctx, edit)]
    if isinstance(edit, AddKey):
        return [_add_key(ctx, edit)]
    if isinstance(edit, RemoveKey):
        return [_remove_key(ctx, edit)]
    return [_insert_block(ctx, edit)]


def _set_text(ctx: _Context, edit: SetText) -> _Splice:
    node = _node_at(ctx.root, edit.path)
    if not isinstance(node, yaml.ScalarNode):
        raise TextEditError(f"{format_key_path(edit.path)}: expected a text, found a "
                            "list or a block of keys")
    parent = _node_at(ctx.root, edit.path[:-1])
    flow = bool(getattr(parent, "flow_style", False))
    style, header = _style_of(ctx, node)
    if flow:
        indent = 0
    elif style in ("|", ">"):
        indent = _content_indent(ctx, node, _value_indent(ctx, edit.path, node))
    else:
        indent = _value_indent(ctx, edit.path, node)
    rendered = render_scalar(edit.text, style, indent=indent, width=_width(ctx, node),
                             nl=ctx.newline, header=header, flow=flow)
    start = node.start_mark.index
    block = style in ("|", ">")
    end = ctx.line_end(_last_line(ctx, node)) if block else node.end_mark.index
    return _Splice(start, end, rendered)


def _item_lines(ctx: _Context, value: Item, dash: int) -> list[str]:
    pad = " " * dash
    if isinstance(value, str):
        return [f"{pad}- " + render_scalar(value, None, indent=dash + 2, width=DEFAULT_WIDTH,
                                           nl=ctx.newline)]
    lines = []
    for n, (key, text) in enumerate(value):
        lead = f"{pad}- " if n == 0 else f"{pad}  "
        lines.append(f"{lead}{key}: " + _scalar_for_key(ctx, text, dash + 4))
    return lines


def _scalar_for_key(ctx: _Context, text: str, indent: int) -> str:
    style = "|" if "\n" in text.strip() else None
    return render_scalar(text, style, indent=indent, width=DEFAULT_WIDTH, nl=ctx.newline)


def _insert_item(ctx: _Context, edit: InsertItem) -> _Splice:
    seq = _node_at(ctx.root, edit.path)
    if not isinstance(seq, yaml.SequenceNode):
        raise TextEditError(f"{format_key_path(edit.path)}: expected a list")
    if seq.flow_style:
        return _rewrite_flow_list(ctx, edit, seq)
    dash = _dash_column(ctx, seq.value[0])
    body = ctx.newline.join(_item_lines(ctx, edit.value, dash)) + ctx.newline
    return _Splice(*_before_item(ctx, seq, edit.index), body)


def _before_item(ctx: _Context, seq: yaml.SequenceNode, index: int) -> tuple[int, int]:
    """Where a new line goes to stand before item ``index`` (after the item before it)."""
    if index > 0:
        at = ctx.line_start(_last_line(ctx, seq.value[index - 1]) + 1)
        if at == len(ctx.text) and not ctx.text.endswith(("\n", "\r")):
            raise TextEditError("the file's last line has no line break")
        return at, at
    line = seq.value[0].start_mark.line
    while line > 0 and ctx.lines[line - 1].lstrip().startswith("#"):
        line -= 1
    at = ctx.line_start(line)
    return at, at


def _rewrite_flow_list(ctx: _Context, edit: InsertItem, seq: yaml.SequenceNode) -> _Splice:
    """A ``[...]`` list that gets an item: written out as a block list, one item a line."""
    key = _key_node(ctx.root, edit.path)
    if key is None or seq.start_mark.line != seq.end_mark.line:
        raise TextEditError(f"{format_key_path(edit.path)}: expected a list written "
                            "one item a line, or [] — rewrite it like the other kit files")
    values: list[Item] = []
    for item in seq.value:
        if not isinstance(item, yaml.ScalarNode):
            raise TextEditError(f"{format_key_path(edit.path)}: expected texts in the list")
        values.append(item.value)
    values.insert(edit.index, edit.value)
    dash = key.start_mark.column + 2
    items = [line for value in values for line in _item_lines(ctx, value, dash)]
    colon = ctx.text.rfind(":", key.end_mark.index, seq.start_mark.index)
    return _Splice(colon + 1, seq.end_mark.index, ctx.newline + ctx.newline.join(items))


def _add_key(ctx: _Context, edit: AddKey) -> _Splice:
    mapping = _node_at(ctx.root, edit.path)
    if not isinstance(mapping, yaml.MappingNode) or mapping.flow_style or not mapping.value:
        raise TextEditError(f"{format_key_path(edit.path) or 'the top'}: expected a block "
                            "of keys, one a line")
    pair = next(((k, v) for k, v in mapping.value if k.value == edit.after), None)
    if pair is None:
        raise TextEditError(f"{format_key_path((*edit.path, edit.after))}: no such key")
    column = mapping.value[0][0].start_mark.column
    pad = " " * column
    if isinstance(edit.value, str):
        lines = [f"{pad}{edit.key}: " + _scalar_for_key(ctx, edit.value, column + 2)]
    else:
        lines = [f"{pad}{edit.key}:"] + [
            line for item in edit.value for line in _item_lines(ctx, item, column + 2)]
    at = ctx.line_start(_last_line(ctx, pair[1]) + 1)
    if at == len(ctx.text) and not ctx.text.endswith(("\n", "\r")):
        return _Splice(at, at, ctx.newline + ctx.newline.join(lines))
    return _Splice(at, at, ctx.newline.join(lines) + ctx.newline)


def _remove_key(ctx: _Context, edit: RemoveKey) -> _Splice:
    key = _key_node(ctx.root, edit.path)
    if key is None:
        raise TextEditError(f"{format_key_path(edit.path)}: no such key")
    value = _node_at(ctx.root, edit.path)
    start = ctx.line_start(key.start_mark.line)
    if ctx.text[start:key.start_mark.index].strip():
        raise TextEditError(f"{format_key_path(edit.path)}: expected the key on a line of "
                            "its own")
    return _Splice(start, ctx.line_start(_last_line(ctx, value) + 1), "")


def _insert_block(ctx: _Context, edit: InsertBlock) -> _Splice:
    seq = _node_at(ctx.root, edit.path)
    if not isinstance(seq, yaml.SequenceNode):
        raise TextEditError(f"{format_key_path(edit.path)}: expected a list")
    if seq.flow_style:
        key = _key_node(ctx.root, edit.path)
        if seq.value or key is None:
            raise TextEditError(f"{format_key_path(edit.path)}: expected one item a line, "
                                "each starting with '- '")
        pad = " " * (key.start_mark.column + 2)
        colon = ctx.text.rfind(":", key.end_mark.index, seq.start_mark.index)
        body = ctx.newline.join(pad + line if line else "" for line in edit.lines)
        return _Splice(colon + 1, seq.end_mark.index, ctx.newline + body)
    pad = " " * _dash_column(ctx, seq.value[0])
    body = ctx.newline.join(pad + line if line else "" for line in edit.lines) + ctx.newline
    return _Splice(*_before_item(ctx, seq, edit.index), body)


# --- checking the result -------------------------------------------------------------------

def _check(before: Any, new_text: str, edits: Sequence[Edit]) -> None:
    try:
        after = yaml.load(new_text, Loader=_LOADER)
    except yaml.YAMLError as err:
        raise TextEditError(f"the edited file would not be valid YAML ({err}) — nothing was "
                            "written; please report this") from err
    expected = copy.deepcopy(before)
    for edit in _in_applying_order(edits):
        if isinstance(edit, SetText):
            _put(expected, edit.path, _Edited(edit.text))
        elif isinstance(edit, InsertItem):
            item = edit.value if isinstance(edit.value, str) else dict(edit.value)
            _get(expected, edit.path).insert(edit.index, _edited(item))
        elif isinstance(edit, AddKey):
            value = edit.value if isinstance(edit.value, str) else [
                v if isinstance(v, str) else dict(v) for v in edit.value]
            _put_after(_get(expected, edit.path), edit.after, edit.key, _edited(value))
        elif isinstance(edit, RemoveKey):
            del _get(expected, edit.path[:-1])[edit.path[-1]]
        else:
            target = _get(expected, edit.path[:-1])
            if target[edit.path[-1]] is None:
                target[edit.path[-1]] = []
            _get(expected, edit.path).insert(edit.index, edit.data)
    if not _matches(after, expected):
        raise TextEditError("the edit would change other values of the file — nothing was "
                            "written; please report this")


@dataclass(frozen=True)
class _Edited:
    """A text written by an edit: it matches what was asked for up to the spaces and line
    break at its ends (a block text ends with one)."""

    text: str


def _edited(value: Any) -> Any:
    if isinstance(value, str):
        return _Edited(value)
    if isinstance(value, list):
        return [_edited(v) for v in value]
    if isinstance(value, dict):
        return {k: _edited(v) for k, v in value.items()}
    return value


def _matches(found: Any, expected: Any) -> bool:
    if isinstance(expected, _Edited):
        return isinstance(found, str) and found.strip() == expected.text.strip()
    if isinstance(expected, dict):
        return isinstance(found, dict) and list(found) == list(expected) and all(
            _matches(found[k], v) for k, v in expected.items())
    if isinstance(expected, list):
        return isinstance(found, list) and len(found) == len(expected) and all(
            _matches(f, e) for f, e in zip(found, expected, strict=True))
    return bool(found == expected) and type(found) is type(expected)


def _in_applying_order(edits: Sequence[Edit]) -> list[Edit]:
    """Inserts into one list from the highest index down, so that each index still means
    what it meant in the original list (several items at one place keep their order)."""
    def key(pair: tuple[int, Edit]) -> tuple[int, int, int]:
        n, edit = pair
        if isinstance(edit, InsertItem | InsertBlock):
            return (1, -edit.index, -n)
        return (0, 0, n)
    return [edit for _, edit in sorted(enumerate(edits), key=key)]


def _get(data: Any, path: KeyPath) -> Any:
    for part in path:
        data = data[part]
    return data


def _put_after(mapping: dict[str, Any], after: str, key: str, value: Any) -> None:
    """Add ``key`` to ``mapping`` right after ``after``, as the text has it."""
    items = list(mapping.items())
    at = next(n for n, (k, _) in enumerate(items) if k == after) + 1
    items.insert(at, (key, value))
    mapping.clear()
    mapping.update(items)


def _put(data: Any, path: KeyPath, value: Any) -> None:
    _get(data, path[:-1])[path[-1]] = value


def item_span(text: str, path: KeyPath) -> tuple[int, int, int]:
    """The first and last line (0-based) of the block list item at ``path``, and the column
    of its ``-``."""
    root = yaml.compose(text, Loader=_LOADER)
    if root is None:
        raise TextEditError("the text is empty")
    ctx = _Context(text, yaml_lines(text), [], newline_of(text), root)
    node = _node_at(root, path)
    return node.start_mark.line, _last_line(ctx, node), _dash_column(ctx, node)
