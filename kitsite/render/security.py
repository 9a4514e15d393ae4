"""The security headers the published site is served with.

Owns: the Content-Security-Policy (scripts, styles, images, fonts, requests and workers from the
site itself only; frames only from the players of the external videos the content names,
:mod:`kitsite.render.video_embed`; no plugins, no <base>, no framing of the site), the other
headers (Referrer-Policy, X-Content-Type-Options, Permissions-Policy, X-Frame-Options), and the
same policy for a ``<meta>`` tag (hosts that cannot set headers: GitHub and GitLab Pages). The
hosts' files that carry them are :mod:`kitsite.render.hosting`'s.
"""

from __future__ import annotations

from collections.abc import Iterable

from kitsite.content.model import Library
from kitsite.render.video_embed import embed_origin


def frame_sources(library: Library) -> tuple[str, ...]:
    """The origins of the players of every external video in every language, sorted."""
    origins = set()
    for kits in library.kits.values():
        for kit in kits.values():
            for video in kit.videos:
                url = video.source.url if video.source else None
                origin = embed_origin(url) if url else None
                if origin:
                    origins.add(origin)
    return tuple(sorted(origins))


def content_security_policy(frames: Iterable[str], *, for_meta: bool = False) -> str:
    """The policy; ``for_meta`` leaves out what a ``<meta>`` tag cannot carry
    (``frame-ancestors``, which browsers ignore there with a console error)."""
    frame_list = " ".join(frames) or "'none'"
    directives = [
        "default-src 'self'", "script-src 'self'", "style-src 'self'",
        "img-src 'self' data:", "font-src 'self'", "connect-src 'self'", "media-src 'self'",
        "worker-src 'self'", f"frame-src {frame_list}", "object-src 'none'",
        "base-uri 'self'", "form-action 'self'", "manifest-src 'self'",
    ]
    if not for_meta:
        directives.append("frame-ancestors 'none'")
    return "; ".join(directives)


def security_headers(frames: Iterable[str]) -> dict[str, str]:
    """Every header a page of the site is served with, in a stable order."""
    return {
        "Content-Security-Policy": content_security_policy(frames),
        # the players of external videos need to know which site embeds them, not the page
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    }
