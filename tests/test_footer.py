"""Every page's footer, in both languages: the contributors' pages (out of the readers' menu),
who publishes the site and its accessibility statement (``content/site.yml``), and the theme's
credit in the page's language."""

from __future__ import annotations

import posixpath
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from helpers.projects import copy_sample

from conftest import mkdocs_build

CONTRIBUTORS = {"da": ["Vejledning for redaktører", "Vejledning for oversættere",
                       "Oversættelsesstatus"],
                "en": ["Editor's guide", "Translator's guide", "Translation status"]}
PAGES = ["", "kits/", "kits/dialogue-kickstarter/", "kits/dialogue-kickstarter/hope/",
         "staff/", "editors/", "translation-status/"]


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"),
                         "html.parser")


def footer_of(page: BeautifulSoup) -> Tag:
    footer = page.select_one("footer .md-copyright")
    assert footer is not None
    return footer


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_contributors_pages_are_in_every_footer_and_out_of_the_menu(
        built_site: Path, lang: str) -> None:
    prefix = "" if lang == "da" else "en/"
    for path in PAGES:
        page = soup(built_site, prefix + path)
        links = footer_of(page).select(".site-footer__contributors a")
        assert [a.get_text(strip=True) for a in links] == CONTRIBUTORS[lang], path
        for link in links:  # each link leads to the page, relative to where it stands
            target = posixpath.normpath(posixpath.join(prefix + path, str(link["href"])))
            assert (built_site / target / "index.html").is_file(), (path, link["href"])
        menu = [a.get_text(" ", strip=True) for a in page.select("nav.md-nav--primary a")]
        assert not set(CONTRIBUTORS[lang]) & set(menu), (path, menu)
        hrefs = [str(a.get("href", "")) for a in page.select("nav.md-nav--primary a")]
        assert not [h for h in hrefs if "editors" in h or "translation-status" in h], path


def test_the_real_site_names_its_publisher_and_no_statement_yet(built_site: Path) -> None:
    for prefix, published_by in (("", "Udgivet af"), ("en/", "Published by")):
        about = footer_of(soup(built_site, prefix)).select_one(".site-footer__about")
        assert about is not None
        text = " ".join(about.get_text(" ").split())
        assert f"{published_by}: EN AF OS · ONE OF US" in text
        assert "Carl Nielsens Allé 9D" in text
        assert about.find("a") is None  # no statement until site.yml gives its address


def test_the_404_pages_have_the_footer_with_absolute_links(built_site: Path) -> None:
    for file, expected in (("404.html", "/editors/"), ("en/404.html", "/en/editors/")):
        page = BeautifulSoup((built_site / file).read_text(encoding="utf-8"), "html.parser")
        hrefs = [str(a["href"]) for a in footer_of(page).select(".site-footer__contributors a")]
        assert hrefs[0].endswith(expected), hrefs


def test_the_theme_credit_is_in_the_pages_language(built_site: Path) -> None:
    danish = footer_of(soup(built_site, "")).select_one(".site-footer__credit")
    english = footer_of(soup(built_site, "en/")).select_one(".site-footer__credit")
    assert danish is not None and english is not None
    assert danish.get_text(" ", strip=True).startswith("Lavet med")
    name = danish.find("a")
    assert name is not None and name["lang"] == "en"  # the theme's name is English
    assert english.get_text(" ", strip=True).startswith("Made with")
    link = english.find("a")
    assert link is not None and not link.has_attr("lang")


def test_publisher_contact_and_statement_from_site_yml(tmp_path: Path) -> None:
    project = copy_sample(tmp_path)
    settings = project / "content" / "site.yml"
    settings.write_text(settings.read_text(encoding="utf-8") + (
        "publisher:\n  name: Region Testland\n  contact: kontakt@example.dk\n"
        "  url: https://www.example.dk/\n"
        "accessibility_statement: https://www.was.digst.dk/example-dk\n"), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    for prefix, statement in (("", "Tilgængelighedserklæring"),
                              ("en/", "Accessibility statement")):
        for path in ("", "kits/sample-kit/first/"):
            about = footer_of(soup(tmp_path / "site", prefix + path)).select_one(
                ".site-footer__about")
            assert about is not None
            links = {a.get_text(strip=True): a["href"] for a in about.find_all("a")}
            assert links == {"Region Testland": "https://www.example.dk/",
                             "kontakt@example.dk": "mailto:kontakt@example.dk",
                             statement: "https://www.was.digst.dk/example-dk"}
        # the sample has no guides: the footer links the status page only
        contributors = footer_of(soup(tmp_path / "site", prefix)).select(
            ".site-footer__contributors a")
        assert len(contributors) == 1
