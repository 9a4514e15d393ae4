"""Checking that the site's own text follows its language guide.

Owns: finding a guide's terms in text (every listed form as a whole word or phrase, in any
letter case, across line breaks), leaving out what is not the editors' own words (quoted
speech in “…”, ”…”, "…", »…«, „…“, «…» and Markdown blockquotes; code, links and HTML
comments), the ``language-ok`` markers that justify a use where it stands, and turning every
other use in a kit file or a hand-written page into a warning with file, line, the words found
and what to say instead. Plain Python: no MkDocs.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kitsite.content.docs_pages import read_page
from kitsite.content.language_guide import LanguageGuide, Term
from kitsite.content.markdown_safety import defuse_unclosed
from kitsite.content.problems import Problem
from kitsite.content.quotes import QUOTE_PAIRS
from kitsite.content.spec import KIT_FIELDS, FieldSpec
from kitsite.content.yamldoc import KeyPath, YamlDoc, format_key_path

YAML_MARKER_HELP = "# language-ok: <why this use is right here>"
MARKDOWN_MARKER_HELP = "<!-- language-ok: <why this use is right here> -->"
JUSTIFY_HINT = (
    "language guide: rephrase each use above, or justify one that is right where it stands "
    f"with a line '{YAML_MARKER_HELP}' above its key (YAML) or "
    f"'{MARKDOWN_MARKER_HELP}' in its paragraph (Markdown)"
)

_QUOTES = QUOTE_PAIRS
_PARAGRAPH = re.compile(r"^[^\S\n]*\S.*(?:\n[^\S\n]*\S.*)*", re.MULTILINE)  # non-blank lines
_NOT_PROSE = re.compile(
    r"^[ \t]*>[^\n]*"  # a Markdown blockquote line: someone else's words
    r"|^[ \t]*(```|~~~).*?^[ \t]*\1[^\n]*$"  # a fenced code block
    r"|`[^`\n]+`"  # inline code
    r"|<!--.*?-->"  # an HTML comment
    r"|\]\([^)\n]*\)"  # a link target
    r"|<?https?://[^\s>)]+>?",  # a bare or angle-bracketed web address
    re.MULTILINE | re.DOTALL,
)
_YAML_MARKER = re.compile(r"(?:^|\s)#\s*language-ok\b:?(.*)$")
_MARKDOWN_MARKER = re.compile(r"<!--\s*language-ok\b:?(.*?)-->")
_MARKER_WORD = re.compile("language-ok")
_TEXT_KINDS = ("text", "markdown")


@dataclass(frozen=True)
class Finding:
    """One use of a term: the words as written and where they stand in the text."""

    term: Term
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Allowance:
    """A ``language-ok`` marker: the lines it covers and the reason given (without a reason,
    it justifies nothing)."""

    marker_line: int
    first: int
    last: int
    reason: str

    def covers(self, line: int) -> bool:
        return self.first <= line <= self.last


# --- finding terms in text -------------------------------------------------------------------

@functools.cache
def term_pattern(term: Term) -> re.Pattern[str]:
    """One pattern for all of a term's forms, longest first, as whole words in any case."""
    return re.compile(rf"(?<!\w)(?:{_alternatives(term)})(?!\w)", re.IGNORECASE)


def _alternatives(term: Term) -> str:
    return "|".join(sorted((_form_regex(form) for form in term.forms), key=len, reverse=True))


def _form_regex(form: str) -> str:
    words = []
    for word in form.split():
        stem, any_ending = (word[:-1], True) if word.endswith("*") else (word, False)
        regex = re.sub("['’]", lambda _: "['’]", re.escape(stem))
        words.append(regex + (r"\w*" if any_ending else ""))
    return r"\s+".join(words)


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` holds someone else's words or no prose: quotations, code, links."""
    spans = [(m.start(), m.end())
             for m in _NOT_PROSE.finditer(defuse_unclosed(text, "<!--", "-->"))]
    for paragraph in _PARAGRAPH.finditer(text):  # a quotation ends with its paragraph
        spans.extend(_quotations(paragraph.group(0), paragraph.start()))
    return spans


class _Spans:
    """Spans of a text, merged and sorted, to ask in one step whether a position is in one."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [start for start, _ in merged]
        self.ends = [end for _, end in merged]

    def covers(self, position: int) -> bool:
        at = bisect.bisect_right(self.starts, position) - 1
        return at >= 0 and position < self.ends[at]


class _Lines:
    """The line of each position of a text, found by bisection (not by counting newlines
    again for every finding)."""

    def __init__(self, text: str) -> None:
        self.newlines = [m.start() for m in re.finditer("\n", text)]

    def line(self, position: int) -> int:
        return bisect.bisect_left(self.newlines, position) + 1


def _quotations(text: str, offset: int) -> Iterator[tuple[int, int]]:
    opened_at, closer = -1, ""
    for i, char in enumerate(text):
        if closer and char == closer:
            yield offset + opened_at, offset + i + 1
            closer = ""
        elif not closer and char in _QUOTES:
            opened_at, closer = i, _QUOTES[char]


_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class _FormWords:
    """The words a text must hold (lower case) for one form of a term to be in it."""

    whole: frozenset[str]
    """Words that must appear as they are."""
    starts: tuple[str, ...]
    """Beginnings of words (a form's ``*`` endings)."""

    def found_in(self, words: set[str], sorted_words: Callable[[], list[str]]) -> bool:
        if not self.whole <= words:
            return False
        return all(_has_word_starting(sorted_words(), start) for start in self.starts)


def _has_word_starting(sorted_words: list[str], start: str) -> bool:
    at = bisect.bisect_left(sorted_words, start)
    return at < len(sorted_words) and sorted_words[at].startswith(start)


def _form_words(form: str) -> _FormWords:
    """The runs of word characters of each word of ``form``; the last run of a word with a
    ``*`` ending may go on (a form's other characters, such as apostrophes, are left to the
    pattern)."""
    whole: set[str] = set()
    starts: list[str] = []
    for word in form.lower().split():
        stem, any_ending = (word[:-1], True) if word.endswith("*") else (word, False)
        for run in _WORD.finditer(stem):
            if any_ending and run.end() == len(stem):
                starts.append(run.group(0))
            else:
                whole.add(run.group(0))
    return _FormWords(frozenset(whole), tuple(starts))


@dataclass(frozen=True)
class _CompiledGuide:
    pattern: re.Pattern[str]
    """All of a guide's terms in one pattern: group ``t<i>`` is ``guide.terms[i]``."""
    forms: tuple[_FormWords, ...]
    """Each form's words: a text lacking a word of every form holds no term, and looking up
    words is many times faster than scanning a text with the pattern."""


_COMPILED: dict[int, tuple[LanguageGuide, _CompiledGuide]] = {}


def _compiled(guide: LanguageGuide) -> _CompiledGuide:
    """The guide's pattern and words, made once per guide object (hashing a whole guide for
    every text checked cost more than the check)."""
    cached = _COMPILED.get(id(guide))
    if cached is not None and cached[0] is guide:
        return cached[1]
    groups = "|".join(f"(?P<t{i}>{_alternatives(term)})" for i, term in enumerate(guide.terms))
    compiled = _CompiledGuide(
        re.compile(rf"(?<!\w)(?:{groups})(?!\w)", re.IGNORECASE),
        tuple(_form_words(form) for term in guide.terms for form in term.forms))
    _COMPILED[id(guide)] = (guide, compiled)
    return compiled


def guide_pattern(guide: LanguageGuide) -> re.Pattern[str]:
    """All of a guide's terms in one pattern, so a text is scanned once: group ``t<i>`` is
    ``guide.terms[i]``."""
    return _compiled(guide).pattern


def may_hold_terms(text: str, guide: LanguageGuide) -> bool:
    """False when ``text`` surely holds none of the guide's terms: every form lacks one of
    its words there, in any letter case."""
    words = set(_WORD.findall(text.lower()))
    ordered: list[str] = []

    def sorted_words() -> list[str]:
        if not ordered:
            ordered.extend(sorted(words))
        return ordered

    return any(form.found_in(words, sorted_words) for form in _compiled(guide).forms)


def find_terms(text: str, guide: LanguageGuide) -> list[Finding]:
    """Every use of the guide's terms in ``text`` outside quotations, in reading order."""
    found: list[Finding] = []
    if not may_hold_terms(text, guide):
        return found
    spans: _Spans | None = None
    for match in guide_pattern(guide).finditer(text):
        spans = _Spans(quoted_spans(text)) if spans is None else spans
        if not spans.covers(match.start()):
            term = guide.terms[int((match.lastgroup or "t0")[1:])]
            found.append(Finding(term, " ".join(match.group(0).split()),
                                 match.start(), match.end()))
    return found


# --- language-ok markers ---------------------------------------------------------------------

def yaml_allowances(text: str) -> list[Allowance]:
    """``# language-ok: reason`` justifies the key below it (or on its line) and its contents."""
    lines = text.splitlines()
    allowances = []
    for number, line in enumerate(lines, 1):
        match = _YAML_MARKER.search(line)
        if not match:
            continue
        target = number if not line.lstrip().startswith("#") else _next_key_line(lines, number)
        if target is not None:
            allowances.append(Allowance(number, target, _yaml_block_end(lines, target),
                                        match.group(1).strip()))
    return allowances


def _next_key_line(lines: list[str], after: int) -> int | None:
    for number in range(after + 1, len(lines) + 1):
        stripped = lines[number - 1].strip()
        if stripped and not stripped.startswith("#"):
            return number
    return None


def _yaml_block_end(lines: list[str], target: int) -> int:
    """The last line of the key or list item on line ``target``, with everything under it."""
    head = lines[target - 1]
    indent = _indent(head)
    is_item = head.lstrip().startswith("- ")
    last = target
    for number in range(target + 1, len(lines) + 1):
        line = lines[number - 1]
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        inside = _indent(line) > indent or (
            _indent(line) == indent and not is_item and line.lstrip().startswith("- ")
        )
        if not inside:
            break
        last = number
    return last


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def markdown_allowances(text: str) -> list[Allowance]:
    """``<!-- language-ok: reason -->`` justifies its paragraph, or the next when alone."""
    lines = _Lines(text)
    paragraphs = [(lines.line(m.start()), lines.line(m.end()), m.group(0))
                  for m in _PARAGRAPH.finditer(text) if m.group(0).strip()]
    firsts = [first for first, _, _ in paragraphs]
    allowances = []
    for match in _MARKDOWN_MARKER.finditer(text):
        line = lines.line(match.start())
        index = bisect.bisect_right(firsts, line) - 1
        first, last, body = paragraphs[index]
        if not _MARKDOWN_MARKER.sub("", body).strip() and index + 1 < len(paragraphs):
            first, last, _ = paragraphs[index + 1]
        allowances.append(Allowance(line, first, last, match.group(1).strip()))
    return allowances


def _marker_problems(path: Path, allowances: list[Allowance], help_text: str) -> list[Problem]:
    return [
        Problem(path, a.marker_line, "", "expected a reason after 'language-ok:', found none — "
                f"say why this use is right here: {help_text}", "warning")
        for a in allowances if not a.reason
    ]


# --- checking files --------------------------------------------------------------------------

def finding_message(finding: Finding) -> str:
    """``"schizophrenic" — say "a person with schizophrenia" instead (language guide: ...)``."""
    quoted = [f'"{words}"' for words in finding.term.instead]
    instead = " or ".join([", ".join(quoted[:-1]), quoted[-1]] if len(quoted) > 1 else quoted)
    return f'"{finding.text}" — say {instead} instead (language guide: {finding.term.avoid})'


def check_markdown_file(path: Path, guide: LanguageGuide) -> list[Problem]:
    """Warnings for every unjustified use of a term in a hand-written page."""
    text = read_page(path)
    if text is None:
        return []  # kitsite.content.docs_checks reports pages that cannot be read; this reads words
    allowances = markdown_allowances(text)
    problems = _marker_problems(path, allowances, MARKDOWN_MARKER_HELP)
    justified, lines = _justified(allowances), _Lines(text)
    for finding in find_terms(text, guide):
        line = lines.line(finding.start)
        if not justified.covers(line):
            problems.append(Problem(path, line, "", finding_message(finding), "warning"))
    return problems


def check_kit_doc(doc: YamlDoc, guide: LanguageGuide) -> list[Problem]:
    """Warnings for every unjustified use of a term in the reader-facing text of a kit file."""
    if _nothing_to_find(doc.text, guide):
        return []
    line_starts = [0] + [m.end() for m in re.finditer("\n", doc.text)]
    texts = [(key_path, value, line_starts[min(doc.line_of(key_path), len(line_starts)) - 1])
             for key_path, value in kit_texts(doc.data, KIT_FIELDS, ())]
    inside_texts = {line for _, value, start in texts
                    for line in _lines_in_source(doc.text, start, value, _MARKER_WORD)}
    allowances = [a for a in yaml_allowances(doc.text) if a.marker_line not in inside_texts]
    problems = _marker_problems(doc.path, allowances, YAML_MARKER_HELP)
    justified = _justified(allowances)
    for key_path, value, start in texts:
        key = format_key_path(key_path)
        if _MARKER_WORD.search(value):
            problems.append(Problem(
                doc.path, doc.line_of(key_path), key, "this text contains 'language-ok', which "
                f"readers would see — put '{YAML_MARKER_HELP}' on a line of its own above "
                "the key", "warning"))
        located = _FindingLines(doc.text, start, value)
        for finding in find_terms(value, guide):
            line = located.line(finding) or doc.line_of(key_path)
            if not justified.covers(line):
                problems.append(Problem(doc.path, line, key, finding_message(finding), "warning"))
    return problems


def _nothing_to_find(source: str, guide: LanguageGuide) -> bool:
    """True when a kit file's text, as written, has neither a term nor a marker, so its values
    cannot have one either (most files: one scan instead of one per value). YAML escapes
    (backslashes, doubled single quotes) can spell a term differently: such files are read
    value by value."""
    return ("language-ok" not in source and "\\" not in source and "''" not in source
            and not may_hold_terms(source, guide))


def kit_texts(data: Any, specs: tuple[FieldSpec, ...], key_path: KeyPath
              ) -> Iterator[tuple[KeyPath, str]]:
    """Every reader-facing text of a kit file, by key path, as the kit format describes it."""
    if not isinstance(data, dict):
        return
    for spec in specs:
        value, here = data.get(spec.name), (*key_path, spec.name)
        if spec.kind in _TEXT_KINDS and isinstance(value, str):
            yield here, value
        elif spec.kind in ("text_list", "list") and isinstance(value, list):
            for i, item in enumerate(value):
                if spec.kind == "text_list" and isinstance(item, str):
                    yield (*here, i), item
                elif spec.kind == "list":
                    yield from kit_texts(item, spec.children, (*here, i))
        elif spec.kind == "object" and spec.children:
            yield from kit_texts(value, spec.children, here)


def _justified(allowances: list[Allowance]) -> _Spans:
    """The lines the allowances with a reason cover (``covers(line)``)."""
    return _Spans([(a.first, a.last + 1) for a in allowances if a.reason])


class _FindingLines:
    """The file line of each finding in one YAML text, each term's matches located once."""

    def __init__(self, source: str, value_start: int, value: str) -> None:
        self.source, self.value_start, self.value = source, value_start, value
        self.by_term: dict[Term, tuple[list[int], list[int]]] = {}

    def line(self, finding: Finding) -> int | None:
        if finding.term not in self.by_term:
            pattern = term_pattern(finding.term)
            self.by_term[finding.term] = (
                [m.start() for m in pattern.finditer(self.value)],
                _lines_in_source(self.source, self.value_start, self.value, pattern))
        starts, lines = self.by_term[finding.term]
        nth = bisect.bisect_left(starts, finding.start)
        return lines[nth] if nth < len(lines) else None


def _lines_in_source(source: str, value_start: int, value: str, pattern: re.Pattern[str]
                     ) -> list[int]:
    """The file line of each match of ``pattern`` in a YAML text that starts at
    ``value_start``: the n-th in the text is the n-th in the file from there on, since YAML
    keeps a text's words in order however it folds its lines."""
    wanted = sum(1 for _ in pattern.finditer(value))
    lines: list[int] = []
    if not wanted:
        return lines
    line, counted = source.count("\n", 0, value_start) + 1, value_start
    for match in pattern.finditer(source, value_start):
        if len(lines) == wanted:
            break
        line += source.count("\n", counted, match.start())
        counted = match.start()
        lines.append(line)
    return lines


def check_docs_dir(docs_dir: Path, guides: Mapping[str, LanguageGuide],
                   readable: Callable[[Path], bool] = lambda _: True) -> list[Problem]:
    """Every hand-written page ``docs/<lang>/**/*.md`` against its language's guide (those
    that are ``readable``: not symlinks out of the project)."""
    problems: list[Problem] = []
    for language, guide in guides.items():
        for page in sorted((docs_dir / language).rglob("*.md")):
            if readable(page):
                problems.extend(check_markdown_file(page, guide))
    return problems


def check_language(
    kit_docs: Mapping[Path, YamlDoc], guides: Mapping[str, LanguageGuide],
    docs_dir: Path | None, readable: Callable[[Path], bool] = lambda _: True,
) -> list[Problem]:
    """Warnings for kit files (``content/<lang>/kits/*.yml``) and, when given, docs pages
    (those that are ``readable``)."""
    problems: list[Problem] = []
    for path, doc in kit_docs.items():
        guide = guides.get(path.parent.parent.name)
        if guide is not None:
            problems.extend(check_kit_doc(doc, guide))
    if docs_dir is not None:
        problems.extend(check_docs_dir(docs_dir, guides, readable))
    return problems
