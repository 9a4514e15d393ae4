"""A copy never passes as a translation (issue 11, defect 6): following `kits status`'s own
advice, a translator adding Swedish copies another language's kit file — with its
translated_from blocks — to content/sv/kits/. Until its texts are translated, `kits status`
says so and the Swedish site shows the kit as not translated, marked with the language shown.
"""

from __future__ import annotations

import re

from scenarios.conftest import Project
from scenarios.languages import add_swedish

KIT = "dialogue-kickstarter"


def test_a_copied_kit_file_is_not_a_translation(project: Project) -> None:
    add_swedish(project)
    advice = project.kits(f"status --kit {KIT} --lang sv").stdout
    match = re.search(r"copy (content/\w+/kits/[\w-]+\.yml) to (content/sv/kits/)", advice)
    assert match is not None, advice
    source = match.group(1)
    project.path("content/sv/kits").mkdir(parents=True, exist_ok=True)
    project.copy(source, f"content/sv/kits/{KIT}.yml")
    assert "translated_from:" in project.read(f"content/sv/kits/{KIT}.yml")

    output = project.kits(f"status --kit {KIT} --lang sv").stdout
    assert "  sv: up to date" not in output
    assert "not translated —" in output and "word for word" in output
    assert project.kits("status --check", ok=False).returncode == 1

    project.run("make site")
    page = project.page(f"/sv/kits/{KIT}/")
    assert page.lang == "sv"
    assert page.notices(), "the copy is served as Swedish with no notice"
    title = page.article.h1
    assert title is not None and page.lang_of(title.get_text()) != "sv"
    video = project.page(f"/sv/kits/{KIT}/hope/")
    assert video.notices() and video.lang_of(video.questions()[0]) != "sv"
