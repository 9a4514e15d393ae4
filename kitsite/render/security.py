"""The security headers the published site is served with, and the files hosts read them from.

Owns: the Content-Security-Policy (scripts, styles, images, fonts, requests and workers from the
site itself only; frames only from the players of the external videos the content names,
:mod:`kitsite.render.video_embed`; no plugins, no <base>, no framing of the site), the other
headers (Referrer-Policy, X-Content-Type-Options, Permissions-Policy, X-Frame-Options), the same
policy for a ``<meta>`` tag (hosts that cannot set headers: GitHub and GitLab Pages), and the
host files the build writes into the site: ``_headers`` and ``_redirects`` (Netlify, Cloudflare
Pages: each language's 404 page for unknown addresses under its folder). The nginx server block
in deploy/nginx/kits.conf is written from the same functions (``scripts/deploy_config.py``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from kitsite.content.model import Library
from kitsite.render.video_embed import embed_origin

NOT_FOUND = "404.html"


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


def headers_file(headers: Mapping[str, str]) -> str:
    """``_headers`` (Netlify, Cloudflare Pages): the headers for every address."""
    return "/*\n" + "".join(f"  {name}: {value}\n" for name, value in headers.items())


def redirects_file(languages: Iterable[str], default_language: str, base_path: str = "/") -> str:
    """``_redirects``: an unknown address under a language's folder answers 404 with that
    language's page, any other with the default language's (a rule applies only where no file
    matches; the more specific rules come first)."""
    lines = [f"{base_path}{lang}/*  {base_path}{lang}/{NOT_FOUND}  404"
             for lang in languages if lang != default_language]
    lines.append(f"{base_path}*  {base_path}{NOT_FOUND}  404")
    return "\n".join(lines) + "\n"
