"""Serving a built site on 127.0.0.1 and starting headless Chromium the way this machine
allows (Debian's /usr/bin/chromium): the handouts print through it, and the developer tools
and tests read the site through it.

Owns: the local HTTP server (optionally gzip-compressed, with given headers) and the Chromium
launch options.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import socketserver
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".vtt")


class _Handler(http.server.SimpleHTTPRequestHandler):
    gzip_enabled = False
    extra_headers: ClassVar[dict[str, str]] = {}

    def end_headers(self) -> None:
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (self.gzip_enabled and wants_gzip and path.suffix in COMPRESSIBLE
                and path.is_file()):
            return super().send_head()
        if self.path.split("?")[0].endswith("/") is False and Path(
                self.translate_path(self.path)).is_dir():
            return super().send_head()  # let the base class redirect to the slash URL
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=31536000" if "/assets/" in self.path
                         else "no-cache")
        self.end_headers()
        return io.BytesIO(body)


class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


@contextlib.contextmanager
def serve(site_dir: Path, *, compress: bool = False,
          headers: dict[str, str] | None = None) -> Iterator[str]:
    """Serve ``site_dir`` on 127.0.0.1 on a free port, every answer with ``headers``; yields
    the base URL."""
    handler = type("Handler", (_Handler,), {"gzip_enabled": compress,
                                            "extra_headers": dict(headers or {})})
    server = _Server(("127.0.0.1", 0), functools.partial(handler, directory=str(site_dir)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
