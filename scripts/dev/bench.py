"""Build-time benchmark: does the site stay fast as the library grows?

Owns: writing synthetic content of several sizes into a temporary copy of the project (its real
``mkdocs.yml``, templates, theme overrides, hand-written docs and labels), timing the full
two-language ``mkdocs build`` of it, timing the same pages built as plain hand-written Markdown
(the generator's pages written into ``docs/``, ``mkdocs.yml`` without the ``kits`` plugin),
timing ``kits check``, and timing how long ``mkdocs serve`` takes to show a saved YAML edit.
It prints figures and whether each target is met; it asserts nothing else.

Run it from the project folder: ``.venv/bin/python scripts/dev/bench.py`` (or ``make bench``).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from mkdocs_process import mkdocs_serve

from kitsite.render.site_sources import export_site_sources, prepare_site_sources

ROOT = Path(__file__).resolve().parents[2]
KIT_SIZE = 10
DEFAULT_SIZES = (10, 100, 1000, 2000)
TARGET_SIZE = 1000
# Folders and files of the project that a site build does not read.
SKIP = {".git", ".venv", ".cache", "site", "tests", "scripts", "kitsite", "node_modules",
        "build", "dist", "offline", "tmp", "__pycache__", ".pytest_cache", ".mypy_cache",
        ".ruff_cache"}

# Targets from the issue "Builds stay fast as the library grows".
MAX_RATIO = 1.10
MAX_BUILD_SECONDS = 10.0
MAX_DOUBLING = 2.2
MAX_CHECK_SECONDS = 1.0
MAX_RELOAD_SECONDS = 2.0
MAX_RELOAD_SECONDS_LARGE = 3.0
"""``make serve`` at :data:`TARGET_SIZE` videos per language (issue 16)."""
MAX_SITE_RATIO = 1.3
MAX_SITE_EDIT_RATIO = 1.1
SITE_KIT_SIZES = (10, 2)
QUICK_VIDEOS = 20
"""Videos per language for ``--quick``."""
CHECK_KIT_SIZES = (1, 2, 10)


# --- synthetic content -------------------------------------------------------------------

_TEXT: dict[str, dict[str, str]] = {
    "en": {
        "title": "Training kit {k}",
        "campaign": "ONE OF US (EN AF OS)",
        "audience": "Staff in health and social services",
        "summary": "Short videos and questions for debate, set number {k}, for team sessions.",
        "about": ("This kit was made with service users, relatives and staff. Teams can use it "
                  "to reflect on *culture and language* at work.\n\nEach video is short; the "
                  "questions after it open a conversation about how we talk about and to "
                  "people with mental illness.\n"),
        "video": "Video {v} of kit {k}: a conversation about hope",
        "description": ("In this video a professional and a service user talk about moments "
                        "where language made a difference. It shows how small words can "
                        "carry stigma, and how a team can notice them together."),
        "source": "Synthetic content for the build benchmark",
    },
    "da": {
        "title": "Træningssæt {k}",
        "campaign": "EN AF OS",
        "audience": "Medarbejdere i social- og sundhedssektoren",
        "summary": "Korte videoer og debatspørgsmål, sæt nummer {k}, til teammøder.",
        "about": ("Sættet er lavet sammen med brugere, pårørende og medarbejdere. Teams kan "
                  "bruge det til at reflektere over *kultur og sprog* på arbejdspladsen.\n\n"
                  "Hver video er kort; spørgsmålene bagefter åbner en samtale om, hvordan vi "
                  "taler om og til mennesker med psykisk sygdom.\n"),
        "video": "Video {v} i sæt {k}: en samtale om håb",
        "description": ("I videoen taler en fagperson og en bruger om øjeblikke, hvor sproget "
                        "gjorde en forskel. Den viser, hvordan små ord kan bære stigma, og "
                        "hvordan et team kan lægge mærke til dem sammen."),
        "source": "Syntetisk indhold til byggetesten",
    },
}


_QUESTIONS: dict[str, list[str]] = {
    "en": ["Do you recognise any of the situations described in the video?",
           "What do you say in your team when this happens? What could you do differently "
           "next time?",
           "How do you convey hope to the people you work with?"],
    "da": ["Genkender du nogle af situationerne i videoen?",
           "Hvad siger I i teamet, når det sker? Hvad kunne I gøre anderledes næste gang?",
           "Hvordan formidler du håb til de mennesker, du arbejder med?"],
}


def _q(text: str) -> str:
    """A YAML double-quoted scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def synthetic_kit(kit_no: int, videos: int, language: str) -> str:
    """The YAML text of kit ``kit_no`` with ``videos`` videos, in ``language``."""
    t = _TEXT[language]
    lines = [
        f"# Synthetic kit for scripts/dev/bench.py ({language}).",
        f"id: kit-{kit_no:04d}",
        f"title: {_q(t['title'].format(k=kit_no))}",
        f"campaign: {_q(t['campaign'])}",
        f"audience: {_q(t['audience'])}",
        f"summary: {_q(t['summary'].format(k=kit_no))}",
        "about: |",
        *("  " + line if line else "" for line in t["about"].splitlines()),
        "videos:",
    ]
    for v in range(1, videos + 1):
        seconds = 60 + (kit_no * 37 + v * 53) % 540
        lines += [
            f"  - id: video-{v:02d}",
            f"    title: {_q(t['video'].format(v=v, k=kit_no))}",
            f'    duration: "{seconds // 60}:{seconds % 60:02d}"',
            "    description: >-",
            f"      {t['description']}",
            "    questions:",
            *(f"      - {_q(q)}" for q in _QUESTIONS[language][: 2 + v % 2]),
        ]
    lines += ["sources:", f"  - {_q(t['source'])}", ""]
    return "\n".join(lines)


def write_synthetic_content(content_dir: Path, videos_per_language: int,
                            languages: tuple[str, ...] = ("da", "en"),
                            kit_size: int = KIT_SIZE) -> int:
    """Replace the kits under ``content_dir`` with synthetic ones of ``kit_size`` videos (the
    last one fewer); returns the number of kits."""
    kits = max(1, -(-videos_per_language // kit_size))
    for language in languages:
        kits_dir = content_dir / language / "kits"
        shutil.rmtree(kits_dir, ignore_errors=True)
        kits_dir.mkdir(parents=True)
        left = videos_per_language
        for k in range(1, kits + 1):
            count = min(kit_size, left)
            left -= count
            (kits_dir / f"kit-{k:04d}.yml").write_text(
                synthetic_kit(k, count, language), encoding="utf-8")
    return kits


def copy_settings(content_dir: Path) -> None:
    """The real ``site.yml`` and every language's ``labels.yml`` into synthetic content: the
    settings files every content folder needs (``kits check`` checks them too)."""
    shutil.copy(ROOT / "content" / "site.yml", content_dir / "site.yml")
    for labels in (ROOT / "content").glob("*/labels.yml"):
        (content_dir / labels.parent.name).mkdir(parents=True, exist_ok=True)
        shutil.copy(labels, content_dir / labels.parent.name / labels.name)


def copy_project(dest: Path, *, with_kits: bool = True) -> Path:
    """A copy of everything a site build reads (mkdocs.yml, docs, content, templates, ...)."""
    dest.mkdir(parents=True, exist_ok=True)
    for entry in ROOT.iterdir():
        if entry.name in SKIP or entry.name.startswith(".") or entry.name.startswith("site."):
            continue
        if entry.is_dir():
            shutil.copytree(entry, dest / entry.name, ignore=shutil.ignore_patterns(
                "__pycache__", ".*"))
        else:
            shutil.copy2(entry, dest / entry.name)
    if not with_kits:
        for kits_dir in (dest / "content").glob("*/kits"):
            shutil.rmtree(kits_dir)
    return dest


def synthetic_project(dest: Path, videos_per_language: int, kit_size: int = KIT_SIZE) -> Path:
    project = copy_project(dest, with_kits=False)
    write_synthetic_content(project / "content", videos_per_language, kit_size=kit_size)
    return project


# --- mkdocs.yml variants -----------------------------------------------------------------

def without_plugin(mkdocs_yml: str, name: str) -> str:
    """``mkdocs.yml`` text with the plugin ``name`` (and its options) removed from the list."""
    out: list[str] = []
    skip_indent: int | None = None
    for line in mkdocs_yml.splitlines(keepends=True):
        indent = len(line) - len(line.lstrip())
        if skip_indent is not None:
            if not line.strip() or indent > skip_indent:
                continue
            skip_indent = None
        if re.match(rf"^\s*-\s+{re.escape(name)}\s*:?\s*$", line):
            skip_indent = indent
            continue
        out.append(line)
    return "".join(out)


def with_i18n_option(mkdocs_yml: str, key: str, value: str) -> str:
    """``mkdocs.yml`` text with ``key: value`` set in the i18n plugin's options."""
    pattern = re.compile(rf"^(\s+){re.escape(key)}:.*$", re.MULTILINE)
    if pattern.search(mkdocs_yml):
        return pattern.sub(lambda m: f"{m.group(1)}{key}: {value}", mkdocs_yml, count=1)
    match = re.search(r"^(\s*)- i18n:\s*\n(\s+)\S", mkdocs_yml, re.MULTILINE)
    if not match:
        raise SystemExit("bench: no '- i18n:' block with options found in mkdocs.yml")
    at = match.end(2)  # just after the indentation of the first option
    return mkdocs_yml[:at] + f"{key}: {value}\n{match.group(2)}" + mkdocs_yml[at:]


def handwritten_project(generated: Path, dest: Path) -> Path:
    """The generated project's pages written out as plain docs (what the ``kits`` plugin
    hands MkDocs), built without the ``kits`` plugin."""
    project = copy_project(dest, with_kits=False)
    shutil.rmtree(project / "docs")
    sources = prepare_site_sources(content_dir=generated / "content",
                                   templates_dir=generated / "templates",
                                   docs_dir=generated / "docs")
    if sources.errors:
        raise SystemExit(f"bench: the synthetic content has errors:\n{sources.error_report()}")
    export_site_sources(sources, generated / "docs", project / "docs")
    config = project / "mkdocs.yml"
    config.write_text(without_plugin(config.read_text(encoding="utf-8"), "kits"),
                      encoding="utf-8")
    return project


# --- measuring ---------------------------------------------------------------------------

@dataclass
class Run:
    seconds: float
    peak_mb: float
    returncode: int
    output: str
    cpu: float = 0.0
    """User + system CPU seconds of the process and the processes it waited for."""


def env() -> dict[str, str]:
    """What the Makefile exports, for every command measured (kept compiled modules too)."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONUNBUFFERED": "1",
            "PYTHONDONTWRITEBYTECODE": "", "PYTHONPYCACHEPREFIX": str(ROOT / ".cache" / "pycache")}


# Started between the benchmark and the measured command: memory use is counted from the moment
# a process is forked, so a command forked straight from this (large) script would be charged
# with this script's memory; forked from this small one it is charged with at most its ~10 MB,
# less than any command measured here uses by itself.
_STARTER = """
import os, sys, time
start = time.perf_counter()
pid = os.posix_spawn(sys.argv[2], sys.argv[2:], os.environ)
_, status, usage = os.wait4(pid, 0)
seconds = time.perf_counter() - start
with open(sys.argv[1], "w") as out:
    out.write(f"{seconds} {usage.ru_maxrss} {usage.ru_utime + usage.ru_stime}")
sys.exit(os.waitstatus_to_exitcode(status))
"""


def measure(cmd: list[str], cwd: Path) -> Run:
    """Run ``cmd``; its wall time, its own peak resident memory and the CPU time of it and the
    processes it waited for (from wait4)."""
    with tempfile.TemporaryFile() as out, tempfile.NamedTemporaryFile("r") as figures:
        proc = subprocess.run([sys.executable, "-c", _STARTER, figures.name, *cmd], cwd=cwd,
                              env=env(), stdout=out, stderr=subprocess.STDOUT, check=False)
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
        seconds, maxrss_kb, cpu = (float(x) for x in figures.read().split())
    return Run(seconds, maxrss_kb / 1024, proc.returncode, text, cpu)


def busy_cores(seconds: float = 0.5) -> float:
    """How many cores other processes kept busy over ``seconds`` (0 where /proc is missing)."""
    def sample() -> tuple[int, int]:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
        return sum(fields), fields[3] + fields[4]  # total, idle + iowait
    try:
        total0, idle0 = sample()
        time.sleep(seconds)
        total1, idle1 = sample()
    except (OSError, ValueError, IndexError):
        return 0.0
    cores = os.cpu_count() or 1
    return cores * (1 - (idle1 - idle0) / max(1, total1 - total0))


QUIET = {"waited": 0.0, "busy_runs": 0, "limit": 60.0}


def wait_for_quiet(limit: float | None = None, busy: float = 0.3) -> None:
    """Wait (up to ``limit`` seconds) until other work leaves the cores idle, so that timings
    measure the build and not the neighbours; count the runs that started on a busy machine."""
    limit = QUIET["limit"] if limit is None else limit
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        if busy_cores() < busy:
            QUIET["waited"] += time.perf_counter() - start
            return
        time.sleep(0.5)
    QUIET["waited"] += time.perf_counter() - start
    QUIET["busy_runs"] += 1


def clear_cache(project: Path, keep: tuple[str, ...] = ()) -> None:
    """Remove the project's ``.cache/`` but for the folders ``keep`` (``pdf``: the handouts)."""
    for entry in (project / ".cache").glob("*"):
        if entry.name in keep:
            continue
        if entry.is_dir():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)


def mkdocs_build(project: Path, site: Path) -> Run:
    shutil.rmtree(site, ignore_errors=True)
    clear_cache(project, keep=("pdf",))  # every build starts cold (the handouts are make site's)
    os.sync()  # so that writing back the deletions does not slow down the timed build
    wait_for_quiet()
    run = measure([sys.executable, "-m", "mkdocs", "build", "--strict", "-q",
                   "-f", str(project / "mkdocs.yml"), "-d", str(site)], project)
    if run.returncode != 0:
        raise SystemExit(f"bench: mkdocs build of {project} failed:\n{run.output}")
    return run


def kits_check(content: Path) -> Run:
    wait_for_quiet()
    run = measure([sys.executable, "-m", "kitsite.cli.main", "check", "--content", str(content)],
                  content.parent)
    if run.returncode != 0:
        raise SystemExit(f"bench: kits check failed on {content}:\n{run.output}")
    return run


def best(runs: list[Run]) -> Run:
    """The fastest run (the least disturbed by other work on the machine), with the peak
    memory of all runs."""
    fastest = min(runs, key=lambda r: r.seconds)
    return Run(fastest.seconds, max(r.peak_mb for r in runs), 0, fastest.output, fastest.cpu)


@dataclass
class SizeResult:
    videos: int
    kits: int
    pages: int
    generator: Run
    handwritten: Run
    pair_ratios: list[float]
    """generator/hand-written for each pair of builds run one right after the other."""

    @property
    def ratio(self) -> float:
        """The median of the paired ratios: a slow spell of the machine slows both builds of a
        pair, where it would skew a ratio of the fastest builds of each kind."""
        return statistics.median(self.pair_ratios)

    @property
    def best_ratio(self) -> float:
        return self.generator.seconds / self.handwritten.seconds


def paired_builds(gen: Path, hand: Path, sites: Path, repeat: int) -> tuple[list[Run], list[Run]]:
    """``repeat`` builds of each project, in pairs, the order switching from pair to pair so
    that neither kind always runs first."""
    gen_runs: list[Run] = []
    hand_runs: list[Run] = []
    for n in range(repeat):
        order = [(gen, gen_runs), (hand, hand_runs)]
        for project, runs in order if n % 2 == 0 else reversed(order):
            runs.append(mkdocs_build(project, sites / f"site-{project.name}"))
    return gen_runs, hand_runs


def bench_size(work: Path, videos: int, repeat: int) -> SizeResult:
    if videos <= 100:
        repeat = max(repeat, 5)  # small builds are the most sensitive to noise
    if videos == TARGET_SIZE:
        repeat = max(repeat, 7)  # the verdict: two disturbed pairs leave the median undisturbed
    return _bench_pairs(work, videos, repeat, "gen", lambda text: text)


def bench_variant(work: Path, videos: int, repeat: int,
                  change: Callable[[str], str]) -> SizeResult:
    """The generator and the hand-written builds at ``videos`` with ``change`` applied to the
    text of their mkdocs.yml."""
    return _bench_pairs(work, videos, repeat, "variant", change)


def _bench_pairs(work: Path, videos: int, repeat: int, name: str,
                 change: Callable[[str], str]) -> SizeResult:
    """Synthetic content of ``videos`` per language and its hand-written twin, both with
    ``change`` applied to their mkdocs.yml, built in ``repeat`` pairs; removed afterwards."""
    gen = synthetic_project(work / f"{name}-{videos}", videos)
    _change_config(gen, change)
    hand = handwritten_project(gen, work / f"{name}-hand-{videos}")
    _change_config(hand, change)
    kits = len(list((gen / "content" / "da" / "kits").glob("*.yml")))
    gen_runs, hand_runs = paired_builds(gen, hand, work, repeat)
    pages = sum(1 for _ in (work / f"site-{gen.name}").rglob("index.html"))
    for path in (gen, hand, work / f"site-{gen.name}", work / f"site-{hand.name}"):
        shutil.rmtree(path, ignore_errors=True)
    return SizeResult(videos, kits, pages, best(gen_runs), best(hand_runs),
                      [g.seconds / h.seconds for g, h in zip(gen_runs, hand_runs, strict=True)])


def _change_config(project: Path, change: Callable[[str], str]) -> None:
    config = project / "mkdocs.yml"
    config.write_text(change(config.read_text(encoding="utf-8")), encoding="utf-8")


def variants() -> list[tuple[str, Callable[[str], str]]]:
    """Other settings worth a figure: one process, and i18n's search de-duplication."""
    found: list[tuple[str, Callable[[str], str]]] = []
    if re.search(r"^\s*-\s+parallel-languages\b", (ROOT / "mkdocs.yml").read_text(), re.M):
        found.append(("without parallel-languages (one process)",
                      lambda text: without_plugin(text, "parallel-languages")))
    current = i18n_option("reconfigure_search") or "true"
    other = "false" if current == "true" else "true"
    found.append((f"i18n reconfigure_search: {other} (mkdocs.yml: {current})",
                  lambda text: with_i18n_option(text, "reconfigure_search", other)))
    return found


def i18n_option(key: str) -> str | None:
    match = re.search(rf"^\s+{re.escape(key)}:\s*(\S+)", (ROOT / "mkdocs.yml").read_text(),
                      re.MULTILINE)
    return match.group(1) if match else None


# --- make site ---------------------------------------------------------------------------

@dataclass
class SiteResult:
    """``make site`` (scripts/build/build_site.py: kits check, MkDocs, handouts) against the plain
    ``mkdocs build`` of the same content, each ratio from a pair of runs back to back."""

    kit_size: int
    pdfs: int
    first: Run
    """The first ``make site``: every handout printed (an empty cache)."""
    cold: list[tuple[Run, Run]]
    """(make site, plain build) pairs: fresh processes, no site/, the handout cache kept."""
    edited: list[tuple[Run, Run]]
    """(make site, plain build) pairs right after one kit file was edited."""

    @staticmethod
    def ratio(pairs: list[tuple[Run, Run]]) -> float:
        return statistics.median(site.seconds / plain.seconds for site, plain in pairs)


def make_site(project: Path) -> Run:
    """``make site`` in ``project`` (what the Makefile runs), from a fresh start but for the
    handout cache."""
    shutil.rmtree(project / "site", ignore_errors=True)
    clear_cache(project, keep=("pdf",))
    os.sync()
    wait_for_quiet()
    run = measure([sys.executable, str(project / "scripts" / "build" / "build_site.py")], project)
    if run.returncode != 0:
        raise SystemExit(f"bench: make site in {project} failed:\n{run.output}")
    return run


def bench_make_site(work: Path, videos: int, kit_size: int, repeat: int) -> SiteResult:
    project = synthetic_project(work / f"site-{kit_size}-{videos}", videos, kit_size)
    shutil.copytree(ROOT / "scripts", project / "scripts",
                    ignore=shutil.ignore_patterns("__pycache__", "node"))
    plain_site = work / f"site-{kit_size}-plain"
    first = make_site(project)
    pdfs = sum(1 for _ in (project / "site").rglob("*.pdf"))
    cold = [(make_site(project), mkdocs_build(project, plain_site)) for _ in range(repeat)]
    edited = []
    kit_file = sorted((project / "content" / "en" / "kits").glob("*.yml"))[0]
    for n in range(repeat):
        text = kit_file.read_text(encoding="utf-8")
        kit_file.write_text(re.sub(r"^summary: \"", f'summary: "Edit {n}: ', text, count=1,
                                   flags=re.MULTILINE), encoding="utf-8")
        site = make_site(project)
        edited.append((site, mkdocs_build(project, plain_site)))
        reprinted = re.search(r"^handouts: \d+ PDFs written \((\d+) printed", site.output,
                              re.MULTILINE)
        if reprinted is None or reprinted.group(1) == "0":
            raise SystemExit(f"bench: after editing {kit_file.name}, make site printed no "
                             f"handout:\n{site.output}")
    for path in (project, plain_site):
        shutil.rmtree(path, ignore_errors=True)
    return SiteResult(kit_size, pdfs, first, cold, edited)


def site_checks(results: list[SiteResult], videos: int) -> list[tuple[str, bool]]:
    checks = []
    for r in results:
        cold, edited = r.ratio(r.cold), r.ratio(r.edited)
        plain = statistics.median(p.seconds for _, p in r.cold)
        print(f"  kits of {r.kit_size:>2}: {r.pdfs} handouts; first make site (every handout "
              f"printed) {r.first.seconds:.1f} s; plain mkdocs build {plain:.2f} s; make site "
              f"with the handouts cached {statistics.median(s.seconds for s, _ in r.cold):.2f} s "
              f"(pairs {' '.join(f'{s.seconds / p.seconds:.2f}' for s, p in r.cold)}); after "
              f"one kit edited {statistics.median(s.seconds for s, _ in r.edited):.2f} s "
              f"(pairs {' '.join(f'{s.seconds / p.seconds:.2f}' for s, p in r.edited)}); "
              f"CPU time ratios (less disturbed by other work): cached "
              f"{statistics.median(s.cpu / p.cpu for s, p in r.cold):.2f}, edited "
              f"{statistics.median(s.cpu / p.cpu for s, p in r.edited):.2f}", flush=True)
        checks.append((f"make site, {videos} videos/lang in kits of {r.kit_size}, handouts "
                       f"cached: {cold:.2f}x the plain build (target <= {MAX_SITE_RATIO}x)",
                       cold <= MAX_SITE_RATIO))
        checks.append((f"make site, {videos} videos/lang in kits of {r.kit_size}, one kit "
                       f"edited: {edited:.2f}x the plain build (target <= "
                       f"{MAX_SITE_EDIT_RATIO}x)", edited <= MAX_SITE_EDIT_RATIO))
    return checks


# --- serve reload ------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            body: bytes = response.read()
            return body.decode("utf-8", "replace")
    except (urllib.error.URLError, OSError):
        return None


def wait_for(predicate: Callable[[], bool], timeout: float, step: float = 0.02) -> float | None:
    """Seconds until ``predicate()`` holds, or None after ``timeout``."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if predicate():
            return time.perf_counter() - start
        time.sleep(step)
    return None


@dataclass
class ReloadResult:
    page: str
    seconds: list[float]


def bench_serve(work: Path, rounds: int, videos: int | None = None) -> list[ReloadResult]:
    """Serve a copy of the real project (or of synthetic content of ``videos`` per language);
    edit a kit's YAML and time until the page shows it."""
    project = (copy_project(work / "serve") if videos is None
               else synthetic_project(work / f"serve-{videos}", videos))
    kit_files = sorted((project / "content").glob("*/kits/*.yml"))
    if not kit_files:
        raise SystemExit("bench: the project has no kit files to edit")
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    results: list[ReloadResult] = []
    with mkdocs_serve(project, port, work / "serve.log") as proc:
        if wait_for(lambda: fetch(base) is not None, 600, 0.2) is None or proc.poll() is not None:
            raise SystemExit("bench: mkdocs serve did not start:\n"
                             + (work / "serve.log").read_text(errors="replace"))
        default = _default_language(project)
        for kit_file in _one_per_language(kit_files):
            lang = kit_file.parent.parent.name
            prefix = "" if lang == default else f"{lang}/"
            url = f"{base}{prefix}kits/{kit_file.stem}/"
            seconds = [_time_one_edit(kit_file, url, f"Bench{lang}{n}x") for n in range(rounds)]
            results.append(ReloadResult(url.removeprefix(base.rstrip("/")), seconds))
    return results


def _default_language(project: Path) -> str:
    match = re.search(r"^default_language:\s*(\S+)", (project / "content" / "site.yml")
                      .read_text(encoding="utf-8"), re.MULTILINE)
    return match.group(1) if match else "da"


def _one_per_language(files: list[Path]) -> list[Path]:
    chosen: dict[str, Path] = {}
    for path in files:
        chosen.setdefault(path.parent.parent.name, path)
    return list(chosen.values())


def _time_one_edit(kit_file: Path, url: str, marker: str) -> float:
    text = kit_file.read_text(encoding="utf-8")
    edited, count = re.subn(r"^summary: (.*)$", lambda m: f"summary: {marker} {m.group(1)}",
                            text, count=1, flags=re.MULTILINE)
    if not count:
        raise SystemExit(f"bench: no 'summary:' line in {kit_file}")
    time.sleep(0.5)  # let the server settle after the previous rebuild
    wait_for_quiet()
    start = time.perf_counter()
    kit_file.write_text(edited, encoding="utf-8")
    shown = wait_for(lambda: marker in (fetch(url) or ""), 120, 0.05)
    if shown is None:
        raise SystemExit(f"bench: {url} did not show the edit within 120 s")
    return time.perf_counter() - start


# --- reporting ---------------------------------------------------------------------------

def print_table(results: list[SizeResult]) -> list[tuple[str, bool]]:
    print(f"{'videos/lang':>11} {'kits':>5} {'pages':>6} | {'generator':>9} {'cpu':>6} "
          f"{'peak MB':>7} | {'hand-written':>12} {'cpu':>6} {'peak MB':>7} | {'ratio':>5} "
          f"{'(best)':>6} | {'growth':>15}")
    checks: list[tuple[str, bool]] = []
    previous: SizeResult | None = None
    for r in results:
        ratio = r.ratio
        growth = ""
        if previous is not None:
            factor = r.generator.seconds / previous.generator.seconds
            growth = f"{factor:.2f}x for {r.videos / previous.videos:g}x"
            if r.videos == 2 * previous.videos:
                checks.append((f"doubling {previous.videos}->{r.videos} videos/lang: "
                               f"{factor:.2f}x time (target <= {MAX_DOUBLING}x)",
                               factor <= MAX_DOUBLING))
        g, h = r.generator, r.handwritten
        print(f"{r.videos:>11} {r.kits:>5} {r.pages:>6} | {g.seconds:>8.2f}s {g.cpu:>5.1f}s "
              f"{g.peak_mb:>7.0f} | {h.seconds:>11.2f}s {h.cpu:>5.1f}s {h.peak_mb:>7.0f} | "
              f"{ratio:>5.2f} {r.best_ratio:>6.2f} | {growth:>15}")
        if r.videos == TARGET_SIZE:
            pairs = " ".join(f"{x:.2f}" for x in r.pair_ratios)
            checks.append((f"{r.videos} videos/lang: generator/hand-written {ratio:.2f}x, "
                           f"median of pairs {pairs}; fastest/fastest {r.best_ratio:.2f}x "
                           f"(target <= {MAX_RATIO}x)", ratio <= MAX_RATIO))
            checks.append((f"{r.videos} videos/lang: full build {g.seconds:.2f} s "
                           f"(target < {MAX_BUILD_SECONDS:g} s)", g.seconds < MAX_BUILD_SECONDS))
        previous = r
    print("(wall time of the fastest build; cpu: user+system seconds of all its processes; "
          "peak MB: resident memory of its largest process; ratio: median of generator/"
          "hand-written over pairs of builds run back to back; (best): fastest/fastest)")
    return checks


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)),
                        help="videos per language, comma-separated (default: %(default)s)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="builds per size and kind, run in pairs (default: 3)")
    parser.add_argument("--no-serve", action="store_true", help="skip the serve reload timing")
    parser.add_argument("--no-site", action="store_true",
                        help="skip make site (kits check, MkDocs and the PDF handouts)")
    parser.add_argument("--site-kits", default=",".join(map(str, SITE_KIT_SIZES)),
                        help="videos per kit for the make site figures (default: %(default)s)")
    parser.add_argument("--only-targets", action="store_true",
                        help="only the figures of issue 16's targets: no growth table")
    parser.add_argument("--quiet-wait", type=float, default=QUIET["limit"], metavar="SECONDS",
                        help="wait up to this long for idle cores before each timed run "
                        "(default: %(default)s; on a machine others keep busy, the ratios of "
                        "runs back to back are what count)")
    parser.add_argument("--no-first-visit", action="store_true",
                        help="skip the first visits through the slow-network shaper")
    parser.add_argument("--videos", type=int,
                        help=f"videos per language for the targets (default: {TARGET_SIZE})")
    parser.add_argument("--no-variant", action="store_true",
                        help="skip the build with i18n's reconfigure_search switched over")
    parser.add_argument("--quick", action="store_true",
                        help="try it in a few minutes: the targets only, at --videos "
                        f"{QUICK_VIDEOS} unless given, one run each, no waiting for idle cores, "
                        "no mkdocs.yml variants (the verdicts are for that size)")
    parser.add_argument("--keep", metavar="DIR", help="work in DIR and keep it (default: a "
                        "temporary folder that is removed)")
    args = parser.parse_args(argv)
    if args.quick:
        args.only_targets, args.no_variant, args.repeat, args.quiet_wait = True, True, 1, 0.0
    if args.videos is None:
        args.videos = QUICK_VIDEOS if args.quick else TARGET_SIZE
    sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    QUIET["limit"] = args.quiet_wait
    with contextlib.ExitStack() as stack:
        if args.keep:
            work = Path(args.keep).resolve()
            work.mkdir(parents=True, exist_ok=True)
        else:
            work = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="kits-bench-")))
        return run_all(work, sizes, args)


def bench_checks(work: Path, args: argparse.Namespace) -> list[tuple[str, bool]]:
    """kits check in kits of 1, 2 and 10 videos, and make site, at ``args.videos`` per language."""
    checks = []
    print(f"\nkits check, {args.videos} videos/lang (fastest of {max(3, args.repeat)} runs):")
    for kit_size in CHECK_KIT_SIZES:
        content = work / f"check-{kit_size}" / "content"
        write_synthetic_content(content, args.videos, kit_size=kit_size)
        copy_settings(content)
        check = best([kits_check(content) for _ in range(max(3, args.repeat))])
        print(f"  kits of {kit_size:>2}: {check.seconds:.2f} s (CPU {check.cpu:.2f} s), peak "
              f"{check.peak_mb:.0f} MB", flush=True)
        checks.append((f"kits check at {args.videos} videos/lang in kits of {kit_size}: "
                       f"{check.seconds:.2f} s (target < {MAX_CHECK_SECONDS:g} s)",
                       check.seconds < MAX_CHECK_SECONDS))
    if not args.no_site:
        print(f"\nmake site at {args.videos} videos/lang against a plain two-language mkdocs "
              "build of the same content, ratios of runs back to back:", flush=True)
        results = [bench_make_site(work, args.videos, int(k), max(1, min(args.repeat, 3)))
                   for k in args.site_kits.split(",") if k.strip()]
        checks += site_checks(results, args.videos)
    return checks


def bench_first_visit(work: Path) -> list[tuple[str, bool]]:
    """The real project built, and visited page type by page type through the slow-network
    shaper of scripts/dev/first_visit.py."""
    from first_visit import first_visits, report

    project = copy_project(work / "first-visit")
    site = work / "first-visit-site"
    mkdocs_build(project, site)
    print(flush=True)
    checks = report(first_visits(site))
    sys.stdout.flush()
    return checks


def run_all(work: Path, sizes: list[int], args: argparse.Namespace) -> int:
    print(f"Build benchmark: {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
          f"{args.repeat} pairs of builds per size (5 at 100 videos/lang or fewer, 7 at "
          f"{TARGET_SIZE}), two languages, kits of {KIT_SIZE} videos; "
          f"wall time and peak memory of each build process")
    results = []
    for videos in [] if args.only_targets else sizes:
        results.append(bench_size(work, videos, args.repeat))
        print(f"  ... {videos} videos/lang done", file=sys.stderr, flush=True)
    checks = print_table(results) if results else []
    sys.stdout.flush()

    if TARGET_SIZE in sizes and not (args.only_targets or args.no_variant):
        print(f"\n{TARGET_SIZE} videos/lang with mkdocs.yml changed: generator | "
              "hand-written | ratio")
        for label, change in variants():
            variant = bench_variant(work, TARGET_SIZE, args.repeat, change)
            gen, hand = variant.generator, variant.handwritten
            print(f"  {label:<50} {gen.seconds:>6.2f}s cpu {gen.cpu:>5.1f}s | "
                  f"{hand.seconds:>6.2f}s cpu {hand.cpu:>5.1f}s | "
                  f"{variant.ratio:.2f}", flush=True)

    checks += bench_checks(work, args)
    if not args.no_serve:
        serves: list[tuple[int | None, float]] = [(None, MAX_RELOAD_SECONDS),
                                                  (args.videos, MAX_RELOAD_SECONDS_LARGE)]
        for served, limit in serves:
            what = "the real content" if served is None else f"{served} videos/lang"
            print(f"\nmkdocs serve on {what}, seconds from saving a kit's YAML to the "
                  "page showing it:", flush=True)
            for result in bench_serve(work, rounds=3, videos=served):
                worst = max(result.seconds)
                print(f"  {result.page:<40} " + "  ".join(f"{s:.2f}" for s in result.seconds)
                      + f"   (median {statistics.median(result.seconds):.2f})", flush=True)
                checks.append((f"serve reload on {what}, {result.page}: worst {worst:.2f} s "
                               f"(target <= {limit:g} s)", worst <= limit))

    if not args.no_first_visit:
        checks += bench_first_visit(work)

    if QUIET["busy_runs"] or QUIET["waited"] > 1:
        print(f"\nOther work on the machine: waited {QUIET['waited']:.0f} s for idle cores; "
              f"{QUIET['busy_runs']} timed runs started with the cores still busy "
              "(their figures are slower than this machine can do).")
    from first_visit import print_targets
    return print_targets(checks)


if __name__ == "__main__":
    sys.exit(main())
