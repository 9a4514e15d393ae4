"""Snapshots of the Markdown the generator writes for the sample projects.

Every generated page of ``tests/samples/<sample>`` (both languages, every kit, video, the kit
list, the status and words pages) is compared with its copy under
``tests/snapshots/<sample>/``. A change to a template, a view or a label shows here as a diff
of the pages it changes, before any build. After changing the output on purpose, run
``make snapshots`` and read the diff of ``tests/snapshots`` before committing it.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from helpers.projects import ROOT, copy_sample

from kitsite.render.site_sources import prepare_site_sources

SNAPSHOTS = ROOT / "tests" / "snapshots"
SAMPLES = ["basic", "translation"]


def generated_markdown(project: Path) -> dict[str, str]:
    """Every generated page of ``project`` by its path in the docs folder."""
    sources = prepare_site_sources(content_dir=project / "content",
                                   templates_dir=ROOT / "templates", docs_dir=project / "docs")
    assert not sources.errors, sources.error_report()
    return sources.render(sorted(sources.planned))


def stored(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(folder.rglob("*.md"))}


@pytest.mark.parametrize("sample", SAMPLES)
def test_generated_markdown_matches_its_snapshot(sample: str, tmp_path: Path) -> None:
    pages = generated_markdown(copy_sample(tmp_path, sample))
    folder = SNAPSHOTS / sample
    if os.environ.get("KITS_UPDATE_SNAPSHOTS"):
        shutil.rmtree(folder, ignore_errors=True)
        for path, markdown in pages.items():
            (folder / path).parent.mkdir(parents=True, exist_ok=True)
            (folder / path).write_text(markdown, encoding="utf-8")
    snapshot = stored(folder)
    assert sorted(pages) == sorted(snapshot), "pages added or gone: run 'make snapshots'"
    for path, markdown in pages.items():
        assert markdown == snapshot[path], f"{path} changed: run 'make snapshots' and read the diff"
