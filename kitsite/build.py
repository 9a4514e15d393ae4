"""One step from content to the files a site generator reads.

Owns: the sequence load -> check -> render -> stage, with no knowledge of MkDocs, so that
any MkDocs-like tool (MkDocs, ProperDocs, a test) can call it and get the problems back. A large
library's languages are rendered and staged by two processes at once (see
:mod:`kitsite.helper_process`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from kitsite import helper_process
from kitsite.loading import LoadResult, load_library
from kitsite.model import Library
from kitsite.pages import PageRenderer
from kitsite.problems import Problem, errors, summary_line
from kitsite.staging import stage
from kitsite.template_cache import MemoryBytecodeCache

PAGE_BYTECODE = MemoryBytecodeCache()
"""The kit templates compiled once per process, not on every ``mkdocs serve`` rebuild."""
HELPER_MIN_VIDEOS = 100
"""From this many videos (all languages), a helper process renders half the languages."""


@dataclass
class GenerateResult:
    load: LoadResult
    pages: int
    changed_files: int

    @property
    def errors(self) -> list[Problem]:
        return errors(self.load.problems)

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.load.problems if p.severity == "warning"]

    def error_report(self) -> str:
        lines = [p.format() for p in sorted(self.load.problems)]
        return "\n".join(["content has errors:", *lines, summary_line(self.load.problems)])


def generate_site_sources(
    *, content_dir: Path, templates_dir: Path, docs_dir: Path, staging_dir: Path,
    use_directory_urls: bool = True,
) -> GenerateResult:
    """Check the content; when it has no errors, stage docs plus generated pages."""
    loaded = load_library(content_dir)
    if errors(loaded.problems):
        return GenerateResult(loaded, 0, 0)
    renderer = PageRenderer(loaded.library, templates_dir, use_directory_urls=use_directory_urls,
                            docs_dir=docs_dir)
    renderer.env.bytecode_cache = PAGE_BYTECODE
    languages = loaded.library.languages
    theirs = _helper_languages(loaded.library)
    helper = helper_process.start(
        lambda: _render_and_stage(renderer, theirs, docs_dir, staging_dir, theirs, inside=True)
    ) if theirs else None
    mine = [lang for lang in languages if lang not in theirs]
    pages, changed = _render_and_stage(renderer, mine, docs_dir, staging_dir, theirs,
                                       inside=False)
    if helper is not None:
        more_pages, more_changed = helper()
        pages, changed = pages + more_pages, changed + more_changed
    return GenerateResult(loaded, pages, changed)


def _helper_languages(library: Library) -> tuple[str, ...]:
    """The languages a helper process renders and stages (the second half), when the library
    is large enough to be worth a second process and one can be started safely."""
    videos = sum(len(kit.videos) for kits in library.kits.values() for kit in kits.values())
    if len(library.languages) < 2 or videos < HELPER_MIN_VIDEOS or not helper_process.can_fork():
        return ()
    return library.languages[len(library.languages) // 2:]


def _render_and_stage(renderer: PageRenderer, languages: Sequence[str], docs_dir: Path,
                      staging_dir: Path, helper_languages: Sequence[str],
                      *, inside: bool) -> tuple[int, int]:
    """Render ``languages`` and stage the folders on one side of ``helper_languages`` (those
    folders when ``inside``, everything else when not); returns pages and changed files."""
    generated = {lang: renderer.render_language(lang) for lang in languages}

    def in_scope(rel: str) -> bool:
        return (rel.split("/", 1)[0] in helper_languages) == inside

    changed = stage(docs_dir, generated, staging_dir, in_scope)
    return sum(len(p) for p in generated.values()), changed
