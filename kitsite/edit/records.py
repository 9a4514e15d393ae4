"""Writing a ``translated_from:`` block into a kit file, as text.

Owns: finding where the block of a kit or of one video goes in the file, replacing the old
block or inserting a new one after the last key, and checking that nothing else in the file
changed. Comments, key order, quoting, line wrapping and line endings elsewhere in the file
stay exactly as the editor wrote them: the file is edited line by line, never dumped from
parsed YAML, and the new lines end as the file's lines do (``\r\n`` in a Windows file). The
file is replaced whole or not at all (:mod:`kitsite.edit.atomic`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from kitsite.content.yamldoc import KeyPath
from kitsite.edit.atomic import WriteError, shown, write_text
from kitsite.edit.text_lines import ends_a_line, newline_of, yaml_lines

RECORD_KEY = "translated_from"
_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class EditError(Exception):
    """The block cannot be written safely; the message says why."""


def render_block(block: Mapping[str, str | list[str]], indent: int) -> list[str]:
    """The lines of a ``translated_from:`` block at ``indent`` spaces."""
    pad = " " * indent
    lines = [f"{pad}{RECORD_KEY}:\n"]
    for key, value in block.items():
        shown = f"[{', '.join(value)}]" if isinstance(value, list) else value
        lines.append(f"{pad}  {key}: {shown}\n")
    return lines


def write_block(path: Path, target: KeyPath, block: Mapping[str, str | list[str]]) -> int:
    """Put ``block`` into the mapping at ``target`` (``()``: the kit, ``("videos", 2)``: a video).

    Returns the line number (1-based) where the block starts. Raises :class:`EditError` when
    the file cannot be edited without touching anything else.
    """
    return write_blocks(path, {target: block})[target]


def write_blocks(
    path: Path, blocks: Mapping[KeyPath, Mapping[str, str | list[str]]]
) -> dict[KeyPath, int]:
    """Put several blocks into one file at once; the line where each starts, by target.

    Raises :class:`EditError` (and leaves the file as it was) when the edit is not safe or
    the file cannot be read or written: a full disk, a read-only folder."""
    try:
        text = path.read_bytes().decode("utf-8")  # as it is: no newline translation
    except (OSError, UnicodeDecodeError) as err:
        reason = getattr(err, "strerror", None) or "not UTF-8"
        raise EditError(f"{shown(path)}: cannot read the file ({reason}); nothing was "
                        "changed") from err
    new_text = replace_blocks(text, blocks)
    _check_only_the_blocks_changed(text, new_text, blocks)
    if new_text != text:  # confirming again what is confirmed writes nothing
        try:
            write_text(path, new_text)
        except WriteError as err:
            raise EditError(str(err)) from err
    return _block_lines(new_text, blocks)


def replace_block(
    text: str, target: KeyPath, block: Mapping[str, str | list[str]]
) -> tuple[str, int]:
    """``text`` with the block of ``target`` replaced or inserted, and the block's first line."""
    new_text = replace_blocks(text, {target: block})
    return new_text, _block_lines(new_text, {target: block})[target]


def replace_blocks(text: str, blocks: Mapping[KeyPath, Mapping[str, str | list[str]]]) -> str:
    """``text`` with the block of each target replaced or inserted; the new lines end as the
    file's lines do."""
    newline = newline_of(text)
    lines = yaml_lines(text)
    root = yaml.compose(text, Loader=_LOADER)
    edits = []
    for target, block in blocks.items():
        mapping = _mapping_at(root, target)
        indent = mapping.value[0][0].start_mark.column
        old = next(((k, v) for k, v in mapping.value if k.value == RECORD_KEY), None)
        if old is not None:
            start, end = old[0].start_mark.line, _last_line(old[1], lines)
        else:
            start = _last_line(mapping.value[-1][1], lines) + 1
            end = start - 1
        new = [line.removesuffix("\n") + newline for line in render_block(block, indent)]
        edits.append((start, end, new))
    for start, end, new in sorted(edits, key=lambda e: e[0], reverse=True):
        if start == len(lines) and not ends_a_line(lines[-1]):
            lines[-1] += newline  # a block after a last line that has no line break
        lines[start:end + 1] = new
    return "".join(lines)


def _block_lines(text: str, blocks: Mapping[KeyPath, object]) -> dict[KeyPath, int]:
    root = yaml.compose(text, Loader=_LOADER)
    lines = {}
    for target in blocks:
        key = next(k for k, _ in _mapping_at(root, target).value if k.value == RECORD_KEY)
        lines[target] = key.start_mark.line + 1
    return lines


def _mapping_at(root: yaml.Node | None, target: KeyPath) -> yaml.MappingNode:
    node = root
    for part in target:
        if isinstance(node, yaml.MappingNode) and isinstance(part, str):
            node = next((v for k, v in node.value if k.value == part), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            node = node.value[part] if part < len(node.value) else None
        else:
            node = None
    if not isinstance(node, yaml.MappingNode) or not node.value or node.flow_style:
        raise EditError(f"expected a block of keys at {target or 'the top'} to add "
                        f"'{RECORD_KEY}' to — the file is not laid out as kit files are")
    return node


def _last_line(node: yaml.Node, lines: list[str]) -> int:
    """The 0-based index of the last line holding part of ``node``'s value."""
    if isinstance(node, yaml.ScalarNode) or getattr(node, "flow_style", False):
        mark = node.end_mark
        last = mark.line if mark.column > 0 else mark.line - 1
    elif isinstance(node, yaml.MappingNode):
        last = max(_last_line(v, lines) for _, v in node.value) if node.value \
            else node.start_mark.line
    elif isinstance(node, yaml.SequenceNode):
        last = max(_last_line(v, lines) for v in node.value) if node.value \
            else node.start_mark.line
    else:  # pragma: no cover - compose yields only the three kinds above
        last = node.start_mark.line
    last = min(last, len(lines) - 1)
    while last > node.start_mark.line and not lines[last].strip():
        last -= 1
    return last


def _without_block(data: Any, target: KeyPath) -> Any:
    node = data
    for part in target:
        node = node[part]
    if isinstance(node, dict):
        node.pop(RECORD_KEY, None)
    return data


def _check_only_the_blocks_changed(
    before: str, after: str, blocks: Mapping[KeyPath, object]
) -> None:
    try:
        old, new = yaml.load(before, Loader=_LOADER), yaml.load(after, Loader=_LOADER)
    except yaml.YAMLError as err:  # pragma: no cover - guarded by the checks below
        raise EditError(f"the edited file would not be valid YAML ({err})") from err
    for target in blocks:
        written = new
        for part in target:
            written = written[part]
        if not isinstance(written, dict) or not isinstance(written.get(RECORD_KEY), dict):
            raise EditError("the block could not be placed where it belongs — edit the file so "
                            "that each key starts on its own line, then try again")
        _without_block(old, target)
        _without_block(new, target)
    if old != new:
        raise EditError("writing the block would change other keys of the file — "
                        "nothing was written; please report this")
def remove_blocks(path: Path, targets: Sequence[KeyPath]) -> None:
    """Take the ``translated_from:`` block of each target out of the file (a record another
    file now holds); everything else, line endings included, stays as it was."""
    try:
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as err:
        reason = getattr(err, "strerror", None) or "not UTF-8"
        raise EditError(f"{shown(path)}: cannot read the file ({reason}); nothing was "
                        "changed") from err
    lines = yaml_lines(text)
    root = yaml.compose(text, Loader=_LOADER)
    spans = []
    for target in targets:
        mapping = _mapping_at(root, target)
        old = next(((k, v) for k, v in mapping.value if k.value == RECORD_KEY), None)
        if old is not None:
            spans.append((old[0].start_mark.line, _last_line(old[1], lines)))
    if not spans:
        return
    for start, end in sorted(spans, reverse=True):
        del lines[start:end + 1]
    new_text = "".join(lines)
    before, after = yaml.load(text, Loader=_LOADER), yaml.load(new_text, Loader=_LOADER)
    for target in targets:
        _without_block(before, target)
    if before != after:
        raise EditError("removing the old record would change other keys of "
                        f"{shown(path)} — nothing was written; please report this")
    try:
        write_text(path, new_text)
    except WriteError as err:
        raise EditError(str(err)) from err
