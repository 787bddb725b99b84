"""citekit._engine.substitute: a `cs:choose` in `cs:substitute`, and the names it substitutes
left out of a later `cs:names`. Expected outputs are citeproc-js's (../shared/oracle)."""

from __future__ import annotations

import pytest
from oracle_entries import bibliography_entry, citation

# a book with an editor and a different translator, and no author
_ITEMS = ["vonneumann2017-084", "carternd-087"]


@pytest.mark.parametrize("output", ["text", "html"])
@pytest.mark.parametrize("item_id", _ITEMS)
@pytest.mark.parametrize("style", ["chicago-notes-bibliography", "chicago-author-date", "apa"])
def test_editor_substitutes_and_translator_follows(style: str, item_id: str, output: str) -> None:
    expected, actual = bibliography_entry("sample-2.json", style, item_id, output)
    assert actual == expected


@pytest.mark.parametrize("item_id", _ITEMS)
def test_note_names_editor_then_translator(item_id: str) -> None:
    expected, actual = citation("sample-2.json", "chicago-notes-bibliography", item_id)
    assert actual == expected
