"""The address a video on another service plays from once the reader has agreed to load it.

Owns: turning a video's ``url:`` into its player's address (YouTube without cookies, from
youtube-nocookie.com; Vimeo with do-not-track; any other address as written) — the page gives
it to overrides/assets/javascripts/video-consent.js, and the security policy allows frames from
exactly these players' origins (:mod:`kitsite.render.security`).
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, quote, urlsplit

_VIMEO_PATH = re.compile(r"/\d+")


def embed_url(url: str) -> str:
    """The player's address for the video at ``url``."""
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    video_id = None
    if host in ("youtube.com", "m.youtube.com"):
        if parts.path == "/watch":
            video_id = parse_qs(parts.query).get("v", [""])[0]
        elif parts.path.startswith("/embed/"):
            video_id = parts.path.removeprefix("/embed/")
    elif host == "youtu.be":
        video_id = parts.path[1:]
    if video_id:
        return f"https://www.youtube-nocookie.com/embed/{quote(video_id, safe='')}?autoplay=1"
    if host == "vimeo.com" and _VIMEO_PATH.fullmatch(parts.path):
        return f"https://player.vimeo.com/video{parts.path}?autoplay=1&dnt=1"
    return url


def embed_origin(url: str) -> str | None:
    """The origin (``https://host``) the player of ``url`` is framed from, or ``None`` when it
    is no web address."""
    parts = urlsplit(embed_url(url))
    if parts.scheme not in ("https", "http") or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}"
