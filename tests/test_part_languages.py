"""Language of parts: every title or name shown in another language than the page's carries
its ``lang`` (and ``dir``) wherever the theme shows it — the menu, the table of contents, the
header, the previous/next links, the language menu, the theme's credit — in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from helpers.projects import copy_sample

from conftest import mkdocs_build
from kitsite.render.part_languages import heading_languages, marked_title

ENGLISH_PAGE = "A page in English only"


@pytest.fixture(scope="module")
def translation_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The translation sample: a page in English only, shown on the Danish site; with the
    previous/next links the real site has."""
    tmp = tmp_path_factory.mktemp("part-languages")
    project = copy_sample(tmp, "translation")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  language: da\n", "  language: da\n  features: [navigation.footer]\n"),
        encoding="utf-8")
    result = mkdocs_build(project, tmp / "site")
    assert result.returncode == 0, result.stderr
    return tmp / "site"


def page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"),
                         "html.parser")


def lang_of(element: Tag) -> str | None:
    """The language an element's text is in: its own lang or its nearest ancestor's."""
    for node in (element, *element.parents):
        if isinstance(node, Tag) and node.has_attr("lang"):
            return str(node["lang"])
    return None


def elements_with_text(soup: BeautifulSoup, selector: str, text: str) -> list[Tag]:
    found = [el for el in soup.select(selector) if " ".join(el.get_text(" ").split()) == text]
    assert found, f"no {selector} says {text!r}"
    return found


def innermost(element: Tag, text: str) -> Tag:
    """The deepest element under ``element`` whose whole text is ``text``."""
    for child in element.find_all(True):
        if " ".join(child.get_text(" ").split()) == text and not [
                c for c in child.find_all(True) if " ".join(c.get_text(" ").split()) == text]:
            return child
    return element


def test_an_english_page_in_the_danish_menu_header_and_pager_says_so(
        translation_site: Path) -> None:
    kits = page(translation_site, "kits/")
    assert kits.html is not None and kits.html["lang"] == "da"
    for link in elements_with_text(kits, "nav.md-nav--primary a.md-nav__link", ENGLISH_PAGE):
        assert lang_of(innermost(link, ENGLISH_PAGE)) == "en"
    pager = elements_with_text(kits, "a.md-footer__link--next .md-ellipsis", ENGLISH_PAGE)
    assert lang_of(innermost(pager[0], ENGLISH_PAGE)) == "en"
    english = page(translation_site, "english-page/")
    topic = english.select_one(".md-header__topic[data-md-component=header-topic]")
    assert topic is not None and lang_of(innermost(topic, ENGLISH_PAGE)) == "en"
    toc = elements_with_text(english, "nav.md-nav--secondary a.md-nav__link", "A section")
    assert lang_of(innermost(toc[0], "A section")) == "en"


def test_danish_titles_on_danish_pages_are_not_marked(translation_site: Path) -> None:
    kits = page(translation_site, "kits/")
    marked = {" ".join(el.get_text(" ").split()) for el in kits.select(
        "nav.md-nav--primary [lang], .md-header [lang]:not(a.md-select__link)")}
    # the English page, and the heading of the English-only kit in the page's contents
    assert marked == {ENGLISH_PAGE, "An English-only pack"}


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_each_language_name_in_the_switcher_is_in_its_language(
        translation_site: Path, prefix: str) -> None:
    names = {str(a["hreflang"]): (" ".join(a.get_text(" ").split()), a.get("lang"))
             for a in page(translation_site, prefix + "kits/").select("a.md-select__link")}
    assert names == {"da": ("Dansk", "da"), "en": ("English", "en")}


def test_the_real_danish_page_of_an_english_kit_marks_its_titles(built_site: Path) -> None:
    kit = page(built_site, "kits/time-to-change/")
    topic = kit.select_one(".md-header__topic[data-md-component=header-topic] span[lang]")
    assert topic is not None and topic["lang"] == "en"
    toc = kit.select("nav.md-nav--secondary a.md-nav__link")
    assert toc and all(lang_of(innermost(a, " ".join(a.get_text(" ").split()))) == "en"
                       for a in toc if "Kilder" not in a.get_text())
    credit = kit.select_one(".site-footer__credit a")
    assert credit is not None and credit["lang"] == "en"


def test_a_headings_language_is_its_element_or_its_whole_texts() -> None:
    html = ('<h1 id="t"><span lang="en">Title</span></h1><div lang="en"><h2 id="a">A</h2>'
            '</div><h2 id="b">Kilder</h2><h2 id="c">Om <span lang="en">Time to Change</span>'
            '</h2>')
    assert heading_languages(html, "da") == {"t": (1, "en"), "a": (2, "en"), "b": (2, "da"),
                                             "c": (2, None)}


def test_a_title_in_a_right_to_left_language_says_its_direction() -> None:
    assert marked_title("مرحبا", "ar", "da") == '<span lang="ar" dir="rtl">مرحبا</span>'
    assert marked_title("Hello", "en", "da") == '<span lang="en">Hello</span>'
