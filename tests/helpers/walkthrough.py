"""The translation walk-through shared by the model, status and build tests: edits of the
``translation`` sample that leave a gap of each kind."""

from __future__ import annotations

from pathlib import Path


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def strip_records(text: str) -> str:
    """``text`` without its translated_from blocks."""
    out: list[str] = []
    block_indent: int | None = None
    for line in text.splitlines(keepends=True):
        indent = len(line) - len(line.lstrip())
        if block_indent is not None and line.strip() and indent > block_indent:
            continue
        block_indent = indent if line.strip() == "translated_from:" else None
        if block_indent is None:
            out.append(line)
    return "".join(out)


def walkthrough_edits(project: Path) -> None:
    """Delete a Danish question, change an English description, add an English question and
    an English-only video."""
    content = project / "content"
    edit(content / "da" / "kits" / "sample-kit.yml",
         "      - Kan du genkende situationerne i videoen?\n", "")
    edit(content / "en" / "kits" / "sample-kit.yml",
         "    description: The second video is about the questions patients ask.",
         "    description: The second video is about the questions patients and relatives ask.")
    edit(content / "en" / "kits" / "sample-kit.yml",
         "      - Which questions do patients ask you?\n",
         "      - Which questions do patients ask you?\n      - Who else should hear this?\n")
    edit(content / "en" / "kits" / "sample-kit.yml", "sections:\n", THIRD_VIDEO + "sections:\n")


THIRD_VIDEO = """\
  - id: third
    title: Third video
    duration: "2:30"
    description: A video added in English only.
    questions:
      - What did you notice?
"""
