"""citekit._engine.dates: date parts joined as citeproc-js joins them. Expected outputs are
citeproc-js's (../shared/oracle)."""

from __future__ import annotations

import pytest
from oracle_entries import bibliography_entry


@pytest.mark.parametrize("output", ["text", "html"])
@pytest.mark.parametrize(
    "item_id",
    [
        "kelly1983-104",  # `Wired. November 1983.`: month suffix " " and delimiter " " give one space
        "vu2009-010",  # `October 15, 2009`: day suffix ", " then the delimiter
    ],
)
def test_american_chemical_society_dates_have_single_spaces(item_id: str, output: str) -> None:
    expected, actual = bibliography_entry("sample-2.json", "american-chemical-society", item_id, output)
    assert actual == expected
