"""The PDF handouts: scripts/build/handouts.py prints each kit page with videos to a PDF in each
language, the kit page links to it, and the PDF read back (pdftotext) holds every video's
title, duration and questions.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
import yaml
from helpers.pdfs import pdf_text

from conftest import ROOT

pytestmark = pytest.mark.browser

LANGS = {"da": "", "en": "en/"}
HANDOUTS = ROOT / "scripts" / "build" / "handouts.py"


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def handout_site(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("handouts") / "site"
    shutil.copytree(built_site, site)
    no_address = {key: value for key, value in os.environ.items() if key != "SITE_URL"}
    result = subprocess.run([sys.executable, str(HANDOUTS), str(site)],
                            capture_output=True, text=True, check=False, env=no_address)
    assert result.returncode == 0, result.stderr
    return site


def kits_with_videos(lang: str) -> list[dict[str, Any]]:
    kits = []
    for path in sorted((ROOT / "content" / lang / "kits").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if data.get("videos"):
            kits.append(data)
    return kits


def labels(lang: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(
        (ROOT / "content" / lang / "labels.yml").read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize("lang", LANGS)
def test_each_kit_links_to_its_pdf_with_every_card(handout_site: Path, lang: str) -> None:
    kits = kits_with_videos(lang)
    assert kits
    for kit in kits:
        page = handout_site / LANGS[lang] / "kits" / kit["id"] / "index.html"
        links = re.findall(r'class="kit-handout"><a href="([^"]+)"', page.read_text("utf-8"))
        assert links == [f"{kit['id']}-{lang}.pdf"]
        pdf = page.parent / links[0]
        assert pdf.read_bytes().startswith(b"%PDF-")
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                              check=True).stdout
        assert re.search(r"^Tagged:\s+yes$", info, re.M), "a screen reader needs a tagged PDF"
        text = words(pdf_text(pdf))
        assert words(kit["title"]) in text
        for video in kit["videos"]:
            assert words(video["title"]) in text, video["title"]
            assert video["duration"] in text
            for question in video["questions"]:
                assert words(question) in text, question
        # none of the screen's chrome: the footer, the link to this PDF
        assert "Material for MkDocs" not in text
        assert words(labels(lang)["handout_pdf"]) not in text


def test_kits_without_videos_get_no_handout(handout_site: Path) -> None:
    for lang, prefix in LANGS.items():
        with_videos = {kit["id"] for kit in kits_with_videos(lang)}
        for page in (handout_site / prefix / "kits").glob("*/index.html"):
            pdfs = list(page.parent.glob("*.pdf"))
            assert bool(pdfs) == (page.parent.name in with_videos), page


def pdf_links(pdf: Path) -> list[str]:
    """The addresses the PDF's links go to (Chromium writes them as plain /URI entries)."""
    return [m.decode() for m in re.findall(rb"/URI\s*\(([^)]*)\)", pdf.read_bytes())]


def test_without_an_address_pdfs_link_to_no_page_of_the_site(handout_site: Path) -> None:
    pdfs = sorted(handout_site.rglob("*.pdf"))
    assert pdfs
    for pdf in pdfs:
        assert b"127.0.0.1" not in pdf.read_bytes(), pdf
        assert pdf_links(pdf) == [], pdf


def test_pdf_links_go_to_the_public_address(
        built_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    address = "https://materialer.example.dk/"
    result = subprocess.run([sys.executable, str(HANDOUTS), str(site)],
                            capture_output=True, text=True, check=False,
                            env={**os.environ, "SITE_URL": address})
    assert result.returncode == 0, result.stderr
    pdf = site / "en" / "kits" / "dialogue-kickstarter" / "dialogue-kickstarter-en.pdf"
    assert f"{address}en/kits/dialogue-kickstarter/hope/" in pdf_links(pdf)
    for pdf in site.rglob("*.pdf"):
        assert b"127.0.0.1" not in pdf.read_bytes(), pdf
        assert all(link.startswith(address) for link in pdf_links(pdf)), pdf


def question_line_heights(pdf: Path, questions: list[str], titles: list[str]) -> list[float]:
    """The height in points of each line of ``pdf`` that is part of a question and of no
    video title (pdftotext's boxes)."""
    layout = subprocess.run(["pdftotext", "-enc", "UTF-8", "-bbox-layout", str(pdf), "-"],
                            capture_output=True, text=True, check=True).stdout
    in_questions, in_titles = words(" ".join(questions)), words(" ".join(titles))
    heights = []
    for line in ElementTree.fromstring(layout).iter("{http://www.w3.org/1999/xhtml}line"):
        text = " ".join(word.text or "" for word in line)
        if len(text) > 12 and text in in_questions and text not in in_titles:
            heights.append(float(line.get("yMax", 0)) - float(line.get("yMin", 0)))
    return heights


def pdf_info(pdf: Path) -> str:
    return subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                          check=True).stdout


@pytest.mark.parametrize("lang", LANGS)
def test_question_cards_are_a6_four_to_an_a4_sheet_with_every_question(
        handout_site: Path, lang: str) -> None:
    for kit in kits_with_videos(lang):
        session = handout_site / LANGS[lang] / "kits" / kit["id"] / "session"
        html = (session / "index.html").read_text("utf-8")
        links = re.findall(r'href="(cards/[^"]+\.pdf)"', html)
        assert links == [f"cards/{kit['id']}-cards-{lang}.pdf"]
        pdf = session / links[0]
        info = pdf_info(pdf)
        questions = [q for video in kit["videos"] for q in video["questions"]]
        pages = int(re.search(r"^Pages:\s+(\d+)$", info, re.M).group(1))  # type: ignore[union-attr]
        assert pages == -(-len(questions) // 4), "four cards to a sheet"
        assert re.search(r"^Page size:\s+59\d\.\d+ x 84\d\.\d+ pts \(A4\)$", info, re.M), info
        assert re.search(r"^Tagged:\s+yes$", info, re.M)
        text = words(pdf_text(pdf))
        for question in questions:
            assert words(question) in text, question
        # every line of a question at least 18 pt: a line's box (the font's ascent and
        # descent) is at least as tall as the font's size
        heights = question_line_heights(pdf, questions, [v["title"] for v in kit["videos"]])
        assert len(heights) >= len(questions), kit["id"]
        assert min(heights) >= 18, (kit["id"], sorted(heights)[:3])
        # built without SITE_URL: no QR code and no address, never the port that printed it
        assert "127.0.0.1" not in text and "http" not in text
        assert "Material for MkDocs" not in text


@pytest.mark.parametrize("lang", LANGS)
def test_the_facilitator_sheet_is_one_page_with_the_agenda_and_every_question(
        handout_site: Path, lang: str) -> None:
    for kit in kits_with_videos(lang):
        session = handout_site / LANGS[lang] / "kits" / kit["id"] / "session"
        pdf = session / "facilitator" / f"{kit['id']}-facilitator-{lang}.pdf"
        assert re.search(r"^Pages:\s+1$", pdf_info(pdf), re.M), "one page"
        text = words(pdf_text(pdf))
        assert words(labels(lang)["session_agenda_heading"]) in text
        for video in kit["videos"]:
            for question in video["questions"]:
                assert words(question) in text, question
