"""The build works unchanged under ProperDocs, the maintained fork of MkDocs 1.x: ``properdocs
build -f mkdocs.yml`` makes the same site as ``mkdocs build``, page for page."""

from __future__ import annotations

import gzip
import os
import re
import subprocess
import sys
from pathlib import Path

from helpers.projects import copy_sample

from conftest import ROOT, mkdocs_build

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def properdocs_build(project: Path, site_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    return subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "-q", "-f",
         str(project / "mkdocs.yml"), "-d", str(site_dir)],
        capture_output=True, text=True, env=env, cwd=project, check=False,
    )


def site_files(site: Path) -> dict[str, bytes]:
    """Every file of a site; the generator tag blanked out (it names the tool and its version)
    and gzip files by their content (their header holds a time)."""
    files = {}
    for path in sorted(site.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            if path.suffix == ".gz":
                data = gzip.decompress(data)
            files[path.relative_to(site).as_posix()] = GENERATOR.sub(b"", data)
    return files


def build_with_both(project: Path, tmp_path: Path) -> tuple[dict[str, bytes], dict[str, bytes]]:
    built = mkdocs_build(project, tmp_path / "mkdocs-site")
    assert built.returncode == 0, built.stderr
    proper = properdocs_build(project, tmp_path / "properdocs-site")
    assert proper.returncode == 0, proper.stderr
    html = (tmp_path / "properdocs-site" / "index.html").read_text(encoding="utf-8")
    assert 'content="mkdocs-ProperDocs' in html  # really built by ProperDocs
    return site_files(tmp_path / "mkdocs-site"), site_files(tmp_path / "properdocs-site")


def assert_same_site(mkdocs: dict[str, bytes], proper: dict[str, bytes]) -> None:
    assert sorted(proper) == sorted(mkdocs)
    assert [path for path in mkdocs if mkdocs[path] != proper[path]] == []


def test_sample_project_builds_the_same_under_properdocs(tmp_path: Path) -> None:
    mkdocs, proper = build_with_both(copy_sample(tmp_path), tmp_path)
    for page in ("kits/sample-kit/first/index.html", "en/kits/sample-kit/first/index.html",
                 "kits/english-only/index.html", "en/kits/english-only/index.html"):
        assert page in proper
    video = proper["kits/sample-kit/first/index.html"].decode("utf-8")
    assert '<html lang="da"' in video and "Første video" in video and ">4:20<" in video
    assert "Second question?" in proper["en/kits/sample-kit/first/index.html"].decode("utf-8")
    assert_same_site(mkdocs, proper)


def test_real_site_builds_the_same_under_properdocs(tmp_path: Path) -> None:
    mkdocs, proper = build_with_both(ROOT, tmp_path)
    assert "en/kits/dialogue-kickstarter/hope/index.html" in proper
    assert_same_site(mkdocs, proper)
