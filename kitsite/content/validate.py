"""Checking kit files against the format in :mod:`kitsite.content.spec`, and kits against each
other.

Owns: every rule a kit file must follow and the wording of each problem, and the field checker
every other file a person edits is checked with (:func:`check_fields`: site.yml, labels.yml,
language-guide.yml). It collects all problems rather than stopping at the first, and each
message says what was expected, what was found and how to fix it, at the line of the offending
value.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from typing import Any, TypeGuard

from kitsite.content.languages import is_language_code
from kitsite.content.limits import MAX_ID_CHARS, MAX_SHORT_TEXT_CHARS
from kitsite.content.markdown_safety import unsafe_markdown
from kitsite.content.model import Duration, Kit
from kitsite.content.problems import Problem
from kitsite.content.spec import ID_PATTERN, KIT_FIELDS, FieldSpec, id_from_text
from kitsite.content.yamldoc import KeyPath, YamlDoc, format_key_path

_ID_RE = re.compile(ID_PATTERN)
_CLOCK_RE = re.compile(r"^(-?)(\d+):(\d+)$")
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
    "language": "a language code, like da or en",
    "language_list": "a list of language codes, like [da, en]",
    "language_lists": "a block of language codes, each with a list of language codes, "
                      "like 'sv: [en, da]'",
    "plural_forms": "a block of plural forms, one per CLDR plural category",
}
_BLOCK_NAMES = {"videos": "a video", "sections": "a section", "video": "a video source"}


def check_fields(
    doc: YamlDoc, fields: Iterable[FieldSpec], *, document: str = "the kit",
    blocks: Mapping[str, str] | None = None,
) -> list[Problem]:
    """Every problem of a whole parsed file against its field list: the one way every file a
    person edits is checked against the fields that describe it.

    ``document`` is what messages call the file's top-level block ("the site settings");
    ``blocks`` what they call a nested block, by its key (``{"terms": "a term"}``).
    """
    problems: list[Problem] = []
    _Checker(doc, problems, document, blocks).check_object(doc.data, fields, ())
    return problems


def problem_at(doc: YamlDoc, key_path: KeyPath, message: str, *,
               at_key: bool = False) -> Problem:
    """A problem at the value of ``key_path`` (or at its key, ``at_key``) in ``doc``."""
    line = doc.key_line_of(key_path) if at_key else doc.line_of(key_path)
    return Problem(doc.path, line, format_key_path(key_path), message)


def is_minutes(value: object) -> TypeGuard[int]:
    """A whole number of minutes from 1 to 120 (the kind ``minutes``)."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value <= 120


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice ``word`` is most likely a misspelling of, if any (``langauge`` ->
    ``language``)."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return close[0] if close else None


class _Checker:
    """Checks one parsed file against the spec, appending to a shared problem list."""

    def __init__(self, doc: YamlDoc, problems: list[Problem], document: str = "the kit",
                 blocks: Mapping[str, str] | None = None) -> None:
        self.doc = doc
        self.problems = problems
        self.document = document
        self.blocks = {**_BLOCK_NAMES, **(blocks or {})}

    def report(self, key_path: KeyPath, message: str, line: int | None = None) -> None:
        where = line if line is not None else self.doc.line_of(key_path)
        self.problems.append(Problem(self.doc.path, where, format_key_path(key_path), message))

    def block_name(self, key_path: KeyPath) -> str:
        names = [part for part in key_path if isinstance(part, str)]
        return self.blocks.get(names[-1], self.document) if names else self.document

    def check_object(self, data: Any, specs: Iterable[FieldSpec], key_path: KeyPath) -> None:
        specs = tuple(specs)
        if not isinstance(data, dict):
            self.report(key_path, f"expected a block of keys ({self.block_name(key_path)}), "
                        f"found {_describe(data)} — write one 'key: value' per line")
            return
        known = {s.name: s for s in specs}
        for key in data:
            if key not in known:
                self.report((*key_path, key), _unknown_key_message(
                    key, self.block_name(key_path), list(known)),
                            line=self.doc.key_line_of((*key_path, key)))
        for spec in specs:
            if spec.name not in data:
                if spec.required:
                    self.report((*key_path, spec.name), self._missing_key_message(
                        spec, key_path, [k for k in data if k not in known]))
                continue
            if data[spec.name] is None:
                if spec.required:  # an optional key left empty is as good as absent
                    self.report((*key_path, spec.name), (
                        f"expected {_KIND_WORDS[spec.kind]}, found nothing after "
                        f"'{spec.name}:' — write for example: {spec.name}: {spec.example}"
                    ), line=self.doc.key_line_of((*key_path, spec.name)))
                continue
            self.check_value(data[spec.name], spec, (*key_path, spec.name))

    def _missing_key_message(self, spec: FieldSpec, parent: KeyPath, unknown: list[str]) -> str:
        what = spec.help[0].lower() + spec.help[1:].rstrip(".")
        found = f"expected the key '{spec.name}' in {self.block_name(parent)} ({what}), found none"
        for key in unknown:
            if difflib.get_close_matches(key, [spec.name], n=1, cutoff=0.6):
                line = self.doc.key_line_of((*parent, key))
                return f"{found} — is '{key}' on line {line} meant to be '{spec.name}'?"
        example = spec.example.replace("\n", " ")
        return f"{found} — add a line like: {spec.name}: {example}"

    def check_value(self, value: Any, spec: FieldSpec, key_path: KeyPath) -> None:
        kind = spec.kind
        if kind in ("text", "markdown", "path_or_url", "url", "id"):
            self._check_string(value, spec, key_path)
        elif kind == "duration":
            self._check_duration(value, key_path)
        elif kind == "minutes":
            if not is_minutes(value):
                self.report(key_path, f"expected a whole number of minutes from 1 to 120, "
                            f"found {_describe(value)} — for example: {spec.name}: {spec.example}")
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
        elif kind == "language_map" and not (
            isinstance(value, dict) and all(isinstance(v, str) for v in value.values())
        ):
            self._wrong_type(value, spec, key_path)
        elif kind in ("language", "language_list", "language_lists"):
            self._check_languages(value, spec, key_path)
        elif kind == "plural_forms" and not isinstance(value, dict):
            self._wrong_type(value, spec, key_path)

    def _check_languages(self, value: Any, spec: FieldSpec, key_path: KeyPath) -> None:
        """A language code, a list of them, or a block of such lists by language code."""
        if spec.kind == "language":
            if not isinstance(value, str):
                self._wrong_type(value, spec, key_path)
            elif not is_language_code(value):
                self.report(key_path, _unknown_language_message(value, spec))
            return
        if spec.kind == "language_lists":
            if not isinstance(value, dict):
                self._wrong_type(value, spec, key_path)
                return
            for code, codes in value.items():
                if not is_language_code(code):
                    self.report((*key_path, code), _unknown_language_message(code, spec),
                                line=self.doc.key_line_of((*key_path, code)))
                self._check_language_list(codes, spec, (*key_path, code))
            return
        self._check_language_list(value, spec, key_path)

    def _check_language_list(self, value: Any, spec: FieldSpec, key_path: KeyPath) -> None:
        if not isinstance(value, list) or not value:
            found = "an empty list" if value == [] else _describe(value)
            self.report(key_path, f"expected {_KIND_WORDS['language_list']}, found {found} — "
                        f"for example: {spec.name}: {spec.example}")
            return
        for i, code in enumerate(value):
            if not isinstance(code, str):
                self.report((*key_path, i), f"expected a language code, like da or en, found "
                            f"{_describe(code)} — for example: {spec.name}: {spec.example}")
            elif not is_language_code(code):
                self.report((*key_path, i), _unknown_language_message(code, spec))

    def _check_string(self, value: Any, spec: FieldSpec, key_path: KeyPath) -> None:
        kind = spec.kind
        if not isinstance(value, str):
            self._wrong_type(value, spec, key_path)
        elif not value.strip():
            self.report(key_path, f"expected {_KIND_WORDS[kind]}, found an empty value — "
                        f"write for example: {spec.name}: {spec.example}")
        elif kind == "id" and len(value) > MAX_ID_CHARS:
            self.report(key_path, _long_id_message(value))
        elif kind == "id" and not _ID_RE.match(value):
            self.report(key_path, _bad_id_message(value))
        elif kind == "url" and not value.startswith("https://"):
            self.report(key_path, f"expected an https:// link, found {value!r} — "
                        f"for example: {spec.name}: {spec.example}")
        elif kind in ("text", "markdown"):
            if kind == "text":
                self._check_short(value, key_path)
            self._check_markdown(value, key_path)

    def _check_short(self, text: str, key_path: KeyPath) -> None:
        """A one-line text (a title, a question) within :data:`MAX_SHORT_TEXT_CHARS`."""
        if len(text) > MAX_SHORT_TEXT_CHARS:
            self.report(key_path, (
                f"expected no more than {MAX_SHORT_TEXT_CHARS:,} characters in a text like "
                f"this, found {len(text):,} — shorten it; a long text belongs in a Markdown "
                "field (about, description, transcript, a section's body)"))

    def _check_markdown(self, text: str, key_path: KeyPath) -> None:
        for unsafe in unsafe_markdown(text):
            self.report(key_path, unsafe.message,
                        line=self.doc.line_of_text(key_path, unsafe.snippet))

    def _check_text_list(self, value: Any, spec: FieldSpec, key_path: KeyPath) -> None:
        if not isinstance(value, list):
            self._wrong_type(value, spec, key_path)
            return
        if not value:
            what = spec.help.rstrip(".").lower()
            self.report(key_path, f"expected at least one item ({what}), found an empty list "
                        f"— replace [] with one item per line starting with '- ', like: "
                        f"{spec.example.replace(chr(10), ' ')}")
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                found = "an empty item" if item is None or item == "" else _describe(item)
                self.report((*key_path, i), f"expected text, found {found} — write the text "
                            f"after '- ', like: {spec.example}")
            else:
                self._check_short(item, (*key_path, i))
                self._check_markdown(item, (*key_path, i))
                self._check_merged_items(item, (*key_path, i))

    def _check_merged_items(self, item: str, key_path: KeyPath) -> None:
        """Warn about a line inside an item that starts with '- ': indented one space too
        many, a new item is read as the end of the one above ("…videoen? - Hvad …")."""
        first = self.doc.line_of(key_path)
        source = self.doc.text.splitlines()
        last = min(self.doc.end_lines.get(key_path, first), len(source))
        if first > len(source):
            return
        item_dash = _indent(source[first - 1])
        for number in range(first + 1, last + 1):
            line = source[number - 1]
            if not line.lstrip().startswith("- "):
                continue
            shown = line.strip()
            joined = _around(item, shown)
            self.problems.append(Problem(
                self.doc.path, number, format_key_path(key_path),
                f"expected one item per '- ' line, found a line inside this item that starts "
                f"with '- ' ({shown!r}), so the two are read as one item: {joined!r} — if it "
                f"is an item of its own, start its '- ' in column {item_dash + 1} like the "
                f"item above (it is in column {_indent(line) + 1}); if the dash belongs to "
                f"the text, put the whole text in double quotes",
                severity="warning"))

    def _check_duration(self, value: Any, key_path: KeyPath) -> None:
        raw = self.doc.raw.get(key_path, value if isinstance(value, str) else None)
        if isinstance(raw, str) and Duration.parse(raw) is not None:
            return
        if not isinstance(raw, str) or isinstance(value, bool):
            self.report(key_path, f'expected minutes:seconds like "4:20", found '
                        f'{_describe(value)} — write the length in quotes, like duration: "4:20"')
            return
        self.report(key_path, duration_message(raw.strip()))

    def _wrong_type(self, value: Any, spec: FieldSpec, key_path: KeyPath) -> None:
        example = spec.example if "\n" not in spec.example else spec.example.splitlines()[0]
        self.report(key_path, f"expected {_KIND_WORDS[spec.kind]}, found {_describe(value)} — "
                    f"for example: {spec.name}: {example}")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _around(text: str, line: str) -> str:
    """``text`` around where ``line`` (a source line of it) was joined to what comes before,
    a few words either side: ``…i videoen? - Hvad kan du selv…``."""
    words, joined = text.split(), line.split()
    at = next((i for i in range(len(words)) if words[i:i + 2] == joined[:2]), None)
    if at is None:
        return " ".join(words[:8]) + ("…" if len(words) > 8 else "")
    start, end = max(0, at - 2), min(len(words), at + 5)
    return ("…" if start else "") + " ".join(words[start:end]) + ("…" if end < len(words) else "")


def duration_message(raw: str) -> str:
    """What is wrong with a duration such as ``4:70``, ``-1:00``, ``0:00`` or ``ten minutes``."""
    match = _CLOCK_RE.match(raw)
    found = f"expected minutes:seconds like \"4:20\", found {raw!r}"
    if not match:
        return f'{found} — write the length in quotes, like duration: "4:20"'
    sign, minutes, seconds = match.group(1), int(match.group(2)), int(match.group(3))
    if sign:
        return f"{found}, which is negative — write the video's real length, like \"4:20\""
    if minutes == 0 and seconds == 0:
        return f"{found}, which is no time at all — write the video's real length, like \"4:20\""
    if seconds > 59:
        total = minutes * 60 + seconds
        return (f"{found}, but seconds go from 00 to 59 — did you mean "
                f"\"{total // 60}:{total % 60:02d}\"?")
    if len(match.group(3)) != 2:
        return f"{found} — write the seconds with two digits, like \"{minutes}:{seconds:02d}\""
    return f'{found} — write at most three digits of minutes, like "4:20"'


def _bad_id_message(value: str) -> str:
    suggestion = id_from_text(value) or "my-video"
    return (f"expected an id that is safe in a web address (lowercase a-z, digits and single "
            f"hyphens), found {value!r} — for example: {suggestion}")


def _long_id_message(value: str) -> str:
    shown = value if len(value) <= 40 else value[:39] + "…"
    suggestion = id_from_text(value.replace("-", " "), max_length=32) or "my-video"
    return (f"expected an id of no more than {MAX_ID_CHARS} characters (it is part of file "
            f"names and web addresses), found {len(value)} characters ({shown!r}) — use a "
            f"short id, for example: {suggestion}")


def _unknown_language_message(code: str, spec: FieldSpec) -> str:
    return (f"expected a language code the Unicode CLDR knows (two or three lowercase "
            f"letters, like da, en or sv), found {code!r} — for example: {spec.name}: "
            f"{spec.example}")


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


def _unknown_key_message(key: str, block: str, known: list[str]) -> str:
    close = closest(key, known)
    found = f"expected a key of {block}, found unknown key '{key}'"
    if close:
        return f"{found} — did you mean '{close}'? Correct the spelling"
    return f"{found} — use one of: {', '.join(known)}"


def check_kit_file(doc: YamlDoc) -> list[Problem]:
    """Every problem of one kit file: its fields against the format, then the rules across
    them (the id matches the file name, no two videos share an id)."""
    problems = check_fields(doc, KIT_FIELDS)
    if isinstance(doc.data, dict):
        problems.extend(_check_kit_id(doc))
        videos = doc.data.get("videos")
        if isinstance(videos, list):
            problems.extend(_check_unique_video_ids(doc, videos))
            problems.extend(_check_package_videos(doc, videos, doc.data.get("packages")))
    return problems


def _check_package_videos(doc: YamlDoc, videos: list[Any], packages: Any) -> list[Problem]:
    """Each video a package names is a video of this kit."""
    known = [v["id"] for v in videos if isinstance(v, dict) and isinstance(v.get("id"), str)]
    problems: list[Problem] = []
    for i, package in enumerate(packages if isinstance(packages, list) else []):
        named = package.get("videos") if isinstance(package, dict) else None
        for j, vid in enumerate(named if isinstance(named, list) else []):
            if not isinstance(vid, str) or vid in known:
                continue
            close = closest(vid, known)
            fix = f"did you mean '{close}'?" if close else f"use one of: {', '.join(known)}"
            problems.append(problem_at(doc, ("packages", i, "videos", j), (
                f"expected the id of a video of this kit, found {vid!r} — {fix}")))
    return problems


def _check_kit_id(doc: YamlDoc) -> list[Problem]:
    kit_id = doc.data.get("id")
    if not isinstance(kit_id, str) or kit_id == doc.path.stem or not _ID_RE.match(kit_id):
        return []
    owner = doc.path.with_name(f"{kit_id}.yml")
    if owner.exists():
        return [problem_at(doc, ("id",), (
            f"expected an id no other kit in this language uses, found {kit_id!r}, which is "
            f"the id of {owner.parent.parent.name}/kits/{owner.name} — give this kit its own "
            f"id and name the file after it: id: {doc.path.stem}"
        ))]
    return [problem_at(doc, ("id",), (
        f"expected the file name without .yml ({doc.path.stem!r}), found {kit_id!r} — "
        f"rename the file to {kit_id}.yml or change the id to {doc.path.stem}"
    ))]


def _check_unique_video_ids(doc: YamlDoc, videos: list[Any]) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for i, video in enumerate(videos):
        vid = video.get("id") if isinstance(video, dict) else None
        if not isinstance(vid, str):
            continue
        if vid in seen:
            first = doc.line_of(("videos", seen[vid], "id"))
            problems.append(problem_at(doc, ("videos", i, "id"), (
                f"expected an id no other video in this kit uses, found {vid!r}, which "
                f"videos[{seen[vid]}] (line {first}) already has — give each video its own id"
            )))
        else:
            seen[vid] = i
    return problems


def check_across_languages(kits_by_language: dict[str, dict[str, Kit]]) -> list[Problem]:
    """Facts that are not language must agree: durations, video ids that look like typos, and
    the ids of the packages (when both languages have packages: a kit file without any has
    not had them translated yet)."""
    problems: list[Problem] = []
    kit_ids = {k for kits in kits_by_language.values() for k in kits}
    for kit_id in sorted(kit_ids):
        versions = [kits[kit_id] for kits in kits_by_language.values() if kit_id in kits]
        for a_index, kit_a in enumerate(versions):
            for kit_b in versions[a_index + 1 :]:
                _compare_durations(kit_a, kit_b, problems)
                _compare_video_ids(kit_a, kit_b, problems)
                _compare_package_ids(kit_a, kit_b, problems)
                _compare_package_ids(kit_b, kit_a, problems)
    return problems


def _short_path(kit: Kit) -> str:
    return f"{kit.path.parent.parent.name}/kits/{kit.path.name}"


def _compare_durations(kit_a: Kit, kit_b: Kit, problems: list[Problem]) -> None:
    for video_a in kit_a.videos:
        video_b = kit_b.video(video_a.id)
        if video_b is None or video_b.duration == video_a.duration:
            continue
        problems.append(Problem(
            kit_b.path, video_b.line_of("duration"),
            f"videos[{kit_b.videos.index(video_b)}].duration",
            f"expected the same length as in {_short_path(kit_a)}:"
            f"{video_a.line_of('duration')} (\"{video_a.duration.clock()}\"), found "
            f"\"{video_b.duration.clock()}\" for video '{video_a.id}' — a video has one length "
            "in every language; correct the wrong one",
        ))


def _compare_package_ids(kit_a: Kit, kit_b: Kit, problems: list[Problem]) -> None:
    """Each package of ``kit_a`` that ``kit_b`` lacks, when ``kit_b`` has packages at all: the
    session pages of the two languages would offer different sessions."""
    if not kit_a.packages or not kit_b.packages:
        return
    ids_a, ids_b = {p.id for p in kit_a.packages}, [p.id for p in kit_b.packages]
    only_b = [pid for pid in ids_b if pid not in ids_a]
    for i, package in enumerate(kit_a.packages):
        if package.id in ids_b:
            continue
        close = difflib.get_close_matches(package.id, only_b, n=1, cutoff=0.6)
        fix = (f"did you mean {close[0]!r}? A package has one id in every language; only its "
               "name is translated" if close else
               f"add it to {_short_path(kit_b)} or remove it here: every language offers the "
               "same packages")
        problems.append(Problem(
            kit_a.path, kit_a.line_of(f"packages[{i}].id"), f"packages[{i}].id",
            f"expected the id of a package {_short_path(kit_b)}:{kit_b.line_of('packages')} "
            f"has too ({', '.join(ids_b)}), found {package.id!r}, which it lacks — {fix}",
        ))


def _compare_video_ids(kit_a: Kit, kit_b: Kit, problems: list[Problem]) -> None:
    """Each language has an id the other lacks, and the two look alike: likely a typo.

    A video found in one language only, with no look-alike in the other, is simply not
    translated yet; that is not a problem.
    """
    only_b = [v.id for v in kit_b.videos if kit_a.video(v.id) is None]
    for video_a in kit_a.videos:
        if kit_b.video(video_a.id) is not None:
            continue
        close = difflib.get_close_matches(video_a.id, only_b, n=1, cutoff=0.6)
        if not close:
            continue
        video_b = kit_b.video(close[0])
        assert video_b is not None
        problems.append(Problem(
            kit_a.path, video_a.line_of("id"), f"videos[{kit_a.videos.index(video_a)}].id",
            f"expected the same video ids in every language, found {video_a.id!r} here and "
            f"{video_b.id!r} in {_short_path(kit_b)}:{video_b.line_of('id')}, and neither "
            "file has the other's — correct the typo so both use one id",
        ))
