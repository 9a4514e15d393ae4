"""``kits po import`` on a copy of the real content: translations written back as text edits.

A round trip with nothing changed writes no byte; a translated entry changes only the lines
of its value (comments, order, quoting kept) and is confirmed with exactly the record
``kits status --confirm`` writes; a fuzzy one is written and stays stale; a video or a kit
the language lacks gets its card or file with ids and durations from the other language; a
question the language lacks is inserted in its place; pages change only the lines of the
texts translated. PO files with a msgctxt that no longer exists, for the wrong language, or
broken, are refused with a located message each, and nothing is written.
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
from pathlib import Path

import polib
import pytest
from helpers.po_project import copy_project, edit_po, kits, snapshot, translate

STD = "start-the-dialogue"
EN = Path("content/en/kits/start-the-dialogue.yml")
DA = Path("content/da/kits/start-the-dialogue.yml")
EN_PO = Path("po/en/kits/start-the-dialogue.po")
DESCRIPTION = f"{STD}/videos/hope-and-recognition/description"
NEW_DESCRIPTION = ("Three people with lived experience of mental illness and a professional "
                   "from psychosocial rehabilitation talk about diagnosis, hope and "
                   "recognition.")


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = copy_project(tmp_path / "project")
    monkeypatch.chdir(root)
    return root


def run(capsys: pytest.CaptureFixture[str], *args: str, ok: bool = True) -> tuple[str, str]:
    code, out, err = kits(capsys, *args)
    assert (code == 0) == ok, out + err
    assert "Traceback" not in out + err
    return out, err


def danish_rewording(root: Path) -> None:
    """The Danish editor rewords a description: the English one becomes stale."""
    text = (root / DA).read_text(encoding="utf-8")
    (root / DA).write_text(text.replace("Tre mennesker med egen", "Tre personer med egen"),
                           encoding="utf-8")


def changed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(),
                                                  lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def status_gaps(capsys: pytest.CaptureFixture[str], language: str) -> list[str]:
    out, _ = run(capsys, "status", "--lang", language)
    return [line.strip() for line in out.splitlines() if re.match(r"\s+content/.*:\d+: ", line)]


def test_export_then_import_with_nothing_changed_writes_no_byte(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    danish_rewording(project)  # a fuzzy entry too
    run(capsys, "po", "export")
    before = snapshot(project)
    out, _ = run(capsys, "po", "import", *sorted(str(p) for p in Path("po").rglob("*.po")))
    assert snapshot(project) == before
    assert out.count("nothing new to import") == 19


def test_a_translated_stale_text_is_written_in_place_and_confirmed_like_confirm_does(
        project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    danish_rewording(project)
    by_hand = tmp_path / "by-hand"
    shutil.copytree(project, by_hand)
    run(capsys, "po", "export", "--lang", "en")
    before = EN.read_text(encoding="utf-8")
    translate(EN_PO, {DESCRIPTION: NEW_DESCRIPTION})
    out, _ = run(capsys, "po", "import", str(EN_PO))
    assert "content/en/kits/start-the-dialogue.yml: 1 text written, confirmed: video " \
           "'hope-and-recognition' against da" in out
    after = EN.read_text(encoding="utf-8")
    changed = changed_lines(before, after)
    assert changed[:3] == [
        "-      psychosocial rehabilitation talk about psychiatric diagnosis and the importance",
        "-      of hope and recognition.",
        "+      psychosocial rehabilitation talk about diagnosis, hope and recognition.",
    ]
    assert changed[3:] == ["+    translated_from:", "+      language: da", "+      into: en",
                           *[line for line in changed[6:] if line.startswith("+      ")]]
    assert status_gaps(capsys, "en") == [] and status_gaps(capsys, "da") == []
    # the same text edited by hand and confirmed with kits status --confirm: the same bytes
    hand_en = by_hand / EN
    record = after.index("    translated_from:\n", after.index("about diagnosis, hope"))
    end = after.index("  - id:", record) if "  - id:" in after[record:] else \
        after.index("sources:", record)
    hand_en.write_text(after[:record] + after[end:], encoding="utf-8")
    os.chdir(by_hand)
    run(capsys, "status", "--confirm", f"{STD}/hope-and-recognition", "--lang", "en")
    os.chdir(project)
    assert hand_en.read_bytes() == EN.read_bytes()
    assert (by_hand / DA).read_bytes() == DA.read_bytes()  # the superseded record removed


def test_a_fuzzy_translation_is_written_and_stays_stale(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    danish_rewording(project)
    run(capsys, "po", "export", "--lang", "en")
    translate(EN_PO, {DESCRIPTION: NEW_DESCRIPTION}, fuzzy=True)
    out, _ = run(capsys, "po", "import", str(EN_PO))
    assert "1 text written\n  video 'hope-and-recognition': its fuzzy texts stay stale " \
        "until checked" in out and "confirmed" not in out
    assert "about diagnosis, hope and" in EN.read_text(encoding="utf-8")
    gaps = status_gaps(capsys, "en")
    assert len(gaps) == 1 and "videos[hope-and-recognition].description: stale — da is " \
        "newer" in gaps[0], gaps
    run(capsys, "po", "export", "--lang", "en")
    again = polib.pofile(str(EN_PO)).find(DESCRIPTION, by="msgctxt")
    assert again.fuzzy and "about diagnosis, hope and" in again.msgstr
    translate(EN_PO, {DESCRIPTION: again.msgstr})  # checked: the fuzzy mark comes off
    run(capsys, "po", "import", str(EN_PO))
    assert status_gaps(capsys, "en") == []


def test_comments_order_and_quoting_are_kept_and_only_changed_values_touched(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "po", "export", "--lang", "da")
    po_file = Path("po/da/kits/start-the-dialogue.po")
    before = DA.read_text(encoding="utf-8")
    translate(po_file, {f"{STD}/title": "Start: dialogen",  # needs quotes now
                        f"{STD}/videos/hope-and-recognition/questions/1":
                            "Hvad forbinder du med ordet »håb«?"})
    run(capsys, "po", "import", str(po_file))
    changed = changed_lines(before, DA.read_text(encoding="utf-8"))
    assert changed[:2] == ["-title: Start dialogen", '+title: "Start: dialogen"']
    assert changed[2:4] == ["-      - Hvad forbinder du med ordet håb?",
                            "+      - Hvad forbinder du med ordet »håb«?"]
    assert all(line.startswith(("-  title:", "+  title:", "-    questions:",
                                "+    questions:")) for line in changed[4:]), changed
    assert "    # Editorial title: the sources give this video no title." in \
        DA.read_text(encoding="utf-8")


def test_a_video_the_language_lacks_gets_its_card_with_id_and_duration(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "new-video", STD, "--title", "Pårørende fortæller", "--duration", "3:45")
    DA.write_text(DA.read_text(encoding="utf-8").replace('description: ""', (
        "description: >-\n      To pårørende fortæller om mødet med personalet.")).replace(
        "questions: []", "questions:\n      - Hvad gjorde personalet godt?"),
        encoding="utf-8")
    run(capsys, "check")
    run(capsys, "po", "export", "--lang", "en")
    new = f"{STD}/videos/paaroerende-fortaeller"
    translate(EN_PO, {f"{new}/title": "Relatives tell",
                      f"{new}/description": "Two relatives tell how staff met them.",
                      f"{new}/questions/0": "What did the staff do well?"})
    before = EN.read_text(encoding="utf-8")
    out, _ = run(capsys, "po", "import", str(EN_PO))
    assert "3 texts written, confirmed: video 'paaroerende-fortaeller' against da" in out
    after = EN.read_text(encoding="utf-8")
    assert after.startswith(before[:before.index("sources:")])
    card = after[len(before[:before.index("sources:")]):]
    assert card.startswith('  - id: paaroerende-fortaeller\n    title: "Relatives tell"\n'
                           '    duration: "3:45"\n')
    assert "      - What did the staff do well?\n    translated_from:\n      language: da\n" \
           "      into: en\n" in card
    assert status_gaps(capsys, "en") == []
    run(capsys, "check")


def test_a_partly_translated_new_card_keeps_the_rest_as_an_untranslated_copy(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "new-video", STD, "--title", "Pårørende fortæller", "--duration", "3:45")
    DA.write_text(DA.read_text(encoding="utf-8").replace('description: ""', (
        "description: Om mødet med personalet.")).replace(
        "questions: []", "questions: [Hvad gjorde personalet godt?]"), encoding="utf-8")
    run(capsys, "po", "export", "--lang", "en")
    translate(EN_PO, {f"{STD}/videos/paaroerende-fortaeller/title": "Relatives tell"})
    run(capsys, "po", "import", str(EN_PO))
    gaps = status_gaps(capsys, "en")
    assert len(gaps) == 1 and "videos[paaroerende-fortaeller]: not translated — 2 texts" in \
        gaps[0], gaps
    run(capsys, "check")


def test_a_kit_the_language_lacks_gets_its_file(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "po", "export", "--lang", "da")
    po_file = Path("po/da/kits/time-to-change.po")
    po = polib.pofile(str(po_file))
    for entry in po:  # a translator who did every text, in Danish words of their own
        entry.msgstr = "Dansk: " + entry.msgid if not entry.msgctxt.endswith(
            "/campaign") else entry.msgid
    po.save()
    out, _ = run(capsys, "po", "import", str(po_file))
    made = Path("content/da/kits/time-to-change.yml")
    assert "content/da/kits/time-to-change.yml: made, 21 texts written, confirmed: the " \
           "kit's own texts against en" in out
    text = made.read_text(encoding="utf-8")
    assert "title: 'Dansk: Time to Change training pack" in text or \
        'title: "Dansk: Time to Change training pack' in text
    assert "videos: []" in text and "translated_from:\n  language: en\n  into: da\n" in text
    assert status_gaps(capsys, "da") == []
    run(capsys, "check")


def test_a_question_the_language_lacks_is_inserted_in_its_place(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    EN.write_text(EN.read_text(encoding="utf-8").replace(
        "      - What do you associate with the word hope?\n",
        "      - What do you associate with the word hope?\n"
        "      - Who gives you hope at work?\n"), encoding="utf-8")
    run(capsys, "po", "export", "--lang", "da")
    po_file = Path("po/da/kits/start-the-dialogue.po")
    ctx = f"{STD}/videos/hope-and-recognition/questions/2"
    assert polib.pofile(str(po_file)).find(ctx, by="msgctxt").msgstr == ""
    translate(po_file, {ctx: "Hvem giver dig håb på arbejdet?"})
    run(capsys, "po", "import", str(po_file))
    assert "      - Hvad forbinder du med ordet håb?\n      - Hvem giver dig håb på " \
           "arbejdet?\n      - >-\n        Hvordan kan medarbejdere" in \
        DA.read_text(encoding="utf-8")
    assert status_gaps(capsys, "da") == []


def test_a_page_changes_only_the_lines_of_the_translated_texts(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "po", "export", "--lang", "da")
    page = Path("docs/da/staff.md")
    before = page.read_text(encoding="utf-8")
    translate(Path("po/da/pages/staff.po"), {
        "staff.md/front-matter/description": "Hvorfor personalets sprog betyder noget.",
        "staff.md/heading/1": "Det gør EN AF OS i sundhedsvæsenet",
        "staff.md/item/0": "**Dialogstarteren**, udviklet sammen med Region Hovedstaden og "
                           "Psykiatrifonden."})
    run(capsys, "po", "import", "po/da/pages/staff.po")
    changed = changed_lines(before, page.read_text(encoding="utf-8"))
    assert changed == [
        "-description: Hvorfor personalets holdninger, sprog og arbejdspladskultur i sundheds- "
        "og socialsektoren betyder noget for mennesker med psykisk sygdom.",
        "+description: Hvorfor personalets sprog betyder noget.",
        "-## Det gør EN AF OS", "+## Det gør EN AF OS i sundhedsvæsenet",
        *[line for line in changed if line.startswith("-- **Dialog") or
          line.startswith("-  ")],
        "+- **Dialogstarteren**, udviklet sammen med Region Hovedstaden og Psykiatrifonden."]
    run(capsys, "check")


def test_a_page_the_language_lacks_is_made_once_every_text_is_translated(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Path("docs/da/evidence.md").unlink()
    run(capsys, "po", "export", "--lang", "da")
    po_file = Path("po/da/pages/evidence.po")
    first = polib.pofile(str(po_file))[0].msgctxt
    translate(po_file, {first: "Viden"})
    out, _ = run(capsys, "po", "import", str(po_file))
    assert "not made yet: 1 of 24 texts are translated" in out
    assert not Path("docs/da/evidence.md").exists()
    edit_po(po_file, lambda e: setattr(e, "msgstr", e.msgstr or "DA " + e.msgid))
    run(capsys, "po", "import", str(po_file))
    made = Path("docs/da/evidence.md").read_text(encoding="utf-8")
    source = Path("docs/en/evidence.md").read_text(encoding="utf-8")
    assert made.count("\n") >= source.count("\n") - 2 and "# DA Evidence" in made


# --- refusals: a located message each, nothing written ---------------------------------------

def refused(capsys: pytest.CaptureFixture[str], project: Path, *files: str) -> list[str]:
    before = snapshot(project)
    _, err = run(capsys, "po", "import", *files, ok=False)
    assert snapshot(project) == before
    lines = err.splitlines()
    assert lines[-1].endswith("; nothing was written")
    return lines[:-1]


def test_an_entry_whose_msgctxt_no_longer_exists_is_refused(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "po", "export", "--lang", "da")
    po_file = Path("po/da/kits/start-the-dialogue.po")
    translate(po_file, {f"{STD}/title": "Start dialogen nu"})
    text = po_file.read_text(encoding="utf-8")
    po_file.write_text(text.replace("hope-and-recognition/questions/3",
                                    "hope-and-recognition/questions/9"), encoding="utf-8")
    lines = refused(capsys, project, str(po_file))
    assert len(lines) == 1
    assert re.match(r"po/da/kits/start-the-dialogue\.po:\d+: msgctxt: expected a text that "
                    r"'start-the-dialogue' has, found 'start-the-dialogue/videos/hope-and-"
                    r"recognition/questions/9' \(of video 'hope-and-recognition'\), which it "
                    r"no longer has .* — export again", lines[0]), lines


def test_a_file_for_the_wrong_language_is_refused(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "po", "export")
    en_file = Path("po/en/kits/start-the-dialogue.po")
    text = en_file.read_text(encoding="utf-8").replace('"Language: en\\n"', '"Language: da\\n"')
    en_file.write_text(text, encoding="utf-8")
    lines = refused(capsys, project, str(en_file))
    assert lines == [f"{en_file}:10: Language: expected en (the file is in the en folder), "
                     "found da — this file is for da: import po/da/… instead, or if the texts "
                     "are en, set Language: en"]
    moved = Path("elsewhere.po")
    moved.write_text(text, encoding="utf-8")
    translate(moved, {f"{STD}/title": "Start dialogen nu"})
    lines = refused(capsys, project, str(moved))
    assert any("msgid: expected the en text to translate from, found the da text itself"
               in line for line in lines), lines


def test_a_broken_po_file_is_refused_with_the_line_of_each_mistake(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "po", "export", "--lang", "da")
    po_file = Path("po/da/kits/start-the-dialogue.po")
    lines = po_file.read_text(encoding="utf-8").splitlines()
    title = lines.index('msgstr "Start dialogen"')
    lines[title] = 'msgstr "Start dialogen'
    lines.insert(title + 1, "Start igen")
    po_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = refused(capsys, project, str(po_file))
    assert found == [
        f"{po_file}:{title + 1}: msgstr: expected a text in double quotes that ends on this "
        "line, found '\"Start dialogen' — close it with \" (write a quote inside the text as "
        '\\")',
        f"{po_file}:{title + 2}: expected a keyword (msgctxt, msgid, msgstr), a quoted text or "
        "a comment, found 'Start' — put the text in double quotes, or start a comment with #"]
    po_file.write_bytes(b"msgid \"\"\nmsgstr \"x\"\n" + b"\xe6\n")
    assert refused(capsys, project, str(po_file)) == [
        f"{po_file}:3: expected UTF-8 text, found byte 0xe6 that is not UTF-8 — save the file "
        "as UTF-8 (Poedit always does)"]


def test_an_outdated_entry_is_refused_when_it_holds_a_translation(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "po", "export", "--lang", "en")
    translate(EN_PO, {DESCRIPTION: NEW_DESCRIPTION})
    danish_rewording(project)  # after the export: the translation is of the old text
    lines = refused(capsys, project, str(EN_PO))
    assert len(lines) == 1 and "msgid: expected the da text as it is now " \
        "(content/da/kits/start-the-dialogue.yml:27: \"Tre personer med egen" in lines[0]


def test_a_text_the_language_lacks_gets_its_key_after_the_key_before_it(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    EN.write_text(EN.read_text(encoding="utf-8").replace(
        "      - How can users' reciprocal interactions contribute to each other's hope for "
        "the future?\n",
        "      - How can users' reciprocal interactions contribute to each other's hope for "
        "the future?\n    transcript: |\n      Speaker: Hope matters.\n"), encoding="utf-8")
    run(capsys, "po", "export", "--lang", "da")
    po_file = Path("po/da/kits/start-the-dialogue.po")
    translate(po_file, {f"{STD}/videos/hope-and-recognition/transcript":
                        "Taler: Håb betyder noget."})
    run(capsys, "po", "import", str(po_file))
    text = DA.read_text(encoding="utf-8")
    assert "        fremtiden?\n    transcript: \"Taler: Håb betyder noget.\"\n" \
           "    translated_from:\n" in text
    assert status_gaps(capsys, "da") == []
    run(capsys, "check")
