"""What a kit's session pages show beyond the kit itself.

Owns: the variables the session page, the facilitator view and the question cards
(``templates/session.md.j2``, ``facilitator.md.j2``, ``cards.md.j2``) share — the presets with
their names, the plan data the page's script recomputes (:func:`kitsite.render.session_plan.
plan_data`), each question in the kit's other languages (for the "both languages" toggle), and
each video page's public address with its QR code (from :func:`kitsite.render.site_address.
public_url`: none when the address is not known, never a local port).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import segno

from kitsite.content.model import Library
from kitsite.render import session_plan
from kitsite.render.views import KitView


@dataclass(frozen=True)
class OtherLanguage:
    """A question as another language's kit file words it."""

    text: str
    lang: str


def session_context(library: Library, view: KitView,
                    address_of: Callable[[str], str | None]) -> dict[str, Any]:
    """The session pages' variables for ``view``; ``address_of(video_id)`` is the public
    address of a video's page, or None."""
    videos = view.planned_videos
    presets = view.presets
    addresses = {v.id: address_of(v.id) for v in videos}
    return {
        "presets": presets,
        "all_steps": session_plan.agenda(videos, session_plan.Preset(
            "all", "", tuple(v.id for v in videos), view.kit.discussion_minutes_per_question)),
        "video_views": {v.video.id: v for v in view.videos},
        "plan_json": json.dumps(session_plan.plan_data(videos, presets), ensure_ascii=False,
                                separators=(",", ":")).replace("</", "<\\/"),
        "other_languages": _other_languages(library, view),
        "addresses": addresses,
        "qr_codes": {vid: qr_table(url) for vid, url in addresses.items() if url},
    }


def _other_languages(library: Library, view: KitView) -> dict[str, list[list[OtherLanguage]]]:
    """For each video, for each of its questions, the same question in the kit's other
    languages (questions are matched by their place in the list, as translations are)."""
    out: dict[str, list[list[OtherLanguage]]] = {}
    for video_view in view.videos:
        per_question: list[list[OtherLanguage]] = []
        for n, question in enumerate(video_view.questions):
            others = []
            for lang in library.languages:
                kit = library.kit(lang, view.kit.id)
                other = kit.video(video_view.video.id) if kit else None
                if lang != question.lang and other is not None and n < len(other.questions):
                    others.append(OtherLanguage(other.questions[n], lang))
            per_question.append(others)
        out[video_view.video.id] = per_question
    return out


def qr_table(url: str) -> str:
    """A QR code of ``url`` as an HTML table of dark and light runs (``colspan``), which
    session.css prints as squares: a page holds no SVG (:mod:`kitsite.render.safe_html`)."""
    rows = []
    for row in segno.make(url, error="m").matrix:
        cells, n = [], 0
        while n < len(row):
            end = n
            while end < len(row) and bool(row[end]) == bool(row[n]):
                end += 1
            span = f' colspan="{end - n}"' if end - n > 1 else ""
            cells.append(f'<td class="{"qr-d" if row[n] else "qr-l"}"{span}></td>')
            n = end
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return f'<table class="session-card__qr" aria-hidden="true">{"".join(rows)}</table>'
