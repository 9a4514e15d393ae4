"""Adding a new video card to a kit file without disturbing what the editor wrote.

Owns: ``kits new-video``'s work: choosing a fresh, stable, URL-safe id (from the title, unique
in the kit across languages), writing a commented entry with placeholders that ``kits check``
rejects until they are filled in, and inserting it as text after the kit's last video. The
rest of the file (comments, order, quoting, line endings) stays byte for byte as it was; the
result is parsed again before it is written, and it replaces the file whole or not at all
(:mod:`kitsite.edit.atomic`), so a file is never left broken or cut off.
"""

from __future__ import annotations

import difflib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kitsite.cli.commands import kits_command
from kitsite.content.loading import kit_files, load_site_settings
from kitsite.content.model import Duration
from kitsite.content.problems import Problem, errors
from kitsite.content.spec import ID_PATTERN, id_from_text
from kitsite.content.validate import duration_message
from kitsite.content.yamldoc import YamlDoc, load_yaml, parse_yaml
from kitsite.edit.atomic import WriteError, write_text
from kitsite.edit.text_lines import ends_a_line, newline_of, yaml_lines

_ID_RE = re.compile(ID_PATTERN)
_ID_LINE = re.compile(r"^\s*(?:-\s+)?id:\s*[\"']?([a-z0-9-]+)", re.MULTILINE)


class NewVideoError(Exception):
    """Something the editor asked for cannot be done; the message says why and what to do."""


@dataclass
class Todo:
    """A placeholder the editor still has to fill in."""

    line: int
    key: str
    what: str


@dataclass
class AddedVideo:
    """What ``add_video`` did, for the terminal."""

    path: Path
    language: str
    kit_id: str
    video_id: str
    title: str
    duration: Duration
    line: int
    todo: list[Todo] = field(default_factory=list)
    other_languages: dict[str, bool] = field(default_factory=dict)
    """Every other language, and whether it already has a file for this kit."""
    translated_in: list[str] = field(default_factory=list)
    """Other languages that already have this video id (when adding a translation)."""


@dataclass
class _Layout:
    """Where and how to insert: character offset, indentation and whether to drop a ``[]``."""

    offset: int
    dash: int
    key: int
    index: int
    drop: tuple[int, int] | None = None
    add_videos_key: bool = False


def add_video(
    content_dir: Path, kit_id: str, title: str, duration: str | None,
    language: str | None = None, video_id: str | None = None,
) -> AddedVideo:
    """Append a new video card to ``content/<language>/kits/<kit_id>.yml``."""
    settings = _settings(content_dir)
    languages: list[str] = settings["languages"]
    language = language or settings["default_language"]
    if language not in languages:
        raise NewVideoError(f"--lang: expected one of {', '.join(languages)} (from "
                            f"{_show(content_dir / 'site.yml')}), found {language!r}")
    path = _kit_path(content_dir, language, kit_id, languages)
    title = " ".join(title.split())
    if not title:
        raise NewVideoError('--title: expected the video\'s title, found nothing — for '
                            'example: --title "Jeg kunne ikke engang stave til ordet håb"')
    others = {lang: _video_ids(content_dir / lang / "kits" / f"{kit_id}.yml")
              for lang in languages if lang != language}
    doc = _parse(path)
    own_ids = set(_video_ids(path))
    video_id, clock, translated_in = _choose_id_and_duration(
        video_id, title, duration, own_ids, others, path)
    text = doc.text
    layout = _layout(doc, path)
    source = _translated_from(translated_in, settings["default_language"])
    entry = _entry(video_id, title, clock, layout, newline_of(text), source, language)
    new_text, entry_start = _insert(text, layout, entry)
    _verify(path, doc, new_text, video_id, layout.index)
    try:
        write_text(path, new_text)
    except WriteError as err:
        raise NewVideoError(str(err)) from err
    first_line = len(yaml_lines(new_text[:entry_start])) + 1
    return _result(path, language, kit_id, video_id, title, clock, new_text, first_line,
                   layout.index, others, translated_in, content_dir, languages)


def _settings(content_dir: Path) -> dict[str, Any]:
    problems: list[Problem] = []
    if not content_dir.is_dir():
        raise NewVideoError(f"--content: expected a content folder, found no folder "
                            f"{_show(content_dir)} — run the command in the project folder "
                            "or give --content DIR")
    settings = load_site_settings(content_dir, problems)
    if errors(problems):  # warnings (such as a missing accessibility statement) are kits check's
        raise NewVideoError("\n".join(p.format() for p in errors(problems)))
    return settings


def _kit_path(content_dir: Path, language: str, kit_id: str, languages: list[str]) -> Path:
    path = content_dir / language / "kits" / f"{kit_id}.yml"
    if path.is_file():
        return path
    known = [p.stem for p in kit_files(content_dir, language)]
    elsewhere = [lang for lang in languages if (content_dir / lang / "kits" / path.name).is_file()]
    if elsewhere:
        source = content_dir / elsewhere[0] / "kits" / path.name
        raise NewVideoError(
            f"KIT: expected a kit with a file in {language}, found {kit_id!r} only in "
            f"{', '.join(elsewhere)} — copy {_show(source)} to {_show(path)} and translate it "
            f"first, or add the video in {elsewhere[0]} with --lang {elsewhere[0]}")
    close = _close(kit_id, known)
    hint = f"did you mean {close!r}?" if close else "check the spelling"
    raise NewVideoError(
        f"KIT: expected one of the kits in {_show(content_dir / language / 'kits')} "
        f"({', '.join(known) or 'none yet'}), found {kit_id!r} — {hint}")


def _close(word: str, options: list[str]) -> str | None:
    found = difflib.get_close_matches(word, options, n=1, cutoff=0.5)
    return found[0] if found else None


def _parse(path: Path) -> YamlDoc:
    problems: list[Problem] = []
    doc = load_yaml(path, problems)
    if doc is None or not isinstance(doc.data, dict) or problems:
        lines = "\n".join(p.format() for p in sorted(problems)) or \
            f"{_show(path)}:1: expected a block of keys (a kit), found something else"
        raise NewVideoError(f"{lines}\ncannot add a video to {_show(path)} until this is "
                            f"fixed — correct the file, run '{kits_command('check')}', then "
                            "try again")
    return doc


def _video_ids(path: Path) -> list[str]:
    """The video ids of a kit file, even one with mistakes; empty when there is no file."""
    if not path.is_file():
        return []
    problems: list[Problem] = []
    doc = load_yaml(path, problems)
    videos = doc.data.get("videos") if doc is not None and isinstance(doc.data, dict) else None
    if isinstance(videos, list):
        return [v["id"] for v in videos if isinstance(v, dict) and isinstance(v.get("id"), str)]
    try:  # unreadable or broken: fall back to every "id:" in the text, to stay unique
        return _ID_LINE.findall(path.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return []


def _choose_id_and_duration(
    video_id: str | None, title: str, duration: str | None, own_ids: set[str],
    others: dict[str, list[str]], path: Path,
) -> tuple[str, Duration, list[str]]:
    parsed = Duration.parse(duration) if duration is not None else None
    if duration is not None and parsed is None:
        raise NewVideoError(f"--duration: {duration_message(duration.strip())}")
    if video_id is None:
        if parsed is None:
            raise NewVideoError('--duration: expected the video\'s length as minutes:seconds, '
                                'found nothing — add for example --duration 5:30')
        return _fresh_id(title, own_ids, others), parsed, []
    if not _ID_RE.match(video_id):
        raise NewVideoError(f"--id: expected an id that is safe in a web address (lowercase "
                            f"a-z, digits and single hyphens), found {video_id!r} — for "
                            f"example: --id {id_from_text(video_id) or 'my-video'}")
    if video_id in own_ids:
        raise NewVideoError(f"--id: expected an id not yet used in {_show(path)}, found "
                            f"{video_id!r}, which is already there — edit that video instead, "
                            "or leave out --id to get a fresh one")
    translated_in = [lang for lang, ids in others.items() if video_id in ids]
    if parsed is None:
        parsed = _duration_elsewhere(path, video_id, translated_in)
    return video_id, parsed, translated_in


def _duration_elsewhere(path: Path, video_id: str, languages: list[str]) -> Duration:
    """The duration the video already has in another language (when adding a translation)."""
    for lang in languages:
        doc = load_yaml(path.parent.parent.parent / lang / "kits" / path.name, [])
        if doc is None or not isinstance(doc.data, dict):
            continue
        videos = doc.data.get("videos")
        for i, video in enumerate(videos if isinstance(videos, list) else []):
            if isinstance(video, dict) and video.get("id") == video_id:
                raw = doc.raw.get(("videos", i, "duration"), str(video.get("duration", "")))
                found = Duration.parse(raw)
                if found is not None:
                    return found
    raise NewVideoError("--duration: expected the video's length as minutes:seconds, found "
                        "nothing — add for example --duration 5:30")


def _fresh_id(title: str, own_ids: set[str], others: dict[str, list[str]]) -> str:
    taken = own_ids | {vid for ids in others.values() for vid in ids}
    base = id_from_text(title) or "video"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def _layout(doc: YamlDoc, path: Path) -> _Layout:
    """Where the new entry goes: after the last video, indented like the others."""
    text = doc.text
    lines = yaml_lines(text)
    videos = doc.data.get("videos")
    if "videos" not in doc.data:
        return _Layout(len(text), 2, 4, 0, add_videos_key=True)
    key_line = doc.key_lines[("videos",)]
    key_text = lines[key_line - 1]
    key_col = len(key_text) - len(key_text.lstrip(" "))
    after_key = key_text.split(":", 1)[1].split("#", 1)[0].strip()
    if videos is None or videos == []:
        drop = None
        if after_key:
            match = re.search(r"\[\s*\]", key_text)
            if after_key != "[]" or match is None:
                raise NewVideoError(f"{_show(path)}:{key_line}: videos: expected a list of "
                                    f"videos or [], found {after_key!r} — run "
                                    f"'{kits_command('check')}'")
            start = sum(len(x) for x in lines[: key_line - 1])
            drop = (start + match.start(), start + match.end())
        offset = sum(len(x) for x in lines[:key_line])
        return _Layout(offset, key_col + 2, key_col + 4, 0, drop=drop)
    if not isinstance(videos, list) or after_key.startswith("["):
        raise NewVideoError(
            f"{_show(path)}:{key_line}: videos: expected one video per block, each starting "
            "with '- id:' on its own line, found another layout — rewrite it like the other "
            f"kit files, run '{kits_command('check')}', then try again")
    first = lines[doc.line_of(("videos", 0)) - 1]
    dash = re.match(r"^(\s*)-\s+", first)
    dash_col, item_col = (len(dash.group(1)), len(dash.group(0))) if dash else (
        key_col + 2, key_col + 4)
    last_start = doc.line_of(("videos", len(videos) - 1))
    last = doc.end_lines.get(("videos", len(videos) - 1), last_start)
    while last > last_start and (not lines[last - 1].strip()
                                 or lines[last - 1].lstrip().startswith("#")):
        last -= 1
    return _Layout(sum(len(x) for x in lines[:last]), dash_col, item_col, len(videos))


def _translated_from(translated_in: list[str], default_language: str) -> str | None:
    """The language a new card translates (the default language first, when it has it)."""
    if default_language in translated_in:
        return default_language
    return translated_in[0] if translated_in else None


def _entry(video_id: str, title: str, clock: Duration, layout: _Layout, nl: str,
           source: str | None, language: str) -> str:
    dash, key = " " * layout.dash, " " * layout.key
    lines = [
        f"{dash}# New video card (added by `kits new-video`): fill in the description and the "
        "questions, then run `make check`.",
        f"{dash}- id: {video_id}",
        f"{key}title: {json.dumps(title, ensure_ascii=False)}",
        f'{key}duration: "{clock.clock()}"',
        f"{key}# What the video is about, in a few sentences. *Emphasis* and "
        "[links](https://example.org) are fine.",
        f'{key}description: ""',
        f"{key}# Questions for debate after watching: replace [] with one question per line, "
        "each starting with '- '.",
        f"{key}questions: []",
    ]
    if source is not None:  # a translation: `kits status` compares it with its source's card
        lines += [f"{key}translated_from:", f"{key}  language: {source}",
                  f"{key}  into: {language}"]
    head = f"videos:{nl}" if layout.add_videos_key else ""
    return head + nl.join(lines) + nl


def _insert(text: str, layout: _Layout, entry: str) -> tuple[str, int]:
    """The new text, and the offset at which the entry starts in it."""
    before, after = text[: layout.offset], text[layout.offset :]
    if not ends_a_line(before):
        before += newline_of(text)
    if layout.drop is not None:
        start, end = layout.drop
        before = text[:start].rstrip(" ") + text[end : layout.offset]
    return before + entry + after, len(before)


def _verify(path: Path, old: YamlDoc, new_text: str, video_id: str, index: int) -> None:
    """Parse the result: the new video must be last and everything else unchanged."""
    problems: list[Problem] = []
    doc = parse_yaml(path, new_text, problems)
    new_data = doc.data if doc is not None and isinstance(doc.data, dict) else {}
    videos = new_data.get("videos")
    old_rest = {k: v for k, v in old.data.items() if k != "videos"}
    new_rest = {k: v for k, v in new_data.items() if k != "videos"}
    if (problems or not isinstance(videos, list) or len(videos) != index + 1
            or videos[index].get("id") != video_id or videos[:index] != (old.data.get("videos")
                                                                        or [])
            or old_rest != new_rest):
        raise NewVideoError(f"{_show(path)}: cannot add the video safely to this file's layout "
                            "(nothing was changed) — add it by hand as shown in the editor's "
                            "guide (docs/en/editors.md)")


def _result(
    path: Path, language: str, kit_id: str, video_id: str, title: str, clock: Duration,
    new_text: str, first_line: int, index: int, others: dict[str, list[str]],
    translated_in: list[str], content_dir: Path, languages: list[str],
) -> AddedVideo:
    lines = yaml_lines(new_text)

    def line_of(prefix: str) -> int:
        for number in range(first_line, len(lines) + 1):
            if lines[number - 1].strip().startswith(prefix):
                return number
        return first_line

    todo = [
        Todo(line_of("description:"), f"videos[{index}].description",
             "what the video is about, in a few sentences"),
        Todo(line_of("questions:"), f"videos[{index}].questions",
             "at least one question for debate"),
    ]
    return AddedVideo(
        path=path, language=language, kit_id=kit_id, video_id=video_id, title=title,
        duration=clock, line=line_of("- id:"), todo=todo,
        other_languages={lang: (content_dir / lang / "kits" / f"{kit_id}.yml").is_file()
                         for lang in languages if lang != language},
        translated_in=translated_in,
    )


def report(added: AddedVideo, content_arg: str | None = None) -> list[str]:
    """What to tell the editor: where the card is and what is left to fill in."""
    where = _show(added.path)
    out = [f"{where}:{added.line}: added video '{added.video_id}' "
           f"({json.dumps(added.title, ensure_ascii=False)}, {added.duration.clock()})",
           "Fill in before the card can be published ('make check' fails until then):"]
    out += [f"  {where}:{t.line}: {t.key}: {t.what}" for t in added.todo]
    content = f" --content {content_arg}" if content_arg else ""
    for lang, has_file in added.other_languages.items():
        if lang in added.translated_in:
            out.append(f"Language {lang} already has video '{added.video_id}'.")
        elif has_file:
            out.append(
                f"Language {lang} (optional now: until then the {lang} site shows this card in "
                f"{added.language}, marked as not yet translated):")
            out.append("  " + kits_command(f"new-video {added.kit_id} --lang {lang} "
                                           f'--id {added.video_id} --title "..."{content}'))
        else:
            out.append(f"Language {lang} has no file for this kit yet; its site shows the "
                       f"{added.language} kit.")
    out.append("Then run: make check")
    return out


def _show(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:  # pragma: no cover - another drive on Windows
        return str(path)
