"""citekit._engine.sorting: sort keys compared as a locale collation would (citeproc-js sorts
`Álvarez` among the A's: ../shared/oracle, chicago-author-date bibliography order; the CSL
suite's sort_LeadingA sorts a quoted title by its first word)."""

from __future__ import annotations

from citekit._engine.quotes import QUOTE
from citekit._engine.sorting import collation_key
from citekit._markup import CLOSE, wrap


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
