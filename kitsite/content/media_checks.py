"""Checks on the videos a kit publishes: captions, files that exist, nothing from elsewhere.

Owns: the problems with a kit's ``video:`` blocks. The video file, poster and captions are
files published with the site, so each must be a path inside the language's docs folder
(``docs/<language>/``) and stay there: a link to another host (which would see every reader who
opens or plays it), an absolute path, a ``..`` that leads out of the folder, a backslash (which
browsers read as ``/``) or a symlink that leads out of the folder is an **error**. (``url:``,
a page on an external video service that the reader opens only after consenting, is checked
by :mod:`kitsite.content.validate`.) A missing file, and a video file without WebVTT captions in
every
language its page is published in, are **warnings**: the site still builds.
"""

from __future__ import annotations

import os
import posixpath
import re
from pathlib import Path

from kitsite.content.model import Kit, Library, Video
from kitsite.content.problems import Problem, Severity

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def check_media(library: Library, docs_dir: Path) -> list[Problem]:
    """Problems for every video source in every language's kit files."""
    problems: list[Problem] = []
    for language, kits in library.kits.items():
        for kit in kits.values():
            for index, video in enumerate(kit.videos):
                if video.source is None:
                    continue
                shown_in = page_languages(library, kit, video)
                problems.extend(_check_video(kit, index, video, shown_in, docs_dir, language))
    return problems


def page_languages(library: Library, kit: Kit, video: Video) -> list[str]:
    """Every site language whose page for this video shows this kit file's version of it.

    A language shows its own version when it has one; otherwise its page falls back to another
    language's (see :mod:`kitsite.render.views`), and this file's version may be the one shown.
    """
    shown = []
    for lang in library.languages:
        own = library.kit(lang, kit.id)
        if lang == kit.language or own is None or own.video(video.id) is None:
            shown.append(lang)
    return shown


def _check_video(
    kit: Kit, index: int, video: Video, shown_in: list[str], docs_dir: Path, language: str
) -> list[Problem]:
    source = video.source
    assert source is not None
    where = f"videos[{index}].video"
    problems: list[Problem] = []

    def report(key: str, message: str, severity: Severity = "error") -> None:
        line = video.line_of(f"video.{key}" if key else "video")
        problems.append(Problem(kit.path, line, f"{where}.{key}" if key else where, message,
                                severity=severity))

    if source.file:
        missing = [lang for lang in shown_in if lang not in source.captions]
        if missing:
            langs = ", ".join(missing)
            example = f"{missing[0]}: videos/{video.id}.{missing[0]}.vtt"
            report("captions", f"expected captions for every language the video's page is "
                   f"published in ({', '.join(shown_in)}), found none for {langs} — add a "
                   f"WebVTT file, e.g. 'captions: {{{example}}}'", "warning")
    files = {"file": source.file, "poster": source.poster}
    files.update({f"captions.{lang}": path for lang, path in source.captions.items()})
    for key, path in files.items():
        if not path:
            continue
        wrong = local_path_problem(path, docs_dir, language, key)
        if wrong:
            report(key, wrong)
        elif not (docs_dir / language / path).is_file():
            report(key, f"expected the file {path!r} in docs/{language}/, found no such file "
                   f"— add the file there or correct the path (it is relative to "
                   f"docs/{language}/)", "warning")
    return problems


def local_path_problem(path: str, docs_dir: Path, language: str, key: str) -> str | None:
    """What is wrong with ``path`` as a file published with the ``language`` site (``key``:
    ``file``, ``poster`` or ``captions.<code>``), or None when it is a path inside
    ``docs/<language>/`` that stays there."""
    folder = f"docs/{language}/"
    example = {"file": "videos/hope.mp4", "poster": "videos/hope.jpg"}.get(
        key, f"videos/hope.{key.split('.')[-1]}.vtt")
    key = key.split(".")[-1]  # the example is written the way the line is: 'en: videos/...'
    expected = f"expected a file inside {folder} (a path like {example}), found {path!r}"
    if "://" in path or path.startswith("//"):
        consent = (" (a page on a video service goes under url:, which readers open only "
                   "after they agree)" if key == "file" else "")
        return (f"{expected}, a file on another host, which would see every reader who opens "
                f"the page or plays the video — download the file into {folder}videos/ and "
                f"write its path, like {key}: {example}{consent}")
    if _SCHEME.match(path):
        return (f"{expected}, a link of the kind '{path.split(':', 1)[0]}:', not a file — put "
                f"the file in {folder}videos/ and write its path, like {key}: {example}")
    if "\\" in path:
        return (f"{expected}, with a backslash, which browsers read as '/' — separate folders "
                f"with '/', like {key}: {example}")
    if path.startswith("/"):
        return (f"{expected}, an absolute path — copy the file into {folder} and write its "
                f"path from there, like {key}: {example}")
    if posixpath.normpath(path).split("/")[0] == "..":
        return (f"{expected}, which leads out of {folder} with '..' — copy the file into "
                f"{folder} and write its path from there, like {key}: {example}")
    return _symlink_out(path, docs_dir / language, folder, expected)


def _symlink_out(path: str, lang_docs: Path, folder: str, expected: str) -> str | None:
    """A path whose file, or a folder on its way, is a symlink that leads out of the
    language's docs folder."""
    target = Path(os.path.realpath(lang_docs / path))
    home = Path(os.path.realpath(lang_docs))
    if target == home or home in target.parents:
        return None
    probe = lang_docs
    for part in Path(path).parts:
        probe = probe / part
        if probe.is_symlink():
            link = (probe.relative_to(lang_docs.parent.parent)).as_posix()
            return (f"{expected}, but {link} is a symlink to {os.readlink(probe)}, outside "
                    f"{folder} — put the file itself in {folder} (copy it, do not link it)")
    return None  # pragma: no cover - realpath left the folder without a symlink
