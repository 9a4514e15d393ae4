"""The generated pages live in memory: a build writes nothing but the site, renders each page
only in the language pass that builds it, refuses a hand-written page at a generated page's
address (naming both), and the same pages can be written out as a docs folder
(scripts/dev/bench.py's hand-written twin)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.projects import copy_sample, read

from conftest import ROOT, mkdocs_build
from kitsite.render.pages import PlannedPage
from kitsite.render.site_sources import SiteSources, export_site_sources, prepare_site_sources
from kitsite.render.urls import generated_pages, published_uri


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def prepare(project: Path) -> SiteSources:
    sources = prepare_site_sources(content_dir=project / "content",
                                   templates_dir=ROOT / "templates", docs_dir=project / "docs")
    assert not sources.errors, sources.error_report()
    return sources


def test_pages_are_planned_for_every_language_and_rendered_when_asked(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sources = prepare(copy_sample(tmp_path))
    assert {"da/kits/index.md", "en/kits/index.md", "da/kits/english-only/index.md",
            "en/kits/sample-kit/first/index.md"} <= set(sources.planned)
    assert sources.renderer is not None
    rendered: list[str] = []
    render = sources.renderer.render

    def spy(page: PlannedPage):  # type: ignore[no-untyped-def]
        rendered.append(page.language)
        return render(page)

    monkeypatch.setattr(sources.renderer, "render", spy)
    english = [path for path in sources.planned if path.startswith("en/")]
    texts = sources.render(english)
    assert set(rendered) == {"en"} and len(rendered) == len(english)
    assert "The sample kit" in texts["en/kits/sample-kit/index.md"]
    sources.render(english)  # asked again: rendered once
    assert len(rendered) == len(english)


def test_a_build_writes_nothing_but_the_site(tmp_path: Path) -> None:
    project = copy_sample(tmp_path)
    before = tree(project)
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert tree(project) == before
    assert "The sample kit" in read(tmp_path / "site", "en/kits/sample-kit")


def test_a_hand_written_page_at_a_generated_pages_address_stops_the_build(
        tmp_path: Path) -> None:
    project = copy_sample(tmp_path)
    (project / "docs" / "en" / "kits").mkdir()
    (project / "docs" / "en" / "kits" / "index.md").write_text(
        "# Our kits\n\nWritten by hand.\n", encoding="utf-8")
    (project / "docs" / "en" / "kits" / "sample-kit.md").write_text(
        "# Our kit\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert ("docs/en/kits/index.md:1: expected no generated page at this page's address, "
            "found the list of kits at /en/kits/") in result.stderr
    assert ("docs/en/kits/sample-kit.md:1: expected no generated page at this page's "
            "address, found the kit page at /en/kits/sample-kit/, which "
            "content/en/kits/sample-kit.yml:") in result.stderr
    assert not (tmp_path / "site").exists()


def test_export_writes_docs_and_pages_and_removes_what_is_gone(tmp_path: Path) -> None:
    project = copy_sample(tmp_path)
    sources = prepare(project)
    out = tmp_path / "out"
    stale = out / "en" / "kits" / "gone" / "index.md"
    stale.parent.mkdir(parents=True)
    stale.write_text("a kit that no longer exists")
    count = export_site_sources(sources, project / "docs", out)
    written = tree(out)
    assert not stale.parent.exists()
    assert count == len(written)
    docs = {p.relative_to(project / "docs").as_posix() for p in (project / "docs").rglob("*")
            if p.is_file()}
    assert set(written) == docs | set(sources.planned)
    assert written["en/index.md"] == (project / "docs" / "en" / "index.md").read_bytes()
    assert written["en/kits/index.md"].decode() == sources.markdown("en/kits/index.md")


@pytest.mark.parametrize(("uri", "directory_urls", "published"), [
    ("index.md", True, ""), ("kits/x/index.md", True, "kits/x/"), ("words.md", True, "words/"),
    ("kits/index.md", False, "kits/index.html"), ("words.md", False, "words.html"),
    ("assets/logo.svg", True, "assets/logo.svg"),
])
def test_links_and_pages_agree_where_a_source_file_is_published(
        uri: str, directory_urls: bool, published: str) -> None:
    assert published_uri(uri, directory_urls) == published


@pytest.mark.parametrize("project", [ROOT, None], ids=["real", "sample"])
def test_the_pages_collisions_are_checked_against_are_the_planned_pages(
        project: Path | None, tmp_path: Path) -> None:
    """:func:`generated_pages` (what a hand-written page may not collide with) lists exactly
    the pages the renderer plans, stand-ins for missing hand-written pages aside."""
    sources = prepare(project or copy_sample(tmp_path))
    library = sources.load.library
    for language in library.languages:
        planned = {page.src_uri for page in sources.planned.values()
                   if page.language == language and page.template != "page-fallback.md.j2"}
        assert planned == set(generated_pages(library, language))
