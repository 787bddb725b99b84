"""citekit._engine.sorting: sort keys compared as a locale collation would (citeproc-js sorts
`Álvarez` among the A's: ../shared/oracle, chicago-author-date bibliography order; the CSL
suite's sort_LeadingA sorts a quoted title by its first word)."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from citekit._engine.quotes import QUOTE
from citekit._engine.sorting import (
    _LEADING,
    _OKINA,
    _QUOTES,
    _TAILORING,
    _key_char,
    collation_key,
    fallback_key,
)
from citekit._markup import CLOSE, strip_markers, wrap


def test_accents_and_case_do_not_decide_the_order() -> None:
    names = ["Bakker, Jürgen", "Álvarez, Jessica", "adeyemi, T."]
    assert sorted(names, key=collation_key) == ["adeyemi, T.", "Álvarez, Jessica", "Bakker, Jürgen"]


def test_markers_and_leading_quotes_are_ignored() -> None:
    assert collation_key(QUOTE + "A er det første" + CLOSE) == collation_key("A er det første")
    assert collation_key(wrap("italic", "Zotero")) == collation_key("zotero")


def test_punctuation_is_ignored() -> None:
    # The CSL suite's sort_Quotes (citeproc-js compares with `ignorePunctuation`).
    for use_icu in (True, False):
        a, b, c = (
            collation_key(f"Simple title{t}", use_icu=use_icu) for t in (", here A", " here B", " here C")
        )
        assert a < b < c
        assert collation_key("O'Connor", use_icu=use_icu) < collation_key("Olsen", use_icu=use_icu)


@settings(max_examples=400, deadline=None)
@given(
    text=st.text(st.characters(max_codepoint=0x2FF) | st.sampled_from("ʻæøåłß“”«»¿\u0301ﬁ①")),
    locale=st.sampled_from(["en-US", "da-DK", "pl-PL", "tr-TR", "sv-SE"]),
)
def test_ascii_keys_are_the_character_rule(text: str, locale: str) -> None:
    """The fallback key of a text that is ASCII once stripped is looked up in one table; it is
    the character-by-character rule (the decomposed base letter, the tailoring) all the same."""
    tailoring = _TAILORING.get(locale.split("-")[0].lower(), {})
    stripped = strip_markers(text.translate(_QUOTES)).lstrip(_LEADING)
    stripped = "".join(c for c in stripped if not unicodedata.category(c).startswith("P"))
    expected = "".join(tailoring.get(c) or _OKINA.get(c) or _key_char(c) for c in stripped.casefold())
    assert fallback_key(text, locale) == expected
