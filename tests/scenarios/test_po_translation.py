"""A volunteer who only has Poedit translates, on a copy of the real content (issue 14).

The Danish editor adds a video to "Start the Dialogue" and rewords a description of "The
Dialogue Kickstarter": English lacks the video and its description is stale. The coordinator
exports the English PO files, the volunteer translates them in a PO editor (here: polib,
saving the file as Poedit does — translations filled in, the fuzzy mark taken off), sends
them back, and the coordinator imports them. Then `kits status` is clean, `make check`
passes and the built site shows both translated, with no stale or missing notice.
"""

from __future__ import annotations

import polib

from scenarios.conftest import Project

DA_STD = "content/da/kits/start-the-dialogue.yml"
DA_DK = "content/da/kits/dialogue-kickstarter.yml"
EN_STD_PO = "po/en/kits/start-the-dialogue.po"
EN_DK_PO = "po/en/kits/dialogue-kickstarter.po"
NEW = "start-the-dialogue/videos/paaroerende-fortaeller"
STALE = "dialogue-kickstarter/videos/hope/description"
TRANSLATIONS = {
    f"{NEW}/title": "Relatives tell their story",
    f"{NEW}/description": "Two relatives tell how the staff met them when their son was "
                          "admitted to a psychiatric ward.",
    f"{NEW}/questions/0": "What did the staff do well?",
    f"{NEW}/questions/1": "What could they have done differently?",
    STALE: "Passing on hope is closely related to the experience of stigma. This video shows "
           "the professional's important role in conveying and supporting the patient's "
           "belief in recovery and in the prospect of a good life.",
}


def translate_in_a_po_editor(path: str, translations: dict[str, str]) -> list[str]:
    """What a volunteer does in Poedit: fill in each entry, clear "Needs work", save."""
    po = polib.pofile(path)
    done = []
    for entry in po:
        if entry.msgctxt in translations:
            entry.msgstr = translations[entry.msgctxt]
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
            done.append(entry.msgctxt)
    po.metadata["Last-Translator"] = "A Volunteer <volunteer@example.org>"
    po.metadata["X-Generator"] = "Poedit 3.5"
    po.save()
    return done


def test_a_new_danish_video_and_a_stale_english_description_translated_in_po_files(
        project: Project) -> None:
    # the Danish editor's work, as the editor's guide describes it
    project.kits('new-video start-the-dialogue --title "Pårørende fortæller" --duration 3:45')
    project.replace(DA_STD, 'description: ""', "description: >-\n      To pårørende fortæller, "
                    "hvordan personalet mødte dem, da deres søn blev indlagt.")
    project.replace(DA_STD, "questions: []", "questions:\n      - Hvad gjorde personalet godt?"
                    "\n      - Hvad kunne de have gjort anderledes?")
    project.replace(DA_DK, "      At give håb videre hænger sammen med oplevelsen af stigma.",
                    "      At give håb videre hænger tæt sammen med oplevelsen af stigma.")
    project.run("make check")
    before = project.kits("status --lang en").stdout
    assert "missing video \"Pårørende fortæller\"" in before
    assert "videos[hope].description: stale — da is newer" in before

    # the coordinator exports the English PO files; translators' tools accept them
    exported = project.kits("po export --lang en").stdout
    assert f"{EN_STD_PO}: 16 texts (4 to translate) — written" in exported
    assert f"{EN_DK_PO}: 17 texts (1 fuzzy) — written" in exported
    for po_file in (EN_STD_PO, EN_DK_PO):
        checked = project.run(f"msgfmt --check --output-file /dev/null {po_file}")
        assert checked.stderr == ""
    stale = polib.pofile(str(project.path(EN_DK_PO))).find(STALE, by="msgctxt")
    assert stale.fuzzy and stale.msgid.startswith("At give håb videre hænger tæt sammen")

    # the volunteer translates in a PO editor and sends the files back
    done = translate_in_a_po_editor(str(project.path(EN_STD_PO)), TRANSLATIONS)
    done += translate_in_a_po_editor(str(project.path(EN_DK_PO)), TRANSLATIONS)
    assert sorted(done) == sorted(TRANSLATIONS)
    imported = project.kits(f"po import {EN_STD_PO} {EN_DK_PO}").stdout
    assert "content/en/kits/start-the-dialogue.yml: 4 texts written, confirmed: video " \
           "'paaroerende-fortaeller' against da" in imported
    assert "content/en/kits/dialogue-kickstarter.yml: 1 text written, confirmed: video " \
           "'hope' against da" in imported
    english = project.read("content/en/kits/start-the-dialogue.yml")
    assert '  - id: paaroerende-fortaeller\n    title: "Relatives tell their story"\n' \
           '    duration: "3:45"\n' in english

    # clean status, passing check, and the site shows both translated without notices
    status = project.kits("status").stdout
    assert "clean: every translation shown is up to date" in status
    project.run("make check")
    project.run("make site")
    video = project.page("/en/kits/start-the-dialogue/paaroerende-fortaeller/")
    assert video.lang == "en" and video.notices() == []
    assert "Relatives tell their story" in video.text()
    assert "Two relatives tell how the staff met them" in video.text()
    assert video.questions() == ["What did the staff do well?",
                                 "What could they have done differently?"]
    assert video.lang_of("What did the staff do well?") == "en"
    hope = project.page("/en/kits/dialogue-kickstarter/hope/")
    assert hope.notices() == []
    assert "Passing on hope is closely related to the experience of stigma." in hope.text()
    kit = project.page("/en/kits/start-the-dialogue/")
    assert "Relatives tell their story" in kit.text() and kit.notices() == []
    danish = project.page("/kits/start-the-dialogue/paaroerende-fortaeller/")
    assert danish.notices() == [] and "Pårørende fortæller" in danish.text()

    # sending the same files again changes nothing
    kit_files = {name: project.read(name) for name in (
        "content/en/kits/start-the-dialogue.yml", "content/en/kits/dialogue-kickstarter.yml",
        DA_STD, DA_DK)}
    again = project.kits(f"po import {EN_STD_PO} {EN_DK_PO}").stdout
    assert again.count("nothing new to import") == 2
    assert {name: project.read(name) for name in kit_files} == kit_files
