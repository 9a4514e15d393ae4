"""The words generated pages show readers: ``content/<lang>/labels.yml``.

Owns: the one description of every label (:data:`LABELS`: its key, what it is for, the
placeholders it may use, whether it is plural) and what is derived from it — the check of each
language's file (every label present, no unknown key, only allowed placeholders, exactly the
plural categories CLDR gives the language) — and the only way a label is filled in:
:func:`fill` replaces ``{name}`` by a value and evaluates nothing, and :func:`plural` picks the
form CLDR's rules give a count in the language.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml

from kitsite.content.languages import (
    english_name,
    fraction_categories,
    plural_categories,
    plural_category,
)
from kitsite.content.problems import Problem
from kitsite.content.spec import FieldSpec
from kitsite.content.validate import check_fields, closest, problem_at
from kitsite.content.yamldoc import KeyPath, YamlDoc, load_yaml

LABELS_FILE = "labels.yml"
DOCUMENT = "the labels"

Form = Literal["text", "plural", "language_names", "block"]


@dataclass(frozen=True)
class LabelSpec:
    """One label: its key, what it is for, and what the site fills into it."""

    key: str
    help: str
    example: str
    """The English label, as an example in messages."""
    placeholders: tuple[str, ...] = ()
    """The ``{name}`` placeholders the label may use; the site fills in nothing else."""
    form: Form = "text"
    """``text``; ``plural``: one text per CLDR plural category, filled with ``{n}``;
    ``language_names``: a name per language code; ``block``: a text for each of ``keys``."""
    keys: tuple[str, ...] = ()


def _text(key: str, help_text: str, example: str, *placeholders: str) -> LabelSpec:
    return LabelSpec(key, help_text, example, placeholders)


def _plural(key: str, help_text: str, one: str, other: str) -> LabelSpec:
    return LabelSpec(key, help_text, f'{{one: "{one}", other: "{other}"}}', ("n",), "plural")


LABELS: tuple[LabelSpec, ...] = (
    _text("language_name", "This language's name for itself, in the language menu and where "
          "another language's labels do not name it.", "English"),
    LabelSpec("language_names", "The names of languages in this language, in notices like "
              "'shown in Danish'; a language not named here is called by its own "
              "language_name.", "{da: Danish, en: English}", form="language_names"),
    _text("kits_title", "Title of the kit list.", "Kits"),
    _text("kits_description", "The kit list's description for search engines.",
          "Every training kit for staff in health and social services."),
    _text("kits_intro", "The text at the top of the kit list.",
          "Each kit is a set of short videos with questions for debate."),
    _plural("minute", "Minutes, as screen readers say a video's length.",
            "{n} minute", "{n} minutes"),
    _plural("second", "Seconds, as screen readers say a video's length.",
            "{n} second", "{n} seconds"),
    _plural("videos_count", "How many videos a kit has.", "{n} video", "{n} videos"),
    _plural("questions_count", "How many questions for debate.", "{n} question",
            "{n} questions"),
    _text("for_whom", "Before who a kit is for.", "For"),
    _text("made_by", "Before the campaign that made a kit.", "Made by"),
    _text("made_with", "Before a kit's partners.", "Made with"),
    _text("total_video_time", "Before a kit's number of videos and their length.",
          "Total video time"),
    _text("duration", "Before a video's length.", "Duration"),
    _text("videos_heading", "Heading of a kit's videos.", "Videos"),
    _text("questions_heading", "Heading of a video's questions.", "Questions for debate"),
    _text("session_heading", "Heading of a kit's suggested session plan.",
          "Suggested session plan"),
    _text("session_about", "The session's length; {minutes}: its minutes.",
          "About {minutes} minutes", "minutes"),
    _text("session_explained", "How the session's length is made up; {video_minutes}: minutes "
          "of video, {questions}: the number of questions (from questions_count), "
          "{per_question}: minutes of discussion per question.",
          "{video_minutes} minutes of video and {questions} with about {per_question} minutes "
          "of discussion each.", "video_minutes", "questions", "per_question"),
    _text("session_step", "One step of the session plan; {title}: the video's title, in this "
          "language's quotation marks (the quotes label), {duration}: its length, {questions}: "
          "the number of questions, {minutes}: the step's minutes.",
          "Watch {title} ({duration}), then discuss {questions}: about {minutes} minutes.",
          "title", "duration", "questions", "minutes"),
    _text("session_welcome_step", "A session plan's welcome; {minutes}: its minutes.",
          "Welcome: about {minutes} minutes.", "minutes"),
    _text("session_closing_step", "A session plan's closing; {minutes}: its minutes.",
          "Closing: about {minutes} minutes.", "minutes"),
    _text("session_packages", "Before the packages (presets) a kit suggests.",
          "Packages"),
    _text("session_run", "The link from a kit page to its session page.",
          "Run a session"),
    _text("session_run_hint", "Under the link to the session page.",
          "Agenda, projector view, facilitator view and question cards"),
    _text("session_title", "Title of a kit's session page; {kit}: the kit's title.",
          "Run a session: {kit}", "kit"),
    _text("session_description",
          "The session page's description for search engines; {kit}: the kit.",
          "Plan and run a session with {kit}: agenda, projector view and question cards.", "kit"),
    _text("session_intro", "At the top of the session page.",
          "Choose a package and a start time, leave out what you do not need, and change the "
          "minutes: the times follow. Then show the session on the room's screen, one step at a "
          "time, and follow it in the facilitator view on your own screen."),
    _text("session_preset", "Label of the choice of package.",
          "Package"),
    _text("session_whole_kit", "The one package of a kit that defines none.",
          "The whole kit"),
    _text("session_start_time", "Label of the session's start time.",
          "Start time"),
    _text("session_minutes_per_question", "Label of the minutes of discussion per question.",
          "Minutes per question"),
    _text("session_agenda_heading", "Heading of the agenda.",
          "Agenda"),
    _text("session_time", "Column heading: when a step starts.",
          "Time"),
    _text("session_step_column", "Column heading: the step.",
          "Step"),
    _text("session_minutes", "Column heading: a step's minutes.",
          "Minutes"),
    _text("session_include", "Column heading: whether a step is in the session.",
          "Include"),
    _text("session_welcome", "The welcome step.",
          "Welcome"),
    _text("session_closing", "The closing step.",
          "Closing"),
    _text("session_watch", "A video step; {title}: the video's title.",
          "Watch: {title}", "title"),
    _text("session_question", "A question step; {number}: its number in its video.",
          "Question {number}", "number"),
    _text("session_ends", "After the agenda; {time}: when the session ends, {minutes}: its length.",
          "Ends at {time} — {minutes} minutes in all.", "time", "minutes"),
    _text("session_projector", "Button that starts the projector view.",
          "Start the projector view"),
    _text("session_facilitator", "Link to the facilitator view.",
          "Facilitator view — open it in another tab or window"),
    _text("session_keys", "How to move in the projector view.",
          "Arrow keys, Page Up/Page Down or space move; Esc leaves."),
    _text("session_both_languages", "Toggle that shows each question in every language.",
          "Questions in both languages"),
    _text("session_previous", "Button: the previous step.",
          "Previous"),
    _text("session_next", "Button: the next step.",
          "Next"),
    _text("session_leave", "Button that leaves the projector view.",
          "Leave"),
    _text("session_step_of", "Where the session is; {number}: the step, {count}: the steps.",
          "Step {number} of {count}", "number", "count"),
    _text("session_time_left", "Before the discussion timer.",
          "Time left"),
    _text("session_time_up", "When a question's minutes are over.",
          "Time is up — go on when you are ready"),
    _text("session_restart_timer", "Button that starts a question's timer again.",
          "Restart the timer"),
    _text("session_pause_timer", "Toggle button that pauses a question's timer and, pressed "
          "again, lets it run on (screen readers say whether it is pressed).",
          "Pause the timer"),
    _text("session_timer_paused", "After the timer while it is paused, in brackets.",
          "(paused)"),
    _text("session_welcome_text", "On the projector's welcome step.",
          "Welcome. Today we watch short videos together and talk about them."),
    _text("session_closing_text", "On the projector's closing step.",
          "Thank you for today. What will you take with you?"),
    _text("session_facilitator_title", "Title of the facilitator view; {kit}: the kit.",
          "Facilitator view: {kit}", "kit"),
    _text("session_facilitator_intro", "At the top of the facilitator view.",
          "Keep this on your own screen. It follows the projector view and moves it: arrow keys, "
          "Page Up/Page Down or space."),
    _text("session_now", "Heading: the step on the screen now.",
          "Now"),
    _text("session_then", "Heading: the step after it.",
          "Next"),
    _text("session_remaining", "Heading: the steps still to come.",
          "Still to come"),
    _text("session_not_started", "In the facilitator view before the projector view starts.",
          "The session has not started: start the projector view on the session page."),
    _text("session_notes", "Heading of the facilitator notes.",
          "Facilitator notes"),
    _text("session_kit_notes", "Heading of a kit's own facilitator notes.",
          "About the whole session"),
    _text("session_back", "Link from the facilitator view to the session page.",
          "Back to the session page"),
    _text("session_cards_pdf", "Link to the printable question cards.",
          "Question cards to print (PDF: A6 cards, four to an A4 sheet)"),
    _text("session_sheet_pdf", "Link to the printable facilitator sheet.",
          "Facilitator sheet to print (PDF, one page)"),
    _text("session_cards_title",
          "Title of the page the question cards are printed from; {kit}: the kit.",
          "Question cards: {kit}", "kit"),
    _text("session_card_video",
          "On a card, before the video's title; {number}: the question's number, {count}: the "
          "video's questions.",
          "Question {number} of {count} after the video", "number", "count"),
    _text("no_videos", "On a kit without video cards.",
          "This kit has no video cards. Its material is described below."),
    _text("editorial_title", "Under a title the editors wrote.",
          "The sources give this video no title; the editors wrote this one."),
    _text("video_heading", "Heading of the video on a video page.", "Video"),
    _text("no_video_source", "Where a video is not published on the site.",
          "The video is not published on this site yet."),
    _text("transcript_heading", "Heading of a video's transcript.", "Transcript"),
    _text("previous_video", "Link to the previous video.", "Previous video"),
    _text("next_video", "Link to the next video.", "Next video"),
    _text("back_to_kit", "Link from a video to its kit; {kit}: the kit's title.",
          "All videos in {kit}", "kit"),
    _text("part_of_kit", "Where a video stands in its kit; {number}: its place, {count}: the "
          "kit's number of videos, {kit}: the kit's title.",
          "Video {number} of {count} in {kit}", "number", "count", "kit"),
    _text("sources_heading", "Heading of a kit's sources.", "Sources"),
    _text("not_translated", "Notice on a page shown in another language; {language}: that "
          "language's name.", "This page is not yet translated into English. It is shown in "
          "{language}.", "language"),
    _text("video_not_translated", "Notice on a video shown in another language; {language}: "
          "that language's name.", "This video is not yet translated into English. It is "
          "shown in {language}.", "language"),
    _text("only_in", "On a kit that exists in another language only; {language}: its name.",
          "Available in {language} only", "language"),
    _text("read_in", "Link to the page in another language; {language}: its name.",
          "Read it in {language}", "language"),
    _text("words_terms_heading", "Heading of the language guide's entries.",
          "Words to avoid, and what to say instead"),
    _text("words_instead", "Before what to say instead.", "Say instead"),
    _text("words_based_on", "Before the principles an entry rests on.", "Based on"),
    _text("words_principles_heading", "Heading of the language guide's principles.",
          "What this guide rests on"),
    _text("video_download", "Link to download a video file.", "Download the video"),
    _text("video_external_notice", "Before a video from another service is loaded; {host}: "
          "the service.", "This video is shown by {host}.", "host"),
    _text("video_play_external", "Button that loads a video from another service; {host}: the "
          "service.", "Load the video from {host}", "host"),
    _text("video_open_external", "Link to a video on another service; {host}: the service.",
          "Open the video on {host} instead", "host"),
    _text("handout_pdf", "Link to a kit's printable discussion cards.",
          "Download the discussion cards as a PDF to print"),
    _text("text_not_translated", "Notice on a text shown in another language; {language}: "
          "that language's name.", "This text is not yet translated into English. It is shown "
          "in {language}.", "language"),
    _text("item_not_translated", "After an item shown in another language; {language}: its "
          "name.", "not translated yet, shown in {language}", "language"),
    _text("stale_notice", "Notice on a translation whose source changed; {language}: the "
          "source's language.", "The {language} text has changed since this page was "
          "translated.", "language"),
    _text("stale_short", "On a video card whose source changed; {language}: the source's "
          "language.", "Changed in {language} since it was translated", "language"),
    _text("status_title", "Title of the translation status page.", "Translation status"),
    _text("status_description", "The status page's description for search engines.",
          "How far the translation of the kits has come."),
    _text("status_intro", "The text at the top of the status page.",
          "This page shows the same as the command `kits status`."),
    _text("status_guide", "Link to the translator's guide; {guide}: its address.",
          "How to close the gaps: see the [translator's guide]({guide}).", "guide"),
    _text("status_kit", "Column heading: the kit.", "Kit"),
    _text("status_source", "A kit's language that the others were translated from.",
          "Original"),
    _text("status_up_to_date", "A translation with no gaps.", "Translated and up to date"),
    _plural("status_missing", "How many texts are missing.", "{n} missing", "{n} missing"),
    _plural("status_stale", "How many texts are out of date.", "{n} out of date",
            "{n} out of date"),
    _plural("status_unconfirmed", "How many translations are not confirmed.",
            "{n} not confirmed", "{n} not confirmed"),
    _plural("status_conflict", "How many texts changed in both languages.",
            "{n} changed in both", "{n} changed in both"),
    _plural("status_deleted", "How many texts were deleted in another language.",
            "{n} deleted elsewhere", "{n} deleted elsewhere"),
    _plural("status_reordered", "How many lists were reordered in another language.",
            "{n} reordered elsewhere", "{n} reordered elsewhere"),
    _plural("status_untranslated", "How many texts are copies, not translated yet.",
            "{n} not translated", "{n} not translated"),
    _text("status_totals_heading", "Heading of the totals per language.", "Totals"),
    _text("status_totals", "A language's totals; {up_to_date}, {kits}, {with_gaps}, "
          "{not_translated}: numbers of kits.", "{up_to_date} of {kits} kits translated and "
          "up to date, {with_gaps} with gaps, {not_translated} not translated",
          "up_to_date", "kits", "with_gaps", "not_translated"),
    _text("status_pages_total", "A language's hand-written pages; {present} of {pages}.",
          "{present} of {pages} pages", "present", "pages"),
    _text("status_todo_heading", "Heading of the list of gaps.", "What is left to do"),
    _text("status_field", "Column heading: the field.", "Field"),
    _text("status_what", "Column heading: what is wrong.", "What"),
    _text("status_where", "Column heading: file and line.", "Where (file:line)"),
    LabelSpec("status_kinds", "The kinds of gap, as the status page names them.",
              "{missing: Missing, stale: Stale, conflict: Changed in both, ...}", form="block",
              keys=("missing", "stale", "conflict", "deleted", "reordered", "unconfirmed",
                    "untranslated")),
    _text("status_whole_video", "After a gap that is a whole video.", "the whole video"),
    _text("status_pages_heading", "Heading of the missing hand-written pages.", "Pages"),
    _text("status_page_missing", "A hand-written page this language lacks; {language}: the "
          "language readers see it in.", "Missing – readers see the {language} page",
          "language"),
    _text("status_all_clean", "When every translation is up to date.",
          "Every translation is up to date."),
    LabelSpec("quotes", "The quotation marks of this language, around a title or a text the "
              "generated pages quote (the quote filter): open and close, and inner_open and "
              "inner_close for quotes inside a quote.",
              '{open: "“", close: "”", inner_open: "‘", inner_close: "’"}', form="block",
              keys=("open", "close", "inner_open", "inner_close")),
    # every page's footer (overrides/partials/site-footer.html)
    _text("contributors_heading", "Heading of the footer's links to the contributors' pages.",
          "For contributors"),
    _text("editors_guide", "Footer link to the editor's guide.", "Editor's guide"),
    _text("translators_guide", "Footer link to the translator's guide.", "Translator's guide"),
    _text("published_by", "Before the publisher's name in the footer.", "Published by"),
    _text("contact", "Before how to reach the publisher, in the footer.", "Contact"),
    _text("accessibility_statement", "Footer link to the accessibility statement.",
          "Accessibility statement"),
    _text("theme_credit", "The footer's credit to the theme; {theme}: its name, a link.",
          "Made with {theme}", "theme"),
)
LABEL_SPECS: dict[str, LabelSpec] = {spec.key: spec for spec in LABELS}

_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_BRACES = re.compile(r"\{[^{}\n]*\}|[{}]")


def fill(text: str, **values: object) -> str:
    """``text`` with each ``{name}`` that ``values`` holds replaced by that value as text.

    Nothing else is read or evaluated: ``{minutes.__class__}`` and ``{other}`` stay as written
    (the check of the labels files refuses them), and a value is never filled into again.
    """
    return _PLACEHOLDER.sub(
        lambda match: str(values[match[1]]) if match[1] in values else match[0], text)


def plural(forms: Mapping[str, str], count: int, language: str) -> str:
    """The form of ``forms`` (a plural label) that CLDR's rules give ``count`` in
    ``language``, with ``{n}`` filled in: ``3 videoer``, ``3 filmy``."""
    return fill(forms[plural_category(language, count)], n=count)


def labels_path(content_dir: Path, language: str) -> Path:
    return content_dir / language / LABELS_FILE


def read_labels(content_dir: Path, language: str) -> dict[str, Any]:
    """A language's labels, as checked by :func:`check_labels` (nothing is taken from another
    language). Raises ``ValueError`` with the problems when the file cannot be read."""
    problems: list[Problem] = []
    doc = load_yaml(labels_path(content_dir, language), problems)
    if doc is None or not isinstance(doc.data, dict):
        raise ValueError("\n".join(p.format() for p in problems) or
                         f"{labels_path(content_dir, language)}: expected labels")
    return doc.data


def check_labels(content_dir: Path, languages: tuple[str, ...]) -> list[Problem]:
    """Every problem of the labels file of every language of the site."""
    problems: list[Problem] = []
    for language in languages:
        path = labels_path(content_dir, language)
        source = next((lang for lang in languages if lang != language
                       and labels_path(content_dir, lang).exists()), None)
        copy_from = labels_path(content_dir, source) if source else None
        if not path.exists():
            how = (f"copy {_shown(content_dir, copy_from)} to {_shown(content_dir, path)} and "
                   "translate its values" if copy_from else
                   "create it with a line for each label, like: kits_title: Kits")
            problems.append(Problem(path, 1, "", (
                f"expected the labels of {english_name(language)} (the words generated pages "
                f"show readers), found no file — {how}")))
            continue
        doc = load_yaml(path, problems)
        if doc is not None:
            problems.extend(check_labels_file(
                doc, language, source=_shown(content_dir, copy_from) if copy_from else None))
    return problems


def _shown(content_dir: Path, path: Path | None) -> str:
    """``content/da/labels.yml``: a labels file as messages name it."""
    assert path is not None
    return f"{content_dir.name}/{path.relative_to(content_dir).as_posix()}"


def check_labels_file(doc: YamlDoc, language: str, *,
                      source: str | None = None) -> list[Problem]:
    """Every problem of one parsed labels file of ``language``; ``source`` is another
    language's file to translate missing labels from."""
    problems: list[Problem] = []
    fields = label_fields(language)
    data = doc.data if isinstance(doc.data, dict) else None
    if data is not None:
        missing = [spec for spec in fields if spec.name not in data]
        if missing:
            problems.append(_missing_labels_problem(doc, missing, source))
        fields = tuple(dataclasses.replace(spec, required=False) if spec in missing else spec
                       for spec in fields)
    problems.extend(check_fields(doc, fields, document=DOCUMENT))
    if data is None:
        return problems
    for key, value in data.items():
        spec = LABEL_SPECS.get(key)
        if spec is not None:
            _check_label(doc, spec, value, language, problems)
    return problems


def label_fields(language: str) -> tuple[FieldSpec, ...]:
    """:data:`LABELS` as the field list of ``language``'s file (which :func:`check_fields`
    checks for unknown keys, missing keys and the kind of each value)."""
    return tuple(_field(spec, language) for spec in LABELS)


def _field(spec: LabelSpec, language: str) -> FieldSpec:
    if spec.form == "plural":
        return FieldSpec(spec.key, "plural_forms", True, spec.help,
                         plural_example(spec, language))
    if spec.form == "language_names":
        return FieldSpec(spec.key, "language_map", True, spec.help, spec.example)
    if spec.form == "block":
        children = tuple(FieldSpec(key, "text", True, f"{spec.help} ({key}).", key.title())
                         for key in spec.keys)
        return FieldSpec(spec.key, "object", True, spec.help, spec.example, children)
    return FieldSpec(spec.key, "text", True, spec.help, spec.example)


def plural_example(spec: LabelSpec, language: str) -> str:
    """``{one: "{n} video", other: "{n} videos"}`` for English; one form per category CLDR
    gives ``language``, with the English words where they fit and ``…`` elsewhere."""
    english: dict[str, str] = yaml.safe_load(spec.example)
    forms = [f'{category}: "{english.get(category, "{n} …")}"'
             for category in plural_categories(language)]
    return "{" + ", ".join(forms) + "}"


def _missing_labels_problem(doc: YamlDoc, missing: list[FieldSpec], source: str | None) -> Problem:
    names = ", ".join(spec.name for spec in missing)
    where = f"translated from {source}" if source else "in this language"
    first = missing[0]
    return problem_at(doc, (), (
        f"expected every label the generated pages use, found {len(missing)} missing: {names} "
        f"— add them, {where}, like: {first.name}: {first.example}"))


def _check_label(doc: YamlDoc, spec: LabelSpec, value: Any, language: str,
                 problems: list[Problem]) -> None:
    if spec.form == "text" and isinstance(value, str):
        _check_placeholders(doc, (spec.key,), value, spec, problems)
    elif spec.form == "plural" and isinstance(value, dict):
        _check_plural_forms(doc, spec, value, language, problems)


def _check_plural_forms(doc: YamlDoc, spec: LabelSpec, forms: dict[str, Any], language: str,
                        problems: list[Problem]) -> None:
    """Exactly the categories CLDR gives whole numbers in ``language``, each a text."""
    wanted = plural_categories(language)
    missing = [c for c in wanted if c not in forms]
    unknown = [c for c in forms if c not in wanted]
    if missing or unknown:
        fixes = [f"add {_and(missing)}"] if missing else []
        fixes += [f"delete {_and(unknown)}"] if unknown else []
        fractions = [c for c in unknown if c in fraction_categories(language)]
        if fractions:
            fixes[-1] += (f" ({english_name(language)} uses {_and(fractions)} for fractions "
                          "only, which the site never counts)")
        problems.append(problem_at(doc, (spec.key,), (
            f"expected the plural forms {english_name(language)} has for whole numbers "
            f"({', '.join(wanted)}), found {', '.join(forms) or 'none'} — "
            f"{' and '.join(fixes)}, like: {spec.key}: {plural_example(spec, language)}"),
            at_key=True))
    for category, form in forms.items():
        key_path = (spec.key, category)
        if not isinstance(form, str) or not form.strip():
            found = "nothing" if form is None or form == "" else repr(form)
            problems.append(problem_at(doc, key_path, (
                f"expected the text for {category}, found {found} — write it in quotes, like: "
                f'{category}: "{{n}} …"')))
        elif category in wanted:
            _check_placeholders(doc, key_path, form, spec, problems)


def _check_placeholders(doc: YamlDoc, key_path: KeyPath, text: str, spec: LabelSpec,
                        problems: list[Problem]) -> None:
    """Every ``{...}`` in the label is one of the placeholders it may use."""
    allowed = spec.placeholders
    for match in _BRACES.finditer(text):
        written = match[0]
        name = written[1:-1] if len(written) > 1 else ""
        if name in allowed:
            continue
        line = doc.line_of_text(key_path, written)
        problems.append(dataclasses.replace(
            problem_at(doc, key_path, _placeholder_message(written, name, allowed)), line=line))


def _placeholder_message(written: str, name: str, allowed: tuple[str, ...]) -> str:
    if not allowed:
        return (f"expected no placeholder (the site fills nothing into this label), found "
                f"{written!r} — delete it, or write the words themselves")
    listed = ", ".join(f"{{{p}}}" for p in allowed)
    expected = (f"expected only the placeholder{'s' if len(allowed) > 1 else ''} {listed}, "
                f"found {written!r}")
    if len(written) == 1:
        return f"{expected}, a brace that is no placeholder — delete it"
    close = closest(name, allowed)
    if close:
        return f"{expected} — did you mean {{{close}}}?"
    return (f"{expected} — a label is filled in by replacing {listed} only; write "
            f"{'one of them' if len(allowed) > 1 else 'it'} exactly so, or delete {written}")


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def load_labels(content_dir: Path, language: str, default_language: str) -> dict[str, Any]:
    """A language's labels for a tool that prints them (``kits status``): the default
    language's file stands in for a language that has none. Pages use only their own
    language's file, which ``kits check`` requires to hold every label."""
    has_own = labels_path(content_dir, language).exists()
    return read_labels(content_dir, language if has_own else default_language)
