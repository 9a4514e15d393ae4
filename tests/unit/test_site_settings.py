"""content/site.yml: the fallback order readers get, the values read from the file, and no
traceback for anything written in it; mkdocs.yml's languages read without running its tags."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from kitsite.content.loading import load_library
from kitsite.content.mkdocs_languages import check_mkdocs_languages
from kitsite.content.model import Kit, Library
from kitsite.content.problems import Problem, errors
from kitsite.content.site_settings import SiteSettings, read_site_settings


def library(fallback: dict[str, tuple[str, ...]] | None = None) -> Library:
    return Library(root=Path("content"), default_language="da",
                   languages=("da", "en", "sv", "de"), discussion_minutes_per_question=5,
                   fallback=fallback or {})


def test_without_configuration_the_default_language_comes_first_then_the_others() -> None:
    assert library().fallback_languages("sv") == ("da", "en", "de")
    assert library().fallback_languages("en") == ("da", "sv", "de")
    assert library().fallback_languages("da") == ("en", "sv", "de")


def test_a_configured_order_comes_first_and_the_languages_it_leaves_out_follow() -> None:
    configured = library({"sv": ("en", "de")})
    assert configured.fallback_languages("sv") == ("en", "de", "da")
    assert configured.fallback_languages("de") == ("da", "en", "sv")  # not configured
    assert library({"da": ("sv",)}).fallback_languages("da") == ("sv", "en", "de")


def kit(language: str) -> Kit:
    return Kit(id="k", language=language, texts={"title": language}, lists={},
               discussion_minutes_per_question=5)


def test_the_kit_in_the_best_language_follows_the_fallback_order() -> None:
    lib = library({"sv": ("en",)})
    lib.kits = {"da": {"k": kit("da")}, "en": {"k": kit("en")}, "sv": {}, "de": {}}
    assert lib.kit_in_best_language("sv", "k").language == "en"
    assert lib.kit_in_best_language("de", "k").language == "da"
    lib.kits["sv"]["k"] = kit("sv")
    assert lib.kit_in_best_language("sv", "k").language == "sv"


def write_site(tmp_path: Path, text: str) -> Path:
    content = tmp_path / "content"
    content.mkdir(exist_ok=True)
    (content / "site.yml").write_text(text, encoding="utf-8")
    return content


def test_the_fallback_setting_is_read(tmp_path: Path) -> None:
    content = write_site(tmp_path, "default_language: da\nlanguages: [da, en, sv]\n"
                                   "fallback:\n  sv: [en, da]\n")
    problems: list[Problem] = []
    settings = read_site_settings(content, problems)
    assert problems == []
    assert settings == SiteSettings("da", ("da", "en", "sv"), 5, {"sv": ("en", "da")})


@pytest.mark.parametrize("text", [
    "- da\n- en\n", "languages: da\n", "languages: [[da]]\ndefault_language: {a: b}\n",
    "default_language: da\nlanguages: []\n", "default_language: !!python/name:os.system\n",
    "default_language: !ENV X\nlanguages: !!python/object/apply:os.system [ls]\n",
    "languages: [da, da]\ndefault_language: 2024-02-30\n", "fallback: [da]\n",
    "fallback: {da: da}\nlanguages: [da]\ndefault_language: da\n",
    "fallback: {1: [2]}\ndiscussion_minutes_per_question: -3\n",
    "discussion_minutes_per_question: true\n", "discussion_minutes_per_question: 1e9\n",
    "languages: [da, xx]\ndefault_language: xx\n", "default_language: da\n",
])
def test_nothing_written_in_site_yml_raises_and_every_problem_is_located(
    tmp_path: Path, text: str,
) -> None:
    content = write_site(tmp_path, text)
    result = load_library(content)
    found = errors(result.problems)
    assert found
    for problem in found:
        assert problem.line >= 1 and "expected" in problem.message and " — " in problem.message


def test_mkdocs_tags_are_never_run_and_inherit_is_followed(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    (tmp_path / "base.yml").write_text(
        f"x: !!python/object/apply:os.system ['touch {marker}']\n"
        "plugins:\n  - i18n:\n      languages:\n        - {locale: da, default: !ENV X}\n",
        encoding="utf-8")
    (tmp_path / "offline.yml").write_text("INHERIT: base.yml\nuse_directory_urls: false\n",
                                          encoding="utf-8")
    problems: list[Problem] = []
    problems.extend(check_mkdocs_languages(tmp_path / "offline.yml",
                                           SiteSettings("da", ("da", "en"))))
    assert not marker.exists()
    assert [(p.path.name, p.line, p.key) for p in problems] == [
        ("base.yml", 4, "plugins[0].i18n.languages"),  # no entry for en
        ("base.yml", 5, "plugins[0].i18n.languages[0].locale"),  # !ENV X is not true
    ]


def test_the_real_mkdocs_files_agree_with_site_yml(tmp_path: Path) -> None:
    problems: list[Problem] = []
    settings = read_site_settings(ROOT / "content", [])  # its own warnings: kits check's
    for config in ("mkdocs.yml", "mkdocs.offline.yml"):
        problems.extend(check_mkdocs_languages(ROOT / config, settings))
    assert problems == []
    copy = tmp_path / "mkdocs.yml"
    shutil.copy(ROOT / "mkdocs.yml", copy)
    copy.write_text(copy.read_text(encoding="utf-8").replace("locale: en", "locale: sv"),
                    encoding="utf-8")
    problems.extend(check_mkdocs_languages(copy, settings))
    assert sorted(p.key for p in problems) == ["plugins[3].i18n.languages",
                                               "plugins[3].i18n.languages[1].locale"]
