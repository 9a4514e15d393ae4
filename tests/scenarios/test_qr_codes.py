"""A facilitator prints the question cards of a site published with its address; a participant
scans a card's QR code with a phone and lands on the video the question is about (issue 13).

On a copy of the real project, built with ``make site SITE_URL=…`` under a sub-path; each
printed sheet is rasterised at a phone camera's sort of resolution (pdftoppm, 150 dpi) and
read by a real QR decoder (zbar's zbarimg, from Debian's zbar-tools), never by our own code.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
import yaml

from scenarios.conftest import Project, make_project

ADDRESS = "https://example.org/materialer/"
LANGS = {"da": "", "en": "en/"}


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = make_project(tmp_path_factory.mktemp("qr") / "project")
    project.run(f"make site SITE_URL={ADDRESS}")
    return project


def scanned(pdf: Path, work: Path) -> list[str]:
    """Every QR code zbarimg reads on every page of ``pdf``, page by page."""
    if shutil.which("zbarimg") is None:
        pytest.fail("zbarimg is missing: run 'make test', which installs zbar-tools")
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(pdf), str(work / "sheet")], check=True)
    codes = []
    for sheet in sorted(work.glob("sheet-*.png")):
        out = subprocess.run(["zbarimg", "--quiet", "--raw", str(sheet)], capture_output=True,
                             text=True, check=False).stdout
        codes += out.split()
    return codes


def kits_with_videos(project: Project, lang: str) -> list[dict[str, object]]:
    kits = []
    for path in sorted(project.path(f"content/{lang}/kits").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if data.get("videos"):
            kits.append(data)
    return kits


@pytest.mark.parametrize("lang", LANGS)
def test_every_card_scans_to_the_page_of_its_video(
        published: Project, lang: str, tmp_path: Path) -> None:
    kits = kits_with_videos(published, lang)
    assert kits
    for kit in kits:
        kit_url = f"{ADDRESS}{LANGS[lang]}kits/{kit['id']}/"
        pdf = published.path(f"site/{LANGS[lang]}kits/{kit['id']}/session/cards/"
                             f"{kit['id']}-cards-{lang}.pdf")
        work = tmp_path / str(kit["id"])
        work.mkdir()
        codes = Counter(scanned(pdf, work))
        videos = kit["videos"]
        assert isinstance(videos, list)
        expected = Counter({f"{kit_url}{v['id']}/": len(v["questions"]) for v in videos})
        assert codes == expected, (pdf.name, codes)  # one readable code per question card
        for code in codes:  # each is the address of a page the site has
            assert published.path("site/" + code.removeprefix(ADDRESS) + "index.html").is_file()


def test_the_cards_page_shows_each_address_beside_its_code(published: Project) -> None:
    """Who cannot scan types the address printed under the code."""
    html = published.page("/kits/dialogue-kickstarter/session/cards/").html
    tables = html.count('class="session-card__qr"')
    shown = re.findall(r'</table><span class="session-card__address">([^<]+)</span>', html)
    assert tables > 0 and len(shown) == tables
    typed = ADDRESS.removeprefix("https://")  # as a person types it into a browser
    for address in shown:
        assert re.fullmatch(re.escape(typed) + r"kits/dialogue-kickstarter/[a-z0-9-]+/", address)
