"""The site at its public address: ``SITE_URL`` puts it in the canonical links, the hreflang
alternates (with x-default) and the sitemap of reader pages; without it the site names no
address of its own. Nothing built names 127.0.0.1; robots.txt points at the sitemap.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import build_site
import pytest
from helpers.projects import copy_sample

from conftest import ROOT
from kitsite.render.publishing import for_readers, robots_advice, robots_txt

ADDRESS = "https://materialer.example.dk/"
READER_PAGES = ["", "kits/", "staff/", "words/", "campaign/", "evidence/",
                "kits/dialogue-kickstarter/", "kits/dialogue-kickstarter/hope/"]
NOT_FOR_READERS = ["404/", "editors/", "translators/", "translation-status/"]


def build(project: Path, site: Path, address: str | None) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "SITE_URL"}
    env["NO_MKDOCS_2_WARNING"] = "1"
    if address is not None:
        env["SITE_URL"] = address
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
         "-d", str(site)], capture_output=True, text=True, env=env, cwd=project, check=False)


@pytest.fixture(scope="module")
def public_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("public") / "site"
    result = build(ROOT, site, ADDRESS.rstrip("/"))  # the trailing slash is added
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="module")
def addressless_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("addressless") / "site"
    result = build(ROOT, site, None)
    assert result.returncode == 0, result.stderr
    return site


def published_files(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*") if p.is_file())


def head_links(html: str) -> dict[str, str]:
    """The page's canonical address ("canonical") and its alternates (hreflang -> address)."""
    found = {lang: href for href, lang in
             re.findall(r'<link rel="alternate" href="([^"]+)" hreflang="([^"]+)">', html)}
    canonical = re.findall(r'<link rel="canonical" href="([^"]+)">', html)
    if canonical:
        found["canonical"] = canonical[0]
    return found


def test_nothing_built_names_the_local_address(public_site: Path, addressless_site: Path) -> None:
    for site in (public_site, addressless_site):
        files = published_files(site)
        assert len(files) > 50
        named = [p for p in files if b"127.0.0.1" in p.read_bytes()]
        assert named == [], named


@pytest.mark.parametrize("lang,prefix", [("da", ""), ("en", "en/")])
def test_canonical_and_alternates_use_the_public_address(
        public_site: Path, lang: str, prefix: str) -> None:
    for path in READER_PAGES:
        html = (public_site / prefix / path / "index.html").read_text("utf-8")
        links = head_links(html)
        assert links["canonical"] == ADDRESS + prefix + path
        assert links["da"] == ADDRESS + path
        assert links["en"] == ADDRESS + "en/" + path
        assert links["x-default"] == ADDRESS + path, "x-default is the default language's"


def test_sitemap_lists_reader_pages_of_both_languages(public_site: Path) -> None:
    sitemap = (public_site / "sitemap.xml").read_text("utf-8")
    listed = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    for path in READER_PAGES:
        assert ADDRESS + path in listed
        assert ADDRESS + "en/" + path in listed
    for path in NOT_FOR_READERS:
        assert not [url for url in listed if url.endswith("/" + path)], path
    assert all(url.startswith(ADDRESS) for url in listed)
    assert len(listed) == len(set(listed))
    assert (f'hreflang="x-default" href="{ADDRESS}kits/"') in sitemap
    robots = (public_site / "robots.txt").read_text("utf-8")
    assert f"Sitemap: {ADDRESS}sitemap.xml" in robots.splitlines()


def test_404_pages_use_the_public_address_and_are_not_indexed(public_site: Path) -> None:
    for page in ("404.html", "en/404.html", "404/index.html", "en/404/index.html"):
        html = (public_site / page).read_text("utf-8")
        assert '<meta name="robots" content="noindex">' in html
        assert head_links(html)["en"].startswith(ADDRESS + "en/"), page
    assert '<meta name="robots"' not in (public_site / "index.html").read_text("utf-8")


def test_without_an_address_the_site_names_none_of_its_own(addressless_site: Path) -> None:
    assert not (addressless_site / "sitemap.xml").exists()
    assert not (addressless_site / "sitemap.xml.gz").exists()
    for html in addressless_site.rglob("*.html"):
        text = html.read_text("utf-8")
        assert 'rel="canonical"' not in text, html
        assert 'rel="alternate" href="http' not in text, html
    assert "Sitemap" not in (addressless_site / "robots.txt").read_text("utf-8")
    assert not list(addressless_site.rglob("*.js.map"))


def test_a_wrong_address_stops_the_build_in_one_line(tmp_path: Path) -> None:
    project = copy_sample(tmp_path)
    result = build(project, tmp_path / "site", "materialer.example.dk")
    assert result.returncode != 0
    assert "SITE_URL must be the full address the site is published at" in result.stderr
    assert "Traceback" not in result.stderr


def test_reader_pages_and_robots() -> None:
    assert for_readers("da/kits/x/index.md") and for_readers("en/index.md")
    for page in ("da/404.md", "en/editors.md", "da/translators.md",
                 "en/translation-status/index.md"):
        assert not for_readers(page), page
    assert robots_txt(None) == "User-agent: *\nAllow: /\n"
    assert (robots_txt(ADDRESS) or "").endswith(f"Sitemap: {ADDRESS}sitemap.xml\n")
    assert robots_advice(ADDRESS) is None and robots_advice(None) is None


@pytest.fixture(scope="module")
def sub_path_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A sample project published under a sub-path of its host, as a GitHub Pages project
    site is (``https://<user>.github.io/<repo>/``)."""
    tmp = tmp_path_factory.mktemp("sub-path")
    result = build(copy_sample(tmp), tmp / "site", SUB_PATH_ADDRESS)
    assert result.returncode == 0, result.stderr
    return tmp / "site"


SUB_PATH_ADDRESS = "https://example.org/kits/"


def test_under_a_sub_path_every_address_keeps_it_and_robots_txt_is_the_hosts(
        sub_path_site: Path) -> None:
    sitemap = (sub_path_site / "sitemap.xml").read_text("utf-8")
    listed = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    alternates = re.findall(r'<xhtml:link rel="alternate" hreflang="[^"]+" href="([^"]+)"/>',
                            sitemap)
    # a sitemap under /kits/ may list addresses under /kits/ only: every one is
    for path in ("", "kits/", "kits/sample-kit/", "kits/sample-kit/first/"):
        assert SUB_PATH_ADDRESS + path in listed, path
        assert SUB_PATH_ADDRESS + "en/" + path in listed, path
    assert listed and all(url.startswith(SUB_PATH_ADDRESS) for url in listed + alternates)
    assert not [url for url in listed if "/kits/kits/kits/" in url or url.endswith("/404/")]
    html = (sub_path_site / "en" / "kits" / "index.html").read_text("utf-8")
    assert head_links(html)["canonical"] == SUB_PATH_ADDRESS + "en/kits/"
    # crawlers read robots.txt at https://example.org/robots.txt only: not the site's to write
    assert not (sub_path_site / "robots.txt").exists()
    assert robots_txt(SUB_PATH_ADDRESS) is None
    assert "/kits/en/* " in (sub_path_site / "_redirects").read_text("utf-8")


def test_make_site_says_what_the_hosts_robots_txt_needs(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("SITE_URL", SUB_PATH_ADDRESS.rstrip("/"))
    assert build_site.address_ok()
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1
    assert "https://example.org/robots.txt" in lines[0]
    assert f"'Sitemap: {SUB_PATH_ADDRESS}sitemap.xml'" in lines[0]
    monkeypatch.setenv("SITE_URL", ADDRESS)
    assert build_site.address_ok()
    assert capsys.readouterr().out == ""


def test_the_offline_edition_names_no_web_address(tmp_path: Path) -> None:
    site = tmp_path / "offline"
    env = {**os.environ, "SITE_URL": ADDRESS, "KITS_OFFLINE": "true", "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f",
         str(ROOT / "mkdocs.offline.yml"), "-d", str(site)],
        capture_output=True, text=True, env=env, cwd=ROOT, check=False)
    assert result.returncode == 0, result.stderr
    assert not (site / "sitemap.xml").exists(), "it held Noneindex.html"
    assert not (site / "_headers").exists() and not (site / "_redirects").exists()
    for path in published_files(site):
        data = path.read_bytes()
        assert b"127.0.0.1" not in data and b"Noneindex" not in data, path
        if path.suffix == ".html":  # (the session cards' QR codes may name the web address)
            assert b'rel="canonical"' not in data, path
            assert b'rel="alternate" href="http' not in data, path


def parse_redirects(text: str) -> list[tuple[str, str, int]]:
    """``_redirects`` (Netlify's format): (from, to, status) per rule, in order."""
    rules = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            source, target, status = line.split()
            rules.append((source, target, int(status)))
    return rules


def first_rule(rules: list[tuple[str, str, int]], path: str) -> tuple[str, str, int]:
    """The rule a host applies to ``path`` (the first whose pattern matches)."""
    for rule in rules:
        if path.startswith(rule[0].removesuffix("*")):
            return rule
    raise AssertionError(f"no rule for {path}")


def test_host_files_give_each_language_its_404(public_site: Path) -> None:
    rules = parse_redirects((public_site / "_redirects").read_text("utf-8"))
    assert first_rule(rules, "/en/unknown/") == ("/en/*", "/en/404.html", 404)
    assert first_rule(rules, "/unknown/") == ("/*", "/404.html", 404)
    for _, target, _ in rules:
        assert (public_site / target.lstrip("/")).is_file(), target
    headers = (public_site / "_headers").read_text("utf-8").splitlines()
    assert headers[0] == "/*"
    assert all(line.startswith("  ") and ": " in line for line in headers[1:])
