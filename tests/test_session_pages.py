"""The session pages as the renderer writes them (templates/session.md.j2, facilitator.md.j2,
cards.md.j2): facilitator notes only on the facilitator view, QR codes and the short address of
each video page only when the site's public address (SITE_URL) is known."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from kitsite.content.loading import load_library
from kitsite.render.pages import PageRenderer

NOTES = {"kit": "Agree that what is said here stays here.",
         "video": "Give people a minute alone with the first question."}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the real content with facilitator notes on the Dialogue Kickstarter."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    path = tmp_path / "content" / "en" / "kits" / "dialogue-kickstarter.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("discussion_minutes_per_question: 5\n",
                        f"discussion_minutes_per_question: 5\nfacilitator_notes: {NOTES['kit']}\n")
    text = text.replace('    duration: "4:20"\n',
                        f'    duration: "4:20"\n    facilitator_notes: {NOTES["video"]}\n')
    path.write_text(text, encoding="utf-8")
    return tmp_path


def pages(project: Path, language: str) -> dict[str, str]:
    result = load_library(project / "content", project / "docs")
    assert not [p for p in result.problems if p.severity == "error"], result.problems
    renderer = PageRenderer(result.library, ROOT / "templates", docs_dir=project / "docs")
    return {page.src_uri: page.markdown for page in renderer.render_language(language)}


def test_facilitator_notes_are_on_the_facilitator_view_only(project: Path) -> None:
    shown = pages(project, "en")
    facilitator = "kits/dialogue-kickstarter/session/facilitator/index.md"
    for note in NOTES.values():
        assert note in shown[facilitator]
        assert [uri for uri, text in shown.items() if note in text] == [facilitator]
    # Danish readers see the English notes in the facilitator view, marked as English
    danish = pages(project, "da")[facilitator]
    assert NOTES["video"] in danish and 'lang="en"' in danish


def test_cards_have_qr_codes_and_short_addresses_only_with_a_public_address(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cards = "kits/dialogue-kickstarter/session/cards/index.md"
    monkeypatch.delenv("SITE_URL", raising=False)
    without = pages(project, "en")[cards]
    assert "session-card__qr" not in without and "://" not in without
    monkeypatch.setenv("SITE_URL", "https://materialer.example.dk")
    with_address = pages(project, "en")[cards]
    assert with_address.count('<table class="session-card__qr"') == 5  # 5 questions
    assert "materialer.example.dk/en/kits/dialogue-kickstarter/hope/" in with_address


def test_a_kit_without_video_cards_gets_no_session_pages(project: Path) -> None:
    shown = pages(project, "en")
    assert "kits/time-to-change/index.md" in shown
    assert not [uri for uri in shown if uri.startswith("kits/time-to-change/session/")]
    assert "session/" not in shown["kits/time-to-change/index.md"]
