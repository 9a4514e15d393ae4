"""Build tests: the sample project under tests/samples/basic built with MkDocs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers.projects import copy_sample, read

from conftest import mkdocs_build


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("sample")
    project = copy_sample(tmp)
    result = mkdocs_build(project, tmp / "site")
    assert result.returncode == 0, result.stderr
    return tmp / "site"


def test_every_page_exists_in_both_languages(sample_site: Path) -> None:
    for prefix in ("", "en/"):
        for path in ("", "kits/", "kits/sample-kit/", "kits/sample-kit/first/",
                     "kits/sample-kit/second/", "kits/english-only/"):
            assert (sample_site / prefix / path / "index.html").is_file(), prefix + path


def test_pages_carry_their_language(sample_site: Path) -> None:
    assert '<html lang="da"' in read(sample_site, "kits/sample-kit")
    assert '<html lang="en"' in read(sample_site, "en/kits/sample-kit")


def test_video_page_shows_title_duration_and_questions(sample_site: Path) -> None:
    html = read(sample_site, "kits/sample-kit/first")
    assert "Første video" in html
    assert ">4:20<" in html
    assert "4 minutter 20 sekunder" in html
    assert "Første spørgsmål?" in html and "Andet spørgsmål?" in html
    assert 'href="../second/"' in html  # next video
    english = read(sample_site, "en/kits/sample-kit/first")
    assert "4 minutes 20 seconds" in english and "Second question?" in english


def test_kit_page_has_session_plan_from_the_data(sample_site: Path) -> None:
    # welcome 5, videos 4:20 -> 5 and 1:05 -> 2, 3 questions x 5, closing 5 = 32 -> about 35
    # minutes (kitsite/render/session_plan.py)
    assert "Cirka 35 minutter" in read(sample_site, "kits/sample-kit")
    assert "About 35 minutes" in read(sample_site, "en/kits/sample-kit")


def test_hreflang_alternates_are_absolute_and_switcher_keeps_the_page(sample_site: Path) -> None:
    html = read(sample_site, "kits/sample-kit/first")
    alternates = dict(re.findall(r'<link rel="alternate" href="([^"]+)" hreflang="([^"]+)"', html))
    assert "https://example.org/kits/en/kits/sample-kit/first/" in alternates
    assert all(href.startswith("https://") for href in alternates)
    assert 'hreflang="en"' in html
    switcher = re.findall(r'<a href="([^"]+)" hreflang="en"', html)
    assert switcher and switcher[0].endswith("en/kits/sample-kit/first/")


def test_english_only_kit_is_marked_and_linked_on_the_danish_site(sample_site: Path) -> None:
    listing = read(sample_site, "kits")
    assert "Findes kun på engelsk" in listing
    assert 'href="../en/kits/english-only/"' in listing
    page = read(sample_site, "kits/english-only")
    assert '<span lang="en">An English-only pack</span>' in page
    assert 'lang="en"' in page and "Workshops." in page


def test_broken_content_fails_the_build_with_file_and_line(tmp_path: Path) -> None:
    project = copy_sample(tmp_path)
    kit = project / "content" / "en" / "kits" / "sample-kit.yml"
    kit.write_text(kit.read_text().replace('"1:05"', "ten minutes"))
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "content/en/kits/sample-kit.yml:17: videos[1].duration:" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


def test_content_warnings_show_in_the_build_without_failing_it(tmp_path: Path) -> None:
    project = copy_sample(tmp_path)
    kit = project / "content" / "da" / "kits" / "sample-kit.yml"
    kit.write_text(kit.read_text(encoding="utf-8").replace(
        '    duration: "1:05"\n', '    duration: "1:05"\n    video:\n      file: second.mp4\n', 1),
        encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "content/da/kits/sample-kit.yml:" in result.stderr
    assert "warning:" in result.stderr
