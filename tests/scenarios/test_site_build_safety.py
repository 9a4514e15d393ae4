"""``make site`` keeps a whole site/ whatever happens to the build: two builds started together
both finish and leave one complete site/; a build killed midway leaves the previous site/ byte
for byte, and the next build clears what it left and succeeds; a full or read-only disk is one
located line and site/ as it was. On a copy of the real project, with the commands people type.
"""

from __future__ import annotations

import os
import posixpath
import re
import shlex
import shutil
import signal
import subprocess
import time
from pathlib import Path, PurePosixPath

import pytest
from helpers.faults import fill_up, make_read_only, small_disk

from scenarios.conftest import Project, make_project

MAKE_SITE = "make -o .venv/.installed site"  # as Project.run types `make site`
LEFTOVER_NAMES = ("site.new", "site.old")
KEY_PAGES = ("index.html", "en/index.html", "kits/index.html", "en/kits/index.html",
             "kits/dialogue-kickstarter/index.html", "en/kits/time-to-change/index.html",
             "kits/dialogue-kickstarter/hope/index.html", "en/translation-status/index.html")


def start(project: Project, command: str = MAKE_SITE) -> subprocess.Popen[str]:
    """Start ``command`` at the project root in a session of its own (to kill it whole)."""
    return subprocess.Popen(
        shlex.split(command), cwd=project.root, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, text=True, start_new_session=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file()}


def leftovers(project: Project) -> list[str]:
    return sorted(p.name for p in project.root.iterdir() if p.name.startswith(LEFTOVER_NAMES))


def linked_pdfs(site: dict[str, bytes]) -> list[str]:
    """The PDF handouts the pages of ``site`` link to, as paths in site/ (at least the kit
    handout of each language)."""
    linked = set()
    for name, content in site.items():
        if name.endswith(".html"):
            folder = PurePosixPath(name).parent
            for href in re.findall(rb'href="([^"#?]+\.pdf)"', content):
                linked.add(posixpath.normpath((folder / href.decode()).as_posix()))
    assert {"kits/dialogue-kickstarter/dialogue-kickstarter-da.pdf",
            "en/kits/dialogue-kickstarter/dialogue-kickstarter-en.pdf"} <= linked
    return sorted(linked)


def assert_complete(project: Project, built_alone: dict[str, bytes]) -> None:
    """site/ has every file a build on its own makes, every page as that build wrote it,
    and the PDF handouts."""
    now = files(project.path("site"))
    assert sorted(now) == sorted(built_alone)
    pages = [name for name in built_alone if name.endswith(".html")]
    assert set(KEY_PAGES) <= set(pages)
    assert {name: now[name] for name in pages} == {name: built_alone[name] for name in pages}
    assert sorted(name for name in now if name.endswith(".pdf")) == linked_pdfs(built_alone)
    assert leftovers(project) == []


def test_two_builds_started_together_both_finish_and_leave_one_whole_site(
        project: Project) -> None:
    project.run("make site")
    built_alone = files(project.path("site"))
    builds = [start(project), start(project)]
    outputs = [build.communicate(timeout=600)[0] for build in builds]
    assert [build.returncode for build in builds] == [0, 0], outputs
    for output in outputs:
        assert f"handouts: {len(linked_pdfs(built_alone))} PDFs written" in output
        assert "Built site/" in output and "Traceback" not in output
    assert any("another build of site/ is running" in output and "waiting for it to finish"
               in output for output in outputs), outputs
    assert_complete(project, built_alone)


def wait_for(project: Project, pattern: str, build: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 120
    while not found(project, pattern):
        assert build.poll() is None, f"the build ended before {pattern} appeared"
        assert time.monotonic() < deadline, f"no {pattern} after 120 s"
        time.sleep(0.05)


def found(project: Project, pattern: str) -> bool:
    try:
        return any(project.root.glob(pattern))
    except FileNotFoundError:  # a folder the build moved while it was being looked through
        return False


@pytest.mark.parametrize("midway", [
    "site.new*/**/en/kits/index.html",  # MkDocs is building the other language
    "site.new*/**/*.pdf",  # the first handout is printed
])
def test_a_killed_build_leaves_the_site_and_the_next_build_clears_its_leftovers(
        project: Project, midway: str) -> None:
    project.run("make site")
    before = files(project.path("site"))
    # the handouts come from the print cache (scripts/build/pdf_print.py) unless it is empty:
    # empty it, so that the build prints them and is killed while it does; the next build,
    # with whatever the killed one left in the cache, must still make every PDF whole
    shutil.rmtree(project.path(".cache/pdf"), ignore_errors=True)
    build = start(project)
    wait_for(project, midway, build)
    os.killpg(build.pid, signal.SIGKILL)  # the whole build at once, as a cancelled CI job
    build.wait(timeout=60)
    assert files(project.path("site")) == before
    assert leftovers(project), "the kill came too late to leave anything behind"
    for old_name in ("site.new", "site.new.languages-x1y2z3", "site.old"):  # older builds'
        project.write(f"{old_name}/left-behind.html", "left behind")
    result = project.run("make site")
    assert "Built site/" in result.stdout
    assert_complete(project, before)


def test_a_full_or_read_only_disk_is_one_line_and_keeps_the_site(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk") as disk:
        project = make_project(disk / "project")
        project.run("make site")
        before = files(project.path("site"))
        fill_up(disk, leave=2 << 20)  # room for a part of the build only
        full = project.run("make site", ok=False)
        assert said(full.stderr) == [
            "site/: no space left while building the site; nothing was changed — free some "
            "space on the disk, then try again"], str(full)
        assert "Traceback" not in full.output
        assert files(project.path("site")) == before
        assert leftovers(project) == []
        (disk / "filler").unlink()
        make_read_only(disk)
        read_only = project.run("make site", ok=False)
        assert said(read_only.stderr) == [
            "site/: read-only file system while building the site; nothing was changed — "
            "work in a copy on a writable disk, then try again"], str(read_only)
        assert "Traceback" not in read_only.output
        assert files(project.path("site")) == before


def said(stderr: str) -> list[str]:
    """What the build said on stderr, without make's own closing line (``make: *** …``)."""
    return [line for line in stderr.splitlines() if not re.match(r"make(\[\d+\])?: \*\*\*", line)]
