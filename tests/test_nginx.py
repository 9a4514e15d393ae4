"""Self-hosting with nginx: the committed server block (deploy/nginx/kits.conf) is what
scripts/dev/deploy_config.py writes, and Debian's nginx running it on 127.0.0.1 serves the built
site with the security headers and answers an unknown address with status 404 and the page of
its language (/en/… in English).

nginx runs as this test's own process, with a temporary prefix, pid file and logs, never as the
system's service; ``make test`` installs Debian's nginx (/usr/sbin/nginx).
"""

from __future__ import annotations

import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from email.message import Message
from pathlib import Path

import pytest
from helpers.nginx import running_nginx

from conftest import ROOT
from kitsite.render.security import content_security_policy


def test_the_committed_block_is_what_the_script_writes() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "dev" / "deploy_config.py"),
                             "--check"], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def nginx_url(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with running_nginx(built_site, tmp_path_factory.mktemp("nginx")) as url:
        yield url


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def fetch(url: str) -> tuple[int, Message, str]:
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(url, timeout=10) as answer:
            return answer.status, answer.headers, answer.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read().decode("utf-8", "replace")


def assert_security_headers(headers: Message) -> None:
    assert headers["Content-Security-Policy"] == content_security_policy([])
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["Permissions-Policy"].startswith("camera=()")


@pytest.mark.parametrize(("path", "lang", "words"), [
    ("/en/unknown/page/", "en", "Page not found"),
    ("/en/kits/no-such-kit", "en", "Page not found"),
    ("/unknown", "da", "Siden findes ikke"),
    ("/_headers", "da", "Siden findes ikke"),
])
def test_an_unknown_address_answers_404_in_its_language(
        nginx_url: str, path: str, lang: str, words: str) -> None:
    status, headers, body = fetch(nginx_url + path)
    assert status == 404
    assert f'<html lang="{lang}"' in body
    assert words in body
    assert_security_headers(headers)


def test_pages_are_served_with_the_headers(nginx_url: str) -> None:
    for path in ("/", "/en/", "/en/kits/dialogue-kickstarter/", "/assets/javascripts/kits-head.js"):
        status, headers, _ = fetch(nginx_url + path)
        assert status == 200, path
        assert_security_headers(headers)
    status, headers, _ = fetch(nginx_url + "/en/kits")
    assert status == 301 and headers["Location"] == "/en/kits/"
