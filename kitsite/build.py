"""One step from content to the files a site generator reads.

Owns: the sequence load -> check -> render -> stage, with no knowledge of MkDocs, so that
any MkDocs-like tool (MkDocs, ProperDocs, a test) can call it and get the problems back.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kitsite.loading import LoadResult, load_library
from kitsite.pages import PageRenderer
from kitsite.problems import Problem, errors, summary_line
from kitsite.staging import stage
from kitsite.template_cache import MemoryBytecodeCache

PAGE_BYTECODE = MemoryBytecodeCache()
"""The kit templates compiled once per process, not on every ``mkdocs serve`` rebuild."""


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
    generated = {lang: renderer.render_language(lang) for lang in loaded.library.languages}
    changed = stage(docs_dir, generated, staging_dir)
    return GenerateResult(loaded, sum(len(p) for p in generated.values()), changed)
