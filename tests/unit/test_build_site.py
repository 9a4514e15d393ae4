"""scripts/build/build_site.py, piece by piece: a system error in MkDocs' output becomes one located
line; a fault while the handouts print leaves site/ byte for byte and no build folder behind;
leftovers of stopped builds are cleared and a site/ lost mid-swap is put back. (The whole
``make site`` is driven in tests/scenarios/test_site_build_safety.py.)"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import build_site
import pytest
from pdf_print import PrintJob, PrintReport
from playwright.sync_api import Error as BrowserError

CHILD_LOG = """\
INFO    -  Building documentation to directory: {folder}/site
ERROR   -  building en failed
Traceback (most recent call last):
  File "kitsite/plugins/parallel.py", line 156, in _build_in_child
    build(config)
OSError: [Errno 28] No space left on device: '/venv/material/lunr.tr.min.js' -> \
'{folder}/site.languages-p_4o1zsx/site/assets/javascripts/lunr/min/lunr.tr.min.js'
Traceback (most recent call last):
  File "/venv/bin/mkdocs", line 8, in <module>
mkdocs.exceptions.Abort: Aborted: building the other languages failed (see the errors above)
"""


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """build_site working on a project folder of its own, with a site/ built before."""
    monkeypatch.setattr(build_site, "ROOT", tmp_path)
    monkeypatch.setattr(build_site, "SITE", tmp_path / "site")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("the previous site", encoding="utf-8")
    return tmp_path


def test_a_full_disk_in_mkdocs_output_is_one_line_at_site(tmp_path: Path) -> None:
    folder = tmp_path / "site.new-abc"
    assert build_site.fault_in_log(CHILD_LOG.format(folder=folder), folder) == (
        "site/: no space left while building the site; nothing was changed — free some space "
        "on the disk, then try again")


def test_an_unreadable_source_file_is_named(tmp_path: Path) -> None:
    log = "PermissionError: [Errno 13] Permission denied: 'docs/en/staff.md'\n"
    assert build_site.fault_in_log(log, tmp_path / "site.new-abc") == (
        "docs/en/staff.md: permission denied while building the site; nothing was changed — "
        "make the folder writable for you, then try again")


def test_a_build_that_failed_for_other_reasons_has_no_fault_line(tmp_path: Path) -> None:
    log = "WARNING -  Doc file 'en/staff.md' contains a link 'no-such-page.md'\n"
    assert build_site.fault_in_log(log, tmp_path) is None
    assert build_site.problem_lines("INFO    -  Cleaning\n  - en/x.md\n" + log) == [log.strip()]


def fake_mkdocs(site: Path, lock: int) -> None:
    (site / "kits").mkdir(parents=True)
    (site / "index.html").write_text("the new site", encoding="utf-8")


@pytest.mark.parametrize(("fault", "said"), [
    (OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)),
     "site/: no space left while building the site; nothing was changed — free some space on "
     "the disk, then try again"),
    (BrowserError("Target page, context or browser has been closed\nCall log: ..."),
     "site/: printing the PDF handouts failed (Target page, context or browser has been "
     "closed); nothing was changed — see that Chromium (/usr/bin/chromium) starts, then try "
     "again"),
])
def test_a_fault_while_printing_the_handouts_keeps_the_site(
        root: Path, monkeypatch: pytest.MonkeyPatch, fault: Exception, said: str) -> None:
    import handouts

    def write_handouts(site: Path) -> PrintReport:
        (site / "kits" / "x-da.pdf").write_bytes(b"%PDF-1.7 cut o")
        raise fault

    monkeypatch.setattr(build_site, "mkdocs_build", fake_mkdocs)
    monkeypatch.setattr(handouts, "write_handouts", write_handouts)
    with pytest.raises(build_site.BuildFailed) as caught:
        build_site.build_and_swap(lock=-1)
    assert str(caught.value) == said
    assert (root / "site" / "index.html").read_text(encoding="utf-8") == "the previous site"
    assert sorted(p.name for p in root.iterdir()) == ["site"]


def test_a_finished_build_replaces_the_site_and_leaves_nothing_else(
        root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import handouts

    monkeypatch.setattr(build_site, "mkdocs_build", fake_mkdocs)
    jobs = [PrintJob(f"kits/{n}/", root / f"{n}.pdf") for n in "abcd"]
    monkeypatch.setattr(handouts, "write_handouts",
                        lambda site: PrintReport(printed=jobs[:1], reused=jobs[1:]))
    build_site.build_and_swap(lock=-1)
    assert (root / "site" / "index.html").read_text(encoding="utf-8") == "the new site"
    assert sorted(p.name for p in root.iterdir()) == ["site"]
    assert capsys.readouterr().out == "handouts: 4 PDFs written (1 printed, 3 reused)\n"


def test_leftovers_of_stopped_builds_are_cleared(root: Path) -> None:
    for name in ("site.new", "site.new-k3j2/site", "site.new-k3j2/site.languages-9x/site",
                 "site.new.languages-p_4o1zsx/site", "site.old", "site.old-1234"):
        (root / name).mkdir(parents=True)
    (root / "site.newsletter.txt").write_text("not a build's", encoding="utf-8")
    build_site.clear_leftovers()
    assert sorted(p.name for p in root.iterdir()) == ["site", "site.newsletter.txt"]


def test_a_site_lost_mid_swap_is_put_back_before_clearing(root: Path) -> None:
    (root / "site").rename(root / "site.old-1234")
    build_site.clear_leftovers()
    assert (root / "site" / "index.html").read_text(encoding="utf-8") == "the previous site"
    assert sorted(p.name for p in root.iterdir()) == ["site"]
