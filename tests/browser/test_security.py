"""Browser tests: every page, served with the headers the build writes into ``_headers``
(kitsite/render/security.py), runs without a single Content-Security-Policy violation — with
search used in both languages (English search reads the English index) and an external video's
consent button pressed — and the same policy stands in a <meta> tag for hosts without headers.

Violations are counted twice: ``securitypolicyviolation`` events (recorded from the first
script on) and the browser console's "Content Security Policy" errors.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
from helpers.browsing import guarded_context
from helpers.nginx import running_nginx
from helpers.projects import copy_sample
from local_server import serve

from conftest import ROOT

pytestmark = pytest.mark.browser

ADDRESS = "https://materialer.example.dk/"
RECORD = """window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(
  e.violatedDirective + " " + (e.blockedURI || "inline") + " " + e.lineNumber));"""


def parse_headers(text: str) -> dict[str, dict[str, str]]:
    """``_headers`` (Netlify's format): address pattern -> header name -> value."""
    rules: dict[str, dict[str, str]] = {}
    current: dict[str, str] | None = None
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            current = rules.setdefault(line.strip(), {})
            continue
        assert current is not None, f"a header before any address: {line!r}"
        name, _, value = line.strip().partition(":")
        current[name.strip()] = value.strip()
    return rules


def build(project: Path, site: Path) -> Path:
    env = {**os.environ, "SITE_URL": ADDRESS, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
         "-d", str(site)], capture_output=True, text=True, env=env, cwd=project, check=False)
    assert result.returncode == 0, result.stderr
    return site


def served(site: Path) -> Any:
    rules = parse_headers((site / "_headers").read_text("utf-8"))
    assert list(rules) == ["/*"]
    return serve(site, headers=rules["/*"])


@pytest.fixture(scope="module")
def public_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(ROOT, tmp_path_factory.mktemp("csp") / "site")


@pytest.fixture(scope="module")
def public_url(public_site: Path) -> Iterator[str]:
    with served(public_site) as url:
        yield url


@pytest.fixture()
def tab(browser: Any) -> Iterator[Any]:
    """A page that records CSP violations, console errors, and the requests it makes to any
    host but 127.0.0.1 (aborted: no network)."""
    outside: list[str] = []
    context = guarded_context(browser, outside)
    context.add_init_script(RECORD)
    page = context.new_page()
    page.outside = outside
    page.console_csp = []
    page.requests = []
    page.on("console", lambda m: page.console_csp.append(m.text)
            if "Content Security Policy" in m.text or "Content-Security-Policy" in m.text
            else None)
    page.on("request", lambda r: page.requests.append(r.url))
    yield page
    context.close()


def violations(page: Any) -> list[str]:
    events = [str(event) for event in page.evaluate("window.__violations")]
    return events + list(page.console_csp)


def every_page(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix().removesuffix("index.html")
                  for p in site.rglob("*.html"))


def test_every_page_runs_without_a_csp_violation(tab: Any, public_site: Path,
                                                 public_url: str) -> None:
    assert_no_violations(tab, public_site, public_url)


def test_every_page_under_nginx_runs_without_a_csp_violation(
        tab: Any, public_site: Path, tmp_path: Path) -> None:
    """The same, served by Debian's nginx with deploy/nginx/kits.conf (tests/test_nginx.py)."""
    with running_nginx(public_site, tmp_path) as url:
        assert_no_violations(tab, public_site, url + "/")


def assert_no_violations(tab: Any, public_site: Path, public_url: str) -> None:
    pages = every_page(public_site)
    assert len(pages) > 30
    found = {}
    for path in pages:
        tab.console_csp.clear()
        tab.goto(public_url + path, wait_until="networkidle")
        if violations(tab):
            found[path] = violations(tab)
    assert found == {}, f"{sum(map(len, found.values()))} violations: {found}"


@pytest.mark.parametrize(("prefix", "query", "expected"), [("en/", "hope", 8), ("", "håb", 1)])
def test_search_under_the_policy_reads_the_pages_language(
        tab: Any, public_url: str, prefix: str, query: str, expected: int) -> None:
    tab.goto(public_url + prefix, wait_until="networkidle")
    field = tab.locator("input[data-md-component=search-query]")
    field.click()
    field.fill(query)
    field.press("End")
    tab.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length"
                          " > 0")
    hits = tab.locator(".md-search-result__item > a.md-search-result__link")
    hrefs = hits.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert len(hrefs) >= expected
    assert all(h.startswith(public_url + "en/") == (prefix == "en/") for h in hrefs), hrefs
    indexes = [url for url in tab.requests if url.endswith("search_index.json")]
    assert indexes == [f"{public_url}{prefix}search/search_index.json"]
    assert violations(tab) == []


def test_the_policy_stands_in_a_meta_tag_too(public_site: Path) -> None:
    policy = parse_headers((public_site / "_headers").read_text("utf-8"))["/*"][
        "Content-Security-Policy"]
    html = (public_site / "en" / "kits" / "index.html").read_text("utf-8")
    meta = policy.replace("; frame-ancestors 'none'", "")
    assert f'<meta http-equiv="Content-Security-Policy" content="{meta}">' in html
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    assert "frame-src 'none'" in policy, "the real content names no external video"
    assert "<script>" not in html and " onkeydown=" not in html


@pytest.fixture(scope="module")
def video_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = copy_sample(tmp_path_factory.mktemp("csp-video"), "video")
    site = build(project, project.parent / "site")
    policy = parse_headers((site / "_headers").read_text("utf-8"))["/*"]["Content-Security-Policy"]
    assert "frame-src https://www.youtube-nocookie.com;" in policy
    with served(site) as url:
        yield url


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_consented_video_player_is_allowed(tab: Any, video_url: str, prefix: str) -> None:
    tab.goto(f"{video_url}{prefix}kits/video-kit/external/", wait_until="networkidle")
    assert tab.outside == []
    tab.locator("figure.video-consent").get_by_role("button").click()
    tab.locator("figure.video-consent iframe").wait_for()
    tab.wait_for_timeout(500)
    assert [urlparse(u).hostname for u in tab.outside] == ["www.youtube-nocookie.com"]
    assert violations(tab) == []
