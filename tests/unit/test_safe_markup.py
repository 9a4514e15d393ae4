"""Content text as words, never markup (kitsite/render/safe_text.py), and the allowlist every
page's HTML is cleaned with (kitsite/render/safe_html.py).

The Markdown side is rendered with the site's own Markdown extensions (mkdocs.yml), which
include attr_list and md_in_html, as MkDocs renders a generated page."""

from __future__ import annotations

from pathlib import Path

import jinja2
import markdown
import pytest
from bs4 import BeautifulSoup

from kitsite.content.labels import fill
from kitsite.content.site_settings import Publisher
from kitsite.render.footer import FooterLink, SiteFooter
from kitsite.render.safe_html import allowed_url, clean_page_html
from kitsite.render.safe_text import content_markdown, label_markdown, plain_markdown

ROOT = Path(__file__).resolve().parents[2]
SITE_EXTENSIONS = ["attr_list", "md_in_html", "admonition", "tables", "toc"]

PAYLOADS = [
    "<svg/onload=alert(1)>",
    "<img/src=x/onerror=alert(1)>",
    '<a/href="javascript:alert(1)">x</a>',
    '<div title="<" onmouseover=alert(1)>x</div>',
    '<script>alert(1)</script>',
    '<meta http-equiv="refresh" content="0;url=http://example.org/">',
    'Para.{: onclick="alert(1)" }',
    "*this*{ onmouseover=alert(1) }",
    '[site](https://example.org){: href="javascript:alert(1)" }',
    "[x](java\nscript:alert(1))",
    "[x](javascript:alert(1))",
    "<javascript:alert(1)>",
    '0;url=http://example.org/" http-equiv="refresh',
    "`code`{: onclick=alert(1) }",
    "<!-- <script>alert(1)</script> -->",
    "&#60;svg onload=alert(1)&#62;",
    "![x](https://example.org/pixel.png)",
    "!!! note\n    <b onclick=alert(1)>x</b>",
    "| a | b |\n| - | - |\n| <i onclick=alert(1)>x</i> | y |",
    "Line\n{: onclick=alert(1) }",
]


def rendered(text: str) -> BeautifulSoup:
    return BeautifulSoup(markdown.markdown(text, extensions=SITE_EXTENSIONS), "html.parser")


@pytest.mark.parametrize("payload", PAYLOADS)
def test_plain_text_shows_exactly_its_characters(payload: str) -> None:
    soup = rendered(plain_markdown(payload))
    assert [el.name for el in soup.find_all(True)] in (["p"], [])
    assert " ".join(soup.get_text().split()) == " ".join(payload.split())


@pytest.mark.parametrize("text", ["A *kit* for [staff](/staff/) - 1. # x", "I couldn't \"hope\"",
                                  "a | b = c & d < e > f {n} \\ ` ~ ^ _x_ !x"])
def test_plain_text_of_ordinary_titles_is_unchanged(text: str) -> None:
    assert rendered(plain_markdown(text)).get_text() == text


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markdown_fields_make_no_html_and_no_attribute_lists(payload: str) -> None:
    soup = rendered(content_markdown(payload))
    # what Markdown itself makes (a link, an image, an admonition) is left to the page
    # allowlist, which checks addresses; no tag or attribute comes from the text as HTML
    allowed = {"p", "em", "strong", "a", "code", "ul", "ol", "li", "blockquote", "table",
               "thead", "tbody", "tr", "th", "td", "pre", "img", "div"}
    markdown_attributes = {"a": {"href", "title"}, "img": {"src", "alt", "title"},
                           "div": {"class"}, "p": {"class"}}
    assert {el.name for el in soup.find_all(True)} <= allowed, soup
    for element in soup.find_all(True):
        assert set(element.attrs) <= markdown_attributes.get(element.name, set()), element


def test_markdown_fields_keep_their_markdown() -> None:
    text = ("*Emphasis*, **strong**, [a link](https://example.org/x) and "
            "<https://example.org>.\n\n- one\n- two")
    soup = rendered(content_markdown(text))
    assert str(soup.find("em")) == "<em>Emphasis</em>"
    assert str(soup.find("strong")) == "<strong>strong</strong>"
    assert [a["href"] for a in soup.find_all("a")] == ["https://example.org/x",
                                                       "https://example.org"]
    assert [li.text for li in soup.find_all("li")] == ["one", "two"]


def test_labels_keep_their_own_placeholders_only() -> None:
    label = label_markdown("Watch “{title}” <b>{minutes}</b> {other}{: onclick=x }",
                           ["title", "minutes"])
    filled = fill(label, title="T", minutes=5, other="NO")
    soup = rendered(filled)
    assert soup.get_text() == "Watch “T” <b>5</b> {other}{: onclick=x }"
    assert not soup.find("b") and all(not p.attrs for p in soup.find_all("p"))


@pytest.mark.parametrize("payload", PAYLOADS)
def test_the_page_allowlist_removes_what_runs(payload: str) -> None:
    # as a page could hold it: the raw text, and Markdown's rendering of it
    for html in (payload, markdown.markdown(payload, extensions=SITE_EXTENSIONS)):
        soup = BeautifulSoup(clean_page_html(html), "html.parser")
        assert not soup.find(["script", "svg", "iframe", "meta", "style"])
        for element in soup.find_all(True):
            for name, value in element.attrs.items():
                assert not name.startswith("on"), element
                if name in ("href", "src"):
                    assert allowed_url(str(value)), element
                    assert not str(value).startswith(("https://example.org/pixel", "http:"))


def test_the_page_allowlist_keeps_what_the_templates_make() -> None:
    html = ('<figure class="video-consent" data-video-embed="https://www.youtube.com/watch?v=x" '
            'data-video-title="A &amp; B"><img class="video-consent__poster" src="../p.jpg" '
            'alt="" width="640" height="360"><button type="button" class="md-button">Play'
            '</button></figure><video controls preload="none" poster="p.jpg"><source src="v.mp4">'
            '<track kind="captions" srclang="da" src="v.vtt" label="Dansk" default></video>'
            '<nav class="video-pager" aria-label="Videos"><a href="../x/" class="a" rel="prev">'
            'x</a></nav><p><time class="kit-duration" datetime="PT4M20S"><span aria-hidden="true">'
            '4:20</span></time> <span lang="en" dir="ltr">x</span></p><h2 id="a">A</h2>'
            '<a href="k.pdf" type="application/pdf" download="">PDF</a>'
            '<a href="http://127.0.0.1:8000/">preview</a><a href="mailto:a@example.org">m</a>')
    assert BeautifulSoup(clean_page_html(html), "html.parser") == BeautifulSoup(html,
                                                                                 "html.parser")


@pytest.mark.parametrize("url", ["javascript:alert(1)", " JaVaScRiPt:alert(1)",
                                 "java\nscript:alert(1)", "data:text/html,x", "vbscript:x",
                                 "//example.org/", "\\\\example.org", "http://example.org/",
                                 "http://127.0.0.1@example.org/", "file:///etc/passwd"])
def test_addresses_that_leave_the_site_or_run_script_are_refused(url: str) -> None:
    assert not allowed_url(url)
    assert 'href' not in clean_page_html(f'<a href="{url}">x</a>')


def test_media_come_from_the_site_only() -> None:
    assert clean_page_html('<img src="https://example.org/x.png">') == "<img>"
    assert clean_page_html('<img src="../x.png">') == '<img src="../x.png">'


def theme_partial(name: str, **context: object) -> BeautifulSoup:
    """``overrides/partials/<name>`` rendered as the theme renders it (MkDocs' Jinja
    environment does not escape by itself; the plugin adds ``fill``)."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(ROOT / "overrides" / "partials"))
    env.filters["fill"] = fill
    env.filters["url"] = lambda path: "/" + path
    return BeautifulSoup(env.get_template(name).render(**context), "html.parser")


@pytest.mark.parametrize("payload", PAYLOADS)
def test_the_footer_shows_its_labels_as_text(payload: str) -> None:
    labels = {key: f"{key} {payload}" for key in (
        "published_by", "contact", "accessibility_statement", "contributors_heading")}
    labels["theme_credit"] = f"Made with {{theme}} {payload}"
    footer = SiteFooter("en", labels, (FooterLink(f"Guide {payload}", "en/editors/"),),
                        Publisher(f"Publisher {payload}", f"Contact {payload}"),
                        "https://www.was.digst.dk/example")
    credit = theme_partial("theme-credit.html", site_footer=footer)
    # the label's words as written, the theme's name the one link
    assert " ".join(credit.get_text().split()) == " ".join(
        f"Made with Material for MkDocs {payload}".split())
    assert [el.name for el in credit.find_all(True)] == ["p", "a"]
    about = theme_partial("site-footer.html", site_footer=footer)
    text = " ".join(about.get_text(" ").split())
    for key in labels.keys() - {"theme_credit"}:
        assert " ".join(labels[key].split()) in text, key
    assert {el.name for el in about.find_all(True)} <= {"ul", "li", "a", "nav", "h2"}
