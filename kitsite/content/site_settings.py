"""The site settings file, ``content/site.yml``: its format, its checks and its values.

Owns: the one description of the file's keys (:data:`SITE_FIELDS`, the same
:class:`~kitsite.content.spec.FieldSpec` records as kit files, checked by the same checker), the
rules across keys (the default language is one of the languages; a fallback order names
languages of the site; a site that names its publisher links its accessibility statement, which
is advised with a warning), and :class:`SiteSettings`, the values the rest of the program reads.
Every problem is reported at once, at its line; the values are then the best the file allows,
so that the other files can still be checked in the same run.
"""

from __future__ import annotations

import dataclasses
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
STATEMENT_EXAMPLE = "https://www.was.digst.dk/materialer-example-dk"

PUBLISHER_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("name", "text", True,
              "Who publishes the site and answers for it, as readers should know it; shown in "
              "every page's footer.", "EN AF OS"),
    FieldSpec("contact", "text", False,
              "How readers reach the publisher: an e-mail address (shown as a link), a phone "
              "number or a postal address.", "kontakt@example.dk"),
    FieldSpec("url", "url", False,
              "The publisher's own website; the publisher's name links to it.",
              "https://www.example.dk/"),
)

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
    FieldSpec("publisher", "object", False,
              "Who publishes the site, and how readers reach them (every page's footer).",
              "{name: EN AF OS, contact: kontakt@example.dk}", PUBLISHER_FIELDS),
    FieldSpec("accessibility_statement", "url", False,
              "The address of the site's accessibility statement, linked from every page's "
              "footer. A Danish public body must publish one made with the Agency for "
              "Digitisation's WAS-tool (www.was.digst.dk).", STATEMENT_EXAMPLE),
)


@dataclass(frozen=True)
class Publisher:
    """Who publishes the site (``publisher:`` in ``site.yml``)."""

    name: str
    contact: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class SiteSettings:
    """What ``content/site.yml`` says (or the best of it, when it has errors)."""

    default_language: str
    languages: tuple[str, ...]
    discussion_minutes_per_question: int = DEFAULT_MINUTES
    fallback: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """The fallback order each language configures, as written (see
    :meth:`kitsite.content.model.Library.fallback_languages` for the order readers get)."""
    publisher: Publisher | None = None
    accessibility_statement: str | None = None
    """The https:// address of the accessibility statement, when ``site.yml`` gives one."""


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
    problems.extend(check_fields(doc, SITE_FIELDS, document=DOCUMENT,
                                 blocks={"publisher": "the publisher block"}))
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
        publisher=_publisher(doc.data.get("publisher")),
        accessibility_statement=_statement(doc, problems),
    )


def _publisher(written: Any) -> Publisher | None:
    """The valid part of ``publisher`` (check_fields reported the rest)."""
    if not isinstance(written, dict) or not _is_text(written.get("name")):
        return None
    contact, url = written.get("contact"), written.get("url")
    return Publisher(name=written["name"].strip(),
                     contact=contact.strip() if isinstance(contact, str) and contact.strip()
                     else None,
                     url=url if isinstance(url, str) and url.startswith("https://") else None)


def _statement(doc: YamlDoc, problems: list[Problem]) -> str | None:
    """The accessibility statement's address; a warning, at ``publisher``, when a site that
    names its publisher links none (check_fields reported a value that is no link)."""
    written = doc.data.get("accessibility_statement")
    if isinstance(written, str) and written.startswith("https://"):
        return written
    if written is None and isinstance(doc.data.get("publisher"), dict):
        problems.append(dataclasses.replace(problem_at(doc, ("publisher",), (
            "expected the key 'accessibility_statement' in the site settings, since they name "
            "the publisher (a Danish public body must publish an accessibility statement made "
            "with the Agency for Digitisation's WAS-tool and link it from every page), found "
            "none — make the statement at "
            "www.was.digst.dk and add its address to content/site.yml, like: "
            f"accessibility_statement: {STATEMENT_EXAMPLE}"), at_key=True),
            key="accessibility_statement", severity="warning"))
    return None


def _is_text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


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
