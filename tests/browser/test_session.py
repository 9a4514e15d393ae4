"""Running a session from the site (issue 13), in Chromium, both languages: the session page's
agenda agrees with kitsite/render/session_plan.py on every preset and after changes; a whole
Dialogue Kickstarter session runs by keyboard alone in the projector view at 1280x720 and on a
phone, every step readable from the back of the room (text at least 4 % of the viewport's
height) and clean for axe; the facilitator view in a second tab keeps in step and moves the
projector; facilitator notes are on the facilitator view and nowhere else.

Screenshots of every step are written to $KITS_SCREENSHOTS (default: the test's temporary folder)
for a person to look at.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from axetools import axe_violations, format_violations
from helpers.browsing import guarded_context
from local_server import serve

from conftest import ROOT, mkdocs_build
from kitsite.content.loading import load_library
from kitsite.render.session_plan import Choices, agenda, total_minutes
from kitsite.render.views import kit_view

pytestmark = pytest.mark.browser

LANGS = {"da": "", "en": "en/"}
KIT = "dialogue-kickstarter"
VIEWPORTS = {"projector": {"width": 1280, "height": 720}, "phone": {"width": 412, "height": 823}}
NOTES = {"kit": "Ask the group to keep what is said here between them (note 7Q).",
         "video": "Let each person think alone for a minute first (note 9Z)."}
PACKAGES = """packages:
  - id: short
    name: {short}
    videos:
      - hope
    discussion_minutes_per_question: 3
  - id: long
    name: {long}
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real project with two packages and facilitator notes on the Dialogue Kickstarter."""
    root = tmp_path_factory.mktemp("session") / "project"
    for name in ("content", "docs", "overrides", "templates", "mkdocs.yml"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        else:
            root.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, root / name)
    names = {"da": ("En kort session", "En lang session"), "en": ("A short session",
                                                                   "A long session")}
    for lang, (short, long) in names.items():
        path = root / "content" / lang / "kits" / f"{KIT}.yml"
        text = path.read_text(encoding="utf-8")
        text = text.replace("videos:\n", PACKAGES.format(short=short, long=long) +
                            f"facilitator_notes: {NOTES['kit']}\nvideos:\n", 1)
        text = text.replace('    duration: "4:20"\n',
                            f'    duration: "4:20"\n    facilitator_notes: {NOTES["video"]}\n', 1)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def project_site(project: Path) -> Path:
    site = project.parent / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="module")
def project_url(project_site: Path) -> Iterator[str]:
    with serve(project_site) as url:
        yield url


@pytest.fixture()
def context(browser: Any) -> Iterator[Any]:
    """A browser context that refuses every request to another host, and fails on script
    errors."""
    outside: list[str] = []
    errors: list[str] = []
    ctx = guarded_context(browser, outside, viewport=VIEWPORTS["projector"])
    ctx.on("weberror", lambda error: errors.append(str(error.error)))
    yield ctx
    ctx.close()
    assert outside == []
    assert errors == []


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = Path(os.environ.get("KITS_SCREENSHOTS") or tmp_path_factory.mktemp("shots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def python_agenda(project: Path, lang: str, preset_index: int,
                  choices: Choices | None = None) -> list[tuple[str, int, int]]:
    library = load_library(project / "content", cross_checks=False).library
    view = kit_view(library, lang, KIT)
    steps = agenda(view.planned_videos, view.presets[preset_index], choices)
    return [(s.key, s.start, s.minutes) for s in steps]


def page_agenda(tab: Any) -> list[tuple[str, int, int]]:
    rows = tab.eval_on_selector_all(
        ".session-agenda tbody tr:not([hidden])",
        "rows => rows.filter(r => r.dataset.start !== '').map("
        "r => [r.dataset.stepKey, +r.dataset.start, +r.dataset.minutes])")
    return [tuple(row) for row in rows]


@pytest.mark.parametrize("lang", LANGS)
def test_the_page_and_python_agree_on_every_preset_and_after_changes(
        context: Any, project: Path, project_url: str, lang: str) -> None:
    tab = context.new_page()
    tab.goto(project_url + LANGS[lang] + f"kits/{KIT}/session/")
    options = tab.eval_on_selector_all("#session-preset option", "os => os.map(o => o.value)")
    assert options == ["short", "long"]
    for index, preset in enumerate(options):
        tab.select_option("#session-preset", preset)
        expected = python_agenda(project, lang, index)
        assert page_agenda(tab) == expected, preset
        total = total_minutes(agenda(*_view_preset(project, lang, index)))
        assert tab.get_attribute("#session-ends", "data-total") == str(total)
    # the long package, without the welcome and the second question, 12 minutes on the first
    # question and a later start
    tab.select_option("#session-preset", "long")
    tab.fill("#session-start", "13:30")
    tab.dispatch_event("#session-start", "change")
    tab.uncheck('tr[data-step-key="welcome"] input[type=checkbox]')
    tab.uncheck('tr[data-step-key="question:hope:1"] input[type=checkbox]')
    tab.fill("#session-per-question", "4")
    tab.dispatch_event("#session-per-question", "change")
    tab.fill('tr[data-step-key="question:hope:0"] input[type=number]', "12")
    tab.dispatch_event('tr[data-step-key="question:hope:0"] input[type=number]', "change")
    choices = Choices(welcome=False, left_out=frozenset({"question:hope:1"}),
                      minutes={"question:hope:0": 12}, minutes_per_question=4)
    expected = python_agenda(project, lang, 1, choices)
    assert page_agenda(tab) == expected
    assert tab.text_content('tr[data-step-key="video:hope"] time') == "13:30"
    end = 13 * 60 + 30 + sum(minutes for _, _, minutes in expected)
    assert f"{end // 60:02d}:{end % 60:02d}" in (tab.text_content("#session-ends") or "")


def _view_preset(project: Path, lang: str, index: int) -> tuple[Any, Any]:
    library = load_library(project / "content", cross_checks=False).library
    view = kit_view(library, lang, KIT)
    return view.planned_videos, view.presets[index]


def visible_step(tab: Any) -> str:
    key: str = tab.eval_on_selector(
        "#session-projector", "p => p.querySelector('.session-step:not([hidden])')"
        ".dataset.stepKey")
    return key


def smallest_text_ratio(tab: Any) -> float:
    """The smallest font size of any visible text in the projector view, as a share of the
    viewport's height."""
    ratio: float = tab.evaluate("""() => {
        const root = document.getElementById('session-projector');
        let smallest = Infinity;
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
            const node = walker.currentNode;
            const el = node.parentElement;
            if (!node.textContent.trim() || !el.getClientRects().length) continue;
            if (el.closest('.visually-hidden, [hidden]')) continue;
            smallest = Math.min(smallest, parseFloat(getComputedStyle(el).fontSize));
        }
        return smallest / window.innerHeight;
    }""")
    return ratio


@pytest.mark.parametrize("view", VIEWPORTS)
@pytest.mark.parametrize("lang", LANGS)
def test_a_whole_session_runs_by_keyboard_alone(
        context: Any, site_url: str, shots: Path, lang: str, view: str) -> None:
    tab = context.new_page()
    tab.set_viewport_size(VIEWPORTS[view])
    tab.goto(site_url + LANGS[lang] + f"kits/{KIT}/")
    # the way in is on the first screen, on a phone too
    entry = tab.locator(".kit-session-entry a")
    box = entry.bounding_box()
    assert box is not None and box["y"] + box["height"] <= VIEWPORTS[view]["height"]
    tab.screenshot(path=str(shots / f"{lang}-{view}-kit-page.png"))
    entry.focus()
    tab.keyboard.press("Enter")
    tab.wait_for_url(f"**/kits/{KIT}/session/")
    keys = [row[0] for row in page_agenda(tab)]
    assert keys[0] == "welcome" and keys[-1] == "closing" and len(keys) == 9
    tab.screenshot(path=str(shots / f"{lang}-{view}-agenda.png"), full_page=True)
    for _ in range(60):  # Tab to the projector button
        tab.keyboard.press("Tab")
        if tab.evaluate("document.activeElement.id") == "session-open-projector":
            break
    else:
        pytest.fail("the projector button cannot be reached with Tab")
    tab.keyboard.press("Enter")
    moves = ["PageDown", "ArrowRight", " ", "ArrowDown"]
    for n, key in enumerate(keys):
        tab.wait_for_function(
            "k => document.querySelector('.session-step:not([hidden])').dataset.stepKey === k",
            arg=key)
        assert visible_step(tab) == key
        assert smallest_text_ratio(tab) >= 0.04, (key, smallest_text_ratio(tab))
        where = tab.text_content("#session-where") or ""
        assert str(n + 1) in where and str(len(keys)) in where
        assert tab.get_attribute("#session-progress", "value") == str(n + 1)
        assert (tab.is_visible("#session-timer")) == key.startswith("question:")
        violations = axe_violations(tab)
        assert violations == [], format_violations(f"{lang} {view} {key}", violations)
        tab.screenshot(path=str(shots / f"{lang}-{view}-step-{n + 1:02d}.png"))
        tab.keyboard.press(moves[n % len(moves)])
    tab.keyboard.press("PageUp")  # back one step, and then out
    assert visible_step(tab) == keys[-2]
    tab.keyboard.press("Escape")  # leaves full screen and the projector view, back to the button
    tab.wait_for_function("() => document.activeElement.id === 'session-open-projector'")
    assert tab.is_hidden("#session-projector")


@pytest.mark.parametrize("lang", LANGS)
def test_both_languages_show_each_question_in_each_language(
        context: Any, site_url: str, lang: str) -> None:
    tab = context.new_page()
    tab.goto(site_url + LANGS[lang] + f"kits/{KIT}/session/")
    tab.click("#session-open-projector")
    for _ in range(2):
        tab.keyboard.press("PageDown")
    step = tab.locator(".session-step:not([hidden])")
    other = "en" if lang == "da" else "da"
    assert step.locator(f'h2[lang="{lang}"]').is_visible()
    assert not step.locator(f'.session-step__other[lang="{other}"]').is_visible()
    tab.click("#session-both")
    assert tab.get_attribute("#session-both", "aria-pressed") == "true"
    assert step.locator(f'.session-step__other[lang="{other}"]').is_visible()
    violations = axe_violations(tab)
    assert violations == [], format_violations(f"{lang} both languages", violations)


@pytest.mark.parametrize("lang", LANGS)
def test_the_facilitator_view_keeps_in_step_in_a_second_tab(
        context: Any, project_url: str, shots: Path, lang: str) -> None:
    projector = context.new_page()
    projector.goto(project_url + LANGS[lang] + f"kits/{KIT}/session/")
    facilitator = context.new_page()
    facilitator.goto(project_url + LANGS[lang] + f"kits/{KIT}/session/facilitator/")
    assert facilitator.is_visible("#session-not-started")
    projector.bring_to_front()
    projector.click("#session-open-projector")
    projector.keyboard.press("PageDown")  # the first video
    facilitator.wait_for_function(
        "() => document.getElementById('session-now').textContent.includes(':')")
    assert facilitator.is_hidden("#session-not-started")
    now = facilitator.text_content("#session-now") or ""
    title = projector.text_content(".session-step:not([hidden]) h2") or ""
    assert title.strip() in now
    # the notes of the video on the screen, and the kit's, are in the facilitator view
    current = facilitator.locator(".session-notes--current")
    assert NOTES["video"] in (current.text_content() or "")
    assert facilitator.locator(".session-notes--kit").is_visible()
    # the facilitator moves the projector with the keyboard
    facilitator.bring_to_front()
    facilitator.keyboard.press("ArrowRight")
    projector.wait_for_function(
        "() => document.querySelector('.session-step:not([hidden])').dataset.stepKey"
        " === 'question:hope:0'")
    assert facilitator.is_visible("#session-timer")
    # the first preset is the short package: welcome, the first video, its two questions,
    # closing; what remains is the current question, the next one and the closing
    remaining = facilitator.locator("#session-remaining li:not([hidden])")
    assert remaining.count() == 3
    facilitator.screenshot(path=str(shots / f"{lang}-facilitator.png"), full_page=True)
    violations = axe_violations(facilitator)
    assert violations == [], format_violations(f"{lang} facilitator", violations)


def labels_of(lang: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(
        (ROOT / "content" / lang / "labels.yml").read_text(encoding="utf-8"))
    return data


def clock(tab: Any) -> str:
    return (tab.text_content("#session-timer-clock") or "").strip()


@pytest.mark.parametrize("lang", LANGS)
def test_the_timer_pauses_and_runs_on_by_keyboard_in_both_views(
        context: Any, site_url: str, shots: Path, lang: str) -> None:
    words = labels_of(lang)
    projector = context.new_page()
    projector.goto(site_url + LANGS[lang] + f"kits/{KIT}/session/")
    facilitator = context.new_page()
    facilitator.goto(site_url + LANGS[lang] + f"kits/{KIT}/session/facilitator/")
    projector.bring_to_front()
    projector.click("#session-open-projector")
    # no timer and no pause button off a question
    assert projector.is_hidden("#session-pause")
    projector.keyboard.press("PageDown")
    projector.keyboard.press("PageDown")  # the first question: its timer runs
    assert visible_step(projector) == "question:hope:0"
    # a toggle button, by its words in labels.yml, that screen readers read as not pressed
    pause = projector.get_by_role("button", name=words["session_pause_timer"], exact=True)
    assert pause.get_attribute("aria-pressed") == "false"
    for _ in range(20):  # Tab from the step to the pause button, as a keyboard user would
        projector.keyboard.press("Tab")
        if projector.evaluate("document.activeElement.id") == "session-pause":
            break
    else:
        pytest.fail("the pause button cannot be reached with Tab")
    projector.wait_for_timeout(1100)  # let it run a second or so
    projector.keyboard.press("Enter")
    assert pause.get_attribute("aria-pressed") == "true"
    assert projector.is_visible("#session-timer-paused")
    assert words["session_timer_paused"] in (projector.text_content("#session-timer") or "")
    stopped = clock(projector)
    assert stopped and stopped != "5:00"
    projector.wait_for_timeout(2500)  # paused: the time left stands still, in both views
    assert clock(projector) == stopped
    facilitator.wait_for_function(
        "t => document.getElementById('session-timer-clock').textContent.trim() === t",
        arg=stopped)
    assert facilitator.get_attribute("#session-pause", "aria-pressed") == "true"
    violations = axe_violations(projector)
    assert violations == [], format_violations(f"{lang} timer paused", violations)
    projector.screenshot(path=str(shots / f"{lang}-projector-paused.png"))
    projector.keyboard.press(" ")  # space on the focused button runs the timer on
    assert pause.get_attribute("aria-pressed") == "false"
    assert projector.is_hidden("#session-timer-paused")
    assert visible_step(projector) == "question:hope:0"  # space on a button moves no step
    projector.wait_for_function(
        "t => document.getElementById('session-timer-clock').textContent.trim() !== t",
        arg=stopped, timeout=3000)
    # from where it stood, not from the time that passed while paused
    minutes, seconds = (int(n) for n in clock(projector).split(":"))
    stood = [int(n) for n in stopped.split(":")]
    assert 0 < stood[0] * 60 + stood[1] - (minutes * 60 + seconds) <= 2
    # the facilitator pauses it too, for both views
    facilitator.bring_to_front()
    facilitator.focus("#session-pause")
    facilitator.keyboard.press("Enter")
    assert facilitator.get_attribute("#session-pause", "aria-pressed") == "true"
    projector.wait_for_function(
        "() => document.getElementById('session-pause').getAttribute('aria-pressed') === 'true'")
    # the next question's timer starts again, running
    facilitator.keyboard.press("ArrowRight")
    projector.wait_for_function(
        "() => document.querySelector('.session-step:not([hidden])').dataset.stepKey"
        " === 'question:hope:1'")
    assert projector.get_attribute("#session-pause", "aria-pressed") == "false"


def test_question_cards_put_the_question_in_18_pt_and_it_fits_on_the_card(
        browser: Any, cards_site_url: str, shots: Path) -> None:
    """On the screen and as printed, in both languages, with the QR code and the address
    the cards have when the site's public address is known."""
    context = guarded_context(browser, [], viewport={"width": 794, "height": 1123})
    tab = context.new_page()
    for lang, prefix in LANGS.items():
        for kit in ("dialogue-kickstarter", "start-the-dialogue"):
            tab.goto(cards_site_url + prefix + f"kits/{kit}/session/cards/")
            for media in ("screen", "print"):
                tab.emulate_media(media=media)
                cards = tab.evaluate(CARD_MEASURES)
                assert len(cards) >= 4, (lang, kit)
                for card in cards:
                    assert card["questionPt"] >= 18, (lang, kit, media, card)
                    if media == "print":  # an A6 card, four to a sheet: all of it on its card
                        assert card["qr"], (lang, kit)
                        assert card["overflow"] <= 0, (lang, kit, card)
                        assert card["questionBottom"] <= card["linkTop"], (lang, kit, card)
                tab.screenshot(path=str(shots / f"{lang}-{kit}-cards-{media}.png"),
                               full_page=True)
    context.close()


CARD_MEASURES = """() => [...document.querySelectorAll('.session-card')].map(card => {
  const question = card.querySelector('.session-card__question');
  const link = card.querySelector('.session-card__link');
  const box = card.getBoundingClientRect();
  return {
    questionPt: parseFloat(getComputedStyle(question).fontSize) * 0.75,
    overflow: card.scrollHeight - card.clientHeight,
    questionBottom: question.getBoundingClientRect().bottom,
    linkTop: link ? link.getBoundingClientRect().top : box.bottom,
    qr: !!card.querySelector('.session-card__qr'),
  };
})"""
"""Each card's question size in points, how far its content runs past it, and where its
question ends and its QR code and address begin."""


@pytest.fixture(scope="module")
def cards_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real project's site built with a public address under a sub-path: the cards get
    their QR codes and short addresses."""
    site = tmp_path_factory.mktemp("cards") / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SITE_URL", "https://example.org/kits/")
        result = mkdocs_build(ROOT, site)
    assert result.returncode == 0, result.stderr
    with serve(site) as url:
        yield url


def test_facilitator_notes_are_nowhere_but_the_facilitator_view(project_site: Path) -> None:
    found = []
    for path in sorted(project_site.rglob("*")):
        if path.suffix not in (".html", ".json", ".js", ".xml") or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if any(note in text for note in NOTES.values()):
            found.append(path.relative_to(project_site).as_posix())
    assert sorted(found) == [f"en/kits/{KIT}/session/facilitator/index.html",
                             f"kits/{KIT}/session/facilitator/index.html"]


def test_other_pages_load_no_session_script_or_styles(built_site: Path) -> None:
    for path in built_site.rglob("index.html"):
        text = path.read_text(encoding="utf-8")
        on_session_page = "/session/" in "/" + path.relative_to(built_site).as_posix()
        assert ("session.js" in text or "session.css" in text) == on_session_page, path
