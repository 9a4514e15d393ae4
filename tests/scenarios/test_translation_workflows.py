"""What translators do, on a copy of the real content, through `kits status` and a real build:
either language leads, deletions stay deleted, reorderings and renamings are reported, and
`--confirm` works from the file the translator edited (issue 11, defects 3, 4 and 5)."""

from __future__ import annotations

import re

from scenarios.conftest import Project

DA = "content/da/kits/dialogue-kickstarter.yml"
EN = "content/en/kits/dialogue-kickstarter.yml"
DA_DESCRIPTION = "      At give håb videre hænger sammen med oplevelsen af stigma."
EN_DESCRIPTION = "      The dissemination of hope is related to the experience of stigma."
EN_REWORDED = "      The dissemination of hope is closely related to the experience of stigma."
EN_HOPE_Q2 = "        patients? What are your strong points, and where can you improve?\n"


def gap_lines(output: str) -> list[str]:
    return [line.strip() for line in output.splitlines()
            if re.match(r"\s+content/\S+:\d+: ", line)]


def status(project: Project, arguments: str = "") -> list[str]:
    return gap_lines(project.kits(f"status {arguments}".strip()).stdout)


def confirm_command(output: str) -> list[str]:
    return [line.split("when checked: ", 1)[1] for line in output.splitlines()
            if "when checked: " in line]


def test_a_changed_danish_text_makes_the_english_one_stale(project: Project) -> None:
    project.replace(DA, DA_DESCRIPTION,
                    "      At give håb videre hænger tæt sammen med oplevelsen af stigma.")
    gaps = status(project)
    description_line = project.line_of(EN, "description: >-")
    assert gaps == [
        f"{EN}:{description_line}: videos[hope].description: stale — da is newer: its text "
        f"changed after the two were confirmed ({DA}:{project.line_of(DA, 'description: >-')});"
        " update this text to match, then confirm"]
    project.run("make site")
    english = project.page("/en/kits/dialogue-kickstarter/hope/")
    assert any("Danish" in notice for notice in english.notices())
    assert english.soup.select_one('.translation-notice--stale a[hreflang="da"]') is not None
    assert project.page("/kits/dialogue-kickstarter/hope/").notices() == []

    # the translator updates the English text and confirms the file they edited
    project.replace(EN, EN_DESCRIPTION, EN_REWORDED)
    output = project.kits("status").stdout
    # both changed since they were confirmed: the translator confirms the one they edited
    assert confirm_command(output) == [
        ".venv/bin/kits status --confirm dialogue-kickstarter/hope --lang da",
        ".venv/bin/kits status --confirm dialogue-kickstarter/hope --lang en"]
    assert all("changed in both" in gap for gap in gap_lines(output))
    command = confirm_command(output)[1]
    danish_before = project.read(DA)
    confirmed = project.run(command)
    assert f"{EN}:" in confirmed.stdout and "confirmed video 'hope' against da" in confirmed.stdout
    assert "language: da" in project.read(EN)
    assert project.read(DA) != danish_before  # its superseded record of the pair is gone
    assert project.read(DA).count("translated_from:") == danish_before.count(
        "translated_from:") - 1
    assert status(project) == []
    project.run("make site")
    assert project.page("/en/kits/dialogue-kickstarter/hope/").notices() == []


def test_a_video_first_written_in_danish_is_translated_from_danish(project: Project) -> None:
    kit = "content/da/kits/start-the-dialogue.yml"
    project.kits('new-video start-the-dialogue --title "Pårørende fortæller" --duration 3:45')
    project.replace(kit, 'description: ""', 'description: "Pårørende fortæller om mødet."')
    project.replace(kit, "questions: []",
                    "questions:\n      - Hvordan taler I med pårørende?")
    gaps = status(project)
    assert len(gaps) == 1
    assert "videos[paaroerende-fortaeller]: missing video \"Pårørende fortæller\" — the da " \
           "file has it" in gaps[0]
    assert gaps[0].startswith("content/en/kits/start-the-dialogue.yml:")

    english = "content/en/kits/start-the-dialogue.yml"
    project.kits('new-video start-the-dialogue --lang en --id paaroerende-fortaeller '
                 '--title "Relatives speak"')
    project.replace(english, 'description: ""', 'description: "Relatives talk about meeting '
                    'staff."')
    project.replace(english, "questions: []",
                    "questions:\n      - How do you talk with relatives?")
    assert any("not confirmed" in gap for gap in status(project))
    output = project.kits("status").stdout
    assert confirm_command(output) == [".venv/bin/kits status --confirm "
                                       "start-the-dialogue/paaroerende-fortaeller --lang en"]
    assert "not confirmed — 3 texts never checked against the da file" in output
    confirmed = project.run(confirm_command(output)[0])
    assert confirmed.stdout.startswith(f"{english}:")
    assert status(project) == []
    project.run("make site")
    assert project.page("/en/kits/start-the-dialogue/paaroerende-fortaeller/").notices() == []


def test_a_question_deleted_in_danish_stays_deleted_everywhere(project: Project) -> None:
    deleted = "      - Kan du genkende nogle af de situationer, der bliver beskrevet i videoen?\n"
    text = project.read(DA)
    first_hope_question = text.index(deleted)
    project.write(DA, text[:first_hope_question] + text[first_hope_question + len(deleted):])
    gaps = status(project)
    assert len(gaps) == 1
    en_line = project.line_of(EN, "Do you recognise any of the situations")
    assert gaps[0].startswith(f"{EN}:{en_line}: videos[hope].questions[0]: deleted in da — "
                              f"da no longer has this ({DA}:")
    project.run("make site")
    danish = project.page("/kits/dialogue-kickstarter/hope/")
    assert len(danish.questions()) == 1
    assert "Do you recognise" not in danish.text()
    pdf = project.run("pdftotext site/kits/dialogue-kickstarter/dialogue-kickstarter-da.pdf -")
    assert "Do you recognise" not in pdf.stdout
    assert "Kan du genkende nogle af de situationer" in pdf.stdout  # the other video keeps it

    # English deletes it too: nothing left to do
    english = project.read(EN)
    question = "      - Do you recognise any of the situations described in the video?\n"
    at = english.index(question)
    project.write(EN, english[:at] + english[at + len(question):])
    assert status(project) == []


def test_a_question_only_one_language_has_can_be_confirmed_as_intended(
    project: Project,
) -> None:
    project.replace(EN, EN_HOPE_Q2,
                    EN_HOPE_Q2 + "      - Which words do you use in the ward round?\n")
    gaps = status(project)
    assert len(gaps) == 1 and gaps[0].startswith(f"{DA}:") and "missing" in gaps[0]
    assert "confirm with --omit" in gaps[0]
    project.kits("status --confirm dialogue-kickstarter/hope --lang da --omit")
    assert status(project) == []
    project.run("make site")
    assert "Which words do you use" not in project.page("/kits/dialogue-kickstarter/hope/").text()
    assert "Which words do you use" in project.page("/en/kits/dialogue-kickstarter/hope/").text()


def test_videos_reordered_in_one_language_are_reported_to_the_other(project: Project) -> None:
    text = project.read(DA)
    start = text.index("  - id: hope\n")
    middle = text.index("  - id: not-ask-too-many-questions\n")
    end = text.index("sources:\n")
    project.write(DA, text[:start] + text[middle:end] + text[start:middle] + text[end:])
    output = project.kits("status").stdout
    gaps = gap_lines(output)
    assert len(gaps) == 1
    assert gaps[0].startswith(f"{EN}:{project.line_of(EN, '- id: hope')}: videos: reordered in da")
    project.run(confirm_command(output)[0])
    assert status(project) == []


def test_a_renamed_english_title_is_flagged_for_danish(project: Project) -> None:
    project.replace(EN, "title: I was told not to ask too many questions",
                    "title: I was told not to ask so many questions")
    gaps = status(project)
    assert len(gaps) == 1
    assert gaps[0].startswith(f"{DA}:{project.line_of(DA, 'title: Jeg fik at vide')}: "
                              "videos[not-ask-too-many-questions].title: stale — en is newer")


def guide_example(project: Project, language: str) -> list[str]:
    """The `kits status` output the translator's guide shows (its first ```text block)."""
    guide = project.read(f"docs/{language}/translators.md")
    block = guide.split("```text\n", 1)[1].split("```", 1)[0]
    return block.splitlines()


def make_the_guides_example_edits(project: Project) -> None:
    """What the guide's example says happened: English added a question, Danish reworded a
    description and deleted a question."""
    project.replace(EN, "        happened and what could you have done differently?\n",
                    "        happened and what could you have done differently?\n"
                    "      - What will you try in your next shift?\n")
    project.replace(DA, DA_DESCRIPTION,
                    "      At give håb videre hænger tæt sammen med oplevelsen af stigma.")
    text = project.read(DA)
    question = "      - Kan du genkende nogle af de situationer, der bliver beskrevet i videoen?\n"
    at = text.rindex(question)
    project.write(DA, text[:at] + text[at + len(question):])


def test_the_translators_guide_example_is_what_kits_status_prints(project: Project) -> None:
    make_the_guides_example_edits(project)
    printed = project.kits("status --kit dialogue-kickstarter").stdout.splitlines()
    for language in ("en", "da"):
        example = guide_example(project, language)
        assert printed[:len(example)] == example, f"docs/{language}/translators.md"


def test_the_translators_guide_in_both_directions(project: Project) -> None:
    make_the_guides_example_edits(project)
    # Danish translator: translate the missing question, confirm the Danish file
    project.replace(DA, "        skete der, og hvad kunne du have gjort anderledes?\n",
                    "        skete der, og hvad kunne du have gjort anderledes?\n"
                    "      - Hvad vil du prøve på din næste vagt?\n")
    project.kits("status --confirm dialogue-kickstarter --lang da")
    assert all(gap.startswith(f"{EN}:") for gap in status(project))
    # English translator: update the stale description, delete the deleted question, confirm
    project.replace(EN, EN_DESCRIPTION, EN_REWORDED)
    english = project.read(EN)
    question = "      - Do you recognise any of the situations described in the video?\n"
    at = english.rindex(question)
    project.write(EN, english[:at] + english[at + len(question):])
    output = project.kits("status").stdout
    for command in confirm_command(output):
        project.run(command)
    assert status(project) == []
    project.kits("status --check")
    project.run("make site")
    for path in ("/kits/dialogue-kickstarter/not-ask-too-many-questions/",
                 "/en/kits/dialogue-kickstarter/not-ask-too-many-questions/",
                 "/kits/dialogue-kickstarter/hope/", "/en/kits/dialogue-kickstarter/hope/"):
        assert project.page(path).notices() == [], path
    assert len(project.page("/en/kits/dialogue-kickstarter/not-ask-too-many-questions/")
               .questions()) == 3
