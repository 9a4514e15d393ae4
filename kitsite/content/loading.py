"""Loading a content folder into a :class:`~kitsite.content.model.Library`.

Owns: where content lives on disk (``content/site.yml``, ``content/<lang>/kits/<id>.yml``,
``content/<lang>/labels.yml``, the ``mkdocs.yml`` next to them), reading every file, running
every check on it (:mod:`kitsite.content.validate` and the modules that own the other files'
formats), and turning valid files into model objects. Returns the library with every problem found.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kitsite.content.docs_checks import check_docs_pages
from kitsite.content.labels import check_labels, labels_path
from kitsite.content.language_check import check_language
from kitsite.content.language_guide import LanguageGuide, guide_path, load_language_guides
from kitsite.content.links import check_links
from kitsite.content.media_checks import check_media
from kitsite.content.mkdocs_languages import check_mkdocs_languages
from kitsite.content.model import Duration, Kit, Library, Package, Section, Video, VideoSource
from kitsite.content.page_collisions import check_page_collisions
from kitsite.content.problems import Problem, errors
from kitsite.content.project_files import check_tree
from kitsite.content.site_settings import SITE_FILE, UNSET, read_site_settings
from kitsite.content.spec import (
    KIT_FIELDS,
    VIDEO_FIELDS,
    FieldSpec,
    field_named,
    item_text,
    translatable_lists,
    translatable_texts,
)
from kitsite.content.validate import check_across_languages, check_kit_file
from kitsite.content.yamldoc import YamlDoc, format_key_path, load_yaml

KITS_DIR = "kits"
MKDOCS_FILE = "mkdocs.yml"


@dataclass
class LoadResult:
    library: Library
    problems: list[Problem]
    docs: dict[Path, YamlDoc]
    """Every kit file that could be parsed, by path (for tools that report lines)."""
    guides: dict[str, LanguageGuide] = field(default_factory=dict)
    """Each language's guide (``content/<lang>/language-guide.yml``), where there is one."""
    language_warnings: list[Problem] = field(default_factory=list)
    """Uses of the guides' terms in kit text and docs, kept apart from ``problems``:
    they are advice, shown by ``kits check`` and the build without failing either."""


def kit_files(content_dir: Path, language: str) -> list[Path]:
    """The kit files of one language, in listing order (by file name)."""
    return sorted((content_dir / language / KITS_DIR).glob("*.yml"))


def load_site_settings(content_dir: Path, problems: list[Problem]) -> dict[str, Any]:
    """``content/site.yml`` as a dict (see :mod:`kitsite.content.site_settings`, which checks
    it)."""
    return dataclasses.asdict(read_site_settings(content_dir, problems))


def load_library(content_dir: Path, docs_dir: Path | None = None, *,
                 cross_checks: bool = True, mkdocs_file: Path | None = None) -> LoadResult:
    """Read and check every content file under ``content_dir``.

    Links in kit text are checked against ``docs_dir`` (default: ``docs/`` next to
    ``content_dir``) and the generated pages; the languages ``mkdocs_file`` builds (default:
    ``mkdocs.yml`` next to ``content_dir``, where there is one) against ``site.yml``'s. Without
    ``cross_checks`` only each file's own form is checked (what building the library needs):
    for a process that renders pages while another one runs every check and reports them.
    """
    content_dir = content_dir.resolve()
    # nothing is read through a symlink that leads out of the project
    # (kitsite.content.project_files)
    content = check_tree(content_dir, content_dir.parent)
    problems: list[Problem] = list(content.problems)
    settings = read_site_settings(content_dir, problems) \
        if content.allows(content_dir / SITE_FILE) else UNSET
    problems.extend(check_labels(content_dir, tuple(
        lang for lang in settings.languages if content.allows(labels_path(content_dir, lang)))))
    mkdocs_file = mkdocs_file or content_dir.parent / MKDOCS_FILE
    if mkdocs_file.is_file():
        problems.extend(check_mkdocs_languages(mkdocs_file, settings,
                                               site_file=f"{content_dir.name}/{SITE_FILE}"))
    library = Library(
        root=content_dir,
        default_language=settings.default_language,
        languages=settings.languages,
        discussion_minutes_per_question=settings.discussion_minutes_per_question,
        fallback=settings.fallback,
        publisher=settings.publisher,
        accessibility_statement=settings.accessibility_statement,
    )
    docs: dict[Path, YamlDoc] = {}
    for language in library.languages:
        library.kits[language] = {}
        for path in filter(content.allows, kit_files(content_dir, language)):
            file_problems: list[Problem] = []
            doc = load_yaml(path, file_problems)
            if doc is not None:
                docs[path] = doc
                file_problems.extend(check_kit_file(doc))
            problems.extend(file_problems)
            if doc is not None and not errors(file_problems):
                kit = kit_from_doc(doc, language, library.discussion_minutes_per_question)
                library.kits[language][kit.id] = kit
    if not cross_checks:
        return LoadResult(library, problems, docs)
    problems.extend(check_across_languages(library.kits))
    docs_dir = docs_dir or content_dir.parent / "docs"
    published = check_tree(docs_dir, content_dir.parent)
    problems.extend(published.problems)
    problems.extend(check_docs_pages(docs_dir, published.allows))
    problems.extend(check_page_collisions(library, docs_dir, published.allows))
    problems.extend(check_links(docs_dir, docs, library.languages, library.default_language,
                                published.allows))
    problems.extend(check_media(library, docs_dir))
    guides = load_language_guides(content_dir, [
        lang for lang in library.languages if content.allows(guide_path(content_dir, lang))],
        problems)
    advice = check_language(docs, guides, docs_dir, published.allows)
    return LoadResult(library, problems, docs, guides, advice)


def kit_from_doc(doc: YamlDoc, language: str, default_minutes: int) -> Kit:
    """Build a :class:`Kit` from a file that passed :func:`check_kit_file`."""
    data = doc.data
    lines = _video_field_lines(doc)
    videos = tuple(
        _video_from_data(item, ("videos", i), doc, lines.get(i, {}))
        for i, item in enumerate(data["videos"])
    )
    return Kit(
        id=data["id"],
        language=language,
        texts=_texts(data, KIT_FIELDS),
        lists=_lists(data, KIT_FIELDS),
        discussion_minutes_per_question=data.get("discussion_minutes_per_question")
        or default_minutes,
        videos=videos,
        sections=tuple(Section(s["title"].strip(), s["body"].strip())
                       for s in data.get("sections") or ()),
        packages=tuple(_package(p) for p in data.get("packages") or ()),
        path=doc.path,
        field_lines={format_key_path(path): line for path, line in doc.lines.items()
                     if path and (path[0] != "videos" or len(path) == 1)},
        translated_from=_raw_block(doc, ("translated_from",)),
    )


def _package(data: dict[str, Any]) -> Package:
    return Package(id=data["id"], name=data["name"].strip(),
                   video_ids=tuple(data.get("videos") or ()),
                   discussion_minutes_per_question=data.get("discussion_minutes_per_question"))


def _texts(data: dict[str, Any], fields: tuple[FieldSpec, ...]) -> dict[str, str]:
    """The translatable single texts the spec lists, stripped; ``""`` for one left out."""
    return {name: (data.get(name) or "").strip() for name in translatable_texts(fields)}


def _lists(data: dict[str, Any], fields: tuple[FieldSpec, ...]) -> dict[str, tuple[str, ...]]:
    """The translatable lists the spec lists, each item as one text."""
    return {name: tuple(item_text(item, field_named(fields, name))
                        for item in data.get(name) or ())
            for name in translatable_lists(fields)}


def _video_field_lines(doc: YamlDoc) -> dict[int, dict[str, int]]:
    """The line of every field of every video, ``{0: {"duration": 14, "questions[0]": 18}}``,
    in one pass over the file (not one pass per video)."""
    by_video: dict[int, dict[str, int]] = {}
    for path, line in doc.lines.items():
        if len(path) > 2 and path[0] == "videos" and isinstance(path[1], int):
            by_video.setdefault(path[1], {})[format_key_path(path[2:])] = line
    return by_video


def _video_from_data(data: dict[str, Any], key_path: tuple[str | int, ...], doc: YamlDoc,
                     field_lines: dict[str, int]) -> Video:
    duration = Duration.parse(doc.raw.get((*key_path, "duration"), str(data["duration"])))
    assert duration is not None  # guaranteed by check_kit_file
    source = data.get("video")
    return Video(
        id=data["id"],
        duration=duration,
        texts=_texts(data, VIDEO_FIELDS),
        lists=_lists(data, VIDEO_FIELDS),
        title_is_editorial=bool(data.get("title_is_editorial", False)),
        source=VideoSource(
            file=source.get("file"), url=source.get("url"), poster=source.get("poster"),
            captions=dict(source.get("captions") or {}),
        ) if source else None,
        line=doc.line_of(key_path),
        field_lines=field_lines,
        translated_from=_raw_block(doc, (*key_path, "translated_from")),
    )


def _raw_block(doc: YamlDoc, key_path: tuple[str | int, ...]) -> dict[str, Any]:
    """A ``translated_from`` block with every value as written (``0123`` stays ``"0123"``)."""
    value = _raw_value(doc, key_path)
    return value if isinstance(value, dict) else {}


def _raw_value(doc: YamlDoc, key_path: tuple[str | int, ...]) -> Any:
    if key_path in doc.raw:
        return doc.raw[key_path]
    node: Any = doc.data
    for part in key_path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return None
    if isinstance(node, dict):
        return {k: _raw_value(doc, (*key_path, k)) for k in node}
    if isinstance(node, list):
        return [_raw_value(doc, (*key_path, i)) for i in range(len(node))]
    return node
