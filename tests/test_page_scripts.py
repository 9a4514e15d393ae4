"""A page loads none of the site's scripts it has no use for (kitsite/render/page_scripts.py):
video-consent.js only where a video waits for the reader's consent, in both languages: on the
real site (no external video) no page loads it; in the video sample, the external video's page
and the session projector that plays it."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.projects import copy_sample

from conftest import mkdocs_build
from kitsite.render.page_scripts import without_unused_scripts

HEAD = '<script src="../assets/javascripts/bundle.js"></script>\n'
CONSENT = '  <script src="../../assets/javascripts/video-consent.js" defer></script>\n'


def test_a_page_without_a_video_drops_the_consent_script_only() -> None:
    page = f"<html><body><p>Text</p>\n{HEAD}{CONSENT}</body></html>"
    assert without_unused_scripts(page) == f"<html><body><p>Text</p>\n{HEAD}</body></html>"


def test_a_page_with_a_video_keeps_it() -> None:
    page = f'<figure class="video-consent" data-video-url="x"></figure>\n{HEAD}{CONSENT}'
    assert without_unused_scripts(page) == page


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_no_built_page_without_a_video_loads_the_consent_script(built_site: Path,
                                                                prefix: str) -> None:
    pages = list((built_site / prefix).glob("**/index.html")) if prefix else [
        p for p in built_site.glob("**/index.html") if not p.is_relative_to(built_site / "en")]
    assert len(pages) > 5
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "<script" in html  # the theme's own scripts stay
        assert ('video-consent.js' in html) == ('class="video-consent"' in html), page


def test_in_a_site_with_an_external_video_only_its_pages_load_the_consent_script(
        tmp_path: Path) -> None:
    project = copy_sample(tmp_path, "video")
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    loading = sorted(page.relative_to(site).as_posix() for page in site.glob("**/index.html")
                     if "video-consent.js" in page.read_text(encoding="utf-8"))
    # the external video's page and the session projector that plays it, in both languages
    assert loading == sorted(f"{prefix}kits/video-kit/{page}index.html" for prefix in ("", "en/")
                             for page in ("external/", "session/")), loading
    for name in loading:
        assert 'class="video-consent"' in (site / name).read_text(encoding="utf-8")
