"""The editor's guide, step by step as docs/da/editors.md and docs/en/editors.md write it,
on a copy of the real content: a Danish video card added to a kit translated from English."""

from __future__ import annotations

from scenarios.conftest import Project

KIT = "content/da/kits/start-the-dialogue.yml"


def fill_in_new_card(project: Project) -> None:
    """Step 3 of the guide: the description between the quotes, the questions for []."""
    project.replace(KIT, 'description: ""',
                    'description: "Pårørende fortæller, hvordan de bliver mødt af personalet."')
    project.replace(KIT, "questions: []", "questions:\n"
                    "      - Hvordan taler I om og med pårørende?\n"
                    "      - Hvad kan *du* gøre anderledes?")


def test_a_danish_card_in_a_kit_translated_from_english_is_published(project: Project) -> None:
    assert "content OK" in project.run("make check").stdout
    added = project.kits('new-video start-the-dialogue --title "Pårørende fortæller" '
                         "--duration 3:45")
    assert f"{KIT}:" in added.stdout
    assert "videos[1].description" in project.run("make check", ok=False).stdout
    fill_in_new_card(project)
    assert "content OK" in project.run("make check").stdout
    project.run("make site")

    danish = project.page("/kits/start-the-dialogue/paaroerende-fortaeller/")
    assert danish.lang == "da"
    assert danish.questions() == ["Hvordan taler I om og med pårørende?",
                                  "Hvad kan du gøre anderledes?"]
    assert danish.notices() == []
    kit = project.page("/kits/start-the-dialogue/")
    assert "Pårørende fortæller" in kit.text()

    english = project.page("/en/kits/start-the-dialogue/paaroerende-fortaeller/")
    assert english.lang == "en"
    assert english.lang_of("Hvordan taler I om og med pårørende?") == "da"
    assert any("Danish" in notice for notice in english.notices())
