"""Where generated pages are and where MkDocs publishes a page.

Owns: the source path of every page the generator makes for a language (the kit list, one
page per kit, one per video, a kit's session pages, the language guide's
page, the translation status page), what
each is made from (for messages), and the published address of a source file and links
between addresses. Checks (:mod:`kitsite.content.links`, :mod:`kitsite.content.page_collisions`)
and the renderer (:mod:`kitsite.render.pages`) share these; no templates are loaded here.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kitsite.content.language_guide import LanguageGuide, read_language_guide
from kitsite.content.model import Library
from kitsite.render.views import shown_videos


@dataclass(frozen=True)
class PageOrigin:
    """What a generated page is, and the file it is made from (for messages)."""

    what: str
    """``the kit page``, ``the page of video 'hope'``, ``the list of kits`` ..."""
    path: Path | None = None
    line: int = 1


def kit_list_uri() -> str:
    return "kits/index.md"


def kit_uri(kit_id: str) -> str:
    return f"kits/{kit_id}/index.md"


def video_uri(kit_id: str, video_id: str) -> str:
    return f"kits/{kit_id}/{video_id}/index.md"


def session_uri(kit_id: str) -> str:
    """A kit's session page: the agenda and the projector view."""
    return f"kits/{kit_id}/session/index.md"


def facilitator_uri(kit_id: str) -> str:
    """The facilitator view of a kit's session, printed as the facilitator sheet."""
    return f"kits/{kit_id}/session/facilitator/index.md"


def cards_uri(kit_id: str) -> str:
    """The page a kit's question cards are printed from."""
    return f"kits/{kit_id}/session/cards/index.md"


SESSION_PAGES = {"session": session_uri, "facilitator": facilitator_uri, "cards": cards_uri}
"""The pages a kit with videos gets for running a session, by what each is."""


def session_pages(library: Library, language: str) -> Iterator[tuple[str, str, str, PageOrigin]]:
    """The session pages of every kit that has videos on ``language``'s site: its path, the
    kit's id, which of :data:`SESSION_PAGES` it is, and what it is made from. A kit without
    video cards (Time to Change) has nothing to watch and discuss, so no session pages."""
    for kit_id in library.kit_ids():
        if not shown_videos(library, language, kit_id):
            continue
        kit = library.kit_in_best_language(language, kit_id)
        for kind, uri in SESSION_PAGES.items():
            yield uri(kit_id), kit_id, kind, PageOrigin(f"the {kind} page of the session",
                                                        kit.path, kit.line_of("id"))


def words_uri() -> str:
    """The language guide's page ("Words matter"), published at ``/words/``."""
    return "words.md"


def status_uri() -> str:
    """The translation status page, published at ``/translation-status/``."""
    return "translation-status/index.md"


def kit_and_video_pages(library: Library, language: str
                        ) -> Iterator[tuple[str, str, int | None, PageOrigin]]:
    """Every kit page and video page of ``language``'s site: its path, the kit's id, the
    video's place on the kit page (None for the kit page itself) and what it is made from."""
    for kit_id in library.kit_ids():
        kit = library.kit_in_best_language(language, kit_id)
        yield kit_uri(kit_id), kit_id, None, PageOrigin("the kit page", kit.path,
                                                        kit.line_of("id"))
        for index, (video, lang) in enumerate(shown_videos(library, language, kit_id)):
            source = library.kit(lang, kit_id)
            yield video_uri(kit_id, video.id), kit_id, index, PageOrigin(
                f"the page of video '{video.id}'", source.path if source else None,
                video.line_of("id"))


def generated_pages(library: Library, language: str, *,
                    kit_pages: bool = True) -> dict[str, PageOrigin]:
    """The path of every page generated for ``language``'s site (not the stand-ins for
    hand-written pages it lacks), with what it is made from: what :meth:`PageRenderer.
    plan_language` plans; without ``kit_pages``, all but the kit, video and session pages."""
    pages = {kit_list_uri(): PageOrigin("the list of kits")}
    if kit_pages:
        pages.update((uri, origin)
                     for uri, _, _, origin in kit_and_video_pages(library, language))
        pages.update((uri, origin) for uri, _, _, origin in session_pages(library, language))
    guide = shown_language_guide(library, language)
    if guide is not None:
        pages[words_uri()] = PageOrigin("the language guide's page", guide.path)
    pages[status_uri()] = PageOrigin("the translation status page")
    return pages


def shown_language_guide(library: Library, language: str) -> LanguageGuide | None:
    """The language guide the "Words matter" page of ``language`` shows: its own, else
    that of its first fallback language that has one (shown under a notice)."""
    for lang in (language, *library.fallback_languages(language)):
        guide = read_language_guide(library.root, lang)
        if guide is not None:
            return guide
    return None


def published_uri(uri: str, use_directory_urls: bool = True) -> str:
    """Where MkDocs publishes the source file ``uri`` of a language folder, relative to that
    language's root: ``staff.md`` -> ``staff/``, ``kits/index.md`` -> ``kits/`` (or
    ``staff.html``, ``kits/index.html`` without directory URLs); other files as they are."""
    if not uri.endswith(".md"):
        return uri
    stem = uri.removesuffix(".md")
    if not use_directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def relative_url(here: str, target: str) -> str:
    """A link from the published page ``here`` to ``target`` (both relative to the root)."""
    start = posixpath.dirname(here) if not here.endswith("/") else here.rstrip("/")
    rel = posixpath.relpath(target.rstrip("/") or ".", start or ".")
    return rel + "/" if target.endswith("/") or not target else rel
