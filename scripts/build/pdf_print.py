"""Printing pages of a built site to PDF, each only when what it is printed from changed.

Owns: the one way any handout is printed (scripts/build/handouts.py's kit and session handouts,
and every other handout printed through :func:`print_pages`): the site served on 127.0.0.1, one
headless Chromium with several tabs printing side by side (two per core), and the print cache.

The cache (``.cache/pdf/`` of the project, gitignored) holds each printed PDF under a key made of
the page's own HTML, the print options (the paper, the address it is opened at — ``SITE_URL``,
which the PDF's links name — and the script run before printing) and the printer
(:func:`printer_fingerprint`: Playwright, the Chromium program and its arguments, the system's
fonts). Beside the PDF it records every file of the site the
browser loaded while printing it (style sheets, scripts, fonts, images) with a hash of its bytes.
A page is printed again when its HTML, its options or any of those files changed (or one that was
missing appeared); otherwise the cached bytes are copied: a PDF can never be stale. The record is
what the browser really fetched, so a font a style sheet pulls in counts as much as the style
sheet. Entries are written whole or not at all (:mod:`kitsite.edit.atomic`), the PDF before the
record that makes it valid, so a build stopped at any point leaves only whole entries; an entry
that does not read back whole is printed again. Entries unused for :data:`KEEP_UNUSED_DAYS` are
removed. A PDF's creation date is the only thing in it no key covers: a reused PDF keeps the date
it was first printed.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import hashlib
import importlib.metadata
import json
import os
import shutil
import sys
import time
import urllib.parse
from collections.abc import Awaitable, Callable, Coroutine, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playwright.async_api import Browser, Route, async_playwright
from playwright.async_api import Error as PlaywrightError

sys.path.insert(0, str(Path(__file__).resolve().parent))
from local_server import CHROMIUM, CHROMIUM_ARGS, serve

from kitsite.edit.atomic import WriteError, write_bytes, write_text

ROOT = Path(__file__).resolve().parents[2]
CACHE_DIR = ROOT / ".cache" / "pdf"
KEEP_UNUSED_DAYS = 14
CACHE_VERSION = "4"
"""Part of every key: changing how pages are printed (not what) empties the cache."""
MISSING = "missing"
"""The hash recorded for a file the browser asked for that the site did not have."""
RECORD = "loaded.json"
PDF = "page.pdf"
FONT_FOLDERS = ("/usr/share/fonts", "/usr/local/share/fonts", "/etc/fonts", "~/.fonts",
                "~/.local/share/fonts")
"""Where fontconfig finds the fonts Chromium lays pages out in (the site ships none of its own:
mkdocs.yml's ``font: false``), and its settings."""


@dataclass(frozen=True)
class PrintJob:
    """One page of the site to print, where its PDF goes and how to print it."""

    path: str
    """URL path from the site root, e.g. ``en/kits/dialogue-kickstarter/``."""
    out: Path
    """Where the PDF is written."""
    options: dict[str, Any] = field(default_factory=dict, hash=False)
    """Playwright's ``page.pdf`` options (no ``path``); part of the cache key."""
    media: str = "print"
    """The CSS media type the page is laid out for."""
    address: str | None = None
    """The site's public address (``https://…/``) to open the page at, so that its links in
    the PDF name it; the browser's requests there are answered from the local server. None:
    the page is opened at the local server's address."""
    before_print: str | None = None
    """A JavaScript function run on the page once it has loaded, before printing."""


@dataclass
class PrintReport:
    """What :func:`print_pages` did."""

    printed: list[PrintJob] = field(default_factory=list)
    reused: list[PrintJob] = field(default_factory=list)

    @property
    def written(self) -> int:
        return len(self.printed) + len(self.reused)


class SiteFiles:
    """Hashes of the site's files, each read once per run."""

    def __init__(self, site: Path) -> None:
        self.site = site.resolve()
        self._hashes: dict[str, str] = {}

    def file_for(self, path: str) -> Path:
        """The file the local server answers ``path`` (a URL path from the root) with."""
        target = self.site / urllib.parse.unquote(path.split("?")[0].split("#")[0]).lstrip("/")
        return target / "index.html" if path.endswith("/") or target.is_dir() else target

    def hash_of(self, path: str) -> str:
        if path not in self._hashes:
            try:
                self._hashes[path] = hashlib.sha256(self.file_for(path).read_bytes()).hexdigest()
            except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
                self._hashes[path] = MISSING
        return self._hashes[path]


def printer_fingerprint(chromium: str = CHROMIUM) -> str:
    """A hash of what, besides the site, shapes every PDF: Playwright's version, the Chromium
    launched (its launcher and program by size and time of change — an upgrade changes both —
    and its arguments), and every font file and font setting of the system by path, size and
    time of change. Costs a few milliseconds: it reads no file, only their metadata."""
    parts = [f"playwright {importlib.metadata.version('playwright')}",
             "args " + " ".join(CHROMIUM_ARGS)]
    launcher = Path(chromium).resolve()
    # Debian's /usr/bin/chromium is a shell script that runs /usr/lib/chromium/chromium
    programs = [launcher, Path("/usr/lib") / launcher.name / launcher.name]
    files = [*programs, *(Path(root) / name for folder in FONT_FOLDERS
                          for root, _, names in os.walk(Path(folder).expanduser())
                          for name in names)]
    for path in sorted(files):
        with contextlib.suppress(OSError):
            info = path.stat()
            parts.append(f"{path} {info.st_size} {info.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


class PrintCache:
    """The cached PDFs of :mod:`pdf_print` (see the module's docstring)."""

    def __init__(self, folder: Path = CACHE_DIR, printer: str | None = None) -> None:
        self.folder = folder
        self.printer = printer or printer_fingerprint()
        """:func:`printer_fingerprint`, part of every key."""

    def key(self, job: PrintJob, files: SiteFiles) -> str:
        options = json.dumps({"options": job.options, "media": job.media, "path": job.path,
                              "address": job.address, "before_print": job.before_print,
                              "version": CACHE_VERSION, "printer": self.printer},
                             sort_keys=True)
        digest = hashlib.sha256(options.encode("utf-8"))
        digest.update(b"\0" + files.hash_of(job.path).encode("ascii"))
        return digest.hexdigest()

    def entry(self, key: str) -> Path:
        return self.folder / key[:2] / key

    def lookup(self, key: str, files: SiteFiles) -> bytes | None:
        """The cached PDF for ``key`` when every file it was printed from is unchanged."""
        entry = self.entry(key)
        try:
            loaded = json.loads((entry / RECORD).read_text(encoding="utf-8"))
            pdf = (entry / PDF).read_bytes()
        except (OSError, ValueError):
            return None
        if not (isinstance(loaded, dict) and pdf.startswith(b"%PDF-")
                and hashlib.sha256(pdf).hexdigest() == loaded.get("pdf")):
            return None
        hashes = loaded.get("files")
        if not isinstance(hashes, dict) or any(
                files.hash_of(path) != digest for path, digest in hashes.items()):
            return None
        with contextlib.suppress(OSError):
            os.utime(entry / RECORD)  # used: kept by :meth:`prune`
        return pdf

    def store(self, key: str, pdf: bytes, loaded: Iterable[str], files: SiteFiles) -> None:
        """Keep ``pdf``, printed from the site files ``loaded``; the PDF goes first, then the
        record that makes the entry valid. A cache that cannot be written is only slower."""
        entry = self.entry(key)
        record = {"pdf": hashlib.sha256(pdf).hexdigest(),
                  "files": {path: files.hash_of(path) for path in sorted(set(loaded))}}
        try:
            entry.mkdir(parents=True, exist_ok=True)
            write_bytes(entry / PDF, pdf)
            write_text(entry / RECORD, json.dumps(record, indent=1, sort_keys=True))
        except (OSError, WriteError):  # the build goes on, the next one prints it again
            return

    def prune(self, keep_days: float = KEEP_UNUSED_DAYS) -> None:
        """Remove entries not used for ``keep_days``."""
        limit = time.time() - keep_days * 86400
        for record in self.folder.glob(f"*/*/{RECORD}"):
            with contextlib.suppress(OSError):
                if record.stat().st_mtime < limit:
                    shutil.rmtree(record.parent)


def put_cached(entry_pdf: Path, pdf: bytes, out: Path) -> None:
    """``out`` becomes the cached PDF, whole or not at all: a second name for the cache's
    file (no copy, no wait for the disk), or where the two cannot share a file, a copy."""
    temp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    try:
        os.link(entry_pdf, temp)
        os.replace(temp, out)
    except OSError:
        with contextlib.suppress(OSError):
            temp.unlink()
        write_bytes(out, pdf)


def workers() -> int:
    """How many tabs print side by side: two per core the build may use (while one tab waits
    for its page, the other keeps the core busy)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        cores = os.cpu_count() or 1
    return 2 * max(1, cores)


def print_pages(site: Path, jobs: list[PrintJob], *, cache: PrintCache | None = None,
                tabs: int | None = None) -> PrintReport:
    """Write the PDF of every job, from the cache where it is still right, printing the others
    in one Chromium, ``tabs`` pages at a time (default: two per core)."""
    cache = cache or PrintCache()
    files = SiteFiles(site)
    report = PrintReport()
    to_print: list[tuple[PrintJob, str]] = []
    for job in jobs:
        key = cache.key(job, files)
        cached = cache.lookup(key, files)
        if cached is None:
            to_print.append((job, key))
        else:
            put_cached(cache.entry(key) / PDF, cached, job.out)
            report.reused.append(job)
    if to_print:
        run_apart(_print_all(site, to_print, cache, files, tabs or workers()))
        report.printed = [job for job, _ in to_print]
    cache.prune()
    return report


async def _print_all(site: Path, jobs: list[tuple[PrintJob, str]], cache: PrintCache,
                     files: SiteFiles, tabs: int) -> None:
    with serve(site) as base:
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                queue: asyncio.Queue[tuple[PrintJob, str]] = asyncio.Queue()
                for item in jobs:
                    queue.put_nowait(item)
                await asyncio.gather(*(
                    _print_from(queue, browser, base, cache, files)
                    for _ in range(min(tabs, len(jobs)))))
            finally:
                await browser.close()


async def _print_from(queue: asyncio.Queue[tuple[PrintJob, str]], browser: Browser, base: str,
                      cache: PrintCache, files: SiteFiles) -> None:
    """One tab: print jobs from ``queue`` until it is empty."""
    tab = await browser.new_page()
    loaded: list[str] = []
    # data: addresses are part of the HTML or style sheet they are written in, already hashed
    tab.on("request", lambda request: None if request.url.startswith("data:")
           else loaded.append(request.url))
    failed: list[str] = []  # requests the local server could not answer for this tab
    routed: set[str] = set()
    try:
        while not queue.empty():
            job, key = queue.get_nowait()
            if job.address and job.address not in routed:
                await tab.route(job.address + "**", _answer_from(job.address, base, failed))
                routed.add(job.address)
            loaded.clear()
            failed.clear()
            # "load": the page and everything it loads, its deferred scripts run; then the
            # fonts it uses. (Not "networkidle", which waits another 500 ms for nothing.)
            await tab.goto((job.address or base) + job.path, wait_until="load")
            await tab.evaluate("document.fonts.ready.then(() => true)")
            if job.before_print:
                await tab.evaluate(job.before_print)
            await tab.emulate_media(media=job.media)  # type: ignore[arg-type]
            pdf = await tab.pdf(**job.options)
            write_bytes(job.out, pdf)
            prefixes = [p for p in (job.address, base) if p]
            paths = [url.removeprefix(prefix) for url in loaded for prefix in prefixes
                     if url.startswith(prefix)]
            if len(paths) == len(loaded) and not failed:  # all from the site: a key can say it
                cache.store(key, pdf, paths, files)
    finally:
        await tab.close()


def _answer_from(address: str, local: str,
                 failed: list[str]) -> Callable[[Route], Awaitable[None]]:
    """A route handler: a request for the public ``address`` answered by the local server. One
    it cannot answer (most often: the tab went on to its next page, and nothing waits for it)
    is aborted and added to ``failed``, so that no PDF printed meanwhile is cached."""
    async def answer(route: Route) -> None:
        try:
            response = await route.fetch(url=local + route.request.url.removeprefix(address))
            await route.fulfill(response=response)
        except PlaywrightError:
            failed.append(route.request.url)
            with contextlib.suppress(PlaywrightError):
                await route.abort()
    return answer


def run_apart(printing: Coroutine[Any, Any, None]) -> None:
    """Run ``printing`` to its end in an event loop of its own: in this thread, or, when the
    caller already runs a loop here (Playwright's sync API does), in a thread of its own."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        asyncio.run(printing)
        return
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as apart:
        apart.submit(asyncio.run, printing).result()

