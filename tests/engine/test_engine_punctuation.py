"""citekit._engine.punctuation: marks merged where an affix meets text, as citeproc-js does.
Expected outputs are citeproc-js's (../shared/oracle)."""

from __future__ import annotations

import pytest
from oracle_entries import bibliography_entry

from citekit._engine.punctuation import merge_seam, merged


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        ("1975;", ": 105–126", " 105–126"),  # plos-one: the date's `;` absorbs the pages' `: `
        ("Wiley;", ". ", " "),  # plos-one: a publisher group's `;` absorbs the closing `.`
        ("p. 5:", ".", ""),
        ("Smith.", ". ", " "),  # citeproc-py's own doubled mark
        ("Smith", ". ", ". "),
        ("Smith;", ", ", ", "),  # `;` then `,` is kept (citeproc-js: `;,`)
    ],
)
def test_merge_seam(left: str, right: str, expected: str) -> None:
    assert str(merge_seam(left, right)) == expected


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    # The CSL suite's punctuation_FullMontyPlain (citeproc-js's merge table, LtoR_MAP).
    [
        ("exclamation!", ": colon", "exclamation! colon"),
        ("question?", ": colon", "question? colon"),
        ("colon:", "! exclamation", "colon! exclamation"),
        ("semicolon;", "? question", "semicolon? question"),
        ("period.", "! exclamation", "period.! exclamation"),
        ("comma,", ": colon", "comma,: colon"),
        ("exclamation!", "? question", "exclamation!? question"),
    ],
)
def test_merged(left: str, right: str, expected: str) -> None:
    assert str(merged(left, right)) == expected


@pytest.mark.parametrize("output", ["text", "html"])
@pytest.mark.parametrize(
    ("file", "style", "item_id"),
    [
        ("sample-1.json", "plos-one", "kumar1975-001"),  # `Mind. 1975; 105–126.`
        ("sample-2.json", "plos-one", "richardsonnd-160"),  # `Wiley;`
        ("sample-2.json", "plos-one", "deutscheforsnd-076"),  # `Center; Report No.: 392.`
        # a delimiter absorbs nothing: `J Neurosci 114:. https://doi.org/…`
        ("sample-1.json", "springer-basic-author-date", "marino2008-023"),
    ],
)
def test_entries_as_citeproc_js(file: str, style: str, item_id: str, output: str) -> None:
    expected, actual = bibliography_entry(file, style, item_id, output)
    assert actual == expected
