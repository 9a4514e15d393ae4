"""Video pages: a hosted file plays in the browser's own player with captions in both languages;
an external video loads nothing from its service until the reader presses the button; and a
hosted video without captions for a published language is warned about.

Uses the sample project tests/samples/video (a 2-second WebM with WebVTT captions, and a
YouTube link).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
from helpers.browsing import guarded_context
from helpers.projects import copy_sample
from local_server import serve

from conftest import mkdocs_build
from kitsite.content.loading import load_library

LANGS = {"da": "", "en": "en/"}


@pytest.fixture(scope="module")
def video_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_sample(tmp_path_factory.mktemp("video"), "video")


@pytest.fixture(scope="module")
def video_site(video_project: Path) -> Iterator[str]:
    site = video_project.parent / "site"
    result = mkdocs_build(video_project, site)
    assert result.returncode == 0, result.stderr
    with serve(site, compress=True) as url:
        yield url


@pytest.fixture()
def tab(browser: Any) -> Iterator[Any]:
    """A page whose requests to any host but 127.0.0.1 are recorded and aborted."""
    outside: list[str] = []
    context = guarded_context(browser, outside)
    page = context.new_page()
    page.outside = outside
    yield page
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_external_video_loads_only_after_the_button_is_pressed(
    tab: Any, video_site: str, lang: str
) -> None:
    tab.goto(f"{video_site}{LANGS[lang]}kits/video-kit/external/", wait_until="networkidle")
    figure = tab.locator("figure.video-consent")
    assert "youtube.com" in figure.locator(".video-consent__notice").inner_text()
    assert figure.locator("img.video-consent__poster").count() == 1  # the local poster
    assert tab.locator("iframe").count() == 0
    assert tab.outside == [], "the page asked another host for something before the click"

    button = figure.get_by_role("button")
    button.focus()
    tab.keyboard.press("Enter")  # a keyboard user can start it
    frame = figure.locator("iframe")
    frame.wait_for()
    assert frame.get_attribute("title") == tab.locator("h1").inner_text()
    tab.wait_for_timeout(500)
    assert tab.outside, "pressing the button loaded nothing"
    first = urlparse(tab.outside[0])
    assert first.hostname == "www.youtube-nocookie.com"
    assert first.path == "/embed/abc123XYZ_0"


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_hosted_video_plays_with_captions_in_every_language(
    tab: Any, video_site: str, lang: str
) -> None:
    tab.goto(f"{video_site}{LANGS[lang]}kits/video-kit/hosted/", wait_until="networkidle")
    video = tab.locator("figure.kit-video video")
    assert video.get_attribute("preload") == "none"
    assert video.get_attribute("controls") is not None
    tracks = video.locator("track[kind=captions]")
    assert sorted(tracks.evaluate_all("ts => ts.map(t => t.srclang)")) == ["da", "en"]
    assert video.locator("track[default]").get_attribute("srclang") == lang
    # the file is a real video the browser can read, and the captions load
    duration = video.evaluate("""v => new Promise(done => {
        v.addEventListener('loadedmetadata', () => done(v.duration));
        v.preload = 'metadata'; v.load(); })""")
    assert 1.5 < duration < 2.5
    cues = video.evaluate("""v => new Promise(done => {
        const track = [...v.querySelectorAll('track')].find(t => t.default);
        const ready = () => done([...track.track.cues].map(c => c.text));
        track.track.mode = 'showing';
        if (track.readyState === 2) ready(); else track.addEventListener('load', ready); })""")
    expected = {"da": "Det her er en prøvevideo.", "en": "This is a sample video."}[lang]
    assert cues == [expected]
    # the transcript follows the player
    transcript = tab.locator("figure.kit-video + h3")
    assert transcript.inner_text() in ("Udskrift", "Transcript")
    assert tab.outside == []


def test_missing_captions_for_a_published_language_is_a_warning(video_project: Path) -> None:
    kit_file = video_project / "content" / "en" / "kits" / "video-kit.yml"
    original = kit_file.read_text(encoding="utf-8")
    changed = original.replace("        en: videos/tiny.en.vtt\n", "", 1)
    assert changed != original
    try:
        kit_file.write_text(changed, encoding="utf-8")
        result = load_library(video_project / "content", video_project / "docs")
    finally:
        kit_file.write_text(original, encoding="utf-8")
    found = [p for p in result.problems if p.key == "videos[0].video.captions"]
    assert len(found) == 1, [p.format() for p in result.problems]
    problem = found[0]
    assert problem.severity == "warning"
    assert problem.path == kit_file.resolve() or problem.path == kit_file
    assert "found none for en" in problem.message
    captions_line = original.splitlines().index("      captions:") + 1
    assert problem.line in (captions_line, captions_line + 1)  # the key or its first entry


def test_complete_video_sample_has_no_media_warnings(video_project: Path) -> None:
    result = load_library(video_project / "content", video_project / "docs")
    assert [p.format() for p in result.problems if ".video" in p.key] == []


def test_missing_file_is_a_warning_and_external_poster_an_error(video_project: Path) -> None:
    kit_file = video_project / "content" / "da" / "kits" / "video-kit.yml"
    original = kit_file.read_text(encoding="utf-8")
    changed = original.replace("file: videos/tiny.webm", "file: videos/missing.webm").replace(
        "poster: videos/tiny.jpg", "poster: https://images.example.org/p.jpg", 1)
    assert changed.count("missing.webm") == 1 and "images.example.org" in changed
    try:
        kit_file.write_text(changed, encoding="utf-8")
        result = load_library(video_project / "content", video_project / "docs")
    finally:
        kit_file.write_text(original, encoding="utf-8")
    messages = {p.key: p for p in result.problems if p.path.name == "video-kit.yml"
                and "/da/" in p.path.as_posix()}
    assert messages["videos[0].video.file"].severity == "warning"
    assert "'videos/missing.webm' in docs/da/, found no such file" in \
        messages["videos[0].video.file"].message
    assert messages["videos[0].video.poster"].severity == "error"
    assert "another host" in messages["videos[0].video.poster"].message


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_the_projector_plays_each_video_as_its_page_does(
    tab: Any, video_site: str, lang: str
) -> None:
    """The session page's video steps: the hosted file with its captions, the external video
    behind its consent button (nothing loaded from the service before it is pressed)."""
    tab.goto(f"{video_site}{LANGS[lang]}kits/video-kit/session/", wait_until="networkidle")
    tab.click("#session-open-projector")
    tab.keyboard.press("PageDown")  # welcome -> the hosted video
    step = tab.locator(".session-step:not([hidden])")
    assert step.get_attribute("data-step-key") == "video:hosted"
    video = step.locator("video")
    assert video.locator("track[default]").get_attribute("srclang") == lang
    duration = video.evaluate("""v => new Promise(done => {
        v.addEventListener('loadedmetadata', () => done(v.duration));
        v.preload = 'metadata'; v.load(); })""")
    assert 1.5 < duration < 2.5
    tab.keyboard.press("PageDown")  # its question
    tab.keyboard.press("PageDown")  # the external video
    step = tab.locator(".session-step:not([hidden])")
    assert step.get_attribute("data-step-key") == "video:external"
    assert step.locator("iframe").count() == 0
    assert tab.outside == []
    step.get_by_role("button").click()
    step.locator("iframe").wait_for()
    tab.wait_for_timeout(300)
    assert urlparse(tab.outside[0]).hostname == "www.youtube-nocookie.com"
