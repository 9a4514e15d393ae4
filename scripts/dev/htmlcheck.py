"""The W3C Nu HTML Checker on a built site: every error on every page.

Owns: where the checker is (the jar of npm's ``vnu-jar``, pinned in scripts/dev/node and installed
into ``.cache/node`` by the Makefile; run with Debian's Java), how it is run (errors only,
every ``.html`` file under the folder) and how its findings are read and printed. Used by
``scripts/dev/audit.py`` (``make audit``) and tests/test_valid_html.py.

Usage: .venv/bin/python scripts/dev/htmlcheck.py [SITE_DIR]
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = ROOT / ".cache" / "node" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
JAVA = "/usr/bin/java"


@dataclass(frozen=True)
class HtmlError:
    """One error the checker found: the page (relative to the site), its line, the message."""

    page: str
    line: int
    message: str
    extract: str = ""

    def format(self) -> str:
        return f"{self.page}:{self.line}: {self.message}"


def missing_tools() -> str | None:
    """What is missing to run the checker, and how to get it; None when nothing is."""
    if not Path(JAVA).exists() and shutil.which("java") is None:
        return f"{JAVA} is missing: run 'make audit' or 'make test', which install Java"
    if not VNU_JAR.is_file():
        return f"{VNU_JAR} is missing: run 'make audit' or 'make test', which install it"
    return None


def html_errors(site: Path) -> list[HtmlError]:
    """Every error the Nu HTML Checker finds in the ``.html`` files under ``site``."""
    problem = missing_tools()
    if problem:
        raise RuntimeError(problem)
    java = JAVA if Path(JAVA).exists() else str(shutil.which("java"))
    result = subprocess.run(
        [java, "-Xss1m", "-jar", str(VNU_JAR), "--errors-only", "--format", "json",
         "--skip-non-html", str(site)],
        capture_output=True, text=True, check=False, timeout=600)
    # the report goes to stderr; exit code 1 means "errors found", anything else is a failure
    if result.returncode not in (0, 1):
        raise RuntimeError(f"the Nu HTML Checker failed ({result.returncode}): {result.stderr}")
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    return [HtmlError(_page(str(m.get("url", "")), site), int(m.get("lastLine", 0)),
                      m["message"], m.get("extract", ""))
            for m in messages if m.get("type") == "error"]


def _page(url: str, site: Path) -> str:
    """``en/kits/index.html`` for the checker's ``file:/…/site/en/kits/index.html``."""
    path = Path(unquote(urlparse(url).path))
    try:
        return path.relative_to(site.resolve()).as_posix()
    except ValueError:
        return url


def summary(errors: list[HtmlError]) -> str:
    """``0 errors`` or each kind of error with its count, most frequent first."""
    if not errors:
        return "0 errors"
    kinds = Counter(e.message for e in errors)
    pages = len({e.page for e in errors})
    lines = [f"{len(errors)} errors on {pages} pages:"]
    lines += [f"  {count} × {message}" for message, count in kinds.most_common()]
    return "\n".join(lines)


def main() -> int:
    site = Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    errors = html_errors(site)
    for error in errors:
        print(error.format())
    print(f"Nu HTML Checker: {summary(errors)}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
