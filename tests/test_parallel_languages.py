"""The ``parallel-languages`` plugin: building the other languages in a second process gives the
same site as mkdocs-static-i18n's one-after-the-other build, and a failure there fails the build.
"""

from __future__ import annotations

import gzip
import inspect
import os
import subprocess
import sys
import threading
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import mkdocs_static_i18n.plugin  # noqa: F401  (the plugin checks it is loaded)
import pytest
from helpers.projects import copy_sample
from mkdocs.exceptions import Abort
from scenarios.conftest import make_project
from scenarios.languages import add_swedish

from conftest import ROOT, mkdocs_build
from kitsite.plugins.parallel import ParallelLanguagesPlugin


def site_files(site: Path) -> dict[str, bytes]:
    """Every file of a built site; gzip files by their content (their header has a time)."""
    files = {}
    for path in sorted(site.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            files[path.relative_to(site).as_posix()] = (
                gzip.decompress(data) if path.suffix == ".gz" else data)
    return files


def build_both(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
               *extra: str) -> tuple[dict[str, bytes], dict[str, bytes]]:
    monkeypatch.setenv("SITE_URL", "https://materialer.example.dk/")  # so there is a sitemap
    monkeypatch.setenv("KITS_PARALLEL", "false")
    sequential = mkdocs_build(project, tmp_path / "sequential", *extra)
    assert sequential.returncode == 0, sequential.stderr
    monkeypatch.setenv("KITS_PARALLEL", "true")
    parallel = mkdocs_build(project, tmp_path / "parallel", *extra)
    assert parallel.returncode == 0, parallel.stderr
    assert not list(tmp_path.glob("*.languages-*")), "the child's folder was left behind"
    return site_files(tmp_path / "sequential"), site_files(tmp_path / "parallel")


def assert_same_site(sequential: dict[str, bytes], parallel: dict[str, bytes]) -> None:
    assert sorted(parallel) == sorted(sequential)
    # A sequential build renders /en/404.html with the language switcher of the last Danish
    # page it built (mkdocs-static-i18n carries it over); the parallel build links the
    # language home pages, as /404.html does. Every other file is byte for byte the same.
    differ = [path for path in sequential if sequential[path] != parallel[path]]
    assert [p for p in differ if not p.endswith("404.html")] == []
    for path in differ:
        assert b'href="/en/" hreflang="en"' in parallel[path]


def test_real_site_is_the_same_built_in_parallel(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sequential, parallel = build_both(ROOT, tmp_path, monkeypatch)
    assert "en/kits/index.html" in parallel and "kits/index.html" in parallel
    assert b"/en/kits/" in parallel["sitemap.xml"] and b"/kits/" in parallel["sitemap.xml"]
    assert_same_site(sequential, parallel)


def test_three_languages_are_the_same_built_in_parallel(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The real project with Swedish added as the translator's guide says: the child builds
    two languages one after the other, and neither may undo the other."""
    project = make_project(tmp_path / "project")
    add_swedish(project)
    sequential, parallel = build_both(project.root, tmp_path, monkeypatch)
    for prefix in ("", "en/", "sv/"):
        assert f"{prefix}kits/start-the-dialogue/index.html" in parallel, prefix
        assert f"{prefix}search/search_index.json" in parallel, prefix
        assert f"/{prefix}kits/".encode() in parallel["sitemap.xml"], prefix
    assert_same_site(sequential, parallel)


def test_offline_edition_is_the_same_built_in_parallel(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if not (ROOT / "mkdocs.offline.yml").exists():
        pytest.skip("no offline edition in this project")
    monkeypatch.setenv("KITS_OFFLINE", "true")
    monkeypatch.chdir(ROOT)
    sequential, parallel = build_both(ROOT, tmp_path, monkeypatch,
                                      "-f", str(ROOT / "mkdocs.offline.yml"))
    assert "en/search/search_index.js" in parallel or "search/search_index.js" in parallel
    assert_same_site(sequential, parallel)


def test_an_error_in_the_other_language_fails_the_build(tmp_path: Path) -> None:
    project = copy_sample(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - search\n",
                                                 "  - search\n  - parallel-languages\n"))
    english = project / "docs" / "en" / "index.md"
    english.write_text(english.read_text() + "\n[broken](no-such-page.md)\n")
    # not --quiet: MkDocs 1.6 then drops warnings, and --strict with them
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
         "-d", str(tmp_path / "site")], capture_output=True, text=True, cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, check=False)
    assert result.returncode != 0
    assert "no-such-page.md" in result.stderr
    assert "building the other languages failed" in result.stdout + result.stderr
    assert not list(tmp_path.glob("*.languages-*"))


@pytest.mark.parametrize(("broken", "duration"), [
    ("en", "4:70"), ("da", "4:70"),  # wrong in itself: the child cannot load it either
    ("en", "14:20"),  # fine in itself, but not the same length as in Danish
])
def test_content_errors_are_reported_once_by_the_main_process(
        tmp_path: Path, broken: str, duration: str) -> None:
    """The child loads the content too, without the checks: whichever language holds the
    error, the problems are listed once, with no traceback, and nothing is left behind."""
    project = copy_sample(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - search\n",
                                                 "  - search\n  - parallel-languages\n"))
    kit = project / "content" / broken / "kits" / "sample-kit.yml"
    kit.write_text(kit.read_text(encoding="utf-8").replace('"4:20"', f'"{duration}"', 1),
                   encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert output.count("/kits/sample-kit.yml:10: videos[0].duration: expected") == 1, output
    assert "Traceback" not in output and "building the other languages failed" not in output
    assert not list(tmp_path.glob("*.languages-*"))


def fake_i18n() -> SimpleNamespace:
    return SimpleNamespace(current_language=None, building=False, search_entries=[],
                           build_languages=["da", "en", "de"], default_language="da")


@pytest.mark.parametrize(("command", "dirty", "enabled", "expected"), [
    ("build", False, True, ["en", "de"]),
    ("serve", False, True, []),  # the live-reload server runs threads: never fork there
    ("build", True, True, []),
    ("build", False, False, []),
])
def test_which_commands_build_languages_in_parallel(
        command: str, dirty: bool, enabled: bool, expected: list[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(threading, "active_count", lambda: 1)  # as in `mkdocs build`
    plugin = ParallelLanguagesPlugin()
    errors, _warnings = plugin.load_config({"enabled": enabled})
    assert not errors
    plugin.on_startup(command=command, dirty=dirty)
    assert plugin._other_languages(fake_i18n()) == expected


def test_a_pass_started_by_i18n_itself_does_not_fork_again() -> None:
    plugin = ParallelLanguagesPlugin()
    plugin.load_config({})
    plugin.on_startup(command="build", dirty=False)
    i18n = fake_i18n()
    i18n.current_language, i18n.building = "en", True
    assert plugin._other_languages(i18n) == []


def test_a_build_that_cannot_fork_is_sequential_with_a_warning(
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    plugin = ParallelLanguagesPlugin()
    plugin.load_config({})
    plugin.on_startup(command="build", dirty=False)
    monkeypatch.delattr(os, "fork")
    assert plugin._other_languages(fake_i18n()) == []
    with caplog.at_level("WARNING", logger="mkdocs.plugins.parallel-languages"):
        plugin.on_shutdown()
    assert [r.levelname for r in caplog.records] == ["WARNING"]
    assert "one after the other" in caplog.text and "os.fork" in caplog.text


def test_an_unknown_i18n_version_builds_sequentially_with_a_warning(
        caplog: pytest.LogCaptureFixture) -> None:
    plugin = ParallelLanguagesPlugin()
    plugin.load_config({})
    plugin.on_startup(command="build", dirty=False)
    i18n = fake_i18n()
    del i18n.search_entries  # an internal this plugin relies on, gone in another version
    assert plugin._other_languages(i18n) == []
    with caplog.at_level("WARNING", logger="mkdocs.plugins.parallel-languages"):
        plugin.on_shutdown()
    assert "mkdocs-static-i18n is not the version" in caplog.text
    assert caplog.records[0].levelname == "WARNING"


def test_a_language_the_child_did_not_build_fails_the_build(tmp_path: Path) -> None:
    """The parent never publishes a site that lacks a language the child was to build."""
    plugin = ParallelLanguagesPlugin()
    plugin.load_config({})
    plugin.workdir, plugin.site_dir = tmp_path / "work", tmp_path / "site"
    (plugin.workdir / "site" / "sv").mkdir(parents=True)  # only Swedish came out
    plugin.languages, plugin.waiting = ["en", "sv"], {"en", "sv"}
    plugin.i18n = fake_i18n()
    plugin.i18n.current_language = "en"
    child = subprocess.Popen([sys.executable, "-c", ""])
    plugin.child = child.pid
    with pytest.raises(Abort, match="built no pages for en"):
        plugin._collect(SimpleNamespace())  # type: ignore[arg-type]
    assert plugin.workdir is None and not (tmp_path / "work").exists()
    child.returncode = 0  # already reaped by the plugin


@pytest.mark.parametrize(("platform", "threads", "reason"), [
    ("darwin", 1, "forking is unsafe on macOS"),
    ("linux", 3, "2 other thread(s) are running in this process"),
])
def test_no_fork_where_forking_is_unsafe(
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, platform: str,
        threads: int, reason: str) -> None:
    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.setattr(threading, "active_count", lambda: threads)
    plugin = ParallelLanguagesPlugin()
    plugin.load_config({})
    plugin.on_startup(command="build", dirty=False)
    assert plugin._other_languages(fake_i18n()) == []
    with caplog.at_level("WARNING", logger="mkdocs.plugins.parallel-languages"):
        plugin.on_shutdown()
    assert reason in caplog.text and caplog.records[0].levelname == "WARNING"


# --- the contract with mkdocs-static-i18n 1.3: each internal this plugin relies on ------------

def configured_i18n() -> Any:
    """mkdocs-static-i18n's plugin as the real mkdocs.yml configures it."""
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    return config.plugins["i18n"]


def test_i18n_names_the_language_it_builds_and_the_ones_to_build() -> None:
    i18n = configured_i18n()
    assert i18n.default_language == "da"
    assert i18n.build_languages == ["da", "en"]
    assert i18n.current_language in (None, "da")
    assert i18n.building is False


def test_i18n_keeps_search_entries_in_a_list_it_extends() -> None:
    i18n = configured_i18n()
    entries = i18n.search_entries
    assert isinstance(entries, list)
    assert "search_entries" in inspect.getsource(type(i18n).extend_search_entries)


def test_i18n_builds_each_other_language_with_the_module_level_build() -> None:
    """The plugin swaps ``mkdocs_static_i18n.plugin.build`` for its collector: i18n must call
    that module-level name, once per language, from its on_post_build."""
    from mkdocs.commands.build import build

    module = sys.modules["mkdocs_static_i18n.plugin"]
    assert module.build is build
    source = inspect.getsource(type(configured_i18n()).on_post_build)
    assert "self.building = True" in source and "self.current_language = locale" in source
    assert "build(config, dirty=dirty)" in source
