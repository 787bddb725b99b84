"""citekit._engine.pages: page-range-format. Expected values from the CSL test suite's
page_* fixtures and citeproc-js (the portal record: chicago-16 gives 6088–100)."""

from __future__ import annotations

import pytest

from citekit._engine.pages import format_range, format_ranges

CHICAGO_16 = [  # page_Chicago16
    ("3-10", "3–10"),
    ("71-72", "71–72"),
    ("96-117", "96–117"),
    ("100-104", "100–104"),
    ("1100-1113", "1100–1113"),
    ("101-108", "101–8"),
    ("808-833", "808–33"),
    ("1103-1104", "1103–4"),
    ("321-328", "321–28"),
    ("498-532", "498–532"),
    ("1087-1089", "1087–89"),
    ("1496-1500", "1496–500"),
    ("11564-11615", "11564–615"),
    ("12991-123001", "12991–123001"),
    ("xxv-xxviii", "xxv–xxviii"),
    ("6088-6100", "6088–100"),
]
CHICAGO_15 = [  # page_Chicago
    ("101-108", "101–8"),
    ("600-613", "600–613"),
    ("1100-1123", "1100–1123"),
    ("1536-1538", "1536–38"),
    ("11564-11568", "11564–68"),
    ("13792-13803", "13792–803"),
    ("1496-1504", "1496–1504"),
    ("2787-2816", "2787–2816"),
]
MINIMAL = [("101-108", "101–8"), ("71-72", "71–2"), ("100-104", "100–4"), ("1100-1123", "1100–23")]


@pytest.mark.parametrize(("pages", "expected"), CHICAGO_16)
def test_chicago_16(pages: str, expected: str) -> None:
    assert format_range(pages, "chicago-16", "–") == expected


@pytest.mark.parametrize(("pages", "expected"), CHICAGO_15)
def test_chicago_15(pages: str, expected: str) -> None:
    assert format_range(pages, "chicago", "–") == expected


@pytest.mark.parametrize(("pages", "expected"), MINIMAL)
def test_minimal(pages: str, expected: str) -> None:
    assert format_range(pages, "minimal", "–") == expected


def test_prefixes() -> None:  # page_Expand
    assert format_range("110-5", "expanded", "–") == "110–115"
    assert format_range("N110 - 5", "expanded", "–") == "N110-5"
    assert format_range("N110 - N115", "expanded", "–") == "N110–N115"
    assert format_range("110 - N6", "expanded", "–") == "110-N6"
    assert format_range("N110 - P5", "expanded", "–") == "N110-P5"
    # oracle: the-lancet (minimal) "S74–82", cell (expanded) "S74–S82"
    assert format_range("S74-S82", "minimal", "–") == "S74–82"
    assert format_range("S74-S82", "expanded", "–") == "S74–S82"


def test_lists_and_no_format() -> None:
    assert format_ranges("123N110 - N5, 456K200 - 99", "expanded", "–") == "123N110-N5, 456K200-99"
    assert format_range("110-5", None, "–") == "110–5"  # page_NoOption
    assert format_ranges("42-45", None, "–") == "42–45"  # number_PageRange


@pytest.mark.parametrize("form", ["expanded", "minimal", "chicago-16"])
@pytest.mark.parametrize(("pages", "expected"), [("689-07", "689–07"), ("2292-00", "2292–00")])
def test_range_that_does_not_rise_is_left_as_written(form: str, pages: str, expected: str) -> None:
    # oracle: citeproc-js prints `689–07` (apa, expanded) for page "689-07", never `689–607`
    assert format_range(pages, form, "–") == expected


def test_words_joined_by_a_hyphen_are_no_range() -> None:  # number_PlainHyphenOrEnDashAlwaysPlural
    assert format_range("Michaelson-Morely", None, "–") == "Michaelson-Morely"
    assert format_range("i-ix", None, "–") == "i–ix"


_LOCATOR = """<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0"
    page-range-format="expanded">
  <info><id/><title/><updated>2009-08-10T04:49:00+09:00</updated></info>
  <citation><layout><group delimiter=" "><label variable="locator"/><text variable="locator"/>
  </group></layout></citation>
</style>"""


@pytest.mark.parametrize(
    ("locator", "label", "expected"),
    [  # label_CollapsedPageNumberPluralDetection, number_PlainHyphenOrEnDashAlwaysPlural (citeproc-js)
        ("427-30", "page", "pages 427–430"),
        ("327\\-30", "page", "page 327-30"),
        ("Michaelson-Morely", "page", "page Michaelson-Morely"),
        ("12-14", "section", "sections 12–14"),
    ],
)
def test_a_page_locator_takes_the_page_range_format(locator: str, label: str, expected: str) -> None:
    from citekit import Cite, Formatter, Record

    record = Record.from_csl({"id": "a", "type": "book", "title": "T"})
    assert Formatter([record], _LOCATOR).cite([Cite("a", locator=locator, label=label)]) == expected
