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


_MONTH = """<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
  <info><id/><title/><updated>2009-08-10T04:49:00+09:00</updated></info>
  <citation><layout><date variable="issued"><date-part name="month"/></date></layout></citation>
</style>"""


@pytest.mark.parametrize(("month", "expected"), [(13, "Spring"), (17, "Spring"), (24, "Winter"), (60, "")])
def test_months_13_to_24_are_seasons(month: int, expected: str) -> None:
    # The CSL suite's date_VariousInvalidDates (citeproc-js)
    from citekit import Cite, Formatter, Record

    record = Record.from_csl({"id": "a", "type": "book", "issued": {"date-parts": [[1965, month, 1]]}})
    out = Formatter([record], _MONTH).cite([Cite("a")])
    assert out == expected or (not expected and "Spring" not in out and "Winter" not in out)
