"""Checks on the videos a kit publishes: captions, files that exist, nothing from other hosts.

Owns: the warnings about a kit's ``video:`` blocks. A video file hosted with the site should
have WebVTT captions in every language its page is published in; its files (video, poster,
captions) should exist under ``docs/<language>/``; and none of them should be a link to
another host, which would see the readers (a poster given as a link is not shown). These are
warnings: the site still builds.
"""

from __future__ import annotations

from pathlib import Path

from kitsite.model import Kit, Library, Video
from kitsite.problems import Problem


def check_media(library: Library, docs_dir: Path) -> list[Problem]:
    """Warnings for every video source in every language's kit files."""
    problems: list[Problem] = []
    for language, kits in library.kits.items():
        for kit in kits.values():
            for index, video in enumerate(kit.videos):
                if video.source is None:
                    continue
                shown_in = page_languages(library, kit, video)
                problems.extend(_check_video(kit, index, video, shown_in, docs_dir / language))
    return problems


def page_languages(library: Library, kit: Kit, video: Video) -> list[str]:
    """Every site language whose page for this video shows this kit file's version of it.

    A language shows its own version when it has one; otherwise its page falls back to another
    language's (see :mod:`kitsite.views`), and this file's version may be the one shown.
    """
    shown = []
    for lang in library.languages:
        own = library.kit(lang, kit.id)
        if lang == kit.language or own is None or own.video(video.id) is None:
            shown.append(lang)
    return shown


def _check_video(
    kit: Kit, index: int, video: Video, shown_in: list[str], lang_docs: Path
) -> list[Problem]:
    source = video.source
    assert source is not None
    where = f"videos[{index}].video"
    problems: list[Problem] = []

    def warn(key: str, message: str) -> None:
        line = video.line_of(f"video.{key}" if key else "video")
        problems.append(Problem(kit.path, line, f"{where}.{key}" if key else where, message,
                                severity="warning"))

    if source.file:
        missing = [lang for lang in shown_in if lang not in source.captions]
        if missing:
            langs = ", ".join(missing)
            example = f"{missing[0]}: videos/{video.id}.{missing[0]}.vtt"
            warn("captions", f"the video file has no captions for {langs}, a language its page "
                 f"is published in — add a WebVTT file, e.g. 'captions: {{{example}}}'")
    files = {"file": source.file, "poster": source.poster}
    files.update({f"captions.{lang}": path for lang, path in source.captions.items()})
    for key, path in files.items():
        if not path:
            continue
        if "://" in path:
            warn(key, f"'{path}' is on another host, which would see every reader who opens "
                 f"or plays it — publish the file with the site under docs/{lang_docs.name}/ "
                 "and give its path")
        elif not (lang_docs / path).is_file():
            warn(key, f"'{path}' was not found in {lang_docs} — add the file there or correct "
                 "the path (it is relative to the language's docs folder)")
    return problems
