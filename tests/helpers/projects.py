"""Sample projects under tests/samples, copied into a temporary folder ready to build."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
SAMPLES = ROOT / "tests" / "samples"


def copy_sample(tmp_path: Path, name: str = "basic") -> Path:
    """A copy of a sample project with the real site's labels (they are site content)."""
    project = tmp_path / name
    shutil.copytree(SAMPLES / name, project)
    for lang_dir in (project / "content").iterdir():
        labels = ROOT / "content" / lang_dir.name / "labels.yml"
        if lang_dir.is_dir() and labels.exists() and not (lang_dir / "labels.yml").exists():
            shutil.copy(labels, lang_dir / "labels.yml")
    # the sample points at the real templates and theme overrides
    text = (project / "mkdocs.yml").read_text().replace("../../../", f"{ROOT}/")
    (project / "mkdocs.yml").write_text(text)
    return project


def read(site: Path, path: str) -> str:
    """The HTML of the built page at ``path`` (a directory URL) of ``site``."""
    return (site / path / "index.html").read_text(encoding="utf-8")
