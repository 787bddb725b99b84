"""The punctuation rules on the marked tree: data is never rewritten, quotes are told from
apostrophes, and the results agree with citeproc-js (outputs stored in
tests/data/writers_36_citeproc_js.json, made with ../shared/oracle/render_js.mjs)."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

import citekit
from citekit import Formatter, Record
from citekit._fixups import Context, finish, protected_text
from citekit._markup import CLOSE, OPEN

QUOTED = OPEN["quote"]
REFERENCE = json.loads((ROOT / "tests" / "data" / "writers_36_citeproc_js.json").read_text(encoding="utf-8"))
DATA = ROOT / "tests" / "data" / "writers_36.json"

_punctuation = st.sampled_from(list(".?!,;: ’”“‘"))
_field = st.text(st.one_of(_punctuation, st.sampled_from(list("abc "))), min_size=1, max_size=12)
_affix = st.text(st.sampled_from(list(".?!,;: ")), max_size=3)


def _wrapped(field: str, how: str) -> str:
    if how == "quote":
        return f"{QUOTED}“{field}”{CLOSE}"
    if how == "italic":
        return f"{OPEN['italic']}{field}{CLOSE}"
    return field


@settings(max_examples=300, deadline=None)
@given(
    fields=st.lists(_field, min_size=1, max_size=3),
    affixes=st.lists(_affix, min_size=4, max_size=4),
    how=st.lists(st.sampled_from(["plain", "quote", "italic"]), min_size=3, max_size=3),
    in_quote=st.booleans(),
)
def test_no_rule_changes_the_text_inside_a_field(
    fields: list[str], affixes: list[str], how: list[str], in_quote: bool
) -> None:
    """Property: affix + field + affix + field …: every field's text is still there, whole."""
    marked = affixes[0]
    for index, field in enumerate(fields):
        marked += _wrapped(field, how[index]) + affixes[index + 1]
    context = Context(punctuation_in_quote=in_quote, protected=protected_text(fields))
    plain = finish(marked, context).plain()
    position = 0
    for field in fields:
        found = plain.find(field, position)
        assert found >= 0, (field, plain)
        position = found + len(field)


def _text(marked: str, in_quote: bool = True, fields: tuple[str, ...] = ()) -> str:
    return finish(marked, Context(punctuation_in_quote=in_quote, protected=protected_text(fields))).plain()


def test_punctuation_moves_into_quotes_only_after_a_quote() -> None:
    # CSL 1.0.2, punctuation-in-quote: "commas and periods following a quoted string are
    # placed inside the quotes"; an apostrophe closes no quote.
    assert _text(f"{QUOTED}“Title”{CLOSE}, J") == "“Title,” J"
    assert _text(f"{QUOTED}“Title”{CLOSE}, J", in_quote=False) == "“Title”, J"
    assert _text("Parents’, teachers’ and pupils’ views.") == "Parents’, teachers’ and pupils’ views."
    assert _text(f"{QUOTED}“Why?”{CLOSE}.") == "“Why?”"
    assert _text(f"{OPEN['italic']}{QUOTED}“T”{CLOSE}{CLOSE}.") == "“T.”"  # only span ends between
    assert _text(f"{QUOTED}“T”{CLOSE}{OPEN['italic']}.{CLOSE}") == "“T”."  # a new span starts
    # The CSL suite's punctuation_FullMontyQuotesIn: `!` and `?` move in too, one mark after
    # another; `:` and `;` stay out.
    assert _text(f"{QUOTED}“exclamation”{CLOSE}!, comma") == "“exclamation!,” comma"
    assert _text(f"{QUOTED}“question”{CLOSE}? question") == "“question?” question"
    assert _text(f"{QUOTED}“comma,”{CLOSE}. period") == "“comma,.” period"
    assert _text(f"{QUOTED}“colon”{CLOSE}:, comma") == "“colon”:, comma"


def test_terminal_punctuation_absorbs_a_period_at_a_seam() -> None:
    assert _text(f"{OPEN['italic']}Why?{CLOSE}. Next") == "Why? Next"
    assert _text("Why?.") == "Why?"
    assert _text("Wait... more") == "Wait... more"  # an ellipsis
    assert _text("Is it?. Yes.", fields=("Is it?. Yes",)) == "Is it?. Yes."  # the field's own


def _entries(style: str, output: str) -> dict[str, str]:
    records = citekit.read(DATA).records
    return {e.id: e.text for e in Formatter(records, style, output, links=False).bibliography()}


@pytest.fixture(scope="module")
def rendered() -> dict[tuple[str, str], dict[str, str]]:
    return {(s, o): _entries(s, o) for s in REFERENCE["styles"] for o in ("text", "html")}


# Records whose entries test the rules: apostrophes before a comma (item01), a title ending
# in `?` before a period (item02), `?.` inside a title (item16, but its author's name is
# rich text that citekit's engine does not read: compared from the title on), quoted
# phrases in a title (item17).
@pytest.mark.parametrize("style", ["apa", "ieee", "chicago-author-date"])
@pytest.mark.parametrize("output", ["text", "html"])
@pytest.mark.parametrize("item", ["item01", "item02", "item16", "item17"])
def test_entries_match_citeproc_js(
    rendered: dict[tuple[str, str], dict[str, str]], style: str, output: str, item: str
) -> None:
    expected = REFERENCE["styles"][style][output][item]
    actual = rendered[style, output][item]
    if item == "item16":
        expected, actual = expected[expected.index("Is ") :], actual[actual.index("Is ") :]
    assert actual == expected


def test_a_record_keeps_its_own_punctuation_in_every_output() -> None:
    record = Record.from_csl(
        {"id": "q", "type": "book", "title": "Really?. Yes.. No", "issued": {"date-parts": [[2001]]}}
    )
    for output in ("text", "html", "markdown", "rst", "latex"):
        assert "Really?. Yes.. No" in Formatter([record], "apa", output).bibliography()[0].text


_TITLE_ONLY = """<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
  <info><id/><title/><updated>2009-08-10T04:49:00+09:00</updated></info>
  <citation><layout suffix="."><text variable="title"/></layout></citation>
</style>"""


def test_punctuation_of_the_same_string_stays_outside_its_quotes() -> None:
    # As the CSL suite's affix_CommaAfterQuote and label_EditorTranslator2 (citeproc-js):
    # a quote and the comma after it in one prefix stay as written; a quote at the end of a
    # field takes the layout's period inside (en-US punctuation-in-quote).
    record = Record.from_csl({"id": "a", "type": "book", "title": 'Say "Hello Thing"'})
    formatter = Formatter([record], _TITLE_ONLY)
    assert formatter.cite([citekit.Cite("a", prefix="'quote', ")]) == "“quote”, Say “Hello Thing.”"
