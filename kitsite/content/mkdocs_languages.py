"""The languages ``mkdocs.yml`` builds must be the languages ``content/site.yml`` declares.

Owns: reading the i18n plugin's language list from ``mkdocs.yml`` as plain YAML, without MkDocs
and without running any of its tags (``!ENV``, ``!!python/...`` stay text), following
``INHERIT:`` to the file that holds the plugins, and the problems when that list and
``site.yml`` disagree: a language one has and the other lacks, another default language, a
language that is not built. ``kits check`` and the build (the kits plugin) both call
:func:`check_mkdocs_languages`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kitsite.content.problems import Problem
from kitsite.content.site_settings import SITE_FILE, SiteSettings
from kitsite.content.validate import problem_at
from kitsite.content.yamldoc import KeyPath, YamlDoc, load_yaml

I18N_PLUGIN = "i18n"
_MAX_INHERIT = 5


def check_mkdocs_languages(config_file: Path, settings: SiteSettings, problems: list[Problem],
                           site_file: str = f"content/{SITE_FILE}") -> None:
    """Append a problem for every way the i18n languages of ``config_file`` disagree with
    ``settings``, read from ``site_file`` (as messages name it)."""
    found = _plugins_doc(config_file, problems)
    if found is None:
        return
    doc, plugins_path, plugins = found
    i18n = _i18n_entry(plugins, plugins_path)
    site = _site_words(settings, site_file)
    if i18n is None:
        if len(settings.languages) > 1:
            problems.append(problem_at(doc, plugins_path, (
                f"expected the {I18N_PLUGIN} plugin with the languages of {site}, found no "
                f"{I18N_PLUGIN} plugin — add it under plugins, with one entry per language, "
                f"like: - {_entry_example(settings, settings.default_language)}")))
        return
    config, config_path = i18n
    languages = config.get("languages") if isinstance(config, dict) else None
    languages_path: KeyPath = (*config_path, "languages")
    if not isinstance(languages, list):
        problems.append(problem_at(doc, languages_path if isinstance(config, dict)
                                   else config_path, (
            f"expected a list of the languages of {site}, found {_describe(languages)} — add "
            f"languages: with one entry per language, like: - "
            f"{_entry_example(settings, settings.default_language)}")))
        return
    _compare(doc, languages_path, languages, settings, site_file, problems)


def _site_words(settings: SiteSettings, site_file: str) -> str:
    """``content/site.yml (da, en; default da)``: what messages compare mkdocs.yml with."""
    return f"{site_file} ({', '.join(settings.languages)}; default {settings.default_language})"


def _compare(doc: YamlDoc, languages_path: KeyPath, entries: list[Any], settings: SiteSettings,
             site_file: str, problems: list[Problem]) -> None:
    site = _site_words(settings, site_file)
    built: dict[str, int] = {}
    for i, entry in enumerate(entries):
        locale = entry.get("locale") if isinstance(entry, dict) else None
        if not isinstance(locale, str) or locale == "null":
            continue  # a link in the language menu only, or a shape MkDocs itself refuses
        entry_path = (*languages_path, i)
        if locale not in settings.languages:
            problems.append(problem_at(doc, (*entry_path, "locale"), (
                f"expected only the languages of {site}, found {locale!r} — add {locale} to "
                f"languages in {site_file}, or delete this entry")))
            continue
        built[locale] = i
        if entry.get("build") is False:
            problems.append(problem_at(doc, (*entry_path, "build"), (
                f"expected every language of {site} to be built, found build: false for "
                f"{locale!r} — write build: true, or delete {locale} from {site_file}")))
        is_default = entry.get("default") is True
        if is_default and locale != settings.default_language:
            problems.append(problem_at(doc, (*entry_path, "default"), (
                f"expected default: true on the entry of {settings.default_language!r}, the "
                f"default_language of {site}, found it on {locale!r} — move default: true to "
                f"{settings.default_language}, or change default_language in {site_file}")))
    missing = [lang for lang in settings.languages if lang not in built]
    if missing:
        problems.append(problem_at(doc, languages_path, (
            f"expected an entry for every language of {site}, found none for "
            f"{', '.join(missing)} — add "
            + " and ".join(f"- {_entry_example(settings, lang)}" for lang in missing)),
            at_key=True))
    default_index = built.get(settings.default_language)
    default_entry = entries[default_index] if default_index is not None else None
    if isinstance(default_entry, dict) and default_entry.get("default") is not True:
        problems.append(problem_at(doc, (*languages_path, default_index or 0, "locale"), (
            f"expected default: true on the entry of {settings.default_language!r}, the "
            f"default_language of {site}, found none there — add default: true to it")))


def _entry_example(settings: SiteSettings, language: str) -> str:
    default = ", default: true" if language == settings.default_language else ""
    return f"{{locale: {language}, name: ..., build: true{default}}}"


def _plugins_doc(config_file: Path,
                 problems: list[Problem]) -> tuple[YamlDoc, KeyPath, Any] | None:
    """The file (``config_file`` or one it inherits from) that lists the plugins, with the key
    path of the list and the list; None when no file lists plugins."""
    path = config_file
    for _ in range(_MAX_INHERIT):
        doc = load_yaml(path, problems, tags=True)  # its !ENV and !!python tags stay text
        if doc is None or not isinstance(doc.data, dict):
            return None
        if "plugins" in doc.data:
            return doc, ("plugins",), doc.data["plugins"]
        parent = doc.data.get("INHERIT")
        if not isinstance(parent, str):
            return None
        path = path.parent / parent
        if not path.is_file():
            problems.append(problem_at(doc, ("INHERIT",), (
                f"expected a configuration file to inherit from, found {parent!r}, which is "
                f"no file — write the path of the file relative to {config_file.name}")))
            return None
    return None


def _i18n_entry(plugins: Any, plugins_path: KeyPath) -> tuple[Any, KeyPath] | None:
    """The i18n plugin's settings and their key path, from a list (``- i18n: {...}``) or a
    block (``i18n: {...}``) of plugins."""
    if isinstance(plugins, dict):
        return (plugins[I18N_PLUGIN], (*plugins_path, I18N_PLUGIN)) \
            if I18N_PLUGIN in plugins else None
    if not isinstance(plugins, list):
        return None
    for i, item in enumerate(plugins):
        if item == I18N_PLUGIN:
            return {}, (*plugins_path, i)
        if isinstance(item, dict) and I18N_PLUGIN in item:
            return item[I18N_PLUGIN], (*plugins_path, i, I18N_PLUGIN)
    return None


def _describe(value: Any) -> str:
    return "nothing" if value is None else "a block of keys" if isinstance(value, dict) \
        else repr(value)
