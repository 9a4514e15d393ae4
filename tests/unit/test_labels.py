"""The labels: the spec matches what the templates use, labels are filled in without evaluating
anything, and counts take the form CLDR's plural rules give them in each language."""

from __future__ import annotations

import jinja2
import pytest
from jinja2 import nodes

from conftest import ROOT
from kitsite.content.labels import LABEL_SPECS, check_labels, fill, plural
from kitsite.content.languages import fraction_categories, plural_categories, plural_category
from kitsite.content.problems import Problem
from kitsite.render.footer import CONTRIBUTOR_PAGES
from kitsite.render.pages import spoken_duration

TEMPLATES = ROOT / "templates"
THEME_PARTIALS = ROOT / "overrides" / "partials"
"""The theme's overrides that show labels (the footer), as ``labels.x`` too."""
FILLED_IN_PYTHON = {"minute", "second", "language_name", "language_names"}
"""Labels kitsite/render/pages.py reads (spoken durations, language names), not a template;
and the names of the contributors' pages in the footer, which kitsite/render/footer.py gives
the theme."""
FILLED_IN_PYTHON |= {label for _, label in CONTRIBUTOR_PAGES}
STATUS_COUNTS = {f"status_{kind}" for kind in LABEL_SPECS["status_kinds"].keys}
"""status.md.j2 reads these as labels["status_" ~ kind], one per kind of gap."""


def template_asts() -> dict[str, nodes.Template]:
    env = jinja2.Environment()
    paths = [*sorted(TEMPLATES.glob("*.j2")), *sorted(THEME_PARTIALS.glob("*.html"))]
    return {path.name: env.parse(path.read_text(encoding="utf-8")) for path in paths}


def label_reads(ast: nodes.Template) -> list[str]:
    return [node.attr for node in ast.find_all(nodes.Getattr)
            if isinstance(node.node, nodes.Name)
            and node.node.name in ("labels", "labels_as_written")]


def test_every_label_a_template_reads_is_in_the_spec_and_every_label_is_read() -> None:
    read = {key for ast in template_asts().values() for key in label_reads(ast)}
    assert read - set(LABEL_SPECS) == set()
    assert set(LABEL_SPECS) - read - FILLED_IN_PYTHON - STATUS_COUNTS == set()


def test_each_template_fills_in_exactly_the_placeholders_the_spec_allows() -> None:
    filled = 0
    for name, ast in template_asts().items():
        for node in ast.find_all(nodes.Filter):
            if node.name != "fill":
                continue
            label = node.node  # the label, perhaps escaped first (the theme's partials)
            while isinstance(label, nodes.Filter) and label.name in ("e", "escape"):
                label = label.node
            assert isinstance(label, nodes.Getattr), name
            spec = LABEL_SPECS[label.attr]
            assert {kw.key for kw in node.kwargs} == set(spec.placeholders), (name, spec.key)
            filled += 1
    assert filled > 20
    for name, ast in template_asts().items():  # no label is filled by str.format any more
        assert not [call for call in ast.find_all(nodes.Getattr) if call.attr == "format"], name


def test_fill_replaces_names_and_evaluates_nothing() -> None:
    assert fill("About {minutes} minutes", minutes=40) == "About 40 minutes"
    hostile = "{minutes.__class__.__mro__} {minutes[0]} {other} {{minutes}}"
    assert fill(hostile, minutes=40) == "{minutes.__class__.__mro__} {minutes[0]} {other} {40}"
    # a filled-in value is never filled into again
    assert fill("{title} ({duration})", title="{duration}", duration="4:20") == \
        "{duration} (4:20)"


@pytest.mark.parametrize(("language", "categories"), [
    ("da", ("one", "other")), ("en", ("one", "other")), ("sv", ("one", "other")),
    ("pl", ("one", "few", "many")), ("ru", ("one", "few", "many")),
    ("ar", ("zero", "one", "two", "few", "many", "other")), ("ja", ("other",)),
    ("fr", ("one", "many", "other")), ("lt", ("one", "few", "other")),
])
def test_the_plural_categories_of_whole_numbers_are_cldrs(
    language: str, categories: tuple[str, ...],
) -> None:
    assert plural_categories(language) == categories


def test_fractions_only_categories_are_named() -> None:
    assert fraction_categories("pl") == ("other",)
    assert fraction_categories("en") == ()


POLISH = {"one": "{n} film", "few": "{n} filmy", "many": "{n} filmów"}
ARABIC = {category: f"{category}:{{n}}" for category in plural_categories("ar")}


@pytest.mark.parametrize(("language", "forms", "count", "shown"), [
    ("da", {"one": "{n} video", "other": "{n} videoer"}, 0, "0 videoer"),
    ("da", {"one": "{n} video", "other": "{n} videoer"}, 1, "1 video"),
    ("da", {"one": "{n} video", "other": "{n} videoer"}, 2, "2 videoer"),
    ("pl", POLISH, 1, "1 film"), ("pl", POLISH, 3, "3 filmy"), ("pl", POLISH, 5, "5 filmów"),
    ("pl", POLISH, 22, "22 filmy"), ("pl", POLISH, 12, "12 filmów"),
    ("ar", ARABIC, 0, "zero:0"), ("ar", ARABIC, 2, "two:2"), ("ar", ARABIC, 3, "few:3"),
    ("ar", ARABIC, 11, "many:11"), ("ar", ARABIC, 100, "other:100"),
])
def test_a_count_takes_the_form_of_its_category(
    language: str, forms: dict[str, str], count: int, shown: str,
) -> None:
    assert plural_category(language, count) in forms
    assert plural(forms, count, language) == shown


def test_spoken_durations_use_the_languages_plural_rules() -> None:
    danish = {"minute": {"one": "{n} minut", "other": "{n} minutter"},
              "second": {"one": "{n} sekund", "other": "{n} sekunder"}}
    assert spoken_duration(61, danish, "da") == "1 minut 1 sekund"
    assert spoken_duration(260, danish, "da") == "4 minutter 20 sekunder"
    polish = {"minute": {"one": "{n} minuta", "few": "{n} minuty", "many": "{n} minut"},
              "second": {"one": "{n} sekunda", "few": "{n} sekundy", "many": "{n} sekund"}}
    assert spoken_duration(3 * 60 + 25, polish, "pl") == "3 minuty 25 sekund"
    assert spoken_duration(5 * 60 + 22, polish, "pl") == "5 minut 22 sekundy"


def test_the_real_labels_have_the_forms_their_languages_need() -> None:
    problems: list[Problem] = []
    problems.extend(check_labels(ROOT / "content", ("da", "en")))
    assert problems == []
