"""Reading a PO file that a translator (or their tool) wrote.

Owns: reading one PO file as ``kits po import`` needs it — UTF-8 only, every line checked
for the PO syntax (a keyword and a quoted text, a quoted continuation, a comment) with the
line of each mistake, an entry without ``msgid`` or ``msgstr``, the same ``msgctxt`` twice —,
then its entries through polib, and the language its header names (``Language``), which
must be one the site has and the one of the folder the file lies in. Every problem is a
located :class:`~kitsite.content.problems.Problem`; what the entries mean is
:mod:`kitsite.translation.po_import`'s.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import polib

from kitsite.content.problems import Problem

_KEYWORD = re.compile(r"^(msgctxt|msgid|msgid_plural|msgstr|msgstr\[\d+\])\s+(.*)$")
_STRING = re.compile(r'^"(?:[^"\\]|\\.)*"\s*$')
_COMMENT = re.compile(r"^#(?:[.:,|~ ]|$)")
_OBSOLETE = re.compile(r"^#~\s?")
_CHARSET = re.compile(r"charset=([\w.-]+)", re.IGNORECASE)


@dataclass(frozen=True)
class PoFile:
    """A PO file that could be read, and the language it is for."""

    path: Path
    po: polib.POFile
    language: str
    language_line: int


def read_po(path: Path, languages: Sequence[str], problems: list[Problem]
            ) -> PoFile | None:
    """Read ``path``; append every problem and return None when it cannot be used."""
    text = _text(path, problems)
    if text is None:
        return None
    found: list[Problem] = []
    _check_syntax(path, text, found)
    if found:
        problems.extend(found)
        return None
    try:
        po = polib.pofile(text, wrapwidth=78)
    except (OSError, ValueError) as err:  # what the line check above did not catch
        said = re.search(r"line (\d+)", str(err))
        problems.append(Problem(path, int(said.group(1)) if said else 1, "",
                                f"expected a PO file, found text polib cannot read ({err}) "
                                "— open and save it in Poedit, or export it anew"))
        return None
    _check_entries(path, po, found)
    language, line = _language(path, po, text, languages, found)
    problems.extend(found)
    if found or language is None:
        return None
    return PoFile(path, po, language, line)


def _text(path: Path, problems: list[Problem]) -> str | None:
    try:
        data = path.read_bytes()
    except OSError as err:
        problems.append(Problem(path, 1, "", f"expected a PO file, found none that can be read "
                                f"({err.strerror}) — check the file's name"))
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[:err.start].count(b"\n") + 1
        problems.append(Problem(path, line, "", f"expected UTF-8 text, found byte "
                                f"0x{data[err.start]:02x} that is not UTF-8 — save the file "
                                "as UTF-8 (Poedit always does)"))
        return None
    charset = _CHARSET.search(text)
    if charset and charset.group(1).lower().replace("-", "") != "utf8":
        line = text[:charset.start()].count("\n") + 1
        problems.append(Problem(path, line, "Content-Type", f"expected charset=UTF-8, found "
                                f"charset={charset.group(1)} — set the catalog's charset to "
                                "UTF-8 (Poedit: Translation → Properties)"))
        return None
    return text.removeprefix("\ufeff")


def _check_syntax(path: Path, text: str, problems: list[Problem]) -> None:
    """Every line: blank, a comment, a keyword with a quoted text, or a quoted text."""
    last_keyword = ""
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        obsolete = _OBSOLETE.match(line)
        if obsolete:
            line = line[obsolete.end():].strip()
            if line.startswith("#"):
                continue
        elif not line or _COMMENT.match(line):
            continue
        keyword = _KEYWORD.match(line)
        quoted = keyword.group(2) if keyword else line
        if keyword is None and not line.startswith('"'):
            word = line.split()[0]
            problems.append(Problem(path, number, "", f"expected a keyword (msgctxt, msgid, "
                                    f"msgstr), a quoted text or a comment, found {word!r} — "
                                    "put the text in double quotes, or start a comment "
                                    "with #"))
            continue
        if keyword is None and not last_keyword:
            problems.append(Problem(path, number, "", "expected a keyword before this text, "
                                    f"found {line[:30]!r} on its own — start it with "
                                    'msgid "…" or msgstr "…"'))
            continue
        if not _STRING.match(quoted):
            problems.append(Problem(path, number, keyword.group(1) if keyword else "",
                                    f"expected a text in double quotes that ends on this "
                                    f"line, found {quoted[:40]!r} — close it with \" (write "
                                    'a quote inside the text as \\")'))
        if keyword:
            last_keyword = keyword.group(1)


def _check_entries(path: Path, po: polib.POFile, problems: list[Problem]) -> None:
    seen: dict[tuple[str | None, str], int] = {}
    for entry in po:
        if entry.obsolete:
            continue
        key = (entry.msgctxt, entry.msgid)
        if key in seen:
            problems.append(Problem(path, entry.linenum, "msgctxt",
                                    f"expected each text once, found {entry.msgctxt!r} again "
                                    f"(first on line {seen[key]}) — keep one of the two"))
        else:
            seen[key] = entry.linenum


def _language(path: Path, po: polib.POFile, text: str, languages: Sequence[str],
              problems: list[Problem]) -> tuple[str | None, int]:
    language = (po.metadata.get("Language") or "").strip().replace("-", "_")
    match = re.search(r'^"Language:', text, re.MULTILINE)
    line = text[:match.start()].count("\n") + 1 if match else 1
    folder = next((part for part in reversed(path.resolve().parts[:-1])
                   if part in languages), None)
    if language not in languages:
        found = f"{language!r}" if language else "none"
        problems.append(Problem(path, line, "Language", f"expected the language of the file, "
                                f"one of {', '.join(languages)}, found {found} — set it in the "
                                "header (Poedit: Translation → Properties → Language)"))
        return None, line
    if folder is not None and folder != language:
        problems.append(Problem(path, line, "Language", f"expected {folder} (the file is in "
                                f"the {folder} folder), found {language} — this file is for "
                                f"{language}: import po/{language}/… instead, or if the texts "
                                f"are {folder}, set Language: {folder}"))
        return None, line
    return language, line
