"""``kits po export`` on a copy of the real content: what a translator's PO files hold.

Every exported file passes Debian's ``msgfmt --check`` and polib reads it; msgctxt is a
stable path, msgid the text translated from, msgstr the current translation; a stale text is
fuzzy; the editor's YAML comments and the field's help are ``#.``; ``#:`` names both files'
lines; the header has Language and Babel's Plural-Forms; no id, duration or fingerprint is
offered for translation; a second export changes no byte; a file holding translations not
yet imported is never overwritten.
"""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
from babel.messages.plurals import get_plural
from helpers.po_project import copy_project, kits, msgfmt_check, snapshot

from kitsite.translation.po_export import header

STD = Path("content/en/kits/start-the-dialogue.yml")
STD_DA = Path("content/da/kits/start-the-dialogue.yml")


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = copy_project(tmp_path)
    monkeypatch.chdir(root)
    return root


def exported(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code, out, err = kits(capsys, "po", "export", *args)
    assert code == 0, err
    return out


def entries(path: str) -> dict[str, polib.POEntry]:
    return {e.msgctxt: e for e in polib.pofile(path)}


def test_every_exported_file_passes_msgfmt_check_and_polib_reads_it(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    exported(capsys)
    files = sorted((project / "po").rglob("*.po"))
    assert len(files) == 19  # 3 + 2 kits, 7 + 7 pages
    for file in files:
        result = msgfmt_check(file)
        assert result.returncode == 0 and result.stderr == "", (file, result.stderr)
        po = polib.pofile(str(file))
        assert po.metadata["Language"] == file.parts[-3]
        assert all(e.msgctxt for e in po)


def test_the_header_names_the_language_and_its_cldr_plural_forms() -> None:
    for language, forms in (("da", 2), ("ar", 6), ("pl", 3)):
        fields = header(language, "kits x")
        assert fields["Language"] == language
        assert fields["Plural-Forms"] == str(get_plural(language))
        assert fields["Plural-Forms"].startswith(f"nplurals={forms};")
        assert fields["Content-Type"] == "text/plain; charset=UTF-8"


def test_entries_pair_the_source_text_with_the_translation_by_a_stable_path(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    exported(capsys, "--lang", "da")
    found = entries("po/da/kits/dialogue-kickstarter.po")
    hope = found["dialogue-kickstarter/videos/hope/questions/1"]
    assert hope.msgid.startswith("In the video you hear about the importance of hope.")
    assert hope.msgstr.startswith("I videoen hører du om, hvor vigtigt håb er.")
    assert hope.occurrences == [("content/en/kits/dialogue-kickstarter.yml", "34"),
                                ("content/da/kits/dialogue-kickstarter.yml", "36")]
    assert found["dialogue-kickstarter/made_with/1"].msgstr == "Psykiatrifonden"
    assert not any(e.fuzzy for e in found.values())
    every_id = "\n".join(found)
    for not_text in ("duration", "/id", "translated_from", "title_is_editorial"):
        assert not_text not in every_id
    assert not any(e.msgid in ("4:20", "6:44", "hope") for e in found.values())
    english = entries("po/da/kits/time-to-change.po")  # a kit Danish lacks: all to translate
    assert english["time-to-change/sections/0/title"].msgid == "Why the pack was made"
    assert all(e.msgstr == "" for e in english.values())


def test_the_other_direction_translates_from_danish(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    exported(capsys, "--lang", "en")
    found = entries("po/en/kits/start-the-dialogue.po")
    title = found["start-the-dialogue/title"]
    assert (title.msgid, title.msgstr) == ("Start dialogen", "Start the Dialogue")
    assert not (project / "po/en/kits/time-to-change.po").exists()  # English only
    assert not (project / "po/da").exists()


def test_a_stale_translation_is_fuzzy_and_says_why(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = STD_DA.read_text(encoding="utf-8")
    STD_DA.write_text(text.replace("Tre mennesker med egen", "Tre personer med egen"),
                      encoding="utf-8")
    exported(capsys, "--lang", "en")
    found = entries("po/en/kits/start-the-dialogue.po")
    stale = found["start-the-dialogue/videos/hope-and-recognition/description"]
    assert stale.fuzzy
    assert stale.msgid.startswith("Tre personer med egen erfaring")
    assert stale.msgstr.startswith("Three people with lived experience")
    assert "stale: the da text changed after the two were last confirmed" in stale.comment
    assert [e.msgctxt for e in found.values() if e.fuzzy] == [stale.msgctxt]


def test_the_editors_comments_and_the_fields_help_are_extracted_comments(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    exported(capsys, "--lang", "en")
    title = entries("po/en/kits/start-the-dialogue.po")[
        "start-the-dialogue/videos/hope-and-recognition/title"]
    assert title.comment.splitlines() == [
        "Editorial title: the sources give this video no title.", "The video's title."]
    pages = entries("po/en/pages/staff.po")
    assert pages["staff.md/front-matter/description"].comment.startswith("One sentence")
    assert pages["staff.md/heading/0"].msgid == "Personale i sundheds- og socialsektoren"
    assert pages["staff.md/heading/0"].msgstr == "Staff in health and social services"


def test_pages_are_split_into_headings_paragraphs_items_and_cells_front_matter_apart(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    exported(capsys, "--lang", "da")
    found = entries("po/da/pages/translators.po")
    kinds = {ctx.split("/")[1] for ctx in found}
    assert kinds == {"front-matter", "heading", "paragraph", "item", "cell"}
    assert found["translators.md/cell/0"].msgid == "what"
    assert found["translators.md/cell/0"].msgstr == "hvad"
    assert found["translators.md/front-matter/description"].msgid.startswith(
        "How translators keep")
    assert not any(e.msgid.startswith(("---", "***", "description:")) for e in found.values())
    assert not any(e.msgid == "kits status --confirm dialogue-kickstarter --lang en"
                   for e in found.values())  # code blocks are not offered


def test_a_second_export_changes_no_byte(project: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    exported(capsys)
    before = {p: p.read_bytes() for p in (project / "po").rglob("*.po")}
    out = exported(capsys)
    assert {p: p.read_bytes() for p in (project / "po").rglob("*.po")} == before
    assert "written" not in out and out.count("— unchanged") == len(before)


def test_a_file_with_translations_not_yet_imported_is_never_overwritten(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    exported(capsys, "--lang", "en")
    po_file = project / "po/en/kits/start-the-dialogue.po"
    po = polib.pofile(str(po_file))
    po.find("start-the-dialogue/title", by="msgctxt").msgstr = "Let's talk"
    po.save()
    saved = po_file.read_bytes()
    content = snapshot(project)
    code, _, err = kits(capsys, "po", "export", "--lang", "en")
    assert code == 1
    assert "po/en/kits/start-the-dialogue.po:" in err
    assert "never imported — import the file first (.venv/bin/kits po import " \
           "po/en/kits/start-the-dialogue.po), or delete it to export it anew" in err
    assert "nothing was written" in err
    assert po_file.read_bytes() == saved and snapshot(project) == content
