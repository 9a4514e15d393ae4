"""Build tests of translation on the site: notices and `lang` on every gap, the status page, one
search index per language, a 404 page per language, a language switcher that never leads to a
missing page, and a third language added by configuration only."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlparse

import pytest
from helpers.projects import copy_sample, read
from helpers.walkthrough import walkthrough_edits

from conftest import mkdocs_build


@pytest.fixture(scope="module")
def walkthrough_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The translation sample after the walkthrough's three edits, built."""
    tmp = tmp_path_factory.mktemp("walkthrough")
    project = copy_sample(tmp, "translation")
    walkthrough_edits(project)
    result = mkdocs_build(project, tmp / "site")
    assert result.returncode == 0, result.stderr
    return tmp / "site"


@pytest.fixture(scope="module")
def three_language_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("three")
    result = mkdocs_build(copy_sample(tmp, "three-languages"), tmp / "site")
    assert result.returncode == 0, result.stderr
    return tmp / "site"


def article(html: str) -> str:
    return html.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>")[0]


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def video_questions(site: Path, path: str) -> list[str]:
    page = article(read(site, path))
    questions = page.split("<ol>")[-1].split("</ol>")[0]
    return re.findall(r"<li>(.*?)</li>", questions, re.DOTALL)


def test_a_question_deleted_in_danish_does_not_come_back_from_english(
    walkthrough_site: Path,
) -> None:
    assert video_questions(walkthrough_site, "kits/sample-kit/first") == [
        "Hvordan taler du med patienter om håb?"]
    assert "translation-notice" not in article(read(walkthrough_site, "kits/sample-kit/first"))
    assert len(video_questions(walkthrough_site, "en/kits/sample-kit/first")) == 2


def test_a_question_new_in_english_shows_on_the_danish_page_marked(
    walkthrough_site: Path,
) -> None:
    items = video_questions(walkthrough_site, "kits/sample-kit/second")
    assert items == ["Hvilke spørgsmål stiller patienter dig?",
                     '<span lang="en">Who else should hear this?</span> '
                     '<em class="translation-gap">(ikke oversat endnu, vises på engelsk)</em>']


def test_a_changed_english_description_shows_a_discreet_stale_notice(
    walkthrough_site: Path,
) -> None:
    page = article(read(walkthrough_site, "kits/sample-kit/second"))
    notice = page.split('<div class="translation-notice translation-notice--stale" role="note">'
                        )[1].split("</div>")[0]
    assert text_of(notice) == ("Teksten på engelsk er blevet ændret, efter at denne side blev "
                               "oversat, så oversættelsen kan være forældet. Læs den på engelsk")
    assert '<a href="../../../en/kits/sample-kit/second/" hreflang="en">' in notice
    assert "Den anden video handler om de spørgsmål, patienter stiller." in page
    card = article(read(walkthrough_site, "kits/sample-kit")).split(">Anden video<")[1]
    assert '<small class="translation-stale">Ændret på engelsk, efter at den blev oversat</small>' \
        in card.split("</li>")[0]


def test_an_english_only_video_is_shown_in_english_with_the_notice(
    walkthrough_site: Path,
) -> None:
    page = article(read(walkthrough_site, "kits/sample-kit/third"))
    assert text_of(page).startswith("Denne video er endnu ikke oversat til dansk. Den vises på "
                                    "engelsk.")
    assert '<h1 id="third-video"><span lang="en">Third video</span></h1>' in page
    assert '<div lang="en">\n<p>A video added in English only.</p>' in page
    assert '<span lang="en">What did you notice?</span>' in page
    card = article(read(walkthrough_site, "kits/sample-kit")).split('<h3 id="third-video">')[1]
    card = card.split("</li>\n</ul>")[0]
    assert "Denne video er endnu ikke oversat til dansk." in card
    assert '<p lang="en">A video added in English only.</p>' in card


def test_english_pages_have_no_notices(walkthrough_site: Path) -> None:
    for path in ("en/kits/sample-kit", "en/kits/sample-kit/first", "en/kits/sample-kit/second",
                 "en/kits/sample-kit/third"):
        html = article(read(walkthrough_site, path))
        assert "translation-notice" not in html and "translation-gap" not in html, path
        assert ' lang="da"' not in html, path


def test_an_english_only_page_is_shown_on_the_danish_site_with_the_notice(
    walkthrough_site: Path,
) -> None:
    html = read(walkthrough_site, "english-page")
    assert '<html lang="da"' in html
    page = article(html)
    assert text_of(page).startswith("Denne side er endnu ikke oversat til dansk. Den vises på "
                                    "engelsk. A page in English only")
    assert '<div lang="en">\n<h1 id="a-page-in-english-only">A page in English only</h1>' in page
    assert '<a href="../kits/">link to the kits</a>' in page  # the Danish kit list


def test_status_page_lists_the_gaps_in_each_language(walkthrough_site: Path) -> None:
    danish = text_of(article(read(walkthrough_site, "translation-status")))
    assert "Prøvematerialet 2 mangler, 1 forældet Original" in danish
    assert "An English-only pack Findes kun på engelsk Original" in danish
    for field in ("videos[first].questions[0]", "videos[third] (hele videoen)",
                  "videos[second].description"):
        assert field in danish
    assert "content/da/kits/sample-kit.yml:" in danish
    assert "docs/da/english-page.md : Mangler – læserne ser siden på engelsk" in danish
    english = text_of(article(read(walkthrough_site, "en/translation-status")))
    assert "The sample kit 2 missing, 1 out of date Original" in english
    assert "Danish: 0 of 2 kits translated and up to date, 1 with gaps, 1 not translated" \
        in english


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.switcher: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "a" and "md-select__link" in (found.get("class") or ""):
            self.switcher.append(found.get("href") or "")


def switcher_targets(site: Path) -> list[tuple[str, str]]:
    """(page, target) for every language switcher link of every page in ``site``, relative to
    the site's folder (absolute links, as on the 404 pages, include site_url's path)."""
    home = (site / "index.html").read_text(encoding="utf-8")
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', home)
    root = urlparse(canonical.group(1)).path if canonical else "/"
    links = []
    for html in sorted(site.rglob("*.html")):
        rel = html.relative_to(site).as_posix()
        parser = _Links()
        parser.feed(html.read_text(encoding="utf-8"))
        for href in parser.switcher:
            path = urlparse(urljoin("https://site.test" + root + rel, href)).path
            assert path.startswith(root), (rel, href)
            links.append((rel, path[len(root):]))
    return links


@pytest.mark.parametrize("site_name", ["walkthrough_site", "three_language_site", "built_site"])
def test_the_language_switcher_never_points_at_a_missing_page(
    site_name: str, request: pytest.FixtureRequest
) -> None:
    site: Path = request.getfixturevalue(site_name)
    links = switcher_targets(site)
    assert len(links) > 10
    for page, target in links:
        file = site / target / "index.html" if target.endswith("/") or not target \
            else site / target
        assert file.is_file(), f"{page}: the switcher points at {target}, which does not exist"


def search_index(site: Path, prefix: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((site / prefix / "search" / "search_index.json")
                                      .read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize(("prefix", "lang", "absent"), [
    ("", "da", "A page in English only"), ("en/", "en", "Prøvematerialet")])
def test_each_language_has_its_own_search_index(
    walkthrough_site: Path, prefix: str, lang: str, absent: str
) -> None:
    index = search_index(walkthrough_site, prefix)
    assert index["config"]["lang"] == [lang]
    assert index["docs"]
    for doc in index["docs"]:
        page = walkthrough_site / prefix / doc["location"].split("#")[0] / "index.html"
        assert page.is_file(), doc["location"]
        assert f'<html lang="{lang}"' in page.read_text(encoding="utf-8")
        assert absent not in doc["title"] and absent not in doc["text"]
    # a page shown in the other language (not translated) is left out of this language's index
    locations = {doc["location"] for doc in index["docs"]}
    if lang == "da":
        assert "kits/english-only/" not in locations and "english-page/" not in locations
        assert "kits/sample-kit/third/" not in locations
    else:
        assert "kits/english-only/" in locations and "english-page/" in locations


@pytest.mark.parametrize(("path", "lang", "words"), [
    ("404.html", "da", "Siden findes ikke"), ("en/404.html", "en", "Page not found")])
def test_each_language_has_its_own_404_page(
    built_site: Path, path: str, lang: str, words: str
) -> None:
    html = (built_site / path).read_text(encoding="utf-8")
    assert f'<html lang="{lang}"' in html
    assert f">{words}</h1>" in html
    assert "404 - Not found" not in html
    # served at any missing address: its links and assets are absolute
    assert 'href="/assets/' in html or 'href="/' in html


def test_a_third_language_needs_only_configuration(three_language_site: Path) -> None:
    site = three_language_site
    home = (site / "sv" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="sv"' in home
    assert 'placeholder="Sök"' in home  # Material's own Swedish words
    assert {"da", "en", "sv"} <= set(re.findall(r'hreflang="([a-z]+)" class="md-select__link"',
                                                home))
    translated = article((site / "sv/kits/sample-kit/first/index.html").read_text("utf-8"))
    assert '<h1 id="forsta-videon">Första videon</h1>' in translated or "Första videon" in \
        translated
    assert "translation-notice" not in translated
    danish_only = article((site / "sv/kits/danish-kit/index.html").read_text(encoding="utf-8"))
    assert text_of(danish_only).startswith("Finns bara på danska. Läs den på danska")
    assert '<span lang="da">Et dansk materiale</span>' in danish_only
    english_site = article((site / "en/kits/sample-kit/first/index.html").read_text("utf-8"))
    assert "Första videon" not in english_site
    assert search_index(site, "sv/")["config"]["lang"] == ["sv"]
    assert ">Sidan finns inte</h1>" in (site / "sv" / "404.html").read_text(encoding="utf-8")
    status = text_of(article((site / "sv/translation-status/index.html").read_text("utf-8")))
    assert status.startswith("Översättningsstatus")


def test_kit_facts_stay_one_per_line(built_site: Path) -> None:
    """The partners (each marked with its language when shown from another) and the total
    video time are separate items of the kit's fact list."""
    html = read(built_site, "kits/dialogue-kickstarter")
    labels = re.findall(r"<li><strong>([^<]+):</strong>", html)
    assert "Lavet i samarbejde med" in labels and "Samlet videotid" in labels


def test_the_status_page_quotes_in_the_pages_language(walkthrough_site: Path) -> None:
    """A changed text is quoted in the page's marks, outside its language mark."""
    danish = article(read(walkthrough_site, "translation-status"))
    english = article(read(walkthrough_site, "en/translation-status"))
    assert '»<span lang="en">' in danish
    assert "“" not in danish and "”" not in danish
    assert "»" not in english and "«" not in english
