"""Issue 11, defect 8: the settings files are checked like kit files. Each mistake the issue lists
(and the label mistakes of defect 7), made as a person makes it in a copy of the real project,
gives a located error from ``make check`` and from ``make site`` — no traceback — and leaves
the published site/ as it was."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from scenarios.conftest import Project


@dataclass(frozen=True)
class Mistake:
    """An edit to one file, and the start of the error line it must give."""

    file: str
    old: str
    new: str
    error: str
    """The start of the error line, ``path:{line}: key: ...``."""
    at: str = ""
    """What is written on the line the error names, after the edit (default: ``new``)."""


MISTAKES = {
    "minutes written as a word": Mistake(
        "content/site.yml", "discussion_minutes_per_question: 5",
        "discussion_minutes_per_question: five",
        "content/site.yml:{line}: discussion_minutes_per_question: expected a whole number of "
        "minutes from 1 to 120, found 'five'"),
    "no minutes for discussion": Mistake(
        "content/site.yml", "discussion_minutes_per_question: 5",
        "discussion_minutes_per_question: 0",
        "content/site.yml:{line}: discussion_minutes_per_question: expected a whole number of "
        "minutes from 1 to 120, found the number 0"),
    "a typo in default_language": Mistake(
        "content/site.yml", "default_language: da", "default_langauge: da",
        "content/site.yml:{line}: default_langauge: expected a key of the site settings, found "
        "unknown key 'default_langauge' — did you mean 'default_language'?"),
    "a YAML error in labels.yml": Mistake(
        "content/da/labels.yml", "for_whom: Til", "for_whom: Til: dem",
        "content/da/labels.yml:{line}: for_whom: YAML syntax error"),
    "a label deleted": Mistake(
        "content/da/labels.yml", "kits_title: Materialer\n", "",
        "content/da/labels.yml:{line}: expected every label the generated pages use, found 1 "
        "missing: kits_title", at="language_name: Dansk"),
    "a placeholder that evaluates Python": Mistake(
        "content/en/labels.yml", 'session_about: "About {minutes} minutes"',
        'session_about: "About {minutes.__class__.__mro__} minutes"',
        "content/en/labels.yml:{line}: session_about: expected only the placeholder {minutes}, "
        "found '{minutes.__class__.__mro__}'"),
    "a language in mkdocs.yml that site.yml lacks": Mistake(
        "mkdocs.yml", "        - locale: en", "        - locale: sv",
        "mkdocs.yml:{line}: plugins[3].i18n.languages[1].locale: expected only the languages of "
        "content/site.yml (da, en; default da), found 'sv'"),
}


def published_site(project: Project) -> dict[str, bytes]:
    """A site/ as a previous `make site` left it (its content does not matter here: only
    that the failed build leaves every byte of it as it was)."""
    project.write("site/index.html", "<!doctype html><title>last good site</title>\n")
    project.write("site/en/kits/index.html", "<!doctype html><title>kits</title>\n")
    return snapshot(project)


def snapshot(project: Project) -> dict[str, bytes]:
    site = project.path("site")
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file()}


@pytest.mark.parametrize("name", MISTAKES)
def test_a_settings_mistake_is_a_located_error_and_the_site_stays(
    project: Project, name: str,
) -> None:
    mistake = MISTAKES[name]
    before = published_site(project)
    project.replace(mistake.file, mistake.old, mistake.new)
    line = project.line_of(mistake.file, mistake.at or mistake.new)
    error = mistake.error.replace("{line}", str(line))

    for command in ("make check", "make site"):
        result = project.run(command, ok=False)
        assert error in result.stdout, str(result)
        assert "Traceback" not in result.output, str(result)
        assert snapshot(project) == before
        assert not project.path("site.new").exists()


def test_the_build_itself_refuses_languages_that_disagree_with_site_yml(
    project: Project,
) -> None:
    """`mkdocs build` and `make serve` do not run `kits check` first: the kits plugin refuses
    the configuration with the same located message."""
    mistake = MISTAKES["a language in mkdocs.yml that site.yml lacks"]
    project.replace(mistake.file, mistake.old, mistake.new)
    error = mistake.error.replace("{line}", str(project.line_of(mistake.file, mistake.new)))
    result = project.run(".venv/bin/mkdocs build --strict --site-dir site.try", ok=False)
    assert error in result.output, str(result)
    assert "Traceback" not in result.output, str(result)
    assert not project.path("site.try/index.html").exists()


SWEDISH_LABELS = Path(__file__).resolve().parents[1] / "samples" / "three-languages" / \
    "content" / "sv" / "labels.yml"


def test_a_language_added_as_the_guide_says_falls_back_in_the_configured_order(
    project: Project,
) -> None:
    """docs/en/translators.md, "Adding a language": Swedish, whose readers see English where
    Swedish lacks a text (the default would be Danish, the default language)."""
    project.replace("content/site.yml", "languages: [da, en]", "languages: [da, en, sv]")
    project.write("content/site.yml", project.read("content/site.yml")
                  + "fallback:\n  sv: [en, da]\n")
    project.replace("mkdocs.yml", "          site_name: ONE OF US · materials for staff\n",
                    "          site_name: ONE OF US · materials for staff\n"
                    "        - locale: sv\n          name: Svenska\n          build: true\n"
                    "          site_name: EN AV OSS · material för personal\n")
    project.write("content/sv/labels.yml", SWEDISH_LABELS.read_text(encoding="utf-8"))
    project.replace("content/da/labels.yml", "en: engelsk}", "en: engelsk, sv: svensk}")
    project.replace("content/en/labels.yml", "en: English}", "en: English, sv: Swedish}")
    project.write("docs/sv/index.md", "# Hem\n\nVälkommen.\n")
    assert "content OK" in project.run("make check").stdout
    project.run("make site")

    kit = project.page("/sv/kits/dialogue-kickstarter/")  # written in Danish and English
    assert kit.lang == "sv"
    assert kit.lang_of("The Dialogue Kickstarter") == "en"
    assert "Lavet i samarbejde med" not in kit.html
    assert any("engelska" in notice for notice in kit.notices())
    assert "2 videor" in kit.text()  # the Swedish labels, plural included
    assert "EN AV OSS · material för personal" in kit.html
