"""The :filter: language: reading, evaluating, and refusing what it cannot read."""

from __future__ import annotations

import pytest

import citekit
from citekit.sphinxext._filter import FilterError, parse_filter


def record(**fields: object) -> citekit.Record:
    item = {"id": "x", "type": "article-journal", **fields}
    return citekit.Record.from_csl(item)


WERNER = record(
    title="The theranostic promise",
    author=[{"family": "Werner", "given": "Rudolf A."}, {"family": "Weich", "given": "Alexander"}],
    issued={"date-parts": [[2018]]},
    keyword="theranostics, oncology",
)
BOOK = citekit.Record.from_csl(
    {
        "id": "b",
        "type": "book",
        "title": "A book",
        "author": [{"family": "Berg", "non-dropping-particle": "van der"}],
    }
)


@pytest.mark.parametrize(
    ("text", "werner", "book"),
    [
        ("type == article-journal", True, False),
        ("type != book", True, False),
        ("year >= 2018", True, False),  # the book has no year: an order comparison is false
        ("year < 2018", False, False),
        ("year == 2018 and author == werner", True, False),
        ("author == Weich", True, False),
        ("author ~ 'van der'", False, True),
        ("keyword == oncology", True, False),
        ("keyword ~ THERA", True, False),
        ("not keyword == oncology", False, True),
        ("type == book or year > 2000", True, True),
        ("(type == book or year > 2000) and not title ~ book", True, False),
        ('title == "The theranostic promise"', True, False),
        ("key == b", False, True),
        ("NOT type == book AND year >= 1900", True, False),
    ],
)
def test_filters_select(text: str, werner: bool, book: bool) -> None:
    predicate = parse_filter(text)
    assert (predicate(WERNER), predicate(BOOK)) == (werner, book)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty filter"),
        ("year >=", "expected a value at column 8"),
        ("colour == red", "expected a field"),
        ("year 2018", "expected an operator"),
        ("(type == book", "expected ')'"),
        ("type == book year == 1", "expected 'and', 'or' or the end"),
        ("type == book and", "expected a field"),
        ("__import__('os') == 1", "expected a field"),
        ("year = 2018", "unexpected '='"),
    ],
)
def test_bad_filters_are_refused_with_a_position(text: str, message: str) -> None:
    with pytest.raises(FilterError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_filter(text)
