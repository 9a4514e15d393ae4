"""What the Unicode CLDR knows about a language, through Babel.

Owns: which language codes exist (``da``, ``en``, ``pt-BR``), their English names for messages,
and their plural rules: the categories a count can fall into (``one``, ``few``, ``many``...) and
which one a given whole number takes. Nothing else in the program imports Babel.
"""

from __future__ import annotations

import functools

from babel import Locale, UnknownLocaleError

CATEGORY_ORDER = ("zero", "one", "two", "few", "many", "other")
"""CLDR's plural categories, in the order CLDR lists them."""

_SAMPLE_COUNTS = (
    *range(2001),
    *(10**power * factor + extra for power in range(3, 10) for factor in (1, 2, 3, 5)
      for extra in (0, 1, 2, 3, 5, 11, 20, 21)),
)
"""Whole numbers that reach every category a CLDR rule gives whole numbers: the rules look at
the last one to three digits and at whole millions, and all of those are sampled here."""


@functools.cache
def _locale(code: str) -> Locale | None:
    try:
        return Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return None


def is_language_code(code: str) -> bool:
    """True for a code CLDR has data for (``da``, ``en``, ``pt-BR``), not for ``dk`` or ``xx``."""
    return _locale(code) is not None


def english_name(code: str) -> str:
    """``Danish`` for ``da``: what messages call a language (the code itself when unknown)."""
    locale = _locale(code)
    name = locale.get_display_name("en") if locale is not None else None
    return name or code


@functools.cache
def plural_categories(code: str) -> tuple[str, ...]:
    """The plural categories whole numbers take in the language, in CLDR's order:
    ``("one", "other")`` for Danish and English, ``("one", "few", "many")`` for Polish, six
    for Arabic, ``("other",)`` for Japanese. (Categories only fractions take, like Polish
    ``other``, are left out: the site counts videos and minutes.)"""
    locale = _locale(code)
    if locale is None:
        return ("other",)
    rule = locale.plural_form
    found = {rule(count) for count in _SAMPLE_COUNTS}
    return tuple(category for category in CATEGORY_ORDER if category in found)


def fraction_categories(code: str) -> tuple[str, ...]:
    """The plural categories the language has for fractions only (Polish ``other``)."""
    locale = _locale(code)
    if locale is None:
        return ()
    every = {*locale.plural_form.tags, "other"}
    return tuple(c for c in CATEGORY_ORDER if c in every and c not in plural_categories(code))


def plural_category(code: str, count: int) -> str:
    """The category ``count`` takes in the language: ``one`` for 1 in Danish, ``few`` for 3
    in Polish, ``other`` in a language CLDR does not know."""
    locale = _locale(code)
    return locale.plural_form(count) if locale is not None else "other"
