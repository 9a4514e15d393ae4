"""One step from content to the pages a site generator reads.

Owns: the sequence load -> check -> plan, and rendering each planned page when it is asked
for, with no knowledge of MkDocs, so that any MkDocs-like tool (MkDocs, ProperDocs, a test) can
call it and get the problems back. Nothing is written to disk: a site generator takes the
pages from memory (see :mod:`kitsite.plugins.kits`), and :func:`export_site_sources` writes
them next to a copy of the hand-written docs for tools that read folders.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kitsite.content.loading import LoadResult, load_library
from kitsite.content.problems import Problem, error_report, errors
from kitsite.render.export import stage
from kitsite.render.pages import MACROS_TEMPLATE, GeneratedPage, PageRenderer, PlannedPage
from kitsite.render.template_cache import MemoryBytecodeCache

PAGE_BYTECODE = MemoryBytecodeCache()
"""The kit templates compiled once per process, not on every ``mkdocs serve`` rebuild."""


@dataclass
class SiteSources:
    """Checked content and the pages generated from it, each rendered the first time it is
    asked for (a process that builds one language renders only that language's pages)."""

    load: LoadResult
    renderer: PageRenderer | None = None
    planned: dict[str, PlannedPage] = field(default_factory=dict)
    """Every generated page by its path in the docs folder (``en/kits/index.md``)."""
    _rendered: dict[str, str] = field(default_factory=dict)

    @property
    def errors(self) -> list[Problem]:
        return errors(self.load.problems)

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.load.problems if p.severity == "warning"]

    def error_report(self) -> str:
        return error_report(self.load.problems)

    def markdown(self, docs_path: str) -> str:
        """The Markdown of the generated page at ``docs_path`` (a key of :attr:`planned`)."""
        if docs_path not in self._rendered:
            assert self.renderer is not None
            self._rendered[docs_path] = self.renderer.render(self.planned[docs_path]).markdown
        return self._rendered[docs_path]

    def render(self, docs_paths: Iterable[str]) -> dict[str, str]:
        """The Markdown of each of ``docs_paths``, by path."""
        with _collector_paused():
            return {path: self.markdown(path) for path in docs_paths}

    def pages(self, language: str) -> list[GeneratedPage]:
        """Every generated page of ``language``, rendered."""
        prefix = f"{language}/"
        paths = [path for path, page in self.planned.items() if page.language == language]
        return [GeneratedPage(path.removeprefix(prefix), markdown)
                for path, markdown in self.render(paths).items()]


def prepare_site_sources(
    *, content_dir: Path, templates_dir: Path, docs_dir: Path, use_directory_urls: bool = True,
    cross_checks: bool = True, mkdocs_file: Path | None = None,
) -> SiteSources:
    """Check the content; when it has no errors, plan every generated page of every language.
    (``cross_checks`` and ``mkdocs_file``: see :func:`kitsite.content.loading.load_library`.)"""
    with _collector_paused():
        loaded = load_library(content_dir, docs_dir, cross_checks=cross_checks,
                              mkdocs_file=mkdocs_file)
        if errors(loaded.problems):
            return SiteSources(loaded)
        renderer = PageRenderer(loaded.library, templates_dir,
                                use_directory_urls=use_directory_urls, docs_dir=docs_dir)
        renderer.env.bytecode_cache = PAGE_BYTECODE
        planned = {f"{lang}/{page.src_uri}": page for lang in loaded.library.languages
                   for page in renderer.plan_language(lang)}
        missing = missing_templates(templates_dir, [page.template for page in planned.values()])
        if missing:
            loaded.problems.extend(missing)
            return SiteSources(loaded)
        return SiteSources(loaded, renderer, planned)


def missing_templates(templates_dir: Path, names: Iterable[str]) -> list[Problem]:
    """A problem for each template the planned pages need that ``templates_dir`` lacks."""
    needed = sorted({MACROS_TEMPLATE, *names})
    return [Problem(templates_dir / name, 1, "", f"expected the page template {name} in "
                    f"{templates_dir.name}/, found no such file — restore the folder from the "
                    f"project's repository: git checkout -- {templates_dir.name}")
            for name in needed if not (templates_dir / name).is_file()]


def export_site_sources(sources: SiteSources, docs_dir: Path, out_dir: Path) -> int:
    """Write ``docs_dir`` and every generated page into ``out_dir`` as one docs folder, the
    way a person would have written it by hand; returns how many files changed."""
    languages = sources.load.library.languages
    return stage(docs_dir, {lang: sources.pages(lang) for lang in languages}, out_dir)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off while loading and rendering: these make many objects that
    live on and almost no cycles, and inside a large MkDocs process each full collection walks
    every object of the build (about a tenth of the time at 1000 videos per language)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
