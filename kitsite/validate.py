"""Checking kit files against the format in :mod:`kitsite.spec`, and kits against each other.

Owns: every rule a kit file must follow and the wording of each problem. It collects all
problems rather than stopping at the first, and says what was expected, what was found and
what a valid value looks like.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from typing import Any

from kitsite.markdown_safety import unsafe_markdown
from kitsite.model import Duration, Kit
from kitsite.problems import Problem
from kitsite.spec import ID_PATTERN, KIT_FIELDS, FieldSpec
from kitsite.yamldoc import KeyPath, YamlDoc, format_key_path

_ID_RE = re.compile(ID_PATTERN)
_KIND_WORDS = {
    "id": "an id (lowercase letters, digits and hyphens)",
    "text": "text",
    "markdown": "text",
    "duration": 'minutes:seconds like "4:20"',
    "minutes": "a whole number of minutes",
    "bool": "true or false",
    "path_or_url": "a file path or https:// link",
    "url": "an https:// link",
    "text_list": "a list of texts, each on a line starting with '- '",
    "list": "a list, each item on a line starting with '- '",
    "object": "a block of keys",
    "language_map": "a block of language codes, like 'da: file.vtt'",
}


class _Checker:
    def __init__(self, doc: YamlDoc, problems: list[Problem]) -> None:
        self.doc = doc
        self.problems = problems

    def report(self, key_path: KeyPath, message: str) -> None:
        self.problems.append(
            Problem(self.doc.path, self.doc.line_of(key_path), format_key_path(key_path), message)
        )

    def check_object(self, data: Any, specs: Iterable[FieldSpec], key_path: KeyPath) -> None:
        specs = tuple(specs)
        if not isinstance(data, dict):
            self.report(key_path, f"expected a block of keys, found {_describe(data)}")
            return
        known = {s.name: s for s in specs}
        for key in data:
            if key not in known:
                self.report((*key_path, key), _unknown_key_message(key, list(known)))
        for spec in specs:
            if spec.name not in data or data[spec.name] is None:
                if spec.required:
                    self.report(
                        key_path,
                        f"missing required key '{spec.name}' ({spec.help}) — "
                        f"add a line like: {spec.name}: {spec.example}",
                    )
                continue
            self.check_value(data[spec.name], spec, (*key_path, spec.name))

    def check_value(self, value: Any, spec: FieldSpec, key_path: KeyPath) -> None:
        kind = spec.kind
        if kind in ("text", "markdown", "path_or_url", "url", "id"):
            if not isinstance(value, str) or isinstance(value, bool):
                self._wrong_type(value, spec, key_path)
            elif not value.strip():
                self.report(key_path, f"expected {_KIND_WORDS[kind]}, found an empty value — "
                            f"write for example: {spec.example}")
            elif kind == "id" and not _ID_RE.match(value):
                self.report(key_path, f"expected an id that is safe in a web address (lowercase "
                            f"letters, digits and single hyphens), found {value!r} — "
                            f"for example: {_suggest_id(value)}")
            elif kind == "url" and not value.startswith("https://"):
                self.report(key_path, f"expected an https:// link, found {value!r}")
            elif kind in ("text", "markdown"):
                for message in unsafe_markdown(value):
                    self.report(key_path, message)
        elif kind == "duration":
            self._check_duration(value, key_path)
        elif kind == "minutes":
            if not isinstance(value, int) or isinstance(value, bool) or not 0 < value <= 120:
                self.report(key_path, f"expected a whole number of minutes from 1 to 120, "
                            f"found {_describe(value)} — for example: {spec.example}")
        elif kind == "bool":
            if not isinstance(value, bool):
                self._wrong_type(value, spec, key_path)
        elif kind == "text_list":
            self._check_text_list(value, spec, key_path)
        elif kind == "list":
            if not isinstance(value, list):
                self._wrong_type(value, spec, key_path)
                return
            for i, item in enumerate(value):
                self.check_object(item, spec.children, (*key_path, i))
        elif kind == "object":
            if spec.children:
                self.check_object(value, spec.children, key_path)
            elif not isinstance(value, dict):
                self._wrong_type(value, spec, key_path)
        elif kind == "language_map":
            if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
                self._wrong_type(value, spec, key_path)

    def _check_text_list(self, value: Any, spec: FieldSpec, key_path: KeyPath) -> None:
        if not isinstance(value, list):
            self._wrong_type(value, spec, key_path)
            return
        if not value:
            self.report(key_path, f"expected at least one item, found an empty list — "
                        f"add one like: {spec.example}")
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                self.report((*key_path, i), f"expected text, found {_describe(item)}")
            else:
                for message in unsafe_markdown(item):
                    self.report((*key_path, i), message)

    def _check_duration(self, value: Any, key_path: KeyPath) -> None:
        raw = self.doc.raw.get(key_path, value if isinstance(value, str) else None)
        if isinstance(raw, str) and Duration.parse(raw) is not None:
            return
        found = repr(raw) if raw is not None else _describe(value)
        why = ""
        if isinstance(raw, str) and re.match(r"^-?\d+:\d+$", raw.strip()):
            if raw.strip().startswith("-"):
                why = "a duration cannot be negative; "
            elif Duration.parse(raw.strip()) is None and re.match(r"^\d+:[0-5]\d$", raw.strip()):
                why = "a duration cannot be zero; "
            else:
                why = "seconds go from 00 to 59; "
        self.report(key_path, f'{why}expected minutes:seconds like "4:20", found {found}')

    def _wrong_type(self, value: Any, spec: FieldSpec, key_path: KeyPath) -> None:
        self.report(key_path, f"expected {_KIND_WORDS[spec.kind]}, found {_describe(value)} — "
                    f"for example: {spec.name}: {spec.example}")


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()} (true/false)"
    if isinstance(value, dict):
        return "a block of keys"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, int | float):
        return f"the number {value}"
    return repr(value)


def _unknown_key_message(key: str, known: list[str]) -> str:
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    hint = f" — did you mean '{close[0]}'?" if close else f" — known keys: {', '.join(known)}"
    return f"unknown key '{key}'{hint}"


def _suggest_id(value: str) -> str:
    cleaned = re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")
    return cleaned or "my-video"


def check_kit_file(doc: YamlDoc, problems: list[Problem]) -> None:
    """Check one kit file against the format; append every problem found."""
    checker = _Checker(doc, problems)
    checker.check_object(doc.data, KIT_FIELDS, ())
    if not isinstance(doc.data, dict):
        return
    kit_id = doc.data.get("id")
    if isinstance(kit_id, str) and kit_id != doc.path.stem:
        checker.report(("id",), f"expected the file name without .yml ('{doc.path.stem}'), "
                       f"found {kit_id!r} — rename the file or change the id")
    videos = doc.data.get("videos")
    if isinstance(videos, list):
        seen: dict[str, int] = {}
        for i, video in enumerate(videos):
            vid = video.get("id") if isinstance(video, dict) else None
            if not isinstance(vid, str):
                continue
            if vid in seen:
                checker.report((("videos", i, "id")), f"duplicate video id {vid!r}, also used by "
                               f"videos[{seen[vid]}] — give each video its own id")
            else:
                seen[vid] = i


def check_across_languages(
    kits_by_language: dict[str, dict[str, Kit]], problems: list[Problem]
) -> None:
    """Facts that are not language must agree: durations, and video ids that look like typos."""
    kit_ids = {k for kits in kits_by_language.values() for k in kits}
    for kit_id in sorted(kit_ids):
        versions = [kits[kit_id] for kits in kits_by_language.values() if kit_id in kits]
        for a_index, kit_a in enumerate(versions):
            for kit_b in versions[a_index + 1 :]:
                _compare_kits(kit_a, kit_b, problems)


def _compare_kits(kit_a: Kit, kit_b: Kit, problems: list[Problem]) -> None:
    for video_a in kit_a.videos:
        video_b = kit_b.video(video_a.id)
        if video_b is not None and video_b.duration != video_a.duration:
            problems.append(Problem(
                kit_b.path, video_b.line_of("duration"), f"videos[{kit_b.videos.index(video_b)}].duration",
                f"duration {video_b.duration.clock()!r} differs from {video_a.duration.clock()!r} "
                f"for the same video in {kit_a.path.parent.parent.name}/{kit_a.path.name} — "
                "a video has one length in every language; correct the wrong one",
            ))
    only_a = [v for v in kit_a.videos if kit_b.video(v.id) is None]
    only_b = [v for v in kit_b.videos if kit_a.video(v.id) is None]
    for video_a in only_a:
        close = difflib.get_close_matches(video_a.id, [v.id for v in only_b], n=1, cutoff=0.6)
        if not close:
            continue
        video_b = kit_b.video(close[0])
        assert video_b is not None
        problems.append(Problem(
            kit_a.path, video_a.line, f"videos[{kit_a.videos.index(video_a)}].id",
            f"video id {video_a.id!r} has no match in {kit_b.path.parent.parent.name}/"
            f"{kit_b.path.name}, which has {video_b.id!r} (line {video_b.line}) instead — "
            "the same video must have the same id in every language; correct the typo",
        ))
