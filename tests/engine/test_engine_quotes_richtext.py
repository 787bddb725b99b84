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
