"""Raw date parsing, checked against ISO 8601 / EDTF forms as those standards define them."""

from __future__ import annotations

import pytest

from citekit import Date
from citekit._dates import parse_raw


@pytest.mark.parametrize(
    ("raw", "parts", "season", "circa"),
    [
        ("2018", ((2018,),), None, None),
        ("2018-05", ((2018, 5),), None, None),
        ("2018-05-03", ((2018, 5, 3),), None, None),
        ("1988/1992", ((1988,), (1992,)), None, None),  # EDTF interval
        ("2004-06-01/2004-06-20", ((2004, 6, 1), (2004, 6, 20)), None, None),
        ("2004-22", ((2004,),), 2, None),  # EDTF level 1: 21-24 are spring..winter
        ("2004-24", ((2004,),), 4, None),
        ("19XX", ((1900,),), None, True),  # EDTF unspecified digits
        ("1984~", ((1984,),), None, True),  # EDTF approximate
        ("1984?", ((1984,),), None, True),  # EDTF uncertain
        ("circa 1850", ((1850,),), None, True),
        ("May 2018", ((2018, 5),), None, None),
        ("3 May 2018", ((2018, 5, 3),), None, None),
        ("May 3, 2018", ((2018, 5, 3),), None, None),
        ("Spring 2018", ((2018,),), 1, None),
        ("3-7 May 2018", ((2018, 5, 3), (2018, 5, 7)), None, None),
    ],
)
def test_raw_forms(
    raw: str, parts: tuple[tuple[int, ...], ...], season: int | None, circa: bool | None
) -> None:
    date = parse_raw(raw)
    assert date is not None
    assert (date.date_parts, date.season, date.circa) == (parts, season, circa)


@pytest.mark.parametrize("raw", ["", "sometime", "2018-14-40", "next year"])
def test_unreadable_raw_is_none(raw: str) -> None:
    assert parse_raw(raw) is None


def test_resolved_keeps_raw_out_of_rendering_but_in_the_record() -> None:
    date = Date(raw="2018-05-03")
    assert date.to_csl() == {"raw": "2018-05-03"}
    assert date.resolved().to_csl() == {"date-parts": [[2018, 5, 3]]}
    assert Date(raw="gibberish").resolved().literal == "gibberish"
    assert Date(date_parts=((2001,), (2003,))).is_range and Date(date_parts=((2001, 2),)).year == 2001


@pytest.mark.parametrize(
    ("raw", "parts"),
    [
        # Numeric dates as they are written: month first with "/" (US), day first with "." or
        # "-" (Europe); a number over 12 is the day whichever way round.
        ("5/3/2019", (2019, 5, 3)),
        ("13/3/2019", (2019, 3, 13)),
        ("5/13/2019", (2019, 5, 13)),
        ("5.3.2019", (2019, 3, 5)),
        ("05-03-2019", (2019, 3, 5)),
        ("2019/05/03", (2019, 5, 3)),
    ],
)
def test_numeric_dates(raw: str, parts: tuple[int, ...]) -> None:
    date = parse_raw(raw)
    assert date is not None and date.date_parts == (parts,)
    assert Date(raw=raw).to_csl() == {"raw": raw}  # the raw text is what is kept


def test_numeric_date_range_and_impossible_numeric_dates() -> None:
    date = parse_raw("5/3/2019 - 6/3/2019")
    assert date is not None and date.date_parts == ((2019, 5, 3), (2019, 6, 3))
    assert parse_raw("13/13/2019") is None
