"""Build the offline edition: a zip to unpack and open from file://, search included.

Usage: .venv/bin/python scripts/build/offline.py [--out dist/kits-offline.zip]

Builds mkdocs.offline.yml (use_directory_urls off, Material's offline plugin on, the vendored
iframe-worker shim instead of a CDN) into a temporary folder, gives every language's search
index the script form file:// can load, prints the PDF handouts (scripts/build/handouts.py),
and zips the folder as ``kits-offline/``: unpack it and open ``kits-offline/index.html``. The
zip replaces the old one whole or not at all (:mod:`kitsite.edit.atomic`).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from kitsite.edit.atomic import WriteError, replacing
from kitsite.render.site_address import ENVIRONMENT_VARIABLE

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "mkdocs.offline.yml"
FOLDER = "kits-offline"


def build(site: Path) -> None:
    env = {**os.environ, "KITS_OFFLINE": "true", "NO_MKDOCS_2_WARNING": "1"}
    env.pop(ENVIRONMENT_VARIABLE, None)  # the disk copy names no web address (mkdocs.offline.yml)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(CONFIG),
         "-d", str(site)], cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"offline build failed:\n{result.stderr}")


def make_zip(site: Path, out: Path) -> int:
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise WriteError(out, err) from err
    files = sorted(p for p in site.rglob("*") if p.is_file())
    with replacing(out) as raw, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED,
                                                 compresslevel=9) as archive:
        for path in files:
            archive.write(path, f"{FOLDER}/{path.relative_to(site).as_posix()}")
    return len(files)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "dist" / "kits-offline.zip")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kits-offline-") as tmp:
        site = Path(tmp) / FOLDER
        build(site)
        subprocess.run([sys.executable, str(ROOT / "scripts" / "build" / "handouts.py"), str(site)],
                       check=True)
        try:
            count = make_zip(site, args.out)
        except WriteError as err:
            raise SystemExit(f"offline: {err}") from err
    size = args.out.stat().st_size / 1024 / 1024
    print(f"offline: {args.out} ({count} files, {size:.1f} MB) — unpack it and open "
          f"{FOLDER}/index.html in a browser")
    return 0


if __name__ == "__main__":
    sys.exit(main())
