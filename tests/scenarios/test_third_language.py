"""A third language, added as the translator's guide says ("Adding a language" in
docs/en/translators.md), under the default build (`make site`, languages built in parallel):
every language keeps its kit pages and PDFs, and the new language is fully served — every page
it lacks is shown in another language under a notice in its own, marked with the language
shown, and its menu names the pages by their titles (issue 11, defects 2 and 7)."""

from __future__ import annotations

from pathlib import Path

import pytest

from scenarios.conftest import Page, Project, Result, make_project
from scenarios.languages import add_swedish

LANGUAGES = {"da": "", "en": "en/", "sv": "sv/"}


@pytest.fixture(scope="module")
def swedish(tmp_path_factory: pytest.TempPathFactory) -> tuple[Project, Result]:
    """The real project with Swedish added, built with `make site`."""
    project = make_project(tmp_path_factory.mktemp("third-language") / "project")
    add_swedish(project)
    return project, project.run("make site")


def kit_ids(project: Project) -> list[str]:
    return sorted({path.stem for path in project.path("content").glob("*/kits/*.yml")})


def menu(page: Page) -> list[str]:
    """The titles of the sidebar's top-level entries."""
    links = page.soup.select("nav.md-nav--primary > ul > li > a, "
                             "nav.md-nav--primary > ul > li > label.md-nav__link")
    return [" ".join(link.get_text(" ").split()) for link in links]


def test_every_language_has_its_kit_pages_and_pdfs(swedish: tuple[Project, Result]) -> None:
    project, result = swedish
    assert "WARNING" not in result.output  # built in parallel, nothing left out
    with_handouts: dict[str, set[str]] = {}
    for lang, prefix in LANGUAGES.items():
        assert project.page(f"/{prefix}kits/").lang == lang
        with_handouts[lang] = set()
        for kit in kit_ids(project):
            page = project.page(f"/{prefix}kits/{kit}/")
            assert page.lang == lang
            for link in page.article.select("a[href$='.pdf']"):
                pdf = project.path(f"site/{prefix}kits/{kit}/{link['href']}")
                assert pdf.read_bytes()[:5] == b"%PDF-", pdf
                with_handouts[lang].add(kit)
            for card in page.article.select(".video-cards h3 a"):
                assert project.page(f"/{prefix}kits/{kit}/{card['href']}").lang == lang
    assert with_handouts["da"], "no kit links a PDF of its discussion cards"
    assert with_handouts["en"] == with_handouts["da"] == with_handouts["sv"]


def test_the_menu_names_pages_by_their_titles(swedish: tuple[Project, Result]) -> None:
    """Pages Swedish lacks are shown in Danish; the menu names them as their heading does,
    not by their file names ("Staff", "Campaign")."""
    project, _ = swedish
    swedish_menu = menu(project.page("/sv/"))
    file_names = {Path(line.split("- ", 1)[1]).stem.replace("-", " ").capitalize()
                  for line in project.read("mkdocs.yml").splitlines()
                  if line.startswith("  - ") and line.endswith(".md")}
    assert {"Staff", "Campaign"} <= file_names
    assert not file_names & set(swedish_menu), swedish_menu
    staff = project.page("/sv/staff/").article.h1
    assert staff is not None
    assert " ".join(staff.get_text(" ").split()) in swedish_menu
    assert "Personale i sundheds- og socialsektoren" in menu(project.page("/"))


def test_a_page_swedish_lacks_says_which_language_it_shows(
        swedish: tuple[Project, Result]) -> None:
    project, _ = swedish
    staff = project.page("/sv/staff/")
    assert staff.lang == "sv"
    assert staff.notices() == [
        "Den här sidan är ännu inte översatt till svenska. Den visas på danska."]
    assert staff.article.h1 is not None
    assert staff.lang_of(staff.article.h1.get_text()) == "da"


def test_the_words_matter_page_shows_another_language_with_the_notice(
        swedish: tuple[Project, Result]) -> None:
    """Swedish has no content/sv/language-guide.yml: its Words matter page shows the Danish
    guide, under a notice in Swedish, each Danish text marked as Danish."""
    project, _ = swedish
    assert not project.path("content/sv/language-guide.yml").exists()
    words = project.page("/sv/words/")
    assert words.lang == "sv"
    assert words.notices() == [
        "Den här sidan är ännu inte översatt till svenska. Den visas på danska."]
    assert words.lang_of("Ord betyder noget") == "da"
    assert words.lang_of("en person med skizofreni") == "da"
    assert words.lang_of("Ord att undvika, och vad man kan säga i stället") == "sv"
    danish = project.page("/words/")
    assert danish.notices() == [] and danish.lang_of("en person med skizofreni") == "da"


def test_kits_check_and_the_site_know_all_three_languages(
        swedish: tuple[Project, Result]) -> None:
    project, result = swedish
    assert "in 3 languages" in result.output
    assert Path(project.path("site/sv/search/search_index.json")).is_file()
