"""The shape of a kit file: every key, its kind, whether it is required, and an example.

Owns: the single description of the kit file format (keys, kinds, patterns, and how an id
is made from a title). Validation (:mod:`kitsite.content.validate`)
checks files against it and :mod:`kitsite.content.schema` turns it into a JSON Schema for editors.
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
    FieldSpec("title", "text", True, "The heading of the section.", "How the workshops worked"),
    FieldSpec("body", "markdown", True, "The text of the section (Markdown).",
              "Staff and people who use services met for an open discussion."),
)

VIDEO_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("id", "id", True,
              "Stable id used in the web address; the same in every language.", "hope"),
    FieldSpec("title", "text", True, "The video's title.",
              "I couldn't even spell the word \"hope\""),
    FieldSpec("title_is_editorial", "bool", False,
              "true when the sources give no title and the editors wrote one.", "true"),
    FieldSpec("duration", "duration", True, "Length as minutes:seconds, in quotes.", '"4:20"'),
    FieldSpec("description", "markdown", True, "What the video is about.",
              "This video outlines situations in which patients feel stigmatised."),
    FieldSpec("questions", "text_list", True, "Questions for debate after watching.",
              "- Do you recognise any of the situations described in the video?"),
    FieldSpec("video", "object", False, "Where to watch the video (optional).",
              "file: videos/hope.mp4", VIDEO_SOURCE_FIELDS),
    FieldSpec("transcript", "markdown", False, "What is said in the video, as text.",
              "Speaker: ..."),
    FieldSpec("translated_from", "object", False,
              "Written by `kits status --confirm`: fingerprints of the source text this "
              "translation was made from. Do not edit by hand.", "{language: en, title: 1a2b3c4d}"),
)

KIT_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("id", "id", True, "The kit's id: the file name without .yml.",
              "dialogue-kickstarter"),
    FieldSpec("title", "text", True, "The kit's name.", "The Dialogue Kickstarter"),
    FieldSpec("campaign", "text", True, "The campaign that made the kit.", "ONE OF US (EN AF OS)"),
    FieldSpec("made_with", "text_list", False, "Partners the kit was made with.",
              "- The Capital Region of Denmark"),
    FieldSpec("audience", "text", True, "Who the kit is for.", "Staff in the psychiatric sector"),
    FieldSpec("summary", "text", True, "One sentence for the kit's card and search engines.",
              "Short videos and questions that help teams reflect on language."),
    FieldSpec("about", "markdown", True, "What the kit is and how it was made.",
              "ONE OF US created the kit with ..."),
    FieldSpec("discussion_minutes_per_question", "minutes", False,
              "Minutes of discussion per question in the session plan.", "5"),
    FieldSpec("videos", "list", True, "The kit's video cards, in the order to show them.",
              "- id: hope", VIDEO_FIELDS),
    FieldSpec("sections", "list", False, "Extra titled sections on the kit page.",
              "- title: How the workshops worked", SECTION_FIELDS),
    FieldSpec("sources", "text_list", False, "Where the kit's facts come from.",
              "- Time to Change, project page (undated)"),
    FieldSpec("translated_from", "object", False,
              "Written by `kits status --confirm`; do not edit by hand.",
              "{language: en, title: 1a2b3c4d}"),
)

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
