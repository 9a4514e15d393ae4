"""The translator's guide's "Adding a language" (docs/en/translators.md), step by step, as a
translator does it on a copy of the project: the edits of steps 1 to 3 as text, in the files the
guide names. Step 4 (the pages and kits to translate) is each scenario's own.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from scenarios.conftest import Project

I18N_LAST_LANGUAGE = "          site_name: ONE OF US · materials for staff\n"
"""The end of the last language under the i18n plugin's ``languages`` in mkdocs.yml."""


def add_language(project: Project, code: str, name: str, site_name: str,
                 names: dict[str, str], labels: dict[str, Any]) -> None:
    """Steps 1-3 of the guide for the language ``code`` (called ``name`` in the switcher,
    ``site_name`` in its header).

    ``names``: what each existing language's labels call the new one (``{"da": "svensk"}``);
    ``labels``: the new language's labels that differ from the English copy (its translation).
    """
    # 1. content/site.yml: add the code to `languages`
    site_yml = project.read("content/site.yml")
    listed = next(line for line in site_yml.splitlines() if line.startswith("languages:"))
    project.replace("content/site.yml", listed, listed.replace("]", f", {code}]"))
    # 2. mkdocs.yml: the language under the i18n plugin's `languages`
    project.replace("mkdocs.yml", I18N_LAST_LANGUAGE,
                    f"{I18N_LAST_LANGUAGE}        - locale: {code}\n"
                    f"          name: {name}\n          build: true\n"
                    f"          site_name: {site_name}\n")
    # 3. content/<code>/labels.yml: a copy of the English labels, translated; and the new
    #    language's name added to `language_names` in every language's labels
    for lang, called in names.items():
        old = next(line for line in project.read(f"content/{lang}/labels.yml").splitlines()
                   if line.startswith("language_names: {"))
        project.replace(f"content/{lang}/labels.yml", old,
                        old.replace("}", f", {code}: {called}}}"))
    copied = yaml.safe_load(project.read("content/en/labels.yml"))
    project.write(f"content/{code}/labels.yml",
                  yaml.safe_dump({**copied, **labels}, allow_unicode=True, sort_keys=False,
                                 width=100))


SWEDISH_LABELS: dict[str, Any] = {
    "language_name": "Svenska",
    "language_names": {"da": "danska", "en": "engelska", "sv": "svenska"},
    "kits_title": "Material",
    "not_translated": "Den här sidan är ännu inte översatt till svenska. Den visas på {language}.",
    "video_not_translated": "Den här videon är ännu inte översatt till svenska. Den visas på "
                            "{language}.",
    "text_not_translated": "Den här texten är ännu inte översatt till svenska. Den visas på "
                           "{language}.",
    "words_terms_heading": "Ord att undvika, och vad man kan säga i stället",
}


def add_swedish(project: Project) -> None:
    """Swedish as the guide's example adds it: configuration, labels and a home page."""
    add_language(project, "sv", "Svenska", "EN AV OSS · material för personal",
                 {"da": "svensk", "en": "Swedish"}, SWEDISH_LABELS)
    project.write("docs/sv/index.md",
                  "# Material mot stigma inom vård och omsorg\n\n"
                  "Materialet hjälper personalgrupper att samtala om psykisk ohälsa.\n\n"
                  "- [Välj ett material](kits/index.md)\n")


ARABIC = Path(__file__).resolve().parent / "arabic"
"""The Arabic translation a translator would write: labels and a home page."""


def add_arabic(project: Project) -> None:
    """Arabic, written right to left, added exactly like any other language."""
    add_language(project, "ar", "العربية", "واحد منا · مواد للعاملين",
                 {"da": "arabisk", "en": "Arabic"},
                 yaml.safe_load((ARABIC / "labels.yml").read_text(encoding="utf-8")))
    project.write("docs/ar/index.md", (ARABIC / "index.md").read_text(encoding="utf-8"))
