"""Building the site's languages side by side, one process per core.

Owns: the ``parallel-languages`` MkDocs plugin. mkdocs-static-i18n builds the default language
and then, from its ``on_post_build``, every other language one after the other in the same
process, so a two-language build uses one core. With this plugin, ``mkdocs build`` forks as
soon as the configuration is loaded, before any other plugin's ``on_config``: the child builds
the other languages exactly as mkdocs-static-i18n would, into a folder next to the site, while
the parent builds the default language. The child's plugins can tell where they run from
:attr:`ParallelLanguagesPlugin.in_child` (the ``kits`` plugin leaves the checks to the parent,
which stops the child when the content has errors). When mkdocs-static-i18n then asks for the other
languages, the parent waits for the child, moves its files into the site, merges the two
sitemaps and adds the child's search entries. The result is the same site as a sequential
build (``tests/test_parallel_languages.py`` compares them file by file).

It does nothing, and the build is the plain sequential one, for ``mkdocs serve`` (its server
threads make ``fork`` unsafe), ``--dirty`` builds, a site with one language, or
``enabled: false``. Where it would build in parallel but cannot (no ``os.fork``, or a
mkdocs-static-i18n it does not know), the build is sequential too, and a WARNING at the end of
the build says why (after MkDocs' strict-mode count: the site is complete, only slower). The
parent checks that the child built every language it was given, so a language can never be
dropped silently.

Like :mod:`kitsite.plugins.kits`, this module knows MkDocs; it also relies on four internals
of mkdocs-static-i18n 1.3 (pinned): the plugin's ``current_language``, ``building`` and
``search_entries``, and the ``build`` function its plugin module calls for each language.
"""

from __future__ import annotations

import atexit
import gzip
import importlib
import logging
import os
import pickle
import re
import shutil
import signal
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any, NoReturn

from mkdocs import utils as mkdocs_utils
from mkdocs.commands.build import build
from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin, event_priority

log = logging.getLogger("mkdocs.plugins.parallel-languages")

I18N_MODULE = "mkdocs_static_i18n.plugin"
ENTRIES_FILE = "search_entries.pickle"
SITEMAP = "sitemap.xml"
_URL_ENTRY = re.compile(r"\n?[ \t]*<url>.*?</url>", re.DOTALL)


class ParallelLanguagesConfig(Config):
    enabled = opt.Type(bool, default=True)


class ParallelLanguagesPlugin(BasePlugin[ParallelLanguagesConfig]):
    """Builds the non-default languages in a forked child while the parent builds the default."""

    def __init__(self) -> None:
        self.command = ""
        self.dirty = False
        self.child: int | None = None
        self.workdir: Path | None = None
        self.site_dir: Path | None = None
        self.waiting: set[str] = set()
        self.languages: list[str] = []
        """The languages the child builds."""
        self.i18n: Any = None
        self.in_child = False
        """True in the process that builds the other languages."""
        self.sequential_because = ""
        """Why this build, which could have built languages in parallel, is sequential."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command, self.dirty = command, dirty

    @event_priority(110)  # before ``kits`` (100) loads the content: both processes load it
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        i18n = config.plugins.get("i18n")
        others = self._other_languages(i18n)
        if not others:
            return config
        self.site_dir = Path(config.site_dir).resolve()
        self.site_dir.parent.mkdir(parents=True, exist_ok=True)
        self.workdir = Path(tempfile.mkdtemp(prefix=f"{self.site_dir.name}.languages-",
                                             dir=self.site_dir.parent))
        _flush_output()
        pid = os.fork()
        if pid == 0:
            self.in_child = True
            _build_in_child(config, i18n, others, self.workdir)
        self.child, self.i18n, self.waiting, self.languages = pid, i18n, set(others), others
        atexit.register(self._stop_child)  # also after Ctrl-C, which skips on_build_error
        # i18n's on_post_build calls ``build(config)`` for each other language: collect instead
        vars(importlib.import_module(I18N_MODULE))["build"] = self._collect
        return config

    def on_build_error(self, *, error: Exception) -> None:
        self._stop_child()

    def _stop_child(self) -> None:
        if self.child is not None:
            os.kill(self.child, signal.SIGKILL)
            os.waitpid(self.child, 0)
            self.child = None
        self._finish()

    def on_shutdown(self) -> None:
        if self.sequential_because:
            log.warning("the languages were built one after the other, not in parallel: %s "
                        "(the site is complete; the build takes longer)",
                        self.sequential_because)

    def _other_languages(self, i18n: Any) -> list[str]:
        """The languages to build in a child, or none when this build must stay sequential."""
        if (not self.config.enabled or self.command != "build" or self.dirty
                or self.child is not None or i18n is None):
            return []
        module = sys.modules.get(I18N_MODULE)
        needed = ("current_language", "building", "search_entries", "build_languages",
                  "default_language")
        if getattr(module, "build", None) is not build or not all(
                hasattr(i18n, name) for name in needed):
            self.sequential_because = ("mkdocs-static-i18n is not the version this plugin "
                                       "knows (1.3)")
            return []
        if i18n.building or i18n.current_language not in (None, i18n.default_language):
            return []  # a language pass that i18n itself started
        others = [lang for lang in i18n.build_languages if lang != i18n.default_language]
        unsafe = fork_unsafe_because()
        if others and unsafe:
            self.sequential_because = unsafe
            return []
        return others

    def _collect(self, config: MkDocsConfig, dirty: bool = False) -> None:
        """Stands in for i18n's ``build(config)`` of one language: the child built it."""
        self.waiting.discard(self.i18n.current_language)
        if self.child is not None:
            _pid, status = os.waitpid(self.child, 0)
            self.child = None
            if os.waitstatus_to_exitcode(status) != 0:
                self._finish()
                raise Abort("Aborted: building the other languages failed (see the errors above)")
            assert self.workdir is not None and self.site_dir is not None
            unbuilt = sorted(lang for lang in self.languages
                             if not (self.workdir / "site" / lang).is_dir())
            if unbuilt:
                self._finish()
                raise Abort(f"Aborted: the process building the other languages built no "
                            f"pages for {', '.join(unbuilt)}")
            entries = pickle.loads((self.workdir / ENTRIES_FILE).read_bytes())
            self.i18n.search_entries.extend(entries)
            merge_site(self.workdir / "site", self.site_dir)
        if not self.waiting:
            self._finish()

    def _finish(self) -> None:
        vars(importlib.import_module(I18N_MODULE))["build"] = build
        if self.workdir is not None:
            shutil.rmtree(self.workdir, ignore_errors=True)
            self.workdir = None


def fork_unsafe_because() -> str:
    """Why forking this process would be unsafe here, or "" when it is safe: no ``os.fork``;
    macOS, where system libraries may not survive a fork; other threads running (a forked
    child gets only the calling thread, with whatever locks the others held)."""
    if not hasattr(os, "fork"):
        return "this system cannot fork a process (os.fork)"
    if sys.platform == "darwin":
        return "forking is unsafe on macOS"
    if threading.active_count() > 1:
        return f"{threading.active_count() - 1} other thread(s) are running in this process"
    return ""


def _build_in_child(config: MkDocsConfig, i18n: Any, languages: list[str],
                    workdir: Path) -> NoReturn:
    """What i18n's ``on_post_build`` does for each other language, into ``workdir/site``."""
    code = 1
    try:
        config.site_dir = str(workdir / "site")
        i18n.building = True  # so that i18n's own on_post_build does not start more passes
        # as i18n does around its passes: a pass must not empty the folder the previous
        # language was built into (with three languages, the second wiped the first)
        mkdocs_utils.clean_directory = _keep_directory
        first = len(i18n.search_entries)
        for language in languages:
            i18n.current_language = language
            build(config)
        (workdir / ENTRIES_FILE).write_bytes(pickle.dumps(i18n.search_entries[first:]))
        code = 0
    except Abort as err:
        log.error(str(err))
    except Exception:
        log.exception("building %s failed", ", ".join(languages))
    finally:
        _flush_output()
        os._exit(code)


def _keep_directory(directory: str) -> None:
    """Stands in for MkDocs' ``clean_directory`` in the child: its folder starts empty."""


def _flush_output() -> None:
    for stream in (sys.stdout, sys.stderr):
        stream.flush()


def merge_site(src: Path, dest: Path) -> None:
    """Move every file of ``src`` into ``dest``; ``src`` wins, as the later language does in a
    sequential build, except in the sitemap, which lists the pages of both."""
    if (src / SITEMAP).is_file() and (dest / SITEMAP).is_file():
        merge_sitemaps(earlier=dest / SITEMAP, later=src / SITEMAP)
    _move_tree(src, dest)


def _move_tree(src: Path, dest: Path) -> None:
    for entry in os.scandir(src):
        source, target = Path(entry.path), dest / entry.name
        if entry.is_dir(follow_symlinks=False) and target.is_dir():
            _move_tree(source, target)
            continue
        if target.is_dir() and not target.is_symlink():
            shutil.rmtree(target)
        shutil.move(source, target)


def merge_sitemaps(*, earlier: Path, later: Path) -> None:
    """Write into ``earlier`` the later sitemap with the earlier one's entries in front of its
    own (i18n's sitemap lists every language built so far), and its gzipped copy; remove
    ``later``."""
    old, new = earlier.read_text(encoding="utf-8"), later.read_text(encoding="utf-8")
    first = _URL_ENTRY.search(new)
    at = first.start() if first else new.rindex("</urlset>")
    merged = new[:at] + "".join(m.group(0) for m in _URL_ENTRY.finditer(old)) + new[at:]
    earlier.write_text(merged, encoding="utf-8")
    later.unlink()
    later_gz, gz_path = later.with_name(f"{SITEMAP}.gz"), earlier.with_name(f"{SITEMAP}.gz")
    if later_gz.is_file():
        mtime = int.from_bytes(later_gz.read_bytes()[4:8], "little")
        later_gz.unlink()
        with gz_path.open("wb") as raw, gzip.GzipFile(
                fileobj=raw, filename=str(gz_path), mode="wb", mtime=mtime) as out:
            out.write(merged.encode("utf-8"))
