"""Hostile text in every field of every content file, built and opened in Chromium: nothing runs.

A copy of the real project gets a payload in every text field the spec describes (every kit,
video and section field of kind text, Markdown or list of texts: kitsite/content/spec.py), in
every label of labels.yml, in every title and text of language-guide.yml, and in a hand-written
page (front matter and body), in both languages. site.yml holds no text for readers (the test
fails if the spec gives it one). Then every built page of both languages is opened, and
Chromium counts, per page (and in the search results for the payloads' words, each
language): scripts that ran (``alert``/``confirm``/``prompt`` hooked before
any page script, and dialog events), elements with an ``on*`` attribute, ``javascript:`` (or
``data:``/``vbscript:``) addresses, ``<meta http-equiv=refresh>`` elements, pages that went
somewhere else than asked, ``<iframe>`` elements, and requests to a host other than 127.0.0.1
(aborted). All must be zero.

Two sets of payloads:

- ACCEPTED: what ``kits check`` lets through (attribute lists, a quote that would end an
  attribute, script links it cannot see, autolinks, images from elsewhere). Built with
  ``make site``, as an editor would: the check passes and the site must be inert.
- REJECTED: raw HTML and script links, which ``kits check`` reports as file:line errors (also
  asserted here). To prove the rendering alone keeps them inert, the site is then built with
  MkDocs in a process where the check of those two things is switched off (the test's own
  runner, below): what a check misses can never run.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup
from helpers.browsing import guarded_context
from local_server import serve
from scenarios.conftest import Project, make_project

from kitsite.content.language_guide import GUIDE_FIELDS
from kitsite.content.limits import MAX_SHORT_TEXT_CHARS
from kitsite.content.site_settings import PUBLISHER_FIELDS, SITE_FIELDS
from kitsite.content.spec import KIT_FIELDS, FieldSpec

HOOK = "alert(1)"
ACCEPTED = (
    'Para.{: onclick="alert(1)" }',
    "*this*{ onmouseover=alert(1) }",
    '[site](https://example.org/){: href="javascript:alert(1)" onclick="alert(1)" }',
    "[x](java\nscript:alert(1))",
    "<javascript:alert(1)>",
    '0;url=http://example.org/" http-equiv="refresh',
    "![pixel](https://example.org/pixel.png)",
    "&#60;svg onload=alert(1)&#62;",
    "`code`{: onclick=alert(1) }",
    "Line\n{: onmouseover=alert(1) }",
)
REJECTED = {
    "<svg/onload=alert(1)>": "found raw HTML '<svg/onload=alert(1)>'",
    "<img/src=x/onerror=alert(1)>": "found raw HTML '<img/src=x/onerror=alert(1)>'",
    '<a/href="javascript:alert(1)">a</a>': "found raw HTML '<a/href=\"javascript:alert(1)\">'",
    '<div title="<" onmouseover=alert(1)>d</div>': "found raw HTML '</div>'",
    "<script>alert(1)</script>": "found raw HTML '<script>'",
    '<meta http-equiv="refresh" content="0;url=http://example.org/">':
        "found raw HTML '<meta http-equiv=\"refresh\"",
    '<iframe src="https://example.org/"></iframe>': "found raw HTML '<iframe",
    "[x](javascript:alert(1))": "found 'javascript:alert(1)' — script and data links",
    "[d](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)": "found 'data:text/html",
    "<details open ontoggle=alert(1)>t</details>": "found raw HTML '<details open ontoggle",
    "[y](&#106;avascript:alert(1))": "found '&#106;avascript:alert(1)', which on the",
    "{minutes.__class__.__mro__}": "found '{minutes.__class__.__mro__}'",
}
"""Rejected by ``kits check``, with what its message names: raw HTML, script links (also one
written with an entity, which the link check refuses as no page of the site), and in labels
any ``{...}`` that is not the label's own placeholder (the attribute lists of ACCEPTED too, and
``{minutes.__class__}``)."""
TEXT_KINDS = ("text", "markdown", "text_list")
NOT_SHOWN = {"forms", "based_on", "videos"}
"""Lists of texts that are not text for readers: the language guide's forms the check looks
for and ids of principles, a session package's video ids."""
LANGUAGES = ("da", "en")

_NO_CHECK_RUNNER = """
import sys
import kitsite.content.labels as labels
import kitsite.content.validate as validate
import kitsite.content.loading as loading
validate.unsafe_markdown = lambda text: []       # no raw-HTML / script-link check
labels._check_placeholders = lambda *args: None  # no label placeholder check
loading.check_links = lambda *args, **kwargs: []  # no check of links to pages of the site
validate.MAX_SHORT_TEXT_CHARS = 10**6  # a long label with every payload after it is no error
from mkdocs.__main__ import cli
sys.argv = ["mkdocs", "build", "-f", sys.argv[1], "-d", sys.argv[2]]
cli()
"""

THEME_HANDLER = "if(event.key===' '){event.preventDefault();this.click()}"
"""The one handler the site's own markup has: the menu and search buttons of the header
(overrides/partials/header.html) open on the space key. It holds no content; every other
``on*`` attribute is counted."""

COUNT_SCRIPT = r"""(themeHandler) => {
  const urlAttrs = ["href", "src", "action", "formaction", "poster", "data", "xlink:href"];
  const bad = /^(javascript|vbscript|data):/i;
  let handlers = 0, scriptUrls = 0;
  for (const el of document.querySelectorAll("*")) {
    for (const attr of el.attributes) {
      if (attr.name.toLowerCase().startsWith("on") &&
          !(el.matches("label.md-header__button") && attr.value === themeHandler)) handlers++;
      if (urlAttrs.includes(attr.name.toLowerCase()) &&
          bad.test(attr.value.replace(/[\u0000-\u0020\u007f]/g, ""))) scriptUrls++;
    }
  }
  // handlers that only run when a reader hovers or focuses: fire them
  for (const el of document.querySelectorAll("article *")) {
    for (const type of ["mouseover", "mouseenter", "focus", "pointerover", "toggle"]) {
      el.dispatchEvent(new Event(type, {bubbles: true}));
    }
  }
  const refresh = [...document.querySelectorAll("meta[http-equiv]")]
    .filter(m => m.getAttribute("http-equiv").toLowerCase() === "refresh").length;
  return {handlers, scriptUrls, refresh, iframes: document.querySelectorAll("iframe").length,
          ran: window.__pwned};
}"""

SEARCH_READY = """() => {
  const words = JSON.parse(document.getElementById("__config").textContent).translations;
  const meta = document.querySelector(".md-search-result__meta").textContent.trim();
  return meta === words["search.result.placeholder"];
}"""
SEARCH_DONE = """() => {
  const words = JSON.parse(document.getElementById("__config").textContent).translations;
  const meta = document.querySelector(".md-search-result__meta").textContent.trim();
  return meta === words["search.result.none"] || /\\d/.test(meta);
}"""

INIT_SCRIPT = """
window.__pwned = 0;
for (const name of ["alert", "confirm", "prompt", "print"]) {
  window[name] = () => { window.__pwned++; };
}
"""


def hostile(payloads: tuple[str, ...], *, markdown: bool) -> str:
    return ("\n\n" if markdown else " ").join(payloads)


def poison_fields(data: Any, fields: tuple[FieldSpec, ...], payloads: tuple[str, ...]) -> int:
    """Every text field of ``data`` (a YAML mapping described by ``fields``) set to the
    payloads; returns how many fields were changed."""
    if not isinstance(data, dict):
        return 0
    changed = 0
    for spec in fields:
        if spec.kind == "text_list" and spec.name in NOT_SHOWN:
            continue
        if spec.name not in data and spec.kind in ("text", "markdown"):
            data[spec.name] = ""  # an optional text the real content leaves out (notes ...)
        if spec.name not in data:
            continue
        value = data[spec.name]
        if spec.kind in ("text", "markdown"):
            data[spec.name] = hostile(payloads, markdown=spec.kind == "markdown")
            changed += 1
        elif spec.kind == "text_list" and isinstance(value, list):
            data[spec.name] = [hostile(payloads, markdown=False) for _ in value]
            changed += len(value)
        elif spec.kind == "list" and isinstance(value, list):
            changed += sum(poison_fields(item, spec.children, payloads) for item in value)
    return changed


def poison_labels(value: Any, payloads: tuple[str, ...]) -> Any:
    """A label (a text, or a text per plural form or language) with the payloads after its
    own words, so its placeholders stay; as many as keep it within the length a label may have
    (a longer one is an error of its own, which would stop the build: the longest labels
    lose the last few payloads of the rejected set, which the other labels still hold)."""
    if isinstance(value, dict):
        return {key: poison_labels(item, payloads) for key, item in value.items()}
    if isinstance(value, str):
        for payload in payloads:
            if len(value) + 1 + len(payload) > MAX_SHORT_TEXT_CHARS:
                break
            value += " " + payload
        return value
    return value


def poison_project(project: Project, payloads: tuple[str, ...],
                   label_payloads: tuple[str, ...]) -> dict[str, int]:
    """The payloads in every field of every content file (``label_payloads`` in the labels)
    and in a hand-written page of each language; returns how many texts were changed in each
    kind of file."""
    assert not [f.name for f in SITE_FIELDS if f.kind in TEXT_KINDS], \
        "site.yml has a text field now: poison it here too"
    counts = {"kit fields": 0, "labels": 0, "language guide fields": 0, "docs pages": 0,
              "site settings": 0}
    settings_file = project.path("content/site.yml")
    settings = yaml.safe_load(settings_file.read_text(encoding="utf-8"))
    settings.setdefault("publisher", {"name": ""})
    counts["site settings"] += poison_fields(settings["publisher"], PUBLISHER_FIELDS, payloads)
    _dump(settings_file, settings)
    for lang in LANGUAGES:
        for kit_file in sorted(project.path(f"content/{lang}/kits").glob("*.yml")):
            data = yaml.safe_load(kit_file.read_text(encoding="utf-8"))
            if data.get("videos") and "packages" not in data:  # a preset on the session page
                data["packages"] = [{"id": "short", "name": "",
                                     "videos": [data["videos"][0]["id"]]}]
            counts["kit fields"] += poison_fields(data, KIT_FIELDS, payloads)
            _dump(kit_file, data)
        labels_file = project.path(f"content/{lang}/labels.yml")
        labels = yaml.safe_load(labels_file.read_text(encoding="utf-8"))
        counts["labels"] += len(labels)
        _dump(labels_file, {key: poison_labels(value, label_payloads)
                            for key, value in labels.items()})
        guide_file = project.path(f"content/{lang}/language-guide.yml")
        guide = yaml.safe_load(guide_file.read_text(encoding="utf-8"))
        counts["language guide fields"] += poison_fields(guide, GUIDE_FIELDS, payloads)
        _dump(guide_file, guide)
        page = f"docs/{lang}/staff.md"
        body = project.read(page).split("\n---\n", 1)[-1]
        front = yaml.safe_dump({"title": " ".join(payloads), "description": " ".join(payloads)},
                               allow_unicode=True)
        project.write(page, f"---\n{front}---\n\n{body}\n\n" + "\n\n".join(payloads) + "\n")
        counts["docs pages"] += 1
    return counts


def _dump(path: Path, data: Any) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000),
                    encoding="utf-8")


def site_pages(site: Path) -> list[str]:
    """The address of every HTML page of the built site, both languages."""
    pages = []
    for file in sorted(site.rglob("*.html")):
        relative = file.relative_to(site).as_posix()
        pages.append(relative.removesuffix("index.html"))
    return pages


def count_on_every_page(browser: Any, url: str, site: Path) -> dict[str, int]:
    """The counts of the module docstring, summed over every page of ``site``."""
    outside: list[str] = []
    context = guarded_context(browser, outside)
    context.add_init_script(INIT_SCRIPT)
    totals = {"pages": 0, "scripts run": 0, "dialogs": 0, "on* attributes": 0,
              "javascript: URLs": 0, "meta refresh": 0, "iframes": 0, "redirects": 0,
              "requests to other hosts": 0}
    dialogs: list[str] = []
    tab = context.new_page()

    def on_dialog(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    tab.on("dialog", on_dialog)
    for path in site_pages(site):
        tab.goto(url + path, wait_until="load")
        tab.wait_for_timeout(150)  # a refresh or a late script would happen by now
        if tab.url.split("#")[0] != url + path:
            totals["redirects"] += 1
        found = tab.evaluate(COUNT_SCRIPT, THEME_HANDLER)
        tab.wait_for_timeout(50)
        totals["pages"] += 1
        totals["scripts run"] += int(tab.evaluate("window.__pwned") or 0)
        totals["on* attributes"] += found["handlers"]
        totals["javascript: URLs"] += found["scriptUrls"]
        totals["meta refresh"] += found["refresh"]
        totals["iframes"] += found["iframes"]
    for home in ("", "en/"):  # the search results show the payloads' words too
        tab.goto(url + home, wait_until="load")
        field = tab.locator("input[data-md-component=search-query]")
        field.click()
        tab.wait_for_function(SEARCH_READY)  # the index has loaded
        field.fill("equiv")  # a word of the payloads the search finds
        field.press("End")
        tab.wait_for_function(SEARCH_DONE)
        tab.wait_for_timeout(150)
        results = tab.locator(".md-search-result__item").count()
        assert results > 0, f"searching {home or 'da'} for the payloads found nothing"
        totals["search results"] = totals.get("search results", 0) + results
        found = tab.evaluate(COUNT_SCRIPT, THEME_HANDLER)
        totals["scripts run"] += int(tab.evaluate("window.__pwned") or 0)
        totals["on* attributes"] += found["handlers"]
        totals["javascript: URLs"] += found["scriptUrls"]
    totals["dialogs"] = len(dialogs)
    totals["requests to other hosts"] = len(outside)
    context.close()
    print(f"\n{site.name}: {totals}; other hosts asked: {sorted(set(outside))[:5]}")
    return totals


def assert_inert(totals: dict[str, int], site: Path) -> None:
    pages = site_pages(site)
    assert totals["pages"] == len(pages) > 30
    assert any(p.startswith("en/") for p in pages) and any(p.startswith("kits/") for p in pages)
    assert {k: v for k, v in totals.items() if k not in ("pages", "search results") and v} == {}


SHOWN_SCRIPT = r"""() => {
  const shown = [document.title, document.body.innerText];
  for (const el of document.querySelectorAll("[aria-label], [title], meta[content]")) {
    shown.push(el.getAttribute("aria-label") || el.getAttribute("title") ||
               el.getAttribute("content") || "");
  }
  return shown.join("\n");
}"""
"""What a reader is shown or told on a page: its title, its text (with what the page's script
wrote into it) and its labels for screen readers and search engines."""


def session_pages(site: Path) -> list[Path]:
    """The session pages of every kit with videos, both languages: the session page, the
    facilitator view and the question cards."""
    return sorted(f for f in site.rglob("index.html") if "/session/" in f.as_posix())


def escaped_twice_on_session_pages(browser: Any, url: str, site: Path) -> dict[str, int]:
    """On each session page: how often its HTML holds an escape escaped again (``&amp;lt;``),
    how often the labels for session.js hold an escape (the script shows them as text), and
    whether the reader is shown ``&lt;`` rather than ``<``, with the script run."""
    counts = {"pages": 0, "&amp;lt; in the HTML": 0, "&lt; in the script's labels": 0,
              "&lt; shown": 0, "<javascript: shown": 0}
    context = guarded_context(browser, [])
    tab = context.new_page()
    for file in session_pages(site):
        html = file.read_text(encoding="utf-8")
        counts["pages"] += 1
        counts["&amp;lt; in the HTML"] += html.count("&amp;lt;")
        for element in BeautifulSoup(html, "html.parser").select("[data-session-labels]"):
            labels = json.dumps(json.loads(str(element["data-session-labels"])),
                                ensure_ascii=False)
            counts["&lt; in the script's labels"] += labels.count("&lt;")
        tab.goto(url + file.relative_to(site).parent.as_posix() + "/", wait_until="load")
        shown = tab.evaluate(SHOWN_SCRIPT)
        counts["&lt; shown"] += shown.count("&lt;")
        counts["<javascript: shown"] += "<javascript:alert(1)>" in shown
    context.close()
    return counts


def payloads_on_pages(site: Path, marker: str) -> int:
    """How many built pages show the payload's words (the test must not pass on pages that
    simply lost the text)."""
    return sum(marker in f.read_text(encoding="utf-8") for f in site.rglob("*.html"))


@pytest.fixture(scope="module")
def accepted_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    project = make_project(tmp_path_factory.mktemp("hostile-accepted") / "project")
    counts = poison_project(project, ACCEPTED, tuple(p for p in ACCEPTED if "{" not in p))
    print(f"\npayloads placed: {counts}")
    assert all(counts.values())
    result = project.run("make site", ok=None)
    assert result.returncode == 0, str(result)
    assert "content OK" in result.output
    with serve(project.path("site"), compress=True) as url:
        yield project.path("site"), url


@pytest.fixture(scope="module")
def rejected_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    project = make_project(tmp_path_factory.mktemp("hostile-rejected") / "project")
    everything = (*ACCEPTED, *REJECTED)
    poison_project(project, everything, everything)
    check = project.kits("check", ok=False)
    located = [line for line in check.output.splitlines() if re.match(r"^\S+:\d+: ", line)]
    errors = [line for line in located if not re.match(r"^\S+:\d+: warning: ", line)]
    warnings = len(located) - len(errors)  # the real site.yml has no accessibility statement
    assert "Traceback" not in check.output
    summary = f"{len(errors)} errors" + (f", {warnings} warning" if warnings == 1 else
                                         f", {warnings} warnings" if warnings else "")
    assert check.output.splitlines()[-1] == summary  # every one located
    for lang in LANGUAGES:
        for name in ("kits/", "labels.yml", "language-guide.yml"):
            assert any(line.startswith(f"content/{lang}/{name}") for line in errors), name
    unnamed = [payload for payload, named in REJECTED.items() if named not in check.output]
    assert unnamed == []
    print(f"\nkits check: {len(errors)} located errors, naming each of the {len(REJECTED)} "
          "rejected payloads")
    site = project.path("site-no-check")
    built = subprocess.run(
        [sys.executable, "-c", _NO_CHECK_RUNNER, str(project.path("mkdocs.yml")), str(site)],
        cwd=project.root, capture_output=True, text=True, check=False,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    assert built.returncode == 0, built.stderr[-3000:]
    with serve(site, compress=True) as url:
        yield site, url


@pytest.mark.browser
def test_payloads_the_check_lets_through_are_inert_on_every_page(
        browser: Any, accepted_site: tuple[Path, str]) -> None:
    site, url = accepted_site
    assert payloads_on_pages(site, "onmouseover=alert(1)") > 30
    # shown as the characters written, each escaped once: never "&lt;" on the screen
    assert payloads_on_pages(site, "&lt;javascript:alert(1)&gt;") > 30
    assert payloads_on_pages(site, "&amp;lt;javascript") == 0
    # the session pages put labels and titles in the front matter and in data attributes for
    # their script: there too each is escaped once, and shown as written
    session = escaped_twice_on_session_pages(browser, url, site)
    print(f"\nsession pages: {session}")
    assert session == {"pages": 12, "&amp;lt; in the HTML": 0, "&lt; in the script's labels": 0,
                       "&lt; shown": 0, "<javascript: shown": 12}
    assert_inert(count_on_every_page(browser, url, site), site)


@pytest.mark.browser
def test_payloads_the_check_rejects_are_inert_even_without_the_check(
        browser: Any, rejected_site: tuple[Path, str]) -> None:
    site, url = rejected_site
    assert payloads_on_pages(site, "__class__") > 30  # the label was shown, not evaluated
    assert "&lt;class" not in (site / "kits/index.html").read_text(encoding="utf-8")
    assert_inert(count_on_every_page(browser, url, site), site)
