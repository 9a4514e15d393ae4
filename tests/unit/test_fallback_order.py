"""What a language shows where it lacks a text: the first language of its own fallback order
(``Library.fallback_languages``) that has it, under a notice that names the language shown —
for hand-written pages (the stand-ins) and the "Words matter" page alike; and the direction each
language is written in."""

from __future__ import annotations

from pathlib import Path

import pytest
from scenarios.conftest import make_project
from scenarios.languages import add_swedish

from kitsite.content.docs_pages import first_heading, missing_pages
from kitsite.content.model import Library
from kitsite.render.site_sources import SiteSources, prepare_site_sources
from kitsite.render.text_direction import text_direction, with_document_direction


def swedish_sources(tmp_path: Path) -> SiteSources:
    """The real content with Swedish added (as the translator's guide says), planned."""
    project = make_project(tmp_path / "project")
    add_swedish(project)
    sources = prepare_site_sources(
        content_dir=project.path("content"), templates_dir=project.path("templates"),
        docs_dir=project.path("docs"))
    assert not sources.errors, sources.error_report()
    return sources


def english_first_for_swedish(self: Library, language: str) -> tuple[str, ...]:
    """A site.yml that says: Swedish falls back to English before Danish."""
    others = tuple(lang for lang in self.languages if lang != language)
    return ("en", "da") if language == "sv" else others


def test_by_default_a_new_language_falls_back_to_the_default_language(
        tmp_path: Path) -> None:
    sources = swedish_sources(tmp_path)
    staff = sources.markdown("sv/staff.md")
    assert "Den visas på danska." in staff and '<div lang="da" markdown>' in staff
    assert '"title": "Personale i sundheds- og socialsektoren"' in staff  # the menu's title
    words = sources.markdown("sv/words.md")
    assert "Den visas på danska." in words and '<span lang="da">Ord betyder noget</span>' in words


def test_a_language_falls_back_in_its_own_order_and_the_notice_says_so(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Library, "fallback_languages", english_first_for_swedish)
    sources = swedish_sources(tmp_path)
    staff = sources.markdown("sv/staff.md")
    assert "Den här sidan är ännu inte översatt till svenska. Den visas på engelska." in staff
    assert '<div lang="en" markdown>' in staff and "danska" not in staff
    assert '"title": "Staff in health and social services"' in staff
    words = sources.markdown("sv/words.md")
    assert "Den visas på engelska." in words
    assert '<span lang="en">Words matter</span>' in words
    # the kit pages take the kit from the same order (the English-only kit stays English)
    kit = sources.markdown("sv/kits/start-the-dialogue/index.md")
    assert '<span lang="en">Start the Dialogue</span>' in kit
    # the languages that have their own pages are not touched
    assert "translation-notice" not in sources.markdown("en/words.md")
    assert "translation-notice" not in sources.markdown("da/words.md")


def test_missing_pages_take_the_first_fallback_that_has_the_page(tmp_path: Path) -> None:
    for lang, name in (("da", "staff.md"), ("en", "staff.md"), ("en", "only-en.md")):
        (tmp_path / lang).mkdir(exist_ok=True)
        (tmp_path / lang / name).write_text(f"# {lang}\n", encoding="utf-8")
    found = {(m.uri, m.language): m.source_language for m in missing_pages(
        tmp_path, ["da", "en", "sv"], lambda lang: ("en", "da") if lang == "sv" else ())}
    assert found == {("staff.md", "sv"): "en", ("only-en.md", "sv"): "en",
                     ("only-en.md", "da"): "en"}
    default = {(m.uri, m.language): m.source_language
               for m in missing_pages(tmp_path, ["da", "en", "sv"])}
    assert default[("staff.md", "sv")] == "da"


@pytest.mark.parametrize(("body", "title"), [
    ("# Staff\n\nText.", "Staff"),
    ("Intro.\n\n# Personale { #top }\n", "Personale"),
    ("```\n# not a heading\n```\n\n# Real\n", "Real"),
    ("## Only a second level\n", None),
])
def test_the_title_of_a_stand_in_is_its_first_heading(body: str, title: str | None) -> None:
    assert first_heading(body) == title


@pytest.mark.parametrize(("language", "direction"), [
    ("ar", "rtl"), ("he", "rtl"), ("fa", "rtl"), ("da", "ltr"), ("en", "ltr"), ("sv", "ltr"),
    ("pt-BR", "ltr"), ("zz", "ltr")])
def test_each_language_has_the_direction_babel_gives_it(language: str, direction: str) -> None:
    assert text_direction(language) == direction


def test_the_root_element_gets_the_page_direction() -> None:
    page = '<!doctype html>\n<html lang="ar" class="no-js">\n<head></head><body dir="rtl">'
    assert '<html lang="ar" class="no-js" dir="rtl">' in with_document_direction(page, "rtl")
    assert with_document_direction('<html dir="ltr">', "rtl") == '<html dir="ltr">'
