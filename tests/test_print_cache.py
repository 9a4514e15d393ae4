"""The print cache of scripts/build/pdf_print.py: a page is printed again only when its HTML,
its print options or a file it loads (style sheet, image, font) changed; otherwise its PDF keeps
its bytes. A build that fails midway leaves only whole entries, which the next build reuses; a
damaged entry is printed again. (That a changed kit of the real project gets new handouts and
the others keep their bytes: tests/scenarios/test_handout_cache.py.)
"""

from __future__ import annotations

import asyncio
import concurrent.futures
from pathlib import Path

import pdf_print
import pytest
from pdf_print import PDF, RECORD, PrintCache, PrintJob, print_pages, printer_fingerprint

from kitsite.edit.atomic import WriteError

pytestmark = pytest.mark.browser

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<link rel="stylesheet" href="/style.css"></head>
<body><h1>{title}</h1><img src="/dot.svg" alt="" width="20" height="20"></body></html>"""
DOT = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 2 2">'
       '<circle r="1" cx="1" cy="1" fill="{}"/></svg>')
OPTIONS = {"format": "A4", "print_background": True}


def small_site(root: Path) -> Path:
    site = root / "site"
    for name in ("one", "two"):
        (site / name).mkdir(parents=True)
        (site / name / "index.html").write_text(PAGE.format(title=f"Page {name}"), "utf-8")
    (site / "style.css").write_text("h1 { color: navy }", "utf-8")
    (site / "dot.svg").write_text(DOT.format("red"), "utf-8")
    return site


def jobs(site: Path) -> list[PrintJob]:
    return [PrintJob(f"{name}/", site / name / f"{name}.pdf", OPTIONS) for name in ("one", "two")]


def printed(report_jobs: list[PrintJob]) -> list[str]:
    return [job.path for job in report_jobs]


def pdfs(site: Path) -> dict[str, bytes]:
    return {name: (site / name / f"{name}.pdf").read_bytes() for name in ("one", "two")}


def test_a_page_is_printed_again_only_when_what_it_loads_changed(tmp_path: Path) -> None:
    site, cache = small_site(tmp_path), PrintCache(tmp_path / "cache")
    first = print_pages(site, jobs(site), cache=cache)
    assert printed(first.printed) == ["one/", "two/"] and first.reused == []
    before = pdfs(site)
    assert all(pdf.startswith(b"%PDF-") for pdf in before.values())

    again = print_pages(site, jobs(site), cache=cache)
    assert again.printed == [] and printed(again.reused) == ["one/", "two/"]
    assert pdfs(site) == before

    # the page's own HTML
    (site / "two" / "index.html").write_text(PAGE.format(title="Page two, changed"), "utf-8")
    changed = print_pages(site, jobs(site), cache=cache)
    assert printed(changed.printed) == ["two/"] and printed(changed.reused) == ["one/"]
    assert pdfs(site)["one"] == before["one"]
    assert pdfs(site)["two"] != before["two"]

    # a file both pages load (the image), and the print options
    (site / "dot.svg").write_text(DOT.format("blue"), "utf-8")
    assert printed(print_pages(site, jobs(site), cache=cache).printed) == ["one/", "two/"]
    landscape = [PrintJob(job.path, job.out, {**OPTIONS, "landscape": True})
                 for job in jobs(site)]
    assert printed(print_pages(site, landscape, cache=cache).printed) == ["one/", "two/"]

    # the printer (another Chromium, Playwright or set of fonts)
    assert printed(print_pages(site, landscape, cache=cache).printed) == []
    upgraded = PrintCache(tmp_path / "cache", printer="another Chromium")
    assert printed(print_pages(site, landscape, cache=upgraded).printed) == ["one/", "two/"]


def test_the_printer_fingerprint_follows_the_fonts(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    monkeypatch.setattr(pdf_print, "FONT_FOLDERS", (str(fonts),))
    before = printer_fingerprint()
    assert printer_fingerprint() == before
    (fonts / "Extra.ttf").write_bytes(b"a font")
    assert printer_fingerprint() != before


def test_the_cache_records_every_file_the_page_loaded(tmp_path: Path) -> None:
    site, cache = small_site(tmp_path), PrintCache(tmp_path / "cache")
    print_pages(site, jobs(site)[:1], cache=cache)
    (record,) = (tmp_path / "cache").glob(f"*/*/{RECORD}")
    text = record.read_text("utf-8")
    for loaded in ("one/", "style.css", "dot.svg"):
        assert f'"{loaded}"' in text
    # a style sheet change reprints, even though the HTML is the same
    (site / "style.css").write_text("h1 { color: maroon }", "utf-8")
    assert printed(print_pages(site, jobs(site)[:1], cache=cache).printed) == ["one/"]


def test_a_failed_build_leaves_whole_entries_that_the_next_build_reuses(tmp_path: Path) -> None:
    site, cache = small_site(tmp_path), PrintCache(tmp_path / "cache")
    good, bad = jobs(site)
    broken = PrintJob(bad.path, tmp_path / "no-such-folder" / "two.pdf", OPTIONS)
    with pytest.raises(WriteError):
        print_pages(site, [good, broken], cache=cache, tabs=1)
    assert not list((tmp_path / "cache").rglob("*.tmp"))
    after = print_pages(site, [good, bad], cache=cache)
    assert printed(after.reused) == ["one/"] and printed(after.printed) == ["two/"]


def test_a_damaged_entry_is_printed_again(tmp_path: Path) -> None:
    site, cache = small_site(tmp_path), PrintCache(tmp_path / "cache")
    print_pages(site, jobs(site), cache=cache)
    before = pdfs(site)
    (entry_pdf,) = [pdf for pdf in (tmp_path / "cache").glob(f"*/*/{PDF}")
                    if pdf.read_bytes() == before["one"]]
    entry_pdf.write_bytes(before["one"][: len(before["one"]) // 2])  # cut off
    (site / "one" / "one.pdf").unlink()
    again = print_pages(site, jobs(site), cache=cache)
    assert printed(again.printed) == ["one/"] and printed(again.reused) == ["two/"]
    assert (site / "one" / "one.pdf").read_bytes().startswith(b"%PDF-")


def test_pages_print_when_the_caller_already_runs_an_event_loop(tmp_path: Path) -> None:
    """As under a test run whose browser (Playwright's sync API) keeps a loop in the thread."""
    site, cache = small_site(tmp_path), PrintCache(tmp_path / "cache")

    async def caller() -> None:
        report = print_pages(site, jobs(site), cache=cache)  # a plain call, inside the loop
        assert printed(report.printed) == ["one/", "two/"]

    with concurrent.futures.ThreadPoolExecutor(1) as thread:  # a loop of its own, wherever
        thread.submit(asyncio.run, caller()).result()     # this test runs
    assert all(pdf.startswith(b"%PDF-") for pdf in pdfs(site).values())
