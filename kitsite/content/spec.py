"""The shape of a kit file: every key, its kind, whether it is required, and an example.

Owns: the single description of the kit file format — every key, its kind, whether it is
required, translatable and on which generated pages it is shown — patterns, and how an id is
made from a title. Everything else derives from it: validation
(:mod:`kitsite.content.validate`), loading into the model (:mod:`kitsite.content.loading`),
the link and language checks, the translation state (:mod:`kitsite.translation.kit`), the
views, the JSON Schema (:mod:`kitsite.content.schema`); ``tests/unit/test_spec.py`` fails when the
editor's guide's format or a template disagrees.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

Kind = Literal[
    "id", "text", "markdown", "duration", "minutes", "bool", "path_or_url", "url",
    "text_list", "list", "object", "language_map", "language", "language_list",
    "language_lists", "plural_forms",
]


Page = Literal["kits", "kit", "video", "facilitator"]
"""``facilitator``: the facilitator view of a kit's session (``/kits/<kit>/session/facilitator/``),
the one page that shows facilitator notes; never the projector view or another page."""


@dataclass(frozen=True)
class FieldSpec:
    """One key of a kit file (or of another file a person edits: site.yml, labels.yml, the
    language guide, each described with these records in the module that owns it)."""

    name: str
    kind: Kind
    required: bool
    help: str
    example: str
    children: tuple[FieldSpec, ...] = ()
    """For ``object`` and ``list`` (a list of objects): the keys of each object."""
    translatable: bool = False
    """Text a translator translates (and ``kits status`` compares across languages); for a
    ``list`` of objects, each object's translatable keys are its text. Every translatable
    field is Markdown or plain text, and may hold links."""
    shown_on: tuple[Page, ...] = ()
    """The generated pages that show the field: the list of kits, the kit page, the video
    page (the link check reads the field's links from each)."""


VIDEO_SOURCE_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("file", "path_or_url", False,
              "A video file published with the site, relative to the language's docs folder.",
              "videos/hope.mp4"),
    FieldSpec("url", "url", False, "A link to the video on an external service (https).",
              "https://www.youtube.com/watch?v=..."),
    FieldSpec("poster", "path_or_url", False, "A still image shown before the video plays.",
              "videos/hope.jpg"),
    FieldSpec("captions", "language_map", False,
              "WebVTT caption files, one per language code.", "{da: videos/hope.da.vtt}"),
)

SECTION_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("title", "text", True, "The heading of the section.", "How the workshops worked",
              translatable=True, shown_on=("kit",)),
    FieldSpec("body", "markdown", True, "The text of the section (Markdown).",
              "Staff and people who use services met for an open discussion.",
              translatable=True, shown_on=("kit",)),
)

PACKAGE_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("id", "id", True, "The package's id; the same in every language.", "short"),
    FieldSpec("name", "text", True, "The package's name, as the session page offers it.",
              "A short session (30 minutes)", translatable=True, shown_on=("kit",)),
    FieldSpec("videos", "text_list", False,
              "The ids of the videos it shows, in the kit's order (all when left out).",
              "- hope"),
    FieldSpec("discussion_minutes_per_question", "minutes", False,
              "Minutes of discussion per question in this package (the kit's when left out).",
              "3"),
)

VIDEO_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("id", "id", True,
              "Stable id used in the web address; the same in every language.", "hope"),
    FieldSpec("title", "text", True, "The video's title.",
              "I couldn't even spell the word \"hope\"", translatable=True,
              shown_on=("kit", "video")),
    FieldSpec("title_is_editorial", "bool", False,
              "true when the sources give no title and the editors wrote one.", "true"),
    FieldSpec("duration", "duration", True, "Length as minutes:seconds, in quotes.", '"4:20"'),
    FieldSpec("description", "markdown", True, "What the video is about.",
              "This video outlines situations in which patients feel stigmatised.",
              translatable=True, shown_on=("kit", "video")),
    FieldSpec("questions", "text_list", True, "Questions for debate after watching.",
              "- Do you recognise any of the situations described in the video?",
              translatable=True, shown_on=("kit", "video")),
    FieldSpec("video", "object", False, "Where to watch the video (optional).",
              "file: videos/hope.mp4", VIDEO_SOURCE_FIELDS),
    FieldSpec("transcript", "markdown", False, "What is said in the video, as text.",
              "Speaker: ...", translatable=True, shown_on=("video",)),
    FieldSpec("facilitator_notes", "markdown", False,
              "Notes for whoever runs the session, shown with this video's steps in the "
              "facilitator view only (never on the public pages or the projector).",
              "Give people a minute alone with the first question.", translatable=True,
              shown_on=("facilitator",)),
    FieldSpec("translated_from", "object", False,
              "Written by `kits status --confirm`: fingerprints of the source text this "
              "translation was made from. Do not edit by hand.", "{language: en, title: 1a2b3c4d}"),
)

KIT_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("id", "id", True, "The kit's id: the file name without .yml.",
              "dialogue-kickstarter"),
    FieldSpec("title", "text", True, "The kit's name.", "The Dialogue Kickstarter",
              translatable=True, shown_on=("kits", "kit")),
    FieldSpec("campaign", "text", True, "The campaign that made the kit.", "ONE OF US (EN AF OS)",
              translatable=True, shown_on=("kit",)),
    FieldSpec("made_with", "text_list", False, "Partners the kit was made with.",
              "- The Capital Region of Denmark", translatable=True, shown_on=("kit",)),
    FieldSpec("audience", "text", True, "Who the kit is for.", "Staff in the psychiatric sector",
              translatable=True, shown_on=("kits", "kit")),
    FieldSpec("summary", "text", True, "One sentence for the kit's card and search engines.",
              "Short videos and questions that help teams reflect on language.",
              translatable=True, shown_on=("kits", "kit")),
    FieldSpec("about", "markdown", True, "What the kit is and how it was made.",
              "ONE OF US created the kit with ...", translatable=True, shown_on=("kit",)),
    FieldSpec("discussion_minutes_per_question", "minutes", False,
              "Minutes of discussion per question in the session plan.", "5"),
    FieldSpec("facilitator_notes", "markdown", False,
              "Notes for whoever runs a session with the kit, shown in the facilitator view "
              "only (never on the public pages or the projector).",
              "Agree with the group that what is said in the room stays in the room.",
              translatable=True, shown_on=("facilitator",)),
    FieldSpec("packages", "list", False,
              "Sessions an editor suggests (a short and a long one...): presets on the "
              "session page. Without packages, the whole kit is the one preset.",
              "- id: short", PACKAGE_FIELDS, translatable=True, shown_on=("kit",)),
    FieldSpec("videos", "list", True, "The kit's video cards, in the order to show them.",
              "- id: hope", VIDEO_FIELDS),
    FieldSpec("sections", "list", False, "Extra titled sections on the kit page.",
              "- title: How the workshops worked", SECTION_FIELDS, translatable=True,
              shown_on=("kit",)),
    FieldSpec("sources", "text_list", False, "Where the kit's facts come from.",
              "- Time to Change, project page (undated)", translatable=True,
              shown_on=("kit",)),
    FieldSpec("translated_from", "object", False,
              "Written by `kits status --confirm`; do not edit by hand.",
              "{language: en, title: 1a2b3c4d}"),
)

def translatable_texts(fields: tuple[FieldSpec, ...]) -> tuple[str, ...]:
    """The names of the translatable single texts among ``fields`` (``title``, ``about``...)."""
    return tuple(f.name for f in fields if f.translatable and f.kind in ("text", "markdown"))


def translatable_lists(fields: tuple[FieldSpec, ...]) -> tuple[str, ...]:
    """The names of the translatable lists among ``fields``: lists of texts (``questions``) and
    lists of objects with translatable keys (``sections``)."""
    return tuple(f.name for f in fields if f.translatable and f.kind in ("text_list", "list"))


def item_text(item: object, field: FieldSpec) -> str:
    """One item of a translatable list as one text: the item itself, or an object's
    translatable keys, each on its own paragraph (a section: its title, then its body)."""
    if field.kind == "text_list":
        return str(item).strip()
    values = item if isinstance(item, dict) else {}
    return "\n\n".join(str(values.get(c.name) or "").strip() for c in field.children
                       if c.translatable)


def field_named(fields: tuple[FieldSpec, ...], name: str) -> FieldSpec:
    return next(f for f in fields if f.name == name)


ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
DURATION_PATTERN = r"^(?!0+:00$)[0-9]{1,3}:[0-5][0-9]$"
"""``m:ss`` with seconds 00-59, never zero (the same rule as :meth:`Duration.parse`)."""

_TRANSLITERATE = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "ß": "ss", "œ": "oe",
                                "Æ": "ae", "Ø": "oe", "Å": "aa"})


def id_from_text(text: str, max_length: int = 32) -> str:
    """A URL-safe id made from a title: ``"Jeg kunne ikke »håb«"`` -> ``jeg-kunne-ikke-haab``."""
    plain = unicodedata.normalize("NFKD", text.translate(_TRANSLITERATE))
    ascii_only = plain.encode("ascii", "ignore").decode("ascii").lower()
    words = re.findall(r"[a-z0-9]+", ascii_only)
    out = ""
    for word in words:
        candidate = f"{out}-{word}" if out else word
        if len(candidate) > max_length and out:
            break
        out = candidate[:max_length]
    return out
