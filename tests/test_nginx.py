"""Self-hosting with nginx: the committed server block (deploy/nginx/kits.conf) is what
scripts/deploy_config.py writes, and Debian's nginx running it on 127.0.0.1 serves the built
site with the security headers and answers an unknown address with status 404 and the page of
its language (/en/… in English).

nginx runs as this test's own process, with a temporary prefix, pid file and logs, never as the
system's service; ``make test`` installs Debian's nginx (/usr/sbin/nginx).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from email.message import Message
from pathlib import Path

import pytest

from conftest import ROOT
from kitsite.render.security import content_security_policy

NGINX = Path("/usr/sbin/nginx")
CONF = ROOT / "deploy" / "nginx" / "kits.conf"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def test_the_committed_block_is_what_the_script_writes() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "deploy_config.py"),
                             "--check"], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def local_config(prefix: Path, site: Path, port: int) -> Path:
    """nginx.conf for a throw-away nginx: the project's server block, listening on 127.0.0.1
    and serving ``site``."""
    block = CONF.read_text("utf-8")
    assert "    listen 80;\n" in block and "    root /var/www/kits/site;\n" in block
    block = block.replace("    listen 80;\n", f"    listen 127.0.0.1:{port};\n")
    block = block.replace("    root /var/www/kits/site;\n", f"    root {site};\n")
    temp = prefix / "temp"
    temp.mkdir()
    user = "user root;\n" if os.geteuid() == 0 else ""  # workers must read the temp folder
    conf = prefix / "nginx.conf"
    conf.write_text(f"""{user}daemon off;
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
{block}
}}
""", encoding="utf-8")
    return conf


@pytest.fixture(scope="module")
def nginx_url(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not NGINX.exists():
        pytest.fail(f"{NGINX} is missing: run 'make test', which installs Debian's nginx")
    prefix = tmp_path_factory.mktemp("nginx")
    port = free_port()
    conf = local_config(prefix, built_site, port)
    proc = subprocess.Popen([str(NGINX), "-p", str(prefix), "-c", str(conf)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        for _ in range(100):
            if proc.poll() is not None:
                raise AssertionError(f"nginx stopped: {proc.stdout.read()!r}"  # type: ignore[union-attr]
                                     f" {(prefix / 'error.log').read_text()}")
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


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
