"""``make site`` prints a PDF handout again only when what it is printed from changed: on a copy
of the real project, a second build reuses every PDF byte for byte; after a question of one kit
is edited, that kit's handouts in that language are printed again (and say the new question),
and so is every other handout whose page changed with it (the Danish kit page, which now says
its translation of the question is out of date), while the other kit's keep their bytes; after
the shared style sheet is edited, every handout is printed again. What ``make site`` says of the
handouts counts each.
"""

from __future__ import annotations

import re
from pathlib import Path

from helpers.pdfs import pdf_text

from scenarios.conftest import Project

KIT = "content/en/kits/dialogue-kickstarter.yml"
QUESTION = "Do you recognise any of the situations described in the video?"
NEW_QUESTION = "Which of these situations have you met at work this month?"
STYLE_SHEET = "overrides/assets/stylesheets/kits.css"
SUMMARY = re.compile(r"^handouts: (\d+) PDFs written \((\d+) printed, (\d+) reused\)$", re.M)


def pdfs(project: Project) -> dict[str, bytes]:
    site = project.path("site")
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*.pdf"))}


def pages(project: Project) -> dict[str, str]:
    """The HTML of the page each PDF is printed from (the page of the PDF's folder)."""
    site = project.path("site")
    return {name: (site / name).parent.joinpath("index.html").read_text("utf-8")
            for name in pdfs(project)}


def make_site(project: Project) -> tuple[int, int, int]:
    """``make site``; how many PDFs it says it wrote, printed and reused."""
    output = project.run("make site").output
    found = SUMMARY.search(output)
    assert found is not None, output
    written, printed, reused = (int(n) for n in found.groups())
    assert written == printed + reused
    return written, printed, reused


def words_of(pdf: bytes, tmp_path: Path) -> str:
    """The text of ``pdf`` (bytes), its words one space apart."""
    file = tmp_path / "read.pdf"
    file.write_bytes(pdf)
    return " ".join(pdf_text(file).split())


def test_only_the_handouts_of_what_changed_are_printed_again(project: Project,
                                                             tmp_path: Path) -> None:
    written, printed, reused = make_site(project)
    first, first_pages = pdfs(project), pages(project)
    assert written == len(first) == printed and reused == 0
    assert all(pdf.startswith(b"%PDF-") for pdf in first.values())

    # nothing changed: every PDF comes from the cache, byte for byte
    assert make_site(project) == (written, 0, written)
    assert pdfs(project) == first

    # one English kit's question: its English handouts (the kit's cards, the question cards,
    # the facilitator sheet) are printed again, with the new question, and those of the other
    # pages that changed with it; the other kit's keep their bytes
    project.replace(KIT, f"- {QUESTION}", f"- {NEW_QUESTION}", count=2)
    edited = make_site(project)
    second, second_pages = pdfs(project), pages(project)
    assert second.keys() == first.keys()
    changed = sorted(name for name in first if second[name] != first[name])
    english = sorted(name for name in first if name.startswith("en/kits/dialogue-kickstarter/"))
    assert len(english) == 3
    assert changed == sorted(name for name in first
                             if second_pages[name] != first_pages[name]), changed
    assert set(english) <= set(changed)
    assert not [name for name in changed if "/start-the-dialogue/" in name]
    assert edited == (written, len(changed), written - len(changed))
    for name in english:
        text = words_of(second[name], tmp_path)
        assert NEW_QUESTION in text and QUESTION not in text, name

    # the style sheet every page loads (its address, and so every page's HTML, stays the
    # same): every handout is printed again
    project.replace(STYLE_SHEET, "font-size: 0.85em;", "font-size: 0.9em;", count=2)
    assert make_site(project) == (written, written, 0)
