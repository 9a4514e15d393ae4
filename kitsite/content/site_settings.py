"""The site settings file, ``content/site.yml``: its format, its checks and its values.

Owns: the one description of the file's keys (:data:`SITE_FIELDS`, the same
:class:`~kitsite.content.spec.FieldSpec` records as kit files, checked by the same checker), the
rules
across keys (the default language is one of the languages; a fallback order names languages of
the site), and :class:`SiteSettings`, the values the rest of the program reads. Every problem is
reported at once, at its line; the values are then the best the file allows, so that the other
files can still be checked in the same run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kitsite.content.languages import is_language_code
from kitsite.content.problems import Problem
from kitsite.content.spec import FieldSpec
from kitsite.content.validate import check_fields, closest, is_minutes, problem_at
from kitsite.content.yamldoc import YamlDoc, load_yaml

SITE_FILE = "site.yml"
DEFAULT_MINUTES = 5
DOCUMENT = "the site settings"

SITE_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("default_language", "language", True,
              "The language published at the site's root; the others are published under "
              "/<code>/.", "da"),
    FieldSpec("languages", "language_list", True,
              "Every language of the site, in the order the language menu lists them.",
              "[da, en]"),
    FieldSpec("discussion_minutes_per_question", "minutes", False,
              "Minutes a team spends on each question for debate, for the suggested session "
              "plan (1 to 120); a kit can set its own.", str(DEFAULT_MINUTES)),
    FieldSpec("fallback", "language_lists", False,
              "Per language, where its readers see text their language lacks: the languages "
              "to take it from, in order. Languages not listed follow, the default language "
              "first; a language not listed here falls back to the default language first, "
              "then the others in the order of languages.", "{sv: [en, da]}"),
)


@dataclass(frozen=True)
class SiteSettings:
    """What ``content/site.yml`` says (or the best of it, when it has errors)."""

    default_language: str
    languages: tuple[str, ...]
    discussion_minutes_per_question: int = DEFAULT_MINUTES
    fallback: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """The fallback order each language configures, as written (see
    :meth:`kitsite.content.model.Library.fallback_languages` for the order readers get)."""


UNSET = SiteSettings("en", ("en",))
"""The settings of a content folder without a readable ``site.yml`` (an error is reported)."""


def read_site_settings(content_dir: Path, problems: list[Problem]) -> SiteSettings:
    """Read and check ``content/site.yml``; append every problem found."""
    path = content_dir / SITE_FILE
    if not path.exists():
        problems.append(Problem(path, 1, "", (
            "expected the site settings file, found no file — create it with the lines "
            "'default_language: da' and 'languages: [da, en]'")))
        return UNSET
    doc = load_yaml(path, problems)
    if doc is None:
        return UNSET
    check_fields(doc, SITE_FIELDS, problems, document=DOCUMENT)
    if not isinstance(doc.data, dict):
        return UNSET
    languages = _languages(doc, problems)
    default = _default_language(doc, languages, problems)
    languages = languages or (default,)
    return SiteSettings(
        default_language=default,
        languages=languages,
        discussion_minutes_per_question=_minutes(doc.data),
        fallback=_fallback(doc, languages, problems),
    )


def _languages(doc: YamlDoc, problems: list[Problem]) -> tuple[str, ...]:
    """The valid codes under ``languages``, each once; a code written twice is reported."""
    written = doc.data.get("languages")
    if not isinstance(written, list):
        return ()
    seen: dict[str, int] = {}
    for i, code in enumerate(written):
        if not isinstance(code, str) or not is_language_code(code):
            continue  # check_fields reported it
        if code in seen:
            problems.append(problem_at(doc, ("languages", i), (
                f"expected each language once, found {code!r} again (first as "
                f"languages[{seen[code]}]) — delete the second one")))
        else:
            seen[code] = i
    return tuple(seen)


def _default_language(doc: YamlDoc, languages: tuple[str, ...], problems: list[Problem]) -> str:
    written = doc.data.get("default_language")
    if not isinstance(written, str) or not is_language_code(written):
        return languages[0] if languages else UNSET.default_language  # reported already
    if languages and written not in languages:
        problems.append(problem_at(doc, ("default_language",), (
            f"expected one of the languages listed under languages ({', '.join(languages)}), "
            f"found {written!r} — add {written} to languages, or write one of them, like: "
            f"default_language: {languages[0]}")))
        return languages[0]
    return written


def _minutes(data: dict[str, Any]) -> int:
    written = data.get("discussion_minutes_per_question")
    return written if is_minutes(written) else DEFAULT_MINUTES


def _fallback(doc: YamlDoc, languages: tuple[str, ...],
              problems: list[Problem]) -> dict[str, tuple[str, ...]]:
    """The valid part of ``fallback``; every language it names must be one of the site's."""
    written = doc.data.get("fallback")
    if not isinstance(written, dict):
        return {}
    orders: dict[str, tuple[str, ...]] = {}
    for code, order in written.items():
        key_path = ("fallback", code)
        if is_language_code(code) and code not in languages:
            problems.append(problem_at(doc, key_path, _not_a_site_language(
                code, languages, "the language whose fallback this line sets"), at_key=True))
            continue
        if isinstance(order, list) and is_language_code(code):
            orders[code] = _fallback_order(doc, code, order, languages, problems)
    return orders


def _fallback_order(doc: YamlDoc, code: str, order: list[Any], languages: tuple[str, ...],
                    problems: list[Problem]) -> tuple[str, ...]:
    kept: list[str] = []
    for i, other in enumerate(order):
        key_path = ("fallback", code, i)
        if not isinstance(other, str) or not is_language_code(other):
            continue  # check_fields reported it
        if other == code:
            problems.append(problem_at(doc, key_path, (
                f"expected the languages {code} falls back to, found {code!r} itself — delete "
                f"it: a page always shows its own language's text first")))
        elif other in kept:
            problems.append(problem_at(doc, key_path, (
                f"expected each language once in the fallback of {code}, found {other!r} "
                f"again — delete the second one")))
        elif other not in languages:
            problems.append(problem_at(doc, key_path, _not_a_site_language(
                other, languages, f"a language {code} falls back to")))
        else:
            kept.append(other)
    return tuple(kept)


def _not_a_site_language(code: str, languages: tuple[str, ...], what: str) -> str:
    found = (f"expected one of the languages of the site ({', '.join(languages)}) as {what}, "
             f"found {code!r}")
    close = closest(code, languages)
    if close:
        return f"{found} — did you mean {close!r}?"
    return f"{found} — add {code} to languages first, or delete it here"
