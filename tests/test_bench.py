"""scripts/dev/bench.py's building blocks: its synthetic content is valid content, its hand-written
twin of a generated site has the same pages, and its edits of mkdocs.yml change only what they
say. (The timings themselves are printed by the script, never asserted.)"""

from __future__ import annotations

from pathlib import Path

import bench
import pytest

from conftest import mkdocs_build
from kitsite.cli.main import main as kits_main


def test_synthetic_content_passes_kits_check(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    content = tmp_path / "content"
    kits = bench.write_synthetic_content(content, 25)
    bench.copy_settings(content)
    assert kits == 3  # kits of 10, 10 and 5 videos
    assert kits_main(["check", "--content", str(content)]) == 0
    out = capsys.readouterr().out
    assert "content OK: 6 kit files in 2 languages" in out
    last = (content / "en" / "kits" / "kit-0003.yml").read_text(encoding="utf-8")
    assert last.count("  - id: video-") == 5


def test_handwritten_twin_builds_the_same_pages(tmp_path: Path) -> None:
    generated = bench.synthetic_project(tmp_path / "gen", 10)
    result = mkdocs_build(generated, tmp_path / "site-gen")
    assert result.returncode == 0, result.stderr
    hand = bench.handwritten_project(generated, tmp_path / "hand")
    assert "  - kits:\n" not in (hand / "mkdocs.yml").read_text(encoding="utf-8")
    assert (hand / "docs" / "en" / "kits" / "kit-0001" / "video-10" / "index.md").is_file()
    result = mkdocs_build(hand, tmp_path / "site-hand")
    assert result.returncode == 0, result.stderr

    def pages(site: Path) -> set[str]:
        return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}

    # the kits plugin also writes a 404 page per language; without it there is one
    assert pages(tmp_path / "site-hand") <= pages(tmp_path / "site-gen")
    assert pages(tmp_path / "site-gen") - pages(tmp_path / "site-hand") <= {"en/404.html"}
    assert "en/kits/kit-0001/video-10/index.html" in pages(tmp_path / "site-gen")
    page = "kits/kit-0001/video-03/index.html"
    assert "Video 3 i sæt 1" in (tmp_path / "site-hand" / page).read_text(encoding="utf-8")


MKDOCS_YML = """\
plugins:
  - kits:
      content_dir: content
      templates_dir: templates
  - search
  - i18n:
      docs_structure: folder
      languages:
        - locale: da
watch:
  - content
"""


def test_without_plugin_removes_the_plugin_and_its_options_only() -> None:
    text = bench.without_plugin(MKDOCS_YML, "kits")
    assert text == MKDOCS_YML.replace(
        "  - kits:\n      content_dir: content\n      templates_dir: templates\n", "")
    assert bench.without_plugin(MKDOCS_YML, "search").count("- search") == 0
    assert bench.without_plugin(MKDOCS_YML, "nothing") == MKDOCS_YML


def test_with_i18n_option_sets_or_adds_the_option() -> None:
    added = bench.with_i18n_option(MKDOCS_YML, "reconfigure_search", "false")
    assert "  - i18n:\n      reconfigure_search: false\n      docs_structure: folder\n" in added
    changed = bench.with_i18n_option(added, "reconfigure_search", "true")
    assert changed == added.replace("reconfigure_search: false", "reconfigure_search: true")
