"""The language guide: words to avoid, why, and what to say instead, per language.

Owns: the format of ``content/<lang>/language-guide.yml`` (its keys, described with the same
:class:`~kitsite.content.spec.FieldSpec` records as kit files and checked by the same checker), the
extra rules that format has (unique ids, known principles, well-formed forms), and the plain
values the rest of the program uses: :class:`LanguageGuide`, :class:`Term`, :class:`Principle`.
Finding the terms in text is :mod:`kitsite.content.language_check`'s job.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kitsite.content.problems import Problem, errors
from kitsite.content.spec import FieldSpec
from kitsite.content.validate import check_fields, closest, problem_at
from kitsite.content.yamldoc import KeyPath, YamlDoc, load_yaml

GUIDE_FILE = "language-guide.yml"

PRINCIPLE_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("id", "id", True, "A short id; terms name it under based_on.", "diagnosis"),
    FieldSpec("title", "text", True, "The principle in a few words, as a heading.",
              "A diagnosis does not define a person"),
    FieldSpec("quote", "text", True, "The source's own words, quoted exactly.",
              "a diagnosis does not define a person"),
    FieldSpec("source", "text", True, "Where the quote comes from.",
              'ONE OF US, "Staff in health and social services", web page (undated)'),
)

TERM_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("id", "id", True, "A stable id, the same in every language; the page's anchor.",
              "schizophrenic"),
    FieldSpec("avoid", "text", True, "The words to avoid, as the page shows them.",
              "A schizophrenic"),
    FieldSpec("forms", "text_list", True,
              "Every form the check looks for: a word or phrase per line, each inflection "
              "written out; a word ending in * matches any ending.",
              "[schizophrenic, schizophrenics]"),
    FieldSpec("instead", "text_list", True, "What to say instead, best first.",
              "[a person with schizophrenia, someone who has schizophrenia]"),
    FieldSpec("why", "markdown", True, "Why, in a sentence or two.",
              "The word turns a diagnosis into the whole person."),
    FieldSpec("based_on", "text_list", False, "Ids of the principles the entry rests on.",
              "[diagnosis, labelling]"),
)

GUIDE_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("title", "text", True, "The page's title.", "Words matter"),
    FieldSpec("description", "text", True, "One sentence for search engines.",
              "Words that label people by their illness, and what to say instead."),
    FieldSpec("intro", "markdown", True, "The text at the top of the page.",
              "How we talk about and to people with mental illness matters."),
    FieldSpec("terms", "list", True, "The entries, in the order the page shows them.",
              "- id: schizophrenic", TERM_FIELDS),
    FieldSpec("principles", "list", True, "What the entries rest on, quoted from the sources.",
              "- id: diagnosis", PRINCIPLE_FIELDS),
)

_FORM_WORD = re.compile(r"^[^\W\d_]+(?:['’-][^\W\d_]+)*\*?$")


@dataclass(frozen=True)
class Principle:
    """A sentence from the campaign's sources that the guide's entries rest on."""

    id: str
    title: str
    quote: str
    source: str


@dataclass(frozen=True)
class Term:
    """Words to avoid: the forms to find in text and what to say instead."""

    id: str
    avoid: str
    forms: tuple[str, ...]
    instead: tuple[str, ...]
    why: str
    based_on: tuple[str, ...]
    line: int


@dataclass(frozen=True)
class LanguageGuide:
    """One language's guide, as read from ``content/<lang>/language-guide.yml``."""

    language: str
    path: Path
    title: str
    description: str
    intro: str
    terms: tuple[Term, ...]
    principles: tuple[Principle, ...]

    def principle(self, principle_id: str) -> Principle:
        return next(p for p in self.principles if p.id == principle_id)


def guide_path(content_dir: Path, language: str) -> Path:
    return content_dir / language / GUIDE_FILE


def load_language_guides(
    content_dir: Path, languages: Iterable[str], problems: list[Problem]
) -> dict[str, LanguageGuide]:
    """Every language's guide that exists; a language without one simply has none."""
    guides: dict[str, LanguageGuide] = {}
    for language in languages:
        path = guide_path(content_dir, language)
        if path.exists():
            guide = load_language_guide(path, language, problems)
            if guide is not None:
                guides[language] = guide
    return guides


def read_language_guide(content_dir: Path, language: str) -> LanguageGuide | None:
    """The guide for a page: None when the language has none, or one with errors (which
    :func:`load_language_guides` reports while the content is checked)."""
    path = guide_path(content_dir, language)
    return load_language_guide(path, language, []) if path.exists() else None


def load_language_guide(
    path: Path, language: str, problems: list[Problem]
) -> LanguageGuide | None:
    """Read and check one guide; None (with the problems appended) when it has errors."""
    found: list[Problem] = []
    doc = load_yaml(path, found)
    if doc is not None:
        check_fields(doc, GUIDE_FIELDS, found, document="the language guide",
                     blocks={"terms": "a term", "principles": "a principle"})
        _check_guide_rules(doc, found)
    problems.extend(found)
    if doc is None or errors(found):
        return None
    return _guide_from_doc(doc, language)


def _check_guide_rules(doc: YamlDoc, problems: list[Problem]) -> None:
    """What the field specs cannot say: unique ids, known principles, usable forms. Checks
    whatever is well-formed, so that these problems show with the field problems."""
    data = doc.data if isinstance(doc.data, dict) else {}
    principles = _entries(data.get("principles"))
    terms = _entries(data.get("terms"))

    def report(key_path: KeyPath, message: str) -> None:
        problems.append(problem_at(doc, key_path, message))

    principle_ids = _unique_ids(principles, "principles", doc, report)
    _unique_ids(terms, "terms", doc, report)
    owner_of_form: dict[str, int] = {}
    for i, term in terms:
        for j, form in _texts(term.get("forms")):
            key_path: KeyPath = ("terms", i, "forms", j)
            bad = [w for w in form.split() if not _FORM_WORD.match(w)]
            if bad:
                report(key_path, f"expected words made of letters (a '*' may end a word), "
                       f"found {bad[0]!r} in {form!r} — write each form out, like: "
                       "suffers from")
            owner = owner_of_form.setdefault(" ".join(form.lower().split()), i)
            if owner != i:
                report(key_path, f"expected each form under one entry only, found {form!r}, "
                       f"which terms[{owner}] ('{dict(terms)[owner].get('id')}') also lists — "
                       "keep it under one entry")
        for j, ref in _texts(term.get("based_on")):
            if ref not in principle_ids:
                close = closest(ref, principle_ids)
                fix = f"did you mean {close!r}?" if close else \
                    f"use one of: {', '.join(principle_ids) or 'none yet (add principles)'}"
                report(("terms", i, "based_on", j),
                       f"expected the id of one of the guide's principles, found {ref!r} — {fix}")


def _entries(value: Any) -> list[tuple[int, dict[str, Any]]]:
    """The entries of a list that are blocks of keys, with their index."""
    return [(i, item) for i, item in enumerate(value) if isinstance(item, dict)] \
        if isinstance(value, list) else []


def _texts(value: Any) -> list[tuple[int, str]]:
    """The texts of a list, with their index."""
    return [(i, item) for i, item in enumerate(value) if isinstance(item, str)] \
        if isinstance(value, list) else []


def _unique_ids(items: list[tuple[int, dict[str, Any]]], list_key: str, doc: YamlDoc,
                report: Callable[[KeyPath, str], None]) -> list[str]:
    seen: dict[str, int] = {}
    for i, item in items:
        item_id = item.get("id")
        if not isinstance(item_id, str):
            continue
        if item_id in seen:
            first = doc.line_of((list_key, seen[item_id], "id"))
            report((list_key, i, "id"), f"expected an id no other entry of {list_key} uses, "
                   f"found {item_id!r}, which {list_key}[{seen[item_id]}] (line {first}) "
                   "already has — give each entry its own id")
        else:
            seen[item_id] = i
    return list(seen)


def _guide_from_doc(doc: YamlDoc, language: str) -> LanguageGuide:
    data = doc.data
    terms = tuple(
        Term(
            id=t["id"], avoid=t["avoid"].strip(),
            forms=tuple(" ".join(f.split()) for f in t["forms"]),
            instead=tuple(x.strip() for x in t["instead"]), why=t["why"].strip(),
            based_on=tuple(t.get("based_on") or ()), line=doc.line_of(("terms", i)),
        )
        for i, t in enumerate(data["terms"])
    )
    principles = tuple(
        Principle(id=p["id"], title=p["title"].strip(), quote=p["quote"].strip(),
                  source=p["source"].strip())
        for p in data["principles"]
    )
    return LanguageGuide(
        language=language, path=doc.path, title=data["title"].strip(),
        description=data["description"].strip(), intro=data["intro"].strip(),
        terms=terms, principles=principles,
    )
