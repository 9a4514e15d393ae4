"""What a hostile or careless pull request could add, on a copy of the real project, driven by
the commands people (and a CI runner) type: the check and the build refuse it with the file and
line, and nothing from outside the project reaches ``site/``.

Symlinks are made here, at run time, not committed.
"""

from __future__ import annotations

import os

from scenarios.conftest import Project

KIT = "content/en/kits/start-the-dialogue.yml"
PASSWD_LINE = "root:x:0:0"


def no_site(project: Project) -> bool:
    return not project.path("site").exists() and not project.path("site.new").exists()


def test_captions_that_are_a_symlink_to_etc_passwd_are_never_published(
        project: Project) -> None:
    project.replace(KIT, "    questions:\n      - Is there any situation",
                    "    video:\n      file: videos/hope.mp4\n"
                    "      captions: {en: videos/hope.en.vtt}\n"
                    "    questions:\n      - Is there any situation")
    project.write("docs/en/videos/hope.mp4", "not really a video\n")
    os.symlink("/etc/passwd", project.path("docs/en/videos/hope.en.vtt"))
    symlink = ("docs/en/videos/hope.en.vtt:1: expected files of the project only, found a "
               "symlink to /etc/passwd, outside the project — put the file itself here")
    captions = (f"{KIT}:{project.line_of(KIT, 'captions:')}: videos[0].video.captions.en: "
                "expected a file inside docs/en/ (a path like videos/hope.en.vtt), found "
                "'videos/hope.en.vtt', but docs/en/videos/hope.en.vtt is a symlink to "
                "/etc/passwd, outside docs/en/")

    check = project.run("make check", ok=False)
    assert symlink in check.stdout and captions in check.stdout
    built = project.run("make site", ok=False)
    assert symlink in built.output and no_site(project)
    # a CI runner that calls MkDocs itself is refused too
    mkdocs = project.run(".venv/bin/mkdocs build --strict", ok=False)
    assert symlink in mkdocs.output and captions in mkdocs.output
    assert no_site(project) and PASSWD_LINE not in mkdocs.output + built.output


def test_a_symlink_out_of_the_project_in_the_theme_overrides_stops_the_build(
        project: Project) -> None:
    """``kits check`` reads content and docs; MkDocs also copies the theme's ``custom_dir``
    (overrides/), and the kits plugin refuses any file it is about to copy from there."""
    os.symlink("/etc/passwd", project.path("overrides/assets/stylesheets/extra.css"))
    built = project.run("make site", ok=False)
    assert ("overrides/assets/stylesheets/extra.css:1: expected files of the project only, "
            "found a symlink to /etc/passwd, outside the project") in built.output
    assert no_site(project) and PASSWD_LINE not in built.output


def test_a_hand_written_page_at_a_kit_or_video_pages_address_stops_the_build(
        project: Project) -> None:
    project.write("docs/en/kits/start-the-dialogue/index.md", "# My own kit page\n")
    project.write("docs/en/kits/start-the-dialogue/hope-and-recognition.md", "# Mine\n")
    kit_page = ("docs/en/kits/start-the-dialogue/index.md:1: expected no generated page at "
                "this page's address, found the kit page at /en/kits/start-the-dialogue/, "
                f"which {KIT}:{project.line_of(KIT, 'id: start-the-dialogue')} generates")
    video_page = ("docs/en/kits/start-the-dialogue/hope-and-recognition.md:1: expected no "
                  "generated page at this page's address, found the page of video "
                  "'hope-and-recognition' at /en/kits/start-the-dialogue/hope-and-recognition/, "
                  f"which {KIT}:{project.line_of(KIT, 'id: hope-and-recognition')} generates")
    check = project.run("make check", ok=False)
    assert kit_page in check.stdout and video_page in check.stdout
    built = project.run("make site", ok=False)
    assert kit_page in built.output and no_site(project)
