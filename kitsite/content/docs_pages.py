"""Hand-written pages across languages: which page exists in which language.

Owns: listing the files of a docs folder (without hidden ones) and the Markdown pages under
``docs/<lang>/``, finding the pages a language lacks and which language's page stands in
for each (so that a stand-in showing that language's text can be generated, and ``kits status``
can list them), reading a page (within the size limit, as UTF-8) and splitting it into its
front matter (the way MkDocs reads it), title and body.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kitsite.content.problems import Problem
from kitsite.content.yamldoc import parse_yaml, read_file_text

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*\n", re.DOTALL)
"""A page's YAML front matter, between ``---`` and ``---`` (or ``...``), as MkDocs reads it."""
FRONT_MATTER_KEYS: dict[str, str] = {
    "title": "the page's title in the menu and the browser tab",
    "description": "one sentence for search engines",
    "search": "search: {exclude: true} keeps the page out of the search",
    "hide": "parts of the page layout to hide: navigation, toc, footer",
}
"""The keys a page's front matter may have, and what each is for: the theme reads many more
(``template``, ``icon``, ``subtitle``... some printed as written), the site uses these."""
GENERATED_FRONT_MATTER_KEYS: dict[str, str] = {
    "kits_session": "which session page a generated page is (session, facilitator, cards): "
                    "overrides/main.html loads the session script and styles there only",
}
"""Keys only generated pages have (a hand-written page with one is reported like any unknown
key)."""
_HEADING = re.compile(r"^#[ \t]+(.+?)[ \t#]*$")
_HEADING_ATTRIBUTES = re.compile(r"\s*\{[^{}]*\}\s*$")
"""attr_list's ``{ #id .class }`` at the end of a heading."""


@dataclass(frozen=True)
class MissingPage:
    """A hand-written page that ``language`` lacks and ``source_language`` has."""

    uri: str
    """The page's path inside a language folder, e.g. ``staff.md``."""
    language: str
    source_language: str
    source_path: Path


def visible_files(root: Path) -> Iterator[Path]:
    """Every file under ``root`` except hidden ones (``.name``) and those in hidden folders."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if not name.startswith("."):
                yield Path(dirpath) / name


def docs_pages(docs_dir: Path, languages: Sequence[str]) -> dict[str, dict[str, Path]]:
    """Every Markdown page by its path inside a language folder: ``{uri: {lang: file}}``."""
    pages: dict[str, dict[str, Path]] = {}
    for lang in languages:
        folder = docs_dir / lang
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*.md")):
            rel = path.relative_to(folder)
            if any(part.startswith(".") for part in rel.parts):
                continue
            pages.setdefault(rel.as_posix(), {})[lang] = path
    return pages


def missing_pages(
    docs_dir: Path, languages: Sequence[str],
    fallbacks: Callable[[str], Sequence[str]] | None = None,
) -> list[MissingPage]:
    """Pages that exist in some language but not in others, with where to take the text from.

    A language that lacks a page takes it from the first of ``fallbacks(language)`` that has it
    (for example :meth:`kitsite.content.model.Library.fallback_languages`); without ``fallbacks``,
    or
    when none of those has it, from the first of ``languages`` that has it.
    """
    missing: list[MissingPage] = []
    for uri, present in sorted(docs_pages(docs_dir, languages).items()):
        for lang in languages:
            if lang in present:
                continue
            order = [*(fallbacks(lang) if fallbacks else ()), *languages]
            source = next(other for other in order if other in present)
            missing.append(MissingPage(uri, lang, source, present[source]))
    return missing


def read_page(path: Path, problems: list[Problem] | None = None) -> str | None:
    """A page's text, or None when it cannot be read, is too large or is not UTF-8 (with the
    reason appended to ``problems``, when given)."""
    return read_file_text(path, [] if problems is None else problems)


def first_heading(body: str) -> str | None:
    """The text of a page's first level-1 heading (``# Title``) outside code blocks, as
    MkDocs would take it for the page's title; None when it has none."""
    fence = ""
    for line in body.splitlines():
        stripped = line.strip()
        marker = stripped[:3]
        if marker in ("```", "~~~"):
            fence = "" if fence == marker else (fence or marker)
            continue
        match = None if fence else _HEADING.match(line)
        if match:
            return _HEADING_ATTRIBUTES.sub("", match.group(1)).strip() or None
    return None


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """``(front matter, body)`` of a Markdown page; empty front matter when it has none or
    when it is not YAML within the limits (which ``kits check`` reports)."""
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, text
    doc = parse_yaml(Path("front matter"), match.group(1) or "", [])
    meta = doc.data if doc is not None else {}
    return (meta if isinstance(meta, dict) else {}), text[match.end():]
