"""Which texts of a hand-written page a translator gets as PO entries, and writing them back.

Owns: splitting a Markdown page (``docs/<lang>/<page>.md``) into the texts a translator
translates — its front matter's ``title`` and ``description`` (read as YAML, never as
Markdown), then its headings, paragraphs, list items and table cells, each with the lines it
stands on (code blocks and HTML are left as they are) —, pairing them with the same page in
another language, and writing translations back into the page as text: only the lines of a
changed text are rewritten (wrapped as wide as they were, behind the same list marker or
indentation), every other byte stays. A language that lacks the page gets it made from the
source language's page once every text of it is translated.

Pages are split with markdown-it-py, which says on which lines each block stands (mdpo's
md4c parser does not, and its ``po2md`` writes a whole page anew, re-wrapped, on every
import). Pages carry no translation records, so a page's entries are never fuzzy: a text
is paired with the text at the same place of the other language's page, when the two pages
have the same headings, paragraphs, items and cells in the same order.
"""

from __future__ import annotations

import itertools
import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from kitsite.content.docs_pages import split_front_matter
from kitsite.edit.text_lines import newline_of
from kitsite.edit.yaml_values import SetText, TextEditError, apply_edits

SegmentKind = Literal["front-matter", "heading", "paragraph", "item", "cell"]
FRONT_MATTER_TEXTS = {
    "title": "The page's title, shown in the browser's tab and in search results.",
    "description": "One sentence about the page for search engines and link previews.",
}
"""The front matter keys whose values readers see, and what each is for."""
HELP = {
    "heading": "A heading of the page (Markdown: keep a trailing {#id} as it is).",
    "paragraph": "A paragraph of the page (Markdown: keep *emphasis*, `code` and "
                 "[link](target) marks; translate the link text, not the target).",
    "item": "An item of a list on the page (Markdown, like a paragraph).",
    "cell": "A cell of a table on the page (Markdown, on one line; no | inside).",
}
_MIN_WIDTH = 80
_BLOCK_START = ("- ", "* ", "+ ", "#", ">", "|", "=", "```", "~~~")
_FRONT = "---"
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_NO_BREAK = "\x00"


class PageEditError(Exception):
    """A page that cannot be written as asked; the message says why."""


@dataclass(frozen=True)
class Segment:
    """One translatable text of a page."""

    kind: SegmentKind
    index: int
    """Its place among the page's texts of the same kind (front matter: 0)."""
    text: str
    """As a translator sees it: one line, Markdown marks kept."""
    first_line: int
    """1-based line of the page where it starts."""
    last_line: int
    key: str = ""
    """For the front matter: its key."""
    cell: int = 0
    """For a table cell: its column."""

    @property
    def name(self) -> str:
        """Its part of the ``msgctxt``: ``paragraph/3``, ``front-matter/description``."""
        return f"{self.kind}/{self.key or self.index}"


def segments(text: str) -> list[Segment]:
    """Every translatable text of a page, in order."""
    meta, body = split_front_matter(text)
    offset = text.count("\n") - body.count("\n") if body is not text else 0
    found = [Segment("front-matter", 0, " ".join(str(meta[key]).split()),
                     _front_matter_line(text, key), _front_matter_line(text, key), key=key)
             for key in FRONT_MATTER_TEXTS if isinstance(meta.get(key), str)]
    counts: dict[str, int] = {}
    tokens = _parser().parse(body)
    for n, token in enumerate(tokens):
        if token.type != "inline" or token.map is None or not token.content.strip():
            continue
        kind = _kind(tokens, n)
        if kind is None:
            continue
        cell = _cell_index(tokens, n) if kind == "cell" else 0
        start, end = token.map
        counts[kind] = counts.get(kind, 0) + 1
        found.append(Segment(kind, counts[kind] - 1, flat(token.content), start + 1 + offset,
                             end + offset, cell=cell))
    return found


def flat(text: str) -> str:
    """A text on one line, as a reader sees it (line breaks and runs of spaces are one)."""
    return " ".join(text.split())


def same_layout(a: Sequence[Segment], b: Sequence[Segment]) -> bool:
    """Whether two pages have the same texts in the same order (so they pair up)."""
    return [s.name for s in a] == [s.name for s in b]


def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


def _kind(tokens: Sequence[Token], index: int) -> SegmentKind | None:
    opener = tokens[index - 1] if index else None
    if opener is None:
        return None
    if opener.type == "heading_open":
        return "heading"
    if opener.type in ("th_open", "td_open"):
        return "cell"
    if opener.type == "paragraph_open":
        level = opener.level
        inside = [t for t in tokens[:index - 1] if t.level < level]
        stack: list[str] = []
        for token in inside:
            if token.nesting == 1:
                stack.append(token.type)
            elif token.nesting == -1 and stack:
                stack.pop()
        return "item" if "list_item_open" in stack else "paragraph"
    return None


def _cell_index(tokens: Sequence[Token], index: int) -> int:
    column = 0
    for token in reversed(tokens[:index]):
        if token.type == "tr_open":
            return column - 1
        if token.type in ("th_open", "td_open"):
            column += 1
    return 0


def _front_matter_line(text: str, key: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith(f"{key}:"):
            return number
        if number > 1 and line.strip() == _FRONT:
            break
    return 1


# --- writing translations back -------------------------------------------------------------

def rewrite(text: str, changes: Sequence[tuple[Segment, str]]) -> str:
    """``text`` (a page) with each segment's text replaced by its translation; every line
    no change touches stays as it was. Raises :class:`PageEditError`."""
    front = [(s, t) for s, t in changes if s.kind == "front-matter"]
    body = [(s, t) for s, t in changes if s.kind != "front-matter"]
    newline = newline_of(text)
    lines = text.splitlines(keepends=True)
    by_line: dict[int, list[tuple[Segment, str]]] = {}
    for segment, translation in body:
        by_line.setdefault(segment.first_line, []).append((segment, translation))
    for first in sorted(by_line, reverse=True):
        group = by_line[first]
        if group[0][0].kind == "cell":
            lines[first - 1] = _row_with(lines[first - 1], group)
            continue
        segment, translation = group[0]
        old = lines[segment.first_line - 1:segment.last_line]
        lines[segment.first_line - 1:segment.last_line] = _block_with(old, segment,
                                                                      translation, newline)
    new_text = "".join(lines)
    return _front_matter_with(new_text, front) if front else new_text


def _block_with(old: list[str], segment: Segment, translation: str, newline: str
                ) -> list[str]:
    first = old[0].rstrip("\r\n")
    words = flat(translation)
    if segment.kind == "heading":
        start = _content_start(first, segment.text)
        rest = first[start:]
        tail = rest[len(segment.text):] if rest.startswith(segment.text) else ""
        return [first[:start] + words + tail + newline]
    start = _content_start(first, segment.text)
    lead = first[:start]
    follow = " " * len(lead)
    if len(old) > 1:
        second = old[1].rstrip("\r\n")
        follow = second[:len(second) - len(second.lstrip())] if second.strip() else follow
        if lead.lstrip().startswith(">"):
            follow = second[:len(second) - len(second.lstrip("> "))]
    width = max(_MIN_WIDTH, *(len(line.rstrip("\r\n")) for line in old))
    return [line + newline for line in _wrapped(words, width, lead, follow)]


def _content_start(line: str, text: str) -> int:
    """Where a block's text starts on its first line (after ``- ``, ``## ``, ``> ``)."""
    first_word = text.split()[0] if text.split() else ""
    at = line.find(first_word)
    if at < 0:
        raise PageEditError(f"cannot find {first_word!r} on the line {line.strip()!r}")
    return at


def _wrapped(words: str, width: int, lead: str, follow: str) -> list[str]:
    """``words`` wrapped at ``width`` behind ``lead`` (first line) and ``follow``, never
    inside a `code span`."""
    kept = _CODE_SPAN.sub(lambda m: m.group(0).replace(" ", _NO_BREAK), words)
    lines = [line.replace(_NO_BREAK, " ") for line in textwrap.wrap(
        kept, width=width, initial_indent=lead, subsequent_indent=follow,
        break_long_words=False, break_on_hyphens=False)] or [lead.rstrip()]
    merged: list[str] = []
    for line in lines:  # a line must not start with something Markdown reads as a new block
        rest = line[len(follow):] if merged else ""
        if merged and (rest.startswith(_BLOCK_START) or _numbered(rest)):
            merged[-1] += " " + rest
        else:
            merged.append(line)
    return merged


def _numbered(text: str) -> bool:
    head = text.split(" ", 1)[0]
    return len(head) > 1 and head[:-1].isdigit() and head[-1] in ".)"


def _row_with(line: str, cells: Sequence[tuple[Segment, str]]) -> str:
    body = line.rstrip("\r\n")
    ending = line[len(body):]
    spans = _cell_spans(body)
    for segment, translation in sorted(cells, key=lambda c: c[0].cell, reverse=True):
        if segment.cell >= len(spans):
            raise PageEditError(f"line {segment.first_line}: no column {segment.cell + 1}")
        start, end = spans[segment.cell]
        old = body[start:end]
        left = old[:len(old) - len(old.lstrip())]
        right = old[len(old.rstrip()):]
        body = body[:start] + left + flat(translation).replace("|", "\\|") + right + body[end:]
    return body + ending


def _cell_spans(row: str) -> list[tuple[int, int]]:
    """Where each cell of a table row stands (between its ``|``), outside code and escapes."""
    bars: list[int] = []
    ticks = 0
    n = 0
    while n < len(row):
        char = row[n]
        if char == "\\":
            n += 2
            continue
        if char == "`":
            run = len(row[n:]) - len(row[n:].lstrip("`"))
            ticks = 0 if ticks == run else (run if ticks == 0 else ticks)
            n += run
            continue
        if char == "|" and ticks == 0:
            bars.append(n)
        n += 1
    edges = bars
    if not row.lstrip().startswith("|"):
        edges = [-1, *edges]
    if not row.rstrip().endswith("|") or len(edges) < 2:
        edges = [*edges, len(row)]
    return [(a + 1, b) for a, b in itertools.pairwise(edges)]


def _front_matter_with(text: str, changes: Sequence[tuple[Segment, str]]) -> str:
    """The page with front matter values replaced, as YAML text edits."""
    lines = text.splitlines(keepends=True)
    end = next(n for n in range(1, len(lines)) if lines[n].strip() == _FRONT)
    front = "".join(lines[1:end])
    try:
        edited = apply_edits(front, [SetText((s.key,), t) for s, t in changes])
    except TextEditError as err:
        raise PageEditError(f"front matter: {err}") from err
    try:
        yaml.safe_load(edited)
    except yaml.YAMLError as err:  # pragma: no cover - apply_edits has checked it
        raise PageEditError(f"front matter: {err}") from err
    return lines[0] + edited + "".join(lines[end:])


def page_path(docs_dir: Path, language: str, uri: str) -> Path:
    return docs_dir / language / uri


# --- the entries of one page ---------------------------------------------------------------

@dataclass(frozen=True)
class PageEntry:
    """One PO entry of one page for one language."""

    uri: str
    language: str
    source_language: str
    source: Segment
    own: Segment | None
    """The text at the same place of this language's page; None while it has no page."""
    source_file: Path
    own_file: Path

    @property
    def context(self) -> str:
        return f"{self.uri}/{self.source.name}"

    @property
    def own_text(self) -> str:
        return self.own.text if self.own is not None else ""

    def notes(self) -> list[str]:
        if self.source.kind == "front-matter":
            return [FRONT_MATTER_TEXTS[self.source.key]]
        return [HELP[self.source.kind]]


@dataclass(frozen=True)
class PageTexts:
    """A page's entries for one language, or why it has none."""

    uri: str
    language: str
    source_language: str
    entries: tuple[PageEntry, ...]
    layout_differs: bool = False
    """This language's page has other headings, paragraphs, items or cells than the source
    language's, so their texts cannot be paired."""


def page_texts(docs_dir: Path, uri: str, language: str, source_language: str) -> PageTexts:
    """The entries of ``uri`` for ``language``, translated from ``source_language``."""
    source_file = page_path(docs_dir, source_language, uri)
    own_file = page_path(docs_dir, language, uri)
    source = segments(source_file.read_text(encoding="utf-8"))
    own = segments(own_file.read_text(encoding="utf-8")) if own_file.is_file() else None
    if own is not None and not same_layout(source, own):
        return PageTexts(uri, language, source_language, (), layout_differs=True)
    entries = tuple(PageEntry(uri, language, source_language, s,
                              own[n] if own is not None else None, source_file, own_file)
                    for n, s in enumerate(source))
    return PageTexts(uri, language, source_language, entries)
