"""Hand-written pages as input: each one can be read, and its front matter is safe YAML.

Owns: checking every Markdown page under ``docs/`` the way MkDocs will read it: a plain file of
at most :data:`~kitsite.content.limits.MAX_FILE_BYTES`, UTF-8 text (MkDocs stops with a traceback on
anything else), and front matter (between ``---`` lines at the top) that passes the same bounded
parsing as every content file (:mod:`kitsite.content.yamldoc`): no tags, no alias "bomb", no deep
nesting, and only the keys the site uses (:data:`~kitsite.content.docs_pages.FRONT_MATTER_KEYS`).
MkDocs itself would parse any front matter and put what it holds on the page.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from kitsite.content.docs_pages import FRONT_MATTER, FRONT_MATTER_KEYS, read_page, visible_files
from kitsite.content.problems import Problem
from kitsite.content.validate import closest
from kitsite.content.yamldoc import YamlDoc, parse_yaml


def check_docs_pages(docs_dir: Path, readable: Callable[[Path], bool]) -> list[Problem]:
    """Problems with every page ``docs/**/*.md`` that is ``readable`` (not a symlink that
    leads out of the project: see :mod:`kitsite.content.project_files`); hidden pages are not
    published."""
    problems: list[Problem] = []
    for path in sorted(visible_files(docs_dir)):
        if path.suffix != ".md" or not readable(path):
            continue
        text = read_page(path, problems)
        if text is not None:
            _check_front_matter(path, text, problems)
    return problems


def _check_front_matter(path: Path, text: str, problems: list[Problem]) -> None:
    match = FRONT_MATTER.match(text)
    body = match.group(1) if match else None
    if not body or all(not ln.strip() or ln.lstrip().startswith("#")
                       for ln in body.splitlines()):
        return
    # one empty line first, so that the parser's line numbers are the page's
    doc = parse_yaml(path, "\n" + body, problems)
    if doc is not None and isinstance(doc.data, dict):
        problems.extend(_unknown_keys(doc))


def _unknown_keys(doc: YamlDoc) -> list[Problem]:
    """A problem for each front matter key the site does not use: the theme would act on
    some (``template`` picks the page's template, ``subtitle`` is printed as written)."""
    known = list(FRONT_MATTER_KEYS)
    found = []
    for key in doc.data:
        if str(key) in FRONT_MATTER_KEYS:
            continue
        close = closest(str(key), known)
        fix = (f"did you mean '{close}'? Correct the spelling" if close else
               "delete it; a page's front matter may have only " + ", ".join(known))
        found.append(Problem(doc.path, doc.key_line_of((key,)), str(key),
                             f"expected a front matter key the site uses, found unknown key "
                             f"'{key}' — {fix}"))
    return found
