"""A reader's first visit on a slow connection: when each page type paints, and what it loads.

Usage: .venv/bin/python scripts/dev/first_visit.py [SITE_DIR]   (default: site/;
scripts/dev/bench.py runs it too)

Owns: the slow profile of issue 16 — the built site served gzipped on 127.0.0.1 behind a
shaping proxy (also on 127.0.0.1) that gives every byte 200 ms each way (a 400 ms round trip)
and lets 400 kbit/s through in each direction, shared by all connections like one link —
and headless Chromium with its CPU slowed 4× (DevTools' CPU throttling), an empty cache and a
new browser context for every page. Chromium's own network throttling is not used: it does
not delay the HTML document itself. For every page type in every language it measures:

- the page's own HTML through the shaper (the navigation's responseEnd) and the first
  contentful paint; the target is FCP at most :data:`MAX_FCP_RATIO` × the HTML's time;
- the bytes transferred for the first load (every response of the page's origin, headers
  included, until the network is idle: Resource Timing's transferSize): at most
  :data:`MAX_FIRST_LOAD_KB` KB;
- the scripts loaded, and any of them the page has no use for (a script of
  :data:`kitsite.render.page_scripts.SCRIPT_NEEDS` without its markup on the page).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import statistics
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "build"))  # local_server
from local_server import CHROMIUM, CHROMIUM_ARGS, serve

from kitsite.render.page_scripts import SCRIPT_NEEDS

ROOT = Path(__file__).resolve().parents[2]
ONE_WAY_DELAY = 0.2
"""Seconds each byte takes each way (a 400 ms round trip)."""
BYTES_PER_SECOND = 400_000 / 8
"""400 kbit/s in each direction."""
CPU_SLOWDOWN = 4
MAX_FCP_RATIO = 1.5
MAX_FIRST_LOAD_KB = 55.0
RUNS = 2
"""Visits per page (the faster one counts: the machine is shared)."""
PAGE_TYPES = {
    "home": "", "kit list": "kits/", "kit page": "kits/dialogue-kickstarter/",
    "video page": "kits/dialogue-kickstarter/hope/", "hand-written page": "staff/",
    "language guide": "words/", "translation status": "translation-status/",
    "session agenda and projector": "kits/dialogue-kickstarter/session/",
    "facilitator view": "kits/dialogue-kickstarter/session/facilitator/",
    "question cards": "kits/dialogue-kickstarter/session/cards/",
}
LANGUAGES = {"da": "", "en": "en/"}


class _Link:
    """One direction of the shaped link: bytes leave in order, at the link's rate, each
    :data:`ONE_WAY_DELAY` after it was sent."""

    def __init__(self) -> None:
        self.free_at = 0.0

    def departure(self, size: int) -> float:
        """When a chunk of ``size`` bytes sent now arrives at the other end."""
        now = time.monotonic()
        start = max(now, self.free_at)
        self.free_at = start + size / BYTES_PER_SECOND
        return self.free_at + ONE_WAY_DELAY


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, link: _Link) -> None:
    chunks: asyncio.Queue[tuple[float, bytes]] = asyncio.Queue()

    async def deliver() -> None:
        while True:
            at, chunk = await chunks.get()
            if not chunk:
                break
            await asyncio.sleep(max(0.0, at - time.monotonic()))
            writer.write(chunk)
            await writer.drain()
        with contextlib.suppress(OSError):
            writer.write_eof()

    delivering = asyncio.create_task(deliver())
    try:
        while True:
            chunk = await reader.read(1460)  # one TCP segment at a time, as on a real link
            if not chunk:
                break
            chunks.put_nowait((link.departure(len(chunk)), chunk))
    finally:
        chunks.put_nowait((0.0, b""))
        with contextlib.suppress(Exception):
            await delivering


@contextlib.contextmanager
def shaper(target_port: int) -> Iterator[int]:
    """A shaping TCP proxy on 127.0.0.1 in front of ``target_port``; yields its port."""
    loop = asyncio.new_event_loop()
    down, up = _Link(), _Link()
    ready = threading.Event()
    port: list[int] = []

    async def handle(client_r: asyncio.StreamReader, client_w: asyncio.StreamWriter) -> None:
        try:
            server_r, server_w = await asyncio.open_connection("127.0.0.1", target_port)
        except OSError:
            client_w.close()
            return
        await asyncio.gather(_pipe(client_r, server_w, up), _pipe(server_r, client_w, down),
                             return_exceptions=True)
        for w in (client_w, server_w):
            w.close()

    async def start() -> asyncio.Server:
        server = await asyncio.start_server(handle, "127.0.0.1", 0)
        port.append(server.sockets[0].getsockname()[1])
        ready.set()
        return server

    def run() -> None:
        asyncio.set_event_loop(loop)
        server = loop.run_until_complete(start())
        loop.run_forever()
        server.close()
        loop.run_until_complete(server.wait_closed())

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    ready.wait(10)
    try:
        yield port[0]
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join(5)


@dataclass
class Visit:
    page: str
    html_ms: float
    fcp_ms: float
    transferred: int
    scripts: list[str]
    unused: list[str]

    @property
    def ratio(self) -> float:
        return self.fcp_ms / self.html_ms


_MEASURE = """() => {
  const nav = performance.getEntriesByType("navigation")[0];
  const fcp = performance.getEntriesByName("first-contentful-paint")[0];
  const bytes = [nav, ...performance.getEntriesByType("resource")]
    .reduce((sum, entry) => sum + entry.transferSize, 0);
  return {html: nav.responseEnd - nav.startTime, fcp: fcp ? fcp.startTime : -1, bytes};
}"""


def visit(page: Page, url: str) -> Visit:
    cdp = page.context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    scripts: list[str] = []
    page.on("request", lambda r: scripts.append(r.url) if r.resource_type == "script" else None)
    page.goto(url, wait_until="networkidle", timeout=120_000)
    page.wait_for_function("performance.getEntriesByName('first-contentful-paint').length > 0",
                           timeout=30_000)
    figures = page.evaluate(_MEASURE)
    html = page.content()
    names = [s.split("?", 1)[0].rsplit("/", 1)[-1] for s in scripts]
    unused = [n for n in names if n in SCRIPT_NEEDS and SCRIPT_NEEDS[n] not in html]
    return Visit(url, figures["html"], figures["fcp"], int(figures["bytes"]), names, unused)


def first_visits(site: Path, runs: int = RUNS) -> list[Visit]:
    """The faster of ``runs`` first visits of every page type in every language."""
    visits = []
    with serve(site, compress=True) as base, sync_playwright() as pw:
        port = int(base.rstrip("/").rsplit(":", 1)[1])
        with shaper(port) as shaped:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for prefix in LANGUAGES.values():
                for path in PAGE_TYPES.values():
                    if not (site / prefix / path / "index.html").is_file():
                        continue
                    tries = []
                    for _ in range(runs):
                        context = browser.new_context(viewport={"width": 390, "height": 844})
                        tries.append(visit(context.new_page(),
                                           f"http://127.0.0.1:{shaped}/{prefix}{path}"))
                        context.close()
                    best = min(tries, key=lambda v: v.ratio)
                    best.page = "/" + prefix + path
                    visits.append(best)
            browser.close()
    return visits


def report(visits: list[Visit]) -> list[tuple[str, bool]]:
    """Print a line per page; the targets with their figures."""
    print(f"First visits through the shaper ({BYTES_PER_SECOND * 8 / 1000:.0f} kbit/s, "
          f"{2 * ONE_WAY_DELAY * 1000:.0f} ms round trip, CPU {CPU_SLOWDOWN}x slower, gzip):")
    for v in visits:
        print(f"  {v.page:<42} HTML {v.html_ms:>5.0f} ms  FCP {v.fcp_ms:>5.0f} ms "
              f"({v.ratio:.2f}x)  {v.transferred / 1000:>5.1f} KB  scripts: "
              f"{', '.join(v.scripts)}" + (f"  UNUSED: {', '.join(v.unused)}" if v.unused else ""))
    worst_ratio = max(visits, key=lambda v: v.ratio)
    heaviest = max(visits, key=lambda v: v.transferred)
    unused = sorted({f"{v.page} {n}" for v in visits for n in v.unused})
    return [
        (f"first visit: FCP at most {worst_ratio.ratio:.2f}x the page's HTML ({worst_ratio.page}; "
         f"median {statistics.median(v.ratio for v in visits):.2f}x over {len(visits)} pages) "
         f"(target <= {MAX_FCP_RATIO}x)", worst_ratio.ratio <= MAX_FCP_RATIO),
        (f"first visit: at most {heaviest.transferred / 1000:.1f} KB transferred "
         f"({heaviest.page}) (target <= {MAX_FIRST_LOAD_KB:g} KB)",
         heaviest.transferred / 1000 <= MAX_FIRST_LOAD_KB),
        (f"first visit: {len(unused)} scripts loaded that a page does not use"
         + (f" ({'; '.join(unused)})" if unused else "") + " (target: none)", not unused),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", nargs="?", type=Path, default=ROOT / "site")
    parser.add_argument("--runs", type=int, default=RUNS)
    args = parser.parse_args()
    return print_targets(report(first_visits(args.site, args.runs)))


def print_targets(checks: list[tuple[str, bool]]) -> int:
    """Each target with its verdict; 0 when every one holds, else 1 (the bench's too)."""
    print("\nTargets:")
    for text, ok in checks:
        print(f"  [{'ok' if ok else 'MISSED'}] {text}")
    return 0 if all(ok for _, ok in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
