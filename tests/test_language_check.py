"""The language guide and its check: matching inflected forms in Danish and English, leaving
quotations alone, ``language-ok`` markers, ``kits check`` (and ``--strict-language``), the
guide's own format, and the real content passing the check.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLES
from kitsite.cli.main import main
from kitsite.content.language_check import check_kit_doc, find_terms, may_hold_terms
from kitsite.content.language_guide import GUIDE_FILE, LanguageGuide, Term
from kitsite.content.loading import load_library
from kitsite.content.problems import errors
from kitsite.content.yamldoc import parse_yaml
from kitsite.render.pages import PageRenderer


def guide(language: str, *terms: tuple[str, list[str]]) -> LanguageGuide:
    """A tiny guide: each term is (id, forms)."""
    return LanguageGuide(
        language=language, path=Path("guide.yml"), title="t", description="d", intro="i",
        principles=(),
        terms=tuple(Term(id=tid, avoid=tid, forms=tuple(forms), instead=("x",), why="w",
                         based_on=(), line=1) for tid, forms in terms),
    )


ENGLISH = guide(
    "en",
    ("schizophrenic", ["schizophrenic", "schizophrenics"]),
    ("suffers-from", ["suffer from", "suffers from", "suffered from", "suffering from"]),
    ("crazy", ["craz*"]),
    ("committed-suicide", ["committed suicide"]),
)
DANISH = guide(
    "da",
    ("schizophrenic", ["skizofren", "skizofrene", "skizofrent"]),
    ("suffers-from", ["lider af", "led af", "har lidt af"]),
    ("crazy", ["sindssyg", "sindssyge", "sindssygt"]),
)


def found(text: str, language_guide: LanguageGuide) -> list[str]:
    return [f.text for f in find_terms(text, language_guide)]


# --- matching ------------------------------------------------------------------------------

def test_english_inflections_across_case_and_line_breaks() -> None:
    text = ("Schizophrenics and a schizophrenic man. She SUFFERED\n   from it; he is "
            "suffering from it. The craziest idea.")
    assert found(text, ENGLISH) == ["Schizophrenics", "schizophrenic", "SUFFERED from",
                                    "suffering from", "craziest"]


def test_english_whole_words_only() -> None:
    text = "Schizophrenia is a diagnosis. Four trusts committed to the activity."
    assert found(text, ENGLISH) == []


def test_danish_inflections() -> None:
    text = ("De skizofrene patienter. Det er skizofrent. Han lider af angst og led af "
            "depression; hun har lidt af angst. Det var sindssygt travlt.")
    assert found(text, DANISH) == ["skizofrene", "skizofrent", "lider af", "led af",
                                   "har lidt af", "sindssygt"]


def test_danish_whole_words_only() -> None:
    text = "Skizofreni er en diagnose. Det er lidt af en udfordring. Sindssygdom."
    assert found(text, DANISH) == []


@pytest.mark.parametrize("quoted", [
    'He said "you are crazy" and left.',
    "He said “you are crazy” and left.",
    "Han sagde »du er sindssyg« og gik.",
    "Han sagde „du er sindssyg“ og gik.",
    "Han sagde ”du er sindssyg” og gik.",
    "Before.\n> I am not crazy,\n> she said.\nAfter.",
    "Before.\n> Jeg er ikke sindssyg.\nAfter.",
])
def test_quotations_are_the_speakers_words(quoted: str) -> None:
    language_guide = DANISH if "sindssyg" in quoted else ENGLISH
    assert found(quoted, language_guide) == []
    assert len(found(quoted + " Crazy sindssyg.", language_guide)) == 1  # outside: flagged


def test_a_quotation_ends_with_its_paragraph() -> None:
    assert found('He said "hello.\n\nIt was crazy.', ENGLISH) == ["crazy"]


def test_code_and_links_are_not_prose() -> None:
    text = "Use `crazy` in code, [a link](https://example.org/crazy-ideas) or <!-- crazy -->."
    assert found(text, ENGLISH) == []


# --- kits check on a sample project ----------------------------------------------------------

@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """tests/samples/language with the real guides and labels, as the working directory."""
    target = tmp_path / "language"
    shutil.copytree(SAMPLES / "language", target)
    for lang in ("da", "en"):
        for name in (GUIDE_FILE, "labels.yml"):
            shutil.copy(ROOT / "content" / lang / name, target / "content" / lang / name)
    monkeypatch.chdir(target)
    return target


EXPECTED = [
    'content/da/kits/words-kit.yml:8: warning: about: "skizofrene" — say "en person med '
    'skizofreni" or "et menneske, der har skizofreni" instead (language guide: En skizofren, '
    'en skizofreniker)',
    'content/da/kits/words-kit.yml:18: warning: videos[0].description: "har lidt af" — say '
    '"har", "lever med" or "har erfaring med" instead (language guide: Lider af)',
    'content/da/kits/words-kit.yml:21: warning: videos[0].questions[0]: "sindssygt" — say '
    '"utrolig", "kaotisk", "absurd" or "vild" instead (language guide: Sindssyg, vanvittig, '
    'tosset (i overført betydning))',
    'content/en/kits/words-kit.yml:18: warning: videos[0].description: "schizophrenic" — say '
    '"a person with schizophrenia" or "someone who has schizophrenia" instead '
    '(language guide: A schizophrenic)',
    'content/en/kits/words-kit.yml:21: warning: videos[0].questions[0]: "suffered from" — say '
    '"lives with", "has" or "has experience of" instead (language guide: Suffers from, is '
    'afflicted by)',
    'content/en/kits/words-kit.yml:34: warning: sections[0].body: "Schizophrenics" — say '
    '"a person with schizophrenia" or "someone who has schizophrenia" instead '
    '(language guide: A schizophrenic)',
    "content/en/kits/words-kit.yml:35: warning: expected a reason after 'language-ok:', found "
    "none — say why this use is right here: # language-ok: <why this use is right here>",
    'content/en/kits/words-kit.yml:37: warning: sections[1].body: "lunatic" — say "a person '
    'with a mental illness" or "a person in crisis" instead (language guide: Lunatic, nutter, '
    'madman)',
    'docs/da/index.md:6: warning: "lider af" — say "har", "lever med" or "har erfaring med" '
    'instead (language guide: Lider af)',
    'docs/en/index.md:6: warning: "suffer from" — say "lives with", "has" or "has experience '
    'of" instead (language guide: Suffers from, is afflicted by)',
]


def test_kits_check_warns_with_file_line_term_and_alternatives(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["check", "--content", "content"])
    out = capsys.readouterr().out.splitlines()
    assert code == 0  # warnings do not fail the check
    assert out[: len(EXPECTED)] == EXPECTED  # and nothing else: quotations, markers, docs
    assert out[len(EXPECTED)].startswith("language guide: rephrase each use above")
    assert out[-1] == f"content OK: 2 kit files in 2 languages, {len(EXPECTED)} warnings"


def test_strict_language_turns_the_warnings_into_errors(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["check", "--content", "content", "--strict-language"])
    out = capsys.readouterr().out.splitlines()
    assert code == 1
    assert out[3] == EXPECTED[3].replace(": warning: ", ": ")
    assert out[-1] == f"{len(EXPECTED)} errors"


def test_a_deliberate_schizophrenic_in_a_kit_is_flagged_with_file_and_line(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kit = project / "content" / "en" / "kits" / "words-kit.yml"
    lines = kit.read_text(encoding="utf-8").splitlines()
    assert lines[2] == "title: A kit with words to check"
    lines[2] = "title: Working with a schizophrenic"
    kit.write_text("\n".join(lines) + "\n", encoding="utf-8")
    main(["check", "--content", "content"])
    assert ('content/en/kits/words-kit.yml:3: warning: title: "schizophrenic" — say "a person '
            'with schizophrenia" or "someone who has schizophrenia" instead (language guide: '
            'A schizophrenic)') in capsys.readouterr().out.splitlines()


def test_a_justified_use_in_a_page_is_left_alone_and_a_new_one_is_not(project: Path) -> None:
    page = project / "docs" / "en" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nThat was insane.\n", "utf-8")
    warnings = load_library(project / "content").language_warnings
    in_page = [(p.line, p.message.split(" — ")[0]) for p in warnings if p.path == page]
    assert in_page == [(6, '"suffer from"'), (15, '"insane"')]  # not line 11 (language-ok)


def test_a_marker_inside_a_text_is_reported_because_readers_would_see_it(
    project: Path,
) -> None:
    kit = project / "content" / "en" / "kits" / "words-kit.yml"
    kit.write_text(kit.read_text(encoding="utf-8").replace(
        "      Schizophrenics were once kept apart.",
        "      Schizophrenics were once kept apart. # language-ok: history"), "utf-8")
    warnings = load_library(project / "content").language_warnings
    assert any(p.line == 33 and p.key == "sections[0].body" and "readers would see"
               in p.message for p in warnings)
    # a marker readers would see justifies nothing
    assert any(p.line == 34 and '"Schizophrenics"' in p.message for p in warnings)


def test_mkdocs_build_shows_the_warnings_without_failing_and_has_the_page(
    project: Path, tmp_path: Path
) -> None:
    (project / "mkdocs.yml").write_text(
        (project / "mkdocs.yml").read_text().replace("../../../", f"{ROOT}/"))
    site = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
        capture_output=True, text=True, cwd=project, check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr
    assert ('content/en/kits/words-kit.yml:18: warning: videos[0].description: '
            '"schizophrenic"') in result.stderr
    danish = (site / "words" / "index.html").read_text(encoding="utf-8")
    english = (site / "en" / "words" / "index.html").read_text(encoding="utf-8")
    assert "<h1" in danish and "Ord betyder noget" in danish
    assert '<html lang="en"' in english and "a person with schizophrenia" in english
    assert '<meta name="description" content="Words that reduce a person' in english


# --- the guide itself and the real content ---------------------------------------------------

def test_the_real_content_passes_and_the_guides_are_not_checked() -> None:
    result = load_library(ROOT / "content")
    assert set(result.guides) == {"da", "en"}
    assert not [p for p in result.problems if p.path.name == GUIDE_FILE]
    # the guides list the terms on purpose; they are not kit text or pages
    assert "schizophrenic" in (ROOT / "content" / "en" / GUIDE_FILE).read_text("utf-8")
    assert [p.format() for p in result.language_warnings] == []


def test_every_guide_entry_matches_its_own_avoided_words() -> None:
    for language_guide in load_library(ROOT / "content").guides.values():
        for term in language_guide.terms:
            assert find_terms(term.forms[0], language_guide), (language_guide.language, term.id)
            for principle in term.based_on:
                assert language_guide.principle(principle)


def _with_endings(form: str) -> str:
    """A form as a writer might type it: a ``*`` stem with an ending, in another case."""
    return " ".join(word[:-1] + "ede" if word.endswith("*") else word
                    for word in form.split()).upper()


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_quick_word_lookup_never_hides_a_form(language: str) -> None:
    """Texts are looked up word by word before the full pattern runs: every form of the real
    guide, in capitals, across a line break, with an ending, must still be found, in a text
    and in a kit file (whose text is first searched as a whole)."""
    language_guide = load_library(ROOT / "content").guides[language]
    for term in language_guide.terms:
        for form in term.forms:
            typed = _with_endings(form).replace(" ", "\n  ", 1)
            text = f"Før: {typed}. Efter."
            assert [f.term.id for f in find_terms(text, language_guide)] == [term.id], form
            source = f"title: >-\n  Før: {typed}.\n"
            doc = parse_yaml(Path("kit.yml"), source, [])
            assert doc is not None
            lines = [p.line for p in check_kit_doc(doc, language_guide)]
            assert lines == [2], form  # the line where the words begin


def test_a_text_without_the_words_of_any_form_is_not_scanned() -> None:
    # "en psykisk syg" needs all three words; "sygdom" is not "syg"
    danish = load_library(ROOT / "content").guides["da"]
    assert not may_hold_terms("En bruger med psykisk sygdom led ikke.", danish)
    assert may_hold_terms("Hun mødte en psykisk syg mand.", danish)
    assert may_hold_terms("CRAZIEST", ENGLISH)  # a * form: any ending, any case


def test_the_words_page_is_generated_in_both_languages() -> None:
    library = load_library(ROOT / "content").library
    renderer = PageRenderer(library, ROOT / "templates")
    for lang, title, alternative in (("da", "Ord betyder noget", "en person med skizofreni"),
                                     ("en", "Words matter", "a person with schizophrenia")):
        page = next(p for p in renderer.render_language(lang) if p.src_uri == "words.md")
        assert page.markdown.startswith(f'---\ntitle: "{title}"\ndescription: "')
        assert f"\n# {title}\n" in page.markdown
        assert f"*{alternative}*" in page.markdown
        assert "{ #schizophrenic }" in page.markdown and "(#principle-diagnosis)" in page.markdown


BROKEN_GUIDE = """\
title: Words matter
description: A test guide.
intro: Intro.
terms:
  - id: crazy
    avoid: Crazy
    forms: [crazy, "craz(y)"]
    instead: [wild]
    why: Why.
    based_on: [tone]
  - id: crazy
    avoid: Insane
    forms: [insane, Crazy]
    why: Why.
principles:
  - id: diagnosis
    title: A diagnosis does not define a person
    quote: a diagnosis does not define a person
    source: ONE OF US
"""


def test_a_broken_guide_reports_every_problem_at_once_with_file_and_line(
    project: Path,
) -> None:
    path = project / "content" / "en" / GUIDE_FILE
    path.write_text(BROKEN_GUIDE, encoding="utf-8")
    result = load_library(project / "content")
    messages = [p.format(relative_to=project) for p in sorted(errors(result.problems))]
    assert messages == [
        "content/en/language-guide.yml:7: terms[0].forms[1]: expected words made of letters "
        "(a '*' may end a word), found 'craz(y)' in 'craz(y)' — write each form out, like: "
        "suffers from",
        "content/en/language-guide.yml:10: terms[0].based_on[0]: expected the id of one of the "
        "guide's principles, found 'tone' — use one of: diagnosis",
        "content/en/language-guide.yml:11: terms[1].id: expected an id no other entry of terms "
        "uses, found 'crazy', which terms[0] (line 5) already has — give each entry its own id",
        "content/en/language-guide.yml:11: terms[1].instead: expected the key 'instead' in a "
        "term (what to say instead, best first), found none — add a line like: instead: "
        "[a person with schizophrenia, someone who has schizophrenia]",
        "content/en/language-guide.yml:13: terms[1].forms[1]: expected each form under one "
        "entry only, found 'Crazy', which terms[0] ('crazy') also lists — keep it under one "
        "entry",
    ]
    assert "en" not in result.guides

    fixed = BROKEN_GUIDE.replace("    forms: [insane, Crazy]\n",
                                 "    forms: [insane, Crazy]\n    instead: [absurd]\n")
    path.write_text(fixed, encoding="utf-8")
    assert len(errors(load_library(project / "content").problems)) == 4
