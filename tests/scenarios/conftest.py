"""Scenario tests: what editors and translators do, on a copy of the real project.

Owns: the ``project`` fixture — a fresh copy of the project's real ``content/``, ``docs/``,
``mkdocs.yml``, templates, theme overrides, ``Makefile`` and scripts in a temporary folder,
with the project's ``.venv`` linked in — and the small verbs a scenario is written in: run a
command exactly as a person types it at the project root (``make site``,
``.venv/bin/kits status``), edit a file as text, and read the built pages.

Scenarios assert on what people see: the command's output and the built HTML. They never
call the generator's Python functions directly.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

ROOT = Path(__file__).resolve().parents[2]
COPIED = ("content", "docs", "templates", "overrides", "schema", "scripts", "mkdocs.yml",
          "mkdocs.offline.yml", "Makefile", "requirements.txt", "pyproject.toml")
"""What a scenario's project holds: everything a person's checkout has but the generator's
own code, which the linked ``.venv`` runs from this checkout (the code under test)."""


@dataclass(frozen=True)
class Result:
    """A finished command: its exit code and what it printed."""

    command: str
    returncode: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr

    def __str__(self) -> str:
        return f"$ {self.command}\n(exit {self.returncode})\n{self.output}"


class Project:
    """A copy of the real project that a scenario changes and builds."""

    def __init__(self, root: Path) -> None:
        self.root = root

    # --- commands ---------------------------------------------------------------------------

    def run(self, command: str, *, ok: bool | None = True, env: dict[str, str] | None = None,
            timeout: float = 600) -> Result:
        """Run ``command`` in a shell at the project root, as a person types it.

        ``ok=True`` (the default) fails the test unless it exits 0, ``ok=False`` unless it
        fails; ``ok=None`` accepts either. ``make`` never reinstalls the linked ``.venv``.
        """
        shell_command = command
        if command.startswith("make "):  # the linked .venv is the checkout's: never rebuild it
            shell_command = "make -o .venv/.installed " + command.removeprefix("make ")
        proc = subprocess.run(
            shell_command, shell=True, cwd=self.root, capture_output=True, text=True,
            timeout=timeout, check=False,
            env={**_as_typed(os.environ), "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        )
        result = Result(command, proc.returncode, proc.stdout, proc.stderr)
        if ok is True:
            assert result.returncode == 0, str(result)
        elif ok is False:
            assert result.returncode != 0, str(result)
        return result

    def kits(self, arguments: str, **kwargs: object) -> Result:
        """``.venv/bin/kits ARGUMENTS``, the way the guides write it."""
        return self.run(f".venv/bin/kits {arguments}", **kwargs)  # type: ignore[arg-type]

    # --- files ------------------------------------------------------------------------------

    def path(self, relative: str) -> Path:
        return self.root / relative

    def read(self, relative: str) -> str:
        return self.path(relative).read_text(encoding="utf-8")

    def write(self, relative: str, text: str) -> None:
        target = self.path(relative)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")

    def replace(self, relative: str, old: str, new: str, *, count: int = 1) -> None:
        """Change ``old`` to ``new`` in a file, as an editor would; ``old`` must occur
        exactly ``count`` times, so that a scenario never edits the wrong place silently."""
        text = self.read(relative)
        found = text.count(old)
        assert found == count, f"{relative}: expected {old!r} {count} time(s), found {found}"
        self.write(relative, text.replace(old, new))

    def line_of(self, relative: str, snippet: str) -> int:
        """The 1-based line of the first line of ``relative`` that holds ``snippet``."""
        for number, line in enumerate(self.read(relative).splitlines(), start=1):
            if snippet in line:
                return number
        raise AssertionError(f"{relative}: no line holds {snippet!r}")

    def copy(self, source: str, target: str) -> None:
        shutil.copyfile(self.path(source), self.path(target))

    # --- the built site ---------------------------------------------------------------------

    def page(self, url_path: str, site: str = "site") -> Page:
        """The built page at ``url_path`` (``/en/kits/x/``) of ``site/``."""
        relative = url_path.lstrip("/")
        file = self.root / site / relative
        if relative == "" or relative.endswith("/"):
            file = file / "index.html"
        assert file.is_file(), f"{url_path}: no page {file.relative_to(self.root)} was built"
        return Page(url_path, file.read_text(encoding="utf-8"))


class Page:
    """A built HTML page, parsed, with the questions scenarios ask of it."""

    def __init__(self, url_path: str, html: str) -> None:
        self.url_path = url_path
        self.html = html
        self.soup = BeautifulSoup(html, "html.parser")

    @property
    def lang(self) -> str:
        root = self.soup.find("html")
        assert isinstance(root, Tag)
        return str(root.get("lang", ""))

    @property
    def dir(self) -> str:
        root = self.soup.find("html")
        assert isinstance(root, Tag)
        return str(root.get("dir", ""))

    @property
    def article(self) -> Tag:
        """The page's own content (Material's ``<article>``), without the theme around it."""
        found = self.soup.select_one("article.md-content__inner")
        assert found is not None, f"{self.url_path}: no article"
        return found

    def text(self) -> str:
        """The article's words, with white space folded."""
        return " ".join(self.article.get_text(" ").split())

    def notices(self) -> list[str]:
        """The translation notices on the page, as text."""
        return [" ".join(n.get_text(" ").split())
                for n in self.article.select(".translation-notice, .translation-gap")]

    def lang_of(self, words: str) -> str:
        """The language the page marks ``words`` as: the ``lang`` of the innermost element
        holding them, or of the nearest ancestor that has one."""
        return _inherited(self._holder(words), "lang", self.lang)

    def dir_of(self, words: str) -> str:
        """The writing direction the page marks ``words`` with: the ``dir`` of the innermost
        element holding them, or of the nearest ancestor that has one."""
        return _inherited(self._holder(words), "dir", self.dir)

    def _holder(self, words: str) -> Tag:
        pattern = re.compile(re.escape(" ".join(words.split())))
        for element in self.article.find_all(True):
            if pattern.search(" ".join(element.get_text(" ").split())) and not any(
                    pattern.search(" ".join(child.get_text(" ").split()))
                    for child in element.find_all(True, recursive=False)):
                return element
        raise AssertionError(f"{self.url_path}: {words!r} is not on the page")

    def questions(self) -> list[str]:
        """The questions for debate on a video page, in order."""
        heading = next((h for h in self.article.find_all("h2")
                        if str(h.get("id", "")).startswith(("questions", "spørgsmål"))), None)
        assert heading is not None, f"{self.url_path}: no questions heading"
        listing = heading.find_next_sibling("ol")
        assert isinstance(listing, Tag)
        return [" ".join(li.get_text(" ").split()) for li in listing.find_all("li")]


def _as_typed(environment: Mapping[str, str]) -> dict[str, str]:
    """The environment of a command typed in a terminal: without what an outer `make` (such as
    `make test`) passes to the makes it starts, which changes what a nested `make` prints."""
    return {name: value for name, value in environment.items()
            if name not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES")}


def _inherited(element: Tag, attribute: str, default: str) -> str:
    node: Tag | None = element
    while node is not None:
        if node.has_attr(attribute):
            return str(node[attribute])
        node = node.parent if isinstance(node.parent, Tag) else None
    return default


def make_project(target: Path) -> Project:
    """A fresh copy of the real project at ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, symlinks=True,
                            ignore=shutil.ignore_patterns("__pycache__", "node_modules"))
        elif source.exists():
            shutil.copy2(source, target / name)
    (target / ".venv").symlink_to(ROOT / ".venv")
    return Project(target)


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    """A fresh copy of the real project, for one scenario."""
    yield make_project(tmp_path / "project")


def quoted(text: str) -> str:
    """``text`` quoted for the shell, for commands built in a scenario."""
    return shlex.quote(text)
