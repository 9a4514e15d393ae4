"""Whether a change left the built site as it was: builds the real site at two git revisions
(each in a clean checkout of its own, with this checkout's .venv) and prints every file that
differs, is new or is gone.

Usage: .venv/bin/python scripts/dev/site_diff.py BEFORE [AFTER]   (AFTER: the working tree)

For a restructuring that should change nothing, the answer is "identical". PDFs are compared
by their text and page count, since Chromium writes a creation date into each.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BUILD = ("scripts/build/build_site.py", "scripts/build_site.py")
"""Where the build step is, newest layout first (older revisions had it in scripts/)."""


def checkout(revision: str | None, into: Path) -> Path:
    """The project at ``revision`` (``None``: the working tree, uncommitted edits included)."""
    if revision is None:
        files = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT,
                               capture_output=True, check=True).stdout.decode().split("\0")
        for name in filter(None, files):
            if (ROOT / name).is_file():
                (into / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(ROOT / name, into / name)
    else:
        archive = subprocess.run(["git", "archive", revision], cwd=ROOT, capture_output=True,
                                 check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into


def build(project: Path) -> Path:
    """``project``'s site/, built by its own build step with this checkout's Python."""
    step = next(project / name for name in BUILD if (project / name).exists())
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project)}
    env.pop("SITE_URL", None)
    result = subprocess.run([sys.executable, str(step)], cwd=project, env=env,
                            capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit(f"{project.name}: the build failed:\n{result.stdout}{result.stderr}")
    return project / "site"


def pdf_text(path: Path) -> str:
    """A PDF's pages as text (pdftotext), which no creation date changes."""
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def differences(before: Path, after: Path) -> list[str]:
    """One line per file of either site that is not the same in the other."""
    names_before = {p.relative_to(before).as_posix() for p in before.rglob("*") if p.is_file()}
    names_after = {p.relative_to(after).as_posix() for p in after.rglob("*") if p.is_file()}
    lines = [f"gone: {name}" for name in sorted(names_before - names_after)]
    lines += [f"new: {name}" for name in sorted(names_after - names_before)]
    for name in sorted(names_before & names_after):
        a, b = before / name, after / name
        same = (pdf_text(a) == pdf_text(b)) if name.endswith(".pdf") else filecmp.cmp(
            a, b, shallow=False)
        if not same:
            lines.append(f"changed: {name}")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before")
    parser.add_argument("after", nargs="?")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="site-diff-") as work:
        sites = []
        for label, revision in (("before", args.before), ("after", args.after)):
            folder = Path(work) / label
            folder.mkdir()
            sites.append(build(checkout(revision, folder)))
        lines = differences(*sites)
    print("\n".join(lines) if lines else "identical")
    print(f"{len(lines)} files differ between {args.before} and {args.after or 'the working tree'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
