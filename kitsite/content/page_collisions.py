"""Hand-written pages at the address of a generated page.

Owns: finding every file under ``docs/`` that MkDocs would publish at the same place as a page
the generator makes (the list of kits, a kit page, a video page, a session page, the language
guide's page, the translation status page; see :func:`kitsite.render.pages.generated_pages`),
whether it has the generated page's very path (``docs/en/kits/x/index.md``) or another path
published there (``docs/en/kits/x.md``). One of the two would silently replace the other;
instead each collision is an error at the hand-written file that names the file the page is
made from.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from kitsite.content.docs_pages import visible_files
from kitsite.content.model import Library
from kitsite.content.problems import Problem
from kitsite.render.urls import (
    PageOrigin,
    generated_pages,
    kit_list_uri,
    published_uri,
)

_KITS = kit_list_uri().rsplit("/", 1)[0] + "/"
"""The folder of every kit and video page (``kits/``)."""


def output_file(uri: str) -> str:
    """The file of the site a source file of a language folder becomes (directory URLs):
    ``staff.md`` -> ``staff/index.html``, ``kits/index.md`` -> ``kits/index.html``."""
    published = published_uri(uri)
    return published + "index.html" if published.endswith("/") or not published else published


def check_page_collisions(library: Library, docs_dir: Path,
                          readable: Callable[[Path], bool] = lambda _: True) -> list[Problem]:
    """An error for each hand-written file published where a generated page is."""
    hand_written: list[tuple[Path, list[str], str]] = []
    for path in sorted(visible_files(docs_dir)):
        if not readable(path):
            continue
        parts = path.relative_to(docs_dir).parts
        in_language = parts[0] in library.languages and len(parts) > 1
        languages = [parts[0]] if in_language else list(library.languages)
        hand_written.append((path, languages, output_file(
            "/".join(parts[1:] if in_language else parts))))
    # Listing every kit, video and session page compares each kit's translations: only done
    # when a hand-written file is published where one could be (under kits/, not the kit list)
    kit_pages = any(_under_a_kit(published) for _, _, published in hand_written)
    generated = {lang: {output_file(uri): (uri, origin) for uri, origin in
                        generated_pages(library, lang, kit_pages=kit_pages).items()}
                 for lang in library.languages}
    problems: list[Problem] = []
    for path, languages, published in hand_written:
        for language in languages:
            taken = generated[language].get(published)
            if taken is not None:
                problems.append(_collision(path, language, *taken, library))
    return problems


def _under_a_kit(published: str) -> bool:
    """Whether the site file ``published`` is where a kit, video or session page could be."""
    return published.startswith(_KITS) and published != output_file(kit_list_uri())


def _collision(path: Path, language: str, uri: str, origin: PageOrigin,
               library: Library) -> Problem:
    prefix = "" if language == library.default_language else f"{language}/"
    address = "/" + prefix + published_uri(uri)
    made_from = ""
    if origin.path is not None:
        made_from = f", which {_short(origin.path, library)}:{origin.line} generates"
    return Problem(path, 1, "", (
        f"expected no generated page at this page's address, found {origin.what} at "
        f"{address}{made_from} — one of the two would replace the other: give this file "
        "another name or folder (and change the links to it)"))


def _short(path: Path, library: Library) -> str:
    """``content/en/kits/x.yml``: the path from the content folder's parent."""
    try:
        return path.relative_to(library.root.parent).as_posix()
    except ValueError:
        return str(path)
