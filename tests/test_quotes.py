"""Typography per language: generated text quotes in the page's language's marks — Danish
»…« (›…‹ inside), English “…” (‘…’ inside) — by one rule (kitsite/content/quotes.py, the
``quotes`` label), on the session plan of the real site in both languages."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from conftest import ROOT
from kitsite.content.quotes import inner_quotes, quote

DANISH = yaml.safe_load((ROOT / "content/da/labels.yml").read_text(encoding="utf-8"))["quotes"]
ENGLISH = yaml.safe_load((ROOT / "content/en/labels.yml").read_text(encoding="utf-8"))["quotes"]


GUILLEMETS = {"open": "»", "close": "«", "inner_open": "›", "inner_close": "‹"}
CURLY = {"open": "“", "close": "”", "inner_open": "‘", "inner_close": "’"}


def test_each_language_quotes_in_its_own_marks_and_turns_inner_quotes() -> None:
    assert quote("Jeg kunne ikke engang stave til ordet »håb«", GUILLEMETS) == \
        "»Jeg kunne ikke engang stave til ordet ›håb‹«"
    assert quote('I couldn\'t even spell the word "hope"', CURLY) == \
        "“I couldn’t even spell the word ‘hope’”"
    assert quote("the word “hope”", GUILLEMETS) == "»the word ›hope‹«"
    assert inner_quotes('say "a" and „b“', CURLY) == "say ‘a’ and ‘b’"
    assert quote("no quotes", CURLY) == "“no quotes”"


def session_steps(site: Path, path: str) -> list[str]:
    html = (site / path / "index.html").read_text(encoding="utf-8")
    plan = html.split('id="', 1)[1]
    return [re.sub(r"<[^>]+>", "", step) for step in
            re.findall(r"<li>((?:Se|Watch) .*?)</li>", plan, flags=re.DOTALL)]


def test_the_session_plan_quotes_titles_in_the_pages_language(built_site: Path) -> None:
    danish = session_steps(built_site, "kits/dialogue-kickstarter")
    english = session_steps(built_site, "en/kits/dialogue-kickstarter")
    d, e = DANISH, ENGLISH  # the marks the labels give, whichever an editor chose
    assert danish[0].startswith(f"Se {d['open']}Jeg kunne ikke engang stave til ordet "
                                f"{d['inner_open']}håb{d['inner_close']}{d['close']} (")
    assert english[0].startswith(f"Watch {e['open']}I couldn’t even spell the word "
                                 f"{e['inner_open']}hope{e['inner_close']}{e['close']} (")
    for step, other in [*((s, e) for s in danish), *((s, d) for s in english)]:
        others = set(other.values()) - set((d if other is e else e).values())
        assert not set(step) & ({'"'} | others), step
