"""Valid HTML: the W3C Nu HTML Checker finds no error on any page of the sample projects (both
languages: home, kit list, kit pages, video pages with a hosted and an external video, the 404
pages) or of the real site. ``make test`` installs the checker's jar and Java; a test that
cannot run them fails, never skips."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.projects import copy_sample
from htmlcheck import html_errors, missing_tools, summary

from conftest import mkdocs_build
from kitsite.render.valid_html import without_checkbox_autocomplete

SAMPLES_CHECKED = ("basic", "video", "translation")


@pytest.fixture(scope="module")
def sample_sites(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample projects, built side by side under one folder."""
    tmp = tmp_path_factory.mktemp("valid-html")
    for name in SAMPLES_CHECKED:
        result = mkdocs_build(copy_sample(tmp / "projects", name), tmp / "sites" / name)
        assert result.returncode == 0, result.stderr
    return tmp / "sites"


def checked(site: Path) -> str:
    problem = missing_tools()
    assert problem is None, problem
    errors = html_errors(site)
    return "\n".join([*(e.format() for e in errors), summary(errors)])


def test_the_sample_sites_are_valid_html(sample_sites: Path) -> None:
    pages = list(sample_sites.rglob("*.html"))
    assert len(pages) > 20
    assert any("/kits/" in p.as_posix() and p.parent.parent.name == "kits" for p in pages)
    assert checked(sample_sites) == "0 errors"


def test_the_real_site_is_valid_html(built_site: Path) -> None:
    assert checked(built_site) == "0 errors"


def test_the_checker_reports_what_the_theme_wrote_before(tmp_path: Path) -> None:
    """The errors the theme's own markup had (autocomplete on its checkboxes, a label for no
    control) are found, so 0 above means fixed, not unchecked."""
    page = tmp_path / "page.html"
    page.write_text('<!doctype html><html lang="da"><head><title>t</title></head><body>'
                    '<input type="checkbox" id="__drawer" autocomplete="off">'
                    '<label for="__toc">x</label></body></html>', encoding="utf-8")
    errors = html_errors(tmp_path)
    assert [e.page for e in errors] == ["page.html", "page.html"]
    assert "autocomplete" in errors[0].message and "“for”" in errors[1].message


def test_autocomplete_comes_off_checkboxes_only() -> None:
    html = ('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" '
            'autocomplete="off"><input type="text" name="query" autocomplete="off">')
    assert without_checkbox_autocomplete(html) == (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">'
        '<input type="text" name="query" autocomplete="off">')
