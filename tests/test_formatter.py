"""Rendering through citeproc-py: the portal record against citeproc-js, and no exception on
any reference item in any of the reference styles."""

from __future__ import annotations

import pytest
from conftest import oracle

import citekit
from citekit import Cite, Formatter, Record

# The styles whose portal-record output issue 3 fixes; the full 16 are the next issue's target.
PORTAL_STYLES = ["apa", "harvard-cite-them-right", "vancouver-nlm"]


@pytest.mark.parametrize("output", ["text", "html"])
@pytest.mark.parametrize("style", PORTAL_STYLES)
def test_portal_record_matches_the_reference_processor(style: str, output: str) -> None:
    data = oracle("portal-record.json")
    records = [Record.from_csl(item) for item in data["items"]]
    expected = data["styles"][style][output]
    formatter = Formatter(records, style, output, links=False)
    entries = formatter.bibliography()
    assert [e.id for e in entries] == expected["bibliography_order"]
    assert entries[0].text == expected["bibliography"][entries[0].id]
    assert formatter.cite([records[0].key]) == expected["citations"][records[0].key]


@pytest.mark.parametrize("sample", ["sample-1.json", "sample-2.json"])
def test_every_reference_item_renders_in_every_reference_style(sample: str) -> None:
    data = oracle(sample)
    records = [Record.from_csl(item) for item in data["items"]]
    for style in data["styles"]:
        formatter = Formatter(records, style, "text", links=False)
        entries = formatter.bibliography()
        # Some styles leave item types out of the bibliography; citeproc-js's count is the reference.
        assert {e.id for e in entries} == set(data["styles"][style]["text"]["bibliography"]), style
        for record in records:
            assert formatter.cite([record.key]), (style, record.key)


def test_cites_with_locators_prefixes_and_unknown_ids() -> None:
    record = Record.from_csl(oracle("portal-record.json")["items"][0])
    formatter = Formatter([record], "chicago-author-date")
    # Chicago author-date (17th ed.) puts the locator after a comma: (Author Year, page).
    assert formatter.cite([Cite(record.key, locator="12", label="page", prefix="see ")]) == (
        "(see Werner et al. 2018, 12)"
    )
    with pytest.raises(citekit.UnknownRecordError, match=record.key):
        formatter.cite([record.key[:-1] + "x"])  # the nearest known id is named


def test_numeric_styles_number_in_record_order() -> None:
    items = oracle("sample-1.json")["items"][:3]
    records = [Record.from_csl(item) for item in items]
    formatter = Formatter(records, "ieee")
    assert [formatter.cite([r.key]) for r in records] == ["[1]", "[2]", "[3]"]
    assert [e.id for e in formatter.bibliography()] == [r.key for r in records]
    assert formatter.bibliography(numbers=False)[0].text[0] != "["


def test_format_bibliography_and_locale() -> None:
    record = Record.from_csl(oracle("portal-record.json")["items"][0])
    (text,) = citekit.format_bibliography([record], "ieee", output="text")
    assert text.startswith("[1] R. A. Werner")
    undated = Record("u", "book", {"title": "T", "author": (citekit.Name("Doe", "J"),)})
    # The short "no date" term of citeproc-py's bundled locales-de-DE.xml is "o.\u00a0J.".
    assert "o.\u00a0J." in Formatter([undated], "chicago-author-date", locale="de-DE").cite(["u"])
    assert "n.d." in Formatter([undated], "chicago-author-date").cite(["u"])
