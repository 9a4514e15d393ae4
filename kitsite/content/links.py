"""Links in kit text that lead to no page of the site.

Owns: knowing every page the site will publish (hand-written pages under ``docs/<lang>/`` and
the generated pages: kit list, kits, videos, language guide, translation status), on which
generated pages each kit text is shown, and resolving each Markdown link in kit text and in
hand-written pages the way MkDocs and a browser would. Links to other web sites are not
followed (no network); script links are :mod:`markdown_safety`'s.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kitsite.content.docs_pages import read_page, visible_files
from kitsite.content.markdown_safety import link_targets
from kitsite.content.problems import Problem
from kitsite.content.spec import ID_PATTERN, KIT_FIELDS, VIDEO_FIELDS, FieldSpec
from kitsite.content.yamldoc import KeyPath, YamlDoc, format_key_path
from kitsite.render.urls import (
    kit_list_uri,
    kit_uri,
    published_uri,
    status_uri,
    video_uri,
    words_uri,
)

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_ID_RE = re.compile(ID_PATTERN)
_FENCE = re.compile(r"^\s*(```|~~~)")
_BACKTICKS = re.compile(r"`+")

@dataclass
class SitePages:
    """Every source file of every language's site, and the paths they are published at."""

    languages: tuple[str, ...]
    default_language: str
    sources: dict[str, set[str]] = field(default_factory=dict)
    """``sources[lang]``: source paths like ``staff.md`` or ``kits/x/index.md``."""

    def add(self, language: str, uri: str) -> None:
        self.sources.setdefault(language, set()).add(uri)

    def has_source(self, language: str, uri: str) -> bool:
        """True when ``uri`` is published in ``language``: its own page, or a stand-in for a
        page another language has (the default language's, or a generated stand-in)."""
        return any(uri in self.sources.get(lang, set()) for lang in self.sources)

    def published(self, language: str, uri: str) -> str:
        """``staff.md`` of English -> ``en/staff/``; ``kits/index.md`` of Danish -> ``kits/``."""
        prefix = "" if language == self.default_language else f"{language}/"
        return prefix + published_uri(uri)

    def published_paths(self) -> set[str]:
        every = {uri for uris in self.sources.values() for uri in uris}
        return {self.published(lang, uri) for lang in self.languages for uri in every
                if self.has_source(lang, uri)}


def collect_pages(
    docs_dir: Path, kit_docs: Iterable[YamlDoc], languages: tuple[str, ...], default_language: str
) -> SitePages:
    """The pages the site will have: ``docs_dir`` plus every kit's generated pages."""
    pages = SitePages(languages, default_language)
    for path in visible_files(docs_dir):
        parts = path.relative_to(docs_dir).parts
        if parts[0] in languages:
            pages.add(parts[0], "/".join(parts[1:]))
        else:  # a file outside the language folders is published for every language
            for language in languages:
                pages.add(language, "/".join(parts))
    for language in languages:
        for uri in (kit_list_uri(), words_uri(), status_uri()):
            pages.add(language, uri)
    for doc in kit_docs:
        kit_id = _kit_id(doc)
        for language in languages:
            pages.add(language, kit_uri(kit_id))
            for video_id in _video_ids(doc):
                pages.add(language, video_uri(kit_id, video_id))
    return pages


def check_links(
    docs_dir: Path, kit_docs: dict[Path, YamlDoc], languages: tuple[str, ...],
    default_language: str, problems: list[Problem],
    readable: Callable[[Path], bool] = lambda _: True,
) -> None:
    """Report every link in kit text and in the hand-written pages that are ``readable`` (not
    symlinks out of the project) that leads to no page of the site."""
    pages = collect_pages(docs_dir, kit_docs.values(), languages, default_language)
    published = pages.published_paths()
    for doc in kit_docs.values():
        language = doc.path.parent.parent.name
        for key_path, text, shown_on in _texts(doc):
            for target in link_targets(text):
                message = _broken(target, language, shown_on, pages, published)
                if message:
                    problems.append(Problem(doc.path, doc.line_of_text(key_path, target),
                                            format_key_path(key_path), message))
    for language in languages:
        for path in sorted(p for p in (docs_dir / language).rglob("*.md") if readable(p)):
            _check_page(path, language, path.relative_to(docs_dir / language).as_posix(),
                        pages, published, problems)


def _check_page(path: Path, language: str, uri: str, pages: SitePages, published: set[str],
                problems: list[Problem]) -> None:
    """Links in a hand-written page, outside code blocks and code spans.

    Relative links to ``.md`` files are left to MkDocs, which reports them under ``--strict``;
    this finds what MkDocs lets through: site paths (``/staff/``) and other relative links.
    """
    text = read_page(path)
    if text is None:
        return  # not this check's business: kitsite.content.docs_checks reports unreadable pages
    lines = text.splitlines()
    fenced = False
    for number, line in enumerate(lines, start=1):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if fenced:
            continue
        for target in link_targets(without_code_spans(line)):
            if re.split(r"[#?]", target, maxsplit=1)[0].endswith(".md"):
                continue
            message = _broken(target, language, [uri], pages, published)
            if message:
                problems.append(Problem(path, number, "link", message.replace(
                    "on the generated page", "on the page")))


def without_code_spans(line: str) -> str:
    """``line`` without its code spans: a run of backticks up to the next run of the same
    length, and what is between (one pass: a line of a thousand backticks costs no more than
    a line of a thousand letters)."""
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(line)]
    later: dict[int, list[int]] = {}  # run length -> indexes of the runs of that length
    for index in range(len(runs) - 1, -1, -1):
        later.setdefault(runs[index][1] - runs[index][0], []).append(index)
    kept, position, index = [], 0, 0
    while index < len(runs):
        start, end = runs[index]
        same = later[end - start]
        while same and same[-1] <= index:
            same.pop()
        if not same:
            index += 1
            continue
        closing = same.pop()
        kept.append(line[position:start])
        position, index = runs[closing][1], closing + 1
    kept.append(line[position:])
    return "".join(kept)


def _broken(
    target: str, language: str, shown_on: list[str], pages: SitePages, published: set[str]
) -> str | None:
    """Why ``target`` leads nowhere, or None when it works on every page it is shown on."""
    if _SCHEME.match(target) or target.startswith(("//", "#")):
        return None
    path = re.split(r"[#?]", target, maxsplit=1)[0]
    if not path:
        return None
    found = f"expected a link to a page of the site, found {target!r}"
    if path.startswith("/"):
        if _is_published(path.lstrip("/"), published):
            return None
        return f"{found}, which is no page of the site — {_suggest(path, language, pages)}"
    for page in shown_on:
        if path.endswith(".md"):
            joined = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
            resolved = None if joined.startswith("..") else joined
            if resolved is not None and pages.has_source(language, resolved):
                continue
        else:
            resolved = _join_url(pages.published(language, page), path)
            if resolved is not None and _is_published(resolved, published):
                continue
        lands = "outside the site" if resolved is None else resolved
        return (f"{found}, which on the generated page {page} leads to {lands}, where "
                f"there is no page — {_suggest(path, language, pages)}")
    return None


def _join_url(base_dir: str, relative: str) -> str | None:
    joined = posixpath.normpath(posixpath.join(base_dir, relative))
    if joined.startswith(".."):
        return None
    joined = "" if joined == "." else joined
    return joined + "/" if relative.endswith("/") and joined else joined


def _is_published(path: str, published: set[str]) -> bool:
    path = path.removesuffix("index.html")
    return path in published or f"{path}/" in published or (
        path.endswith(".html") and path.removesuffix(".html") + "/" in published)


def _suggest(target: str, language: str, pages: SitePages) -> str:
    """A site path that probably was meant, written from the site root."""
    name = posixpath.basename(target.rstrip("/")).removesuffix(".md")
    candidates = {pages.published(language, uri): uri
                  for uri in pages.sources.get(language, set()) | pages.sources.get(
                      pages.default_language, set()) if uri.endswith(".md")}
    same_name = [p for p, uri in candidates.items()
                 if name and posixpath.basename(uri).removesuffix(".md") == name]
    close = same_name or difflib.get_close_matches(target.strip("/") + "/", candidates, n=1)
    how = "write a page's address from the site root; it works wherever the text is shown"
    if close:
        return f"did you mean [text](/{sorted(close)[0]})? ({how})"
    home = pages.published(language, "index.md")
    return f"{how}, like [text](/{home}) or [text](/{pages.published(language, kit_list_uri())})"


def _texts(doc: YamlDoc) -> Iterator[tuple[KeyPath, str, list[str]]]:
    """Each translatable text of a kit file with the generated pages it is shown on (the
    spec's ``shown_on``)."""
    data = doc.data if isinstance(doc.data, dict) else {}
    kit_id = _kit_id(doc)
    yield from _field_texts(data, KIT_FIELDS, (), _pages(kit_id, None))
    for i, video in enumerate(data.get("videos") or []):
        if not isinstance(video, dict):
            continue
        vid = video.get("id")
        valid = vid if isinstance(vid, str) and _ID_RE.match(vid) else None
        yield from _field_texts(video, VIDEO_FIELDS, ("videos", i), _pages(kit_id, valid))


def _pages(kit_id: str, video_id: str | None) -> dict[str, str]:
    """The source paths of the pages a kit's (or one video's) fields can be shown on."""
    pages = {"kits": kit_list_uri(), "kit": kit_uri(kit_id)}
    if video_id is not None:
        pages["video"] = video_uri(kit_id, video_id)
    return pages


def _field_texts(data: dict[str, Any], fields: tuple[FieldSpec, ...], key_path: KeyPath,
                 pages: dict[str, str]) -> Iterator[tuple[KeyPath, str, list[str]]]:
    for field_spec in fields:
        if not field_spec.translatable:
            continue
        shown = [pages[page] for page in field_spec.shown_on if page in pages]
        value, here = data.get(field_spec.name), (*key_path, field_spec.name)
        if isinstance(value, str):
            yield here, value, shown
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, str):
                    yield (*here, i), item, shown
                elif isinstance(item, dict):
                    yield from _field_texts(item, field_spec.children, (*here, i), pages)


def _kit_id(doc: YamlDoc) -> str:
    kit_id = doc.data.get("id") if isinstance(doc.data, dict) else None
    return kit_id if isinstance(kit_id, str) and _ID_RE.match(kit_id) else doc.path.stem


def _video_ids(doc: YamlDoc) -> list[str]:
    videos = doc.data.get("videos") if isinstance(doc.data, dict) else None
    return [v["id"] for v in videos or [] if isinstance(v, dict)
            and isinstance(v.get("id"), str) and _ID_RE.match(v["id"])]


