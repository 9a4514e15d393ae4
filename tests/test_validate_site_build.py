"""``make site`` never publishes half a site: on a content error or a failed MkDocs build it
prints the problems, exits non-zero and leaves the previous site/ byte for byte as it was.

Runs the Makefile's own ``site`` target in a copy of the project, with the project's .venv.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT

VENV = ROOT / ".venv"
KIT = Path("content/da/kits/dialogue-kickstarter.yml")
SKIP = shutil.ignore_patterns(".git", ".venv", ".cache", "site", "site.new*", "site.old*",
                              "tests", "__pycache__", "*.egg-info", ".mypy_cache",
                              ".ruff_cache", ".pytest_cache", "node_modules")


def make_site(project: Path) -> subprocess.CompletedProcess[str]:
    """``make site`` in ``project``, using (never reinstalling) the project's virtualenv."""
    return subprocess.run(
        ["make", "--no-print-directory", "-o", str(VENV / ".installed"), f"VENV={VENV}", "site"],
        cwd=project, capture_output=True, text=True, check=False, timeout=300,
    )


def leftovers(project: Path) -> list[str]:
    """What a build left next to site/ (its own folder, the other languages' work folder)."""
    return sorted(p.name for p in project.iterdir() if p.name.startswith(("site.new", "site.old")))


def snapshot(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file()}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("make") is None:
        pytest.fail("make is missing: install Debian's 'make'")
    copy = tmp_path_factory.mktemp("make-site") / "project"
    shutil.copytree(ROOT, copy, ignore=SKIP)
    first = make_site(copy)
    assert first.returncode == 0, first.stdout + first.stderr
    assert (copy / "site" / "kits" / "dialogue-kickstarter" / "index.html").is_file()
    return copy


def test_a_content_error_stops_the_build_and_keeps_the_old_site(project: Path) -> None:
    before = snapshot(project / "site")
    kit = project / KIT
    good = kit.read_text(encoding="utf-8")
    kit.write_text(good.replace('duration: "4:20"', 'duration: "4:70"', 1), encoding="utf-8")
    try:
        result = make_site(project)
    finally:
        kit.write_text(good, encoding="utf-8")
    assert result.returncode != 0
    line = good.splitlines().index('    duration: "4:20"') + 1
    assert f"{KIT}:{line}: videos[0].duration: " in result.stdout  # wording: tests/golden
    assert "Traceback" not in result.stdout + result.stderr
    assert snapshot(project / "site") == before
    assert leftovers(project) == []


def test_a_failed_mkdocs_build_keeps_the_old_site(project: Path) -> None:
    """kits check passes, but MkDocs --strict fails after it has started writing pages:
    a hand-written page links to a page that does not exist."""
    before = snapshot(project / "site")
    page = project / "docs" / "en" / "staff.md"
    good = page.read_text(encoding="utf-8")
    page.write_text(good + "\n[Broken](no-such-page.md)\n", encoding="utf-8")
    try:
        result = make_site(project)
    finally:
        page.write_text(good, encoding="utf-8")
    assert result.returncode != 0
    assert "no-such-page.md" in result.stdout  # MkDocs' warning is shown, not hidden
    assert snapshot(project / "site") == before
    assert leftovers(project) == []


def test_a_good_build_replaces_the_site(project: Path) -> None:
    before = snapshot(project / "site")
    kit = project / KIT
    good = kit.read_text(encoding="utf-8")
    kit.write_text(good.replace("title: Dialogstarteren", "title: Dialogstarteren (ny)", 1),
                   encoding="utf-8")
    try:
        result = make_site(project)
    finally:
        kit.write_text(good, encoding="utf-8")
    assert result.returncode == 0, result.stdout + result.stderr
    after = snapshot(project / "site")
    assert after != before
    assert "Dialogstarteren (ny)" in after["kits/dialogue-kickstarter/index.html"].decode()


@pytest.mark.parametrize("missing", ["templates/video.md.j2", "templates"])
def test_a_missing_template_is_named_and_keeps_the_old_site(project: Path, missing: str) -> None:
    """A template (or the whole folder) the generator needs is gone: each missing template is
    a located line with the fix, never a Jinja traceback."""
    before = snapshot(project / "site")
    away = project / "templates.away"
    shutil.copytree(project / "templates", away)
    gone = project / missing
    if gone.is_dir():
        shutil.rmtree(gone)
    else:
        gone.unlink()
    try:
        result = make_site(project)
    finally:
        shutil.rmtree(project / "templates", ignore_errors=True)
        away.rename(project / "templates")
    assert result.returncode != 0
    assert ("templates/video.md.j2:1: expected the page template video.md.j2 in templates/, "
            "found no such file — restore the folder from the project's repository: "
            "git checkout -- templates") in result.stdout
    assert ("templates/kit.md.j2:1:" in result.stdout) == (missing == "templates")
    assert "Traceback" not in result.stdout + result.stderr
    assert snapshot(project / "site") == before
    assert leftovers(project) == []
