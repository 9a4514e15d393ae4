"""A large library's languages are rendered by two processes: the staged folder is the same as
one process makes, and errors in the helper reach the caller."""

from __future__ import annotations

import shutil
from pathlib import Path

import bench
import pytest

from conftest import ROOT
from kitsite import build, helper_process
from kitsite.loading import load_library


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """Synthetic content big enough for the helper, with the real templates and docs."""
    bench.write_synthetic_content(tmp_path / "content", 60)
    for path in (ROOT / "content").rglob("*.yml"):
        rel = path.relative_to(ROOT / "content")
        if "kits" not in rel.parts:
            (tmp_path / "content" / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, tmp_path / "content" / rel)
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    return tmp_path


def generate(project: Path, staging: Path) -> build.GenerateResult:
    result = build.generate_site_sources(
        content_dir=project / "content", templates_dir=ROOT / "templates",
        docs_dir=project / "docs", staging_dir=staging)
    assert not result.errors, result.error_report()
    return result


def test_two_processes_stage_what_one_process_stages(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Earlier tests in the same run leave idle threads (local HTTP servers, the browser), which
    # make can_fork() refuse; this test is about what two processes stage, so it allows the fork
    # as the test below does.
    monkeypatch.setattr(helper_process, "can_fork", lambda: True)
    assert build._helper_languages(load_library(project / "content").library) == ("en",)
    stale = project / "staging" / "en" / "kits" / "gone" / "index.md"
    stale.parent.mkdir(parents=True)
    stale.write_text("a kit that no longer exists")
    (project / "staging" / "da").mkdir()
    (project / "staging" / "da" / "gone.md").write_text("a page that no longer exists")
    both = generate(project, project / "staging")
    assert not stale.exists() and not (project / "staging" / "da" / "gone.md").exists()
    assert not stale.parent.exists()

    monkeypatch.setattr(build, "HELPER_MIN_VIDEOS", 10**9)
    assert build._helper_languages(load_library(project / "content").library) == ()
    one = generate(project, project / "one")
    assert tree(project / "staging") == tree(project / "one")
    assert both.pages == one.pages and both.changed_files == one.changed_files + 2
    assert "en/kits/kit-0006/video-10/index.md" in tree(project / "one")

    again = generate(project, project / "staging")  # one process over the helper's output
    assert again.changed_files == 0


def test_an_error_in_the_helper_is_raised_with_its_traceback() -> None:
    def broken() -> int:
        raise ValueError("template says no")

    result = helper_process.start(broken)
    with pytest.raises(RuntimeError, match="template says no"):
        result()
    assert helper_process.start(lambda: 6 * 7)() == 42
