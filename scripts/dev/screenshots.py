"""Take screenshots of the built site in headless Chromium, in every language.

Usage: .venv/bin/python scripts/dev/screenshots.py [SITE_DIR] [OUT_DIR] [--width 1280]
Prints the path of each PNG; look at them with an image viewer.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path[:0] = [str(Path(__file__).resolve().parent),  # the developer tools
                str(Path(__file__).resolve().parents[1] / "build")]  # local_server
from local_server import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

PAGES = [
    "", "kits/", "kits/dialogue-kickstarter/", "kits/dialogue-kickstarter/hope/",
    "kits/time-to-change/", "en/", "en/kits/", "en/kits/dialogue-kickstarter/",
    "en/kits/dialogue-kickstarter/hope/", "en/kits/time-to-change/",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("site", nargs="?", default="site")
    parser.add_argument("out", nargs="?", default=".cache/screenshots")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--pages", nargs="*", default=PAGES)
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with serve(Path(args.site)) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": args.width, "height": 900})
        for path in args.pages:
            page.goto(base + path)
            name = (path.strip("/").replace("/", "_") or "home") + f"-{args.width}.png"
            page.screenshot(path=out / name, full_page=True)
            print(out / name)
        browser.close()


if __name__ == "__main__":
    main()
