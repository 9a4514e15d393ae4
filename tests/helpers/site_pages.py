"""The pages a built site should have, predicted from the sources without building it.

Every language gets every page: its own, or the default language's as a fallback stand-in
(mkdocs-static-i18n). Tests parametrize over this list so that a failure names its page; a
test compares it with what the build wrote, so a page cannot be left out unnoticed.
"""

from __future__ import annotations

from pathlib import Path

from kitsite.content.docs_pages import visible_files
from kitsite.content.site_settings import read_site_settings
from kitsite.render.site_sources import prepare_site_sources
from kitsite.render.urls import published_uri


def _source_uris(project: Path) -> tuple[list[str], set[str]]:
    sources = prepare_site_sources(content_dir=project / "content",
                                   templates_dir=project / "templates", docs_dir=project / "docs")
    assert not sources.errors, sources.error_report()
    uris = {key.split("/", 1)[1] for key in sources.planned}
    for file in visible_files(project / "docs"):
        language_path = file.relative_to(project / "docs").as_posix().split("/", 1)
        if len(language_path) == 2 and language_path[1].endswith(".md"):
            uris.add(language_path[1])
    return list(sources.load.library.languages), uris


def predicted_pages(project: Path) -> list[str]:
    """Every HTML page of ``project``'s site as a path from the site's root (``en/kits/``)."""
    languages, uris = _source_uris(project)
    default = read_site_settings(project / "content", []).default_language
    pages = []
    for language in languages:
        prefix = "" if language == default else f"{language}/"
        for uri in sorted(uris):
            pages.append(prefix + published_uri(uri))
            if uri == "404.md":  # also the page the host answers unknown addresses with
                pages.append(prefix + "404.html")
    return sorted(pages)
