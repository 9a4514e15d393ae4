"""The security policy and the host files: what the policy allows (kitsite/render/security.py),
the players' addresses it allows as frames (kitsite/render/video_embed.py), ``_redirects``, and
that the theme's inline scripts, which the site runs from files instead, are still the theme's.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT
from kitsite.content.loading import load_library
from kitsite.render.hosting import headers_file, redirects_file
from kitsite.render.security import content_security_policy, frame_sources, security_headers
from kitsite.render.video_embed import embed_origin, embed_url

MATERIAL = Path(pytest.importorskip("material").__file__).parent / "templates" / "partials"
ASSETS = ROOT / "overrides" / "assets" / "javascripts"


def directives(policy: str) -> dict[str, str]:
    return dict(part.strip().partition(" ")[::2] for part in policy.split(";"))


def test_the_policy_allows_the_site_itself_and_the_named_players_only() -> None:
    policy = directives(content_security_policy(["https://www.youtube-nocookie.com"]))
    assert policy["default-src"] == policy["script-src"] == policy["style-src"] == "'self'"
    assert policy["frame-src"] == "https://www.youtube-nocookie.com"
    assert policy["object-src"] == "'none'" and policy["base-uri"] == "'self'"
    assert policy["frame-ancestors"] == "'none'"
    assert not [v for v in policy.values() if "unsafe" in v]
    assert directives(content_security_policy([]))["frame-src"] == "'none'"
    assert "frame-ancestors" not in directives(content_security_policy([], for_meta=True))


@pytest.mark.parametrize(("url", "player"), [
    ("https://www.youtube.com/watch?v=abc123XYZ_0",
     "https://www.youtube-nocookie.com/embed/abc123XYZ_0?autoplay=1"),
    ("https://youtu.be/abc", "https://www.youtube-nocookie.com/embed/abc?autoplay=1"),
    ("https://m.youtube.com/embed/abc", "https://www.youtube-nocookie.com/embed/abc?autoplay=1"),
    ("https://vimeo.com/12345", "https://player.vimeo.com/video/12345?autoplay=1&dnt=1"),
    ("https://video.example.org/v/1", "https://video.example.org/v/1"),
])
def test_players_addresses(url: str, player: str) -> None:
    assert embed_url(url) == player
    assert embed_origin(url) == "/".join(player.split("/")[:3])


def test_frames_come_from_the_videos_the_content_names() -> None:
    assert frame_sources(load_library(ROOT / "content").library) == ()
    sample = load_library(ROOT / "tests" / "samples" / "video" / "content")
    assert frame_sources(sample.library) == ("https://www.youtube-nocookie.com",)


def test_headers_and_redirects_files() -> None:
    headers = security_headers([])
    text = headers_file(headers)
    assert text.splitlines()[0] == "/*"
    assert "  X-Content-Type-Options: nosniff" in text.splitlines()
    assert {"Referrer-Policy", "Permissions-Policy", "Content-Security-Policy"} <= set(headers)
    assert redirects_file(["da", "en", "sv"], "da").splitlines() == [
        "/en/*  /en/404.html  404", "/sv/*  /sv/404.html  404", "/*  /404.html  404"]
    assert redirects_file(["da", "en"], "da", "/kits/").splitlines()[-1] == (
        "/kits/*  /kits/404.html  404")


def inline_scripts(partial: str) -> list[str]:
    return re.findall(r"<script>(.*?)</script>", (MATERIAL / partial).read_text("utf-8"), re.S)


def test_the_theme_scripts_run_from_files_are_the_themes() -> None:
    """When an update of mkdocs-material changes one of these inline scripts, copy the new one
    into the file named here (the security policy allows no inline script)."""
    head = (ASSETS / "kits-head.js").read_text("utf-8")
    page = (ASSETS / "kits-page.js").read_text("utf-8")
    [base] = inline_scripts("javascripts/base.html")
    assert base.replace('"{{ config.extra.scope | d(base_url) }}"',
                        'document.currentScript.getAttribute("data-scope")') in head
    for partial in ("javascripts/palette.html", "javascripts/content.html"):
        scripts = inline_scripts(partial)
        assert scripts
        for script in scripts:
            assert script in page, f"{partial} changed: copy its script into kits-page.js"
