"""Write the nginx server block for self-hosting: deploy/nginx/kits.conf.

Usage: .venv/bin/python scripts/dev/deploy_config.py [--check]

The block (:func:`kitsite.render.hosting.nginx_server_block`) carries the security headers of
the content as it is (:mod:`kitsite.render.security`: the policy allows frames from the players
of the videos the content names) and each language's 404 page. ``--check`` writes nothing and
exits 1 when the committed file is not what this would write (tests/test_nginx.py checks it).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kitsite.content.loading import load_library
from kitsite.edit.atomic import write_text
from kitsite.render.hosting import nginx_server_block
from kitsite.render.security import frame_sources, security_headers

ROOT = Path(__file__).resolve().parents[2]
NGINX_CONF = ROOT / "deploy" / "nginx" / "kits.conf"


def server_block(content_dir: Path = ROOT / "content") -> str:
    library = load_library(content_dir).library
    return nginx_server_block(security_headers(frame_sources(library)), library.languages,
                              library.default_language)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    text = server_block()
    shown = NGINX_CONF.relative_to(ROOT)
    if args.check:
        current = NGINX_CONF.read_text("utf-8") if NGINX_CONF.exists() else ""
        if current != text:
            print(f"{shown}: out of date — run .venv/bin/python scripts/dev/deploy_config.py")
            return 1
        return 0
    NGINX_CONF.parent.mkdir(parents=True, exist_ok=True)
    write_text(NGINX_CONF, text)
    print(f"wrote {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
