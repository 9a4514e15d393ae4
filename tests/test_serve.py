"""``mkdocs serve`` on a copy of the project: a saved YAML change shows on the page, an invalid
save prints the problems (no traceback) and the last good site stays served, and fixing the
file brings the page back. Timings are measured by scripts/dev/bench.py, not asserted here."""

from __future__ import annotations

import shutil
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import jinja2
import pytest
from helpers.local_ports import free_port
from mkdocs_process import mkdocs_serve

from conftest import ROOT
from kitsite.render.template_cache import MemoryBytecodeCache

KIT = Path("content/da/kits/dialogue-kickstarter.yml")
PAGE = "kits/dialogue-kickstarter/"
SKIP = shutil.ignore_patterns(".git", ".venv", ".cache", "site", "site.new*", "site.old*",
                              "tests", "__pycache__", "*.egg-info", ".mypy_cache",
                              ".ruff_cache", ".pytest_cache", "node_modules")




def fetch(url: str, timeout: float = 5) -> str:
    """The page's HTML; an empty string when the server does not answer in time."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            body: bytes = response.read()
            return body.decode("utf-8")
    except (urllib.error.URLError, OSError):
        return ""


def wait_until(predicate: Callable[[], bool], timeout: float) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.1)
    return False


class Served:
    """A running ``mkdocs serve`` on a copy of the project, with its terminal output."""

    def __init__(self, project: Path, url: str, log: Path) -> None:
        self.project, self.url, self.log = project, url, log

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def page(self, timeout: float = 5) -> str:
        return fetch(self.url + PAGE, timeout)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    project = tmp_path_factory.mktemp("serve") / "project"
    shutil.copytree(ROOT, project, ignore=SKIP)
    port = free_port()
    log = project.parent / "serve.log"
    with mkdocs_serve(project, port, log):
        session = Served(project, f"http://127.0.0.1:{port}/", log)
        assert wait_until(lambda: "<html" in session.page(), 120), session.output()
        yield session


def save(served: Served, old: str, new: str) -> None:
    path = served.project / KIT
    text = path.read_text(encoding="utf-8")
    assert old in text
    time.sleep(0.6)  # a new modification time for the polling watcher
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_preview_runs_on_127_0_0_1_with_its_live_reload_allowed(served: Served) -> None:
    """The published site's security policy (no inline script) stays out of the preview:
    mkdocs serve's live reload is an inline script, and the preview's address is local."""
    page = served.page()
    assert 'rel="canonical" href="http://127.0.0.1:' in page
    assert "livereload" in page
    assert 'http-equiv="Content-Security-Policy"' not in page


def test_saved_yaml_shows_on_the_page(served: Served) -> None:
    save(served, "title: Dialogstarteren", "title: Dialogstarteren Gemt")
    assert wait_until(lambda: "Dialogstarteren Gemt" in served.page(), 60), served.output()


def test_invalid_save_prints_problems_and_keeps_serving(served: Served) -> None:
    if "Dialogstarteren Gemt" not in served.page():
        save(served, "title: Dialogstarteren", "title: Dialogstarteren Gemt")
        assert wait_until(lambda: "Dialogstarteren Gemt" in served.page(), 60)
    save(served, 'duration: "4:20"', 'duration: "4:70"')
    number = (served.project / KIT).read_text(encoding="utf-8").splitlines().index(
        '    duration: "4:70"') + 1
    line = f"{KIT}:{number}: videos[0].duration: "  # the wording is the golden cases'
    assert wait_until(lambda: line in served.output(), 60), served.output()
    assert "still serving the last good site" in served.output()
    assert "Traceback" not in served.output()
    page = served.page(timeout=5)  # answered at once, not held until a good build
    assert "Dialogstarteren Gemt" in page
    save(served, 'duration: "4:70"', 'duration: "4:20"')
    save(served, "title: Dialogstarteren Gemt", "title: Dialogstarteren Rettet")
    assert wait_until(lambda: "Dialogstarteren Rettet" in served.page(), 60), served.output()


def test_cached_templates_are_recompiled_when_their_source_changes(tmp_path: Path) -> None:
    """The adapter's bytecode cache (fast serve rebuilds) never serves a stale template."""
    cache = MemoryBytecodeCache()
    template = tmp_path / "page.html"

    def render() -> str:  # a fresh environment each time, as MkDocs makes for every build
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(tmp_path),
                                 bytecode_cache=cache)
        return env.get_template("page.html").render(x=1)

    template.write_text("first {{ x }}", encoding="utf-8")
    assert render() == "first 1"
    assert len(cache.store) == 1
    assert render() == "first 1"
    template.write_text("second {{ x }}", encoding="utf-8")
    assert render() == "second 1"
