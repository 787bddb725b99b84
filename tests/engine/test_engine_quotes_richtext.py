"""citekit._engine.richtext and quotes: inline markup and quotes in field values, as the CSL
test suite's flipflop_* and decorations_* fixtures and citeproc-js expect."""

from __future__ import annotations

from citekit._engine.quotes import QUOTE, resolve
from citekit._engine.richtext import rich_text
from citekit._engine.superscript import mark_superscripts
from citekit._markup import CLOSE, parse
from citekit._output import get_output

EN_US = (("“", "”"), ("‘", "’"))
HTML = get_output("html")


def _html(marked: str) -> str:
    return HTML.write(parse(resolve(marked, *EN_US)), links=False)


def test_inline_tags_become_formatting() -> None:
    # oracle, american-medical-association html: "Effects of deep learning on <i>Escherichia coli</i> growth"
    text = "Effects of deep learning on <i>Escherichia coli</i> growth"
    assert _html(rich_text(text)) == text
    assert _html(rich_text("H<sub>2</sub>O and <sc>Caps</sc>")) == (
        'H<sub>2</sub>O and <span style="font-variant:small-caps;">Caps</span>'
    )


def test_nocase_span_is_left_for_citeproc_py() -> None:
    assert rich_text('A <span class="nocase">pH</span> test') == 'A <span class="nocase">pH</span> test'


def test_apostrophes_and_straight_quotes() -> None:
    # flipflop_QuotesInFieldNotOnNode: Speak, “friend,” and enter. (before punctuation moves)
    assert _html(rich_text("Speak, 'friend', and enter.")) == "Speak, “friend”, and enter."
    # oracle: O'Connor -> O’Connor
    assert rich_text("O'Connor") == "O’Connor"


def test_nested_quotes_alternate() -> None:
    # decorations_NestedQuotes: “My ‘Amazing’ Title”
    marked = QUOTE + rich_text("My “Amazing” Title") + CLOSE
    assert _html(marked) == "“My ‘Amazing’ Title”"


def test_superscript_characters() -> None:
    # number_NewOrdinalsEdition: 1<sup>r</sup><sup>e</sup>
    assert _html(mark_superscripts("1ʳᵉ")) == "1<sup>r</sup><sup>e</sup>"


def test_spaces_before_high_punctuation_are_narrow_and_unbreakable() -> None:
    # The CSL suite's punctuation_FrenchOrthography (citeproc-js spaces every field so).
    assert rich_text("His « Anonymous » Life") == "His «\u202fAnonymous\u202f» Life"
    assert rich_text("Quoi ? Oui ! Non ; si : fin") == "Quoi\u202f? Oui\u202f! Non\u202f; si\u202f: fin"
    assert rich_text("No space: here") == "No space: here"


def test_nodecor_undoes_the_formatting_around_it() -> None:
    # flipflop_ItalicsWithOk, flipflop_ItalicsWithOkAndTextcase
    from citekit._markup import OPEN, flip_flop

    title = rich_text('Lessard <span class="nodecor">v.</span> Schmidt').replace('<span class="nocase">', "")
    title = title.replace("</span>", "")
    for tag, undone in (("italic", "font-style"), ("smallcaps", "font-variant")):
        tree = flip_flop(parse(OPEN[tag] + title + CLOSE))
        assert f'<span style="{undone}:normal;">v.</span> Schmidt' in HTML.write(tree, links=False)


def test_a_closing_tag_that_closes_nothing_is_text() -> None:  # flipflop_ItalicsSimple
    assert (
        _html(rich_text("One TwoF</i> Three")) == "One TwoF&lt;/i&gt; Three"
    )  # the suite writes &#60; for &lt;
    assert _html(rich_text("<i>One</i> Two")) == "<i>One</i> Two"


_RESETS = """<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
  <info><id/><title/><updated>2009-08-10T04:49:00+09:00</updated></info>
  <citation><layout font-weight="normal"><group delimiter=" / ">
    <text variable="title" font-style="normal"/>
    <group font-style="italic"><text variable="title" font-style="normal"/></group>
    <group vertical-align="sup"><text variable="title" vertical-align="baseline"/></group>
  </group></layout></citation>
</style>"""


def test_formatting_resets() -> None:
    # decorations_NoNormalWithoutDecoration, decorations_Baseline (citeproc-js's spellings)
    from citekit import Cite, Formatter, Record

    record = Record.from_csl({"id": "a", "type": "book", "title": "T"})
    assert Formatter([record], _RESETS, "html").cite([Cite("a")]) == (
        'T / <i><span style="font-style:normal;">T</span></i> / <sup><span style="baseline">T</span></sup>'
    )
