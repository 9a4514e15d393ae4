"""Debian's nginx running the project's server block (deploy/nginx/kits.conf) on 127.0.0.1:
as the test's own child process, with a temporary prefix, pid file and logs — never the
system's service. ``make test`` installs it (/usr/sbin/nginx)."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers.local_ports import free_port
from helpers.projects import ROOT

NGINX = Path("/usr/sbin/nginx")
CONF = ROOT / "deploy" / "nginx" / "kits.conf"




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


@contextlib.contextmanager
def running_nginx(site: Path, prefix: Path) -> Iterator[str]:
    """Debian's nginx serving ``site`` with the project's block on a free port of 127.0.0.1,
    as this process's child (stopped on leaving); yields its address."""
    if not NGINX.exists():
        pytest.fail(f"{NGINX} is missing: run 'make test', which installs Debian's nginx")
    port = free_port()
    conf = local_config(prefix, site, port)
    proc = subprocess.Popen([str(NGINX), "-p", str(prefix), "-c", str(conf)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            if proc.poll() is not None:
                raise AssertionError(f"nginx stopped: {(prefix / 'error.log').read_text()}")
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)
