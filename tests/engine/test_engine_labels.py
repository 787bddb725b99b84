"""citekit._engine.labels: a label's plural as citeproc-js decides it. Expected outputs are
citeproc-js's (../shared/oracle)."""

from __future__ import annotations

import pytest
from oracle_entries import bibliography_entry


@pytest.mark.parametrize("output", ["text", "html"])
@pytest.mark.parametrize("item_id", ["karlsson2007-098", "becker2015-139", "jansen2022-144"])
def test_number_with_thousands_separators_is_singular(item_id: str, output: str) -> None:
    """`Patent No. US 5,251,517 B2`: a comma joins numbers only before a space."""
    expected, actual = bibliography_entry("sample-1.json", "apa", item_id, output)
    assert "Patent No. " in expected
    assert actual == expected
