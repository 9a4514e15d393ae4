"""Sample projects under tests/samples, copied into a temporary folder ready to build."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent.parent
SAMPLES = ROOT / "tests" / "samples"
SAMPLE_LABELS = SAMPLES / "labels"
"""The labels the samples are built with: the real site's as they were when the samples'
snapshots were taken, so an editor's change to a label never changes a code test. A label
the site gains later comes from the real labels (:func:`fill_labels`)."""


def fill_labels(path: Path, real: Path) -> None:
    """Append to the labels file ``path`` every label of ``real`` it lacks (the lines it has
    keep their numbers)."""
    own = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    lacking = {key: value for key, value in yaml.safe_load(real.read_text(encoding="utf-8"))
               .items() if key not in own}
    if lacking:
        with path.open("a", encoding="utf-8") as out:
            out.write("\n" + yaml.safe_dump(lacking, allow_unicode=True, sort_keys=False,
                                            width=1000))


def copy_sample(tmp_path: Path, name: str = "basic") -> Path:
    """A copy of a sample project with the samples' labels (:data:`SAMPLE_LABELS`) where it
    has none of its own."""
    project = tmp_path / name
    shutil.copytree(SAMPLES / name, project)
    for lang_dir in (project / "content").iterdir():
        real = ROOT / "content" / lang_dir.name / "labels.yml"
        frozen = SAMPLE_LABELS / f"{lang_dir.name}.yml"
        target = lang_dir / "labels.yml"
        if not lang_dir.is_dir() or target.exists() or not real.exists():
            continue
        shutil.copy(frozen if frozen.exists() else real, target)
        fill_labels(target, real)
    # the sample points at the real templates and theme overrides
    text = (project / "mkdocs.yml").read_text().replace("../../../", f"{ROOT}/")
    (project / "mkdocs.yml").write_text(text)
    return project


def read(site: Path, path: str) -> str:
    """The HTML of the built page at ``path`` (a directory URL) of ``site``."""
    return (site / path / "index.html").read_text(encoding="utf-8")
