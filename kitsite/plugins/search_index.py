"""One search index per language, so that readers only find pages in their own language.

Owns: splitting the search index that MkDocs' search plugin writes (mkdocs-static-i18n stacks
every language's pages into ``search/search_index.json``) into one index per language:
``search/search_index.json`` for the default language and ``<lang>/search/search_index.json``
for each other, each with locations relative to its language's folder and its own ``lang``
setting, so that the search worker stems words as that language does (``lunr.da`` for Danish).
The index holds the words as written, and the worker looks up the stem of each word typed as a
prefix ("patienternes" -> "patient*"); that works where stemmers cut endings only. Where they
cut beginnings too (Arabic's stemmer takes off the article and other prefixes: "الوصمة" ->
"وصم"), a stem is no prefix of the word, so that language's index is stemmed as well.
When Material's offline plugin has written ``search_index.js`` (the index as a script, for
``file://``), each language gets that too. Plain JSON and files: no MkDocs.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

INDEX = Path("search") / "search_index.json"
STEMMERS = Path("assets") / "javascripts" / "lunr" / "min"
"""Where Material ships a stemmer per language: ``lunr.<lang>.min.js``."""
STEMMED_INDEX = frozenset({"ar"})
"""Languages whose lunr stemmer cuts the beginnings of words: their index is stemmed too."""


def language_of(location: str, languages: Sequence[str], default: str) -> str:
    """The language of a page from its location: ``en/kits/`` is English, ``kits/`` default."""
    first = location.split("/", 1)[0].split("#", 1)[0]
    return first if first in languages and first != default else default


def split_index(
    index: dict[str, Any], languages: Sequence[str], default: str, stemmed: Sequence[str]
) -> dict[str, dict[str, Any]]:
    """Each language's index: its own entries, located relative to its folder."""
    parts: dict[str, dict[str, Any]] = {}
    for lang in languages:
        config = copy.deepcopy(index.get("config") or {})
        config["lang"] = [lang if lang in stemmed else "en"]
        if lang in stemmed and lang in STEMMED_INDEX:
            config["pipeline"] = list(dict.fromkeys([*config.get("pipeline", []), "stemmer"]))
        parts[lang] = {"config": config, "docs": []}
    for entry in index.get("docs") or []:
        lang = language_of(str(entry.get("location", "")), languages, default)
        if lang not in parts:
            continue
        moved = dict(entry)
        if lang != default:
            moved["location"] = str(entry["location"])[len(lang) + 1:]
        parts[lang]["docs"].append(moved)
    return parts


def write_language_indexes(site_dir: Path, languages: Sequence[str], default: str) -> list[Path]:
    """Replace the stacked index under ``site_dir`` by one index per language."""
    source = site_dir / INDEX
    if not source.exists():
        return []
    index = json.loads(source.read_text(encoding="utf-8"))
    stemmed = [lang for lang in languages
               if lang == "en" or (site_dir / STEMMERS / f"lunr.{lang}.min.js").exists()]
    inline = (site_dir / INDEX).with_suffix(".js").exists()  # Material's offline plugin
    written = []
    for lang, part in split_index(index, languages, default, stemmed).items():
        target = site_dir / (INDEX if lang == default else Path(lang) / INDEX)
        target.parent.mkdir(parents=True, exist_ok=True)
        data = json.dumps(part, ensure_ascii=False, separators=(",", ":"))
        target.write_text(data, encoding="utf-8")
        written.append(target)
        if inline:  # read from file://, where the index is a script: var __index = {...}
            target.with_suffix(".js").write_text(f"var __index = {data}", encoding="utf-8")
            written.append(target.with_suffix(".js"))
    return written
