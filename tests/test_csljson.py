"""CSL-JSON in and out: lossless round trips (property and reference items), reporting."""

from __future__ import annotations

import json

import pytest
from conftest import oracle
from hypothesis import given
from hypothesis import strategies as st
from strategies import dates, names, records

import citekit
from citekit import Date, InvalidRecordError, Name, Record
from citekit._csljson import csl_values
from citekit._fixups import _strings


@given(records())
def test_record_round_trips_through_csl_json(record: Record) -> None:
    assert Record.from_csl(record.to_csl()) == record
    text = citekit.dumps([record], "csljson")
    assert citekit.parse(text, "csljson").records == (record,)


@given(names)
def test_name_round_trips(name: Name) -> None:
    assert Name.from_csl(name.to_csl()) == name


@given(dates)
def test_date_round_trips(date: Date) -> None:
    assert Date.from_csl(date.to_csl()) == date


@pytest.mark.parametrize("name", ["sample-1.json", "sample-2.json", "portal-record.json"])
def test_reference_items_round_trip_to_equal_dicts(name: str) -> None:
    items = oracle(name)["items"]
    for item in items:
        assert Record.from_csl(item).to_csl() == item


def test_unknown_keys_and_name_parts_are_kept() -> None:
    item = {
        "id": 7,
        "type": "book",
        "title": "T",
        "journalAbbreviation": "J Abbr",
        "custom": {"nested": [1, 2]},
        "author": [{"family": "Doe", "given": "J", "orcid": "0000-0001", "comma-suffix": "yes"}],
        "issued": {"date-parts": [[2001, 2]], "season": "Spring", "note": "x"},
    }
    record = Record.from_csl(item)
    assert record.extra["journalAbbreviation"] == "J Abbr"
    assert record.names()[0].extra == {"orcid": "0000-0001", "comma-suffix": "yes"}
    assert record.to_csl() == item


@pytest.mark.parametrize(
    ("item", "field"),
    [
        ({"id": "a", "type": "book", "author": "Smith"}, "author"),
        ({"id": "a", "type": "book", "issued": 2001}, "issued"),
        ({"id": "a", "type": "book", "issued": {"date-parts": [["x"]]}}, "issued"),
        ({"id": "a", "type": "book", "title": ["T"]}, "title"),
        ({"id": "a", "type": "book", "volume": True}, "volume"),
        ({"id": "a", "title": "T"}, "type"),
        ({"type": "book"}, "id"),
    ],
)
def test_bad_fields_name_the_item_and_field(item: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidRecordError) as info:
        Record.from_csl(item)
    assert info.value.location.field == field


def test_record_checks_values_at_construction() -> None:
    with pytest.raises(InvalidRecordError, match="not a CSL variable"):
        Record("a", "book", {"journalAbbreviation": "X"})
    with pytest.raises(InvalidRecordError, match="names"):
        Record("a", "book", {"author": "Smith"})
    record = Record("a", "book", {"title": "T"}).with_fields({"author": (Name("Doe"),), "title": None})
    assert "title" not in record and record.names() == (Name("Doe"),)


def test_one_bad_item_is_reported_with_its_line_and_kept() -> None:
    text = (
        '[\n {"id": "a", "type": "book"},\n {"id": "b", "type": "book",\n  "author": "Smith"},\n'
        ' {"id": "c", "type": "nonsense"}\n]'
    )
    library = citekit.parse(text, "csljson", source="refs.json")
    assert library.ids == ("a", "c")
    bad = library.problems[0]
    assert (bad.kind, bad.location.file, bad.location.line, bad.location.item, bad.location.field) == (
        "invalid-record",
        "refs.json",
        3,
        "b",
        "author",
    )
    assert [p.kind for p in library.problems[1:]] == ["unknown-type"]
    written = json.loads(citekit.dumps(library, "csljson"))
    assert [item["id"] for item in written] == ["a", "b", "c"]
    assert written[1]["author"] == "Smith"
    with pytest.raises(citekit.InvalidRecordError):
        citekit.parse(text, "csljson", strict=True)


def test_syntax_errors_carry_line_and_column() -> None:
    library = citekit.parse('[\n {"id": "a", "type": "book"},\n {"id": \n]', "csljson")
    assert library.problems[0].kind == "syntax"
    assert library.problems[0].location.line == 4
    with pytest.raises(citekit.ParseError) as info:
        citekit.parse('[{"id": "a",,}]', "csljson", strict=True)
    assert info.value.location.line == 1 and info.value.location.column is not None


def test_duplicate_ids_are_reported_not_dropped() -> None:
    library = citekit.parse('[{"id": "a", "type": "book"}, {"id": "a", "type": "map"}]', "csljson")
    assert len(library) == 2 and library.problems[0].kind == "duplicate-id"


# --- Input that used to abort the read (reproducers) ---------------------------------------------


def test_empty_date_parts_are_no_date_and_render() -> None:
    text = '[{"id": "a", "type": "book", "title": "T", "issued": {"date-parts": [[]]}}]'
    library = citekit.parse(text, "csljson")
    assert "issued" not in library.records[0]
    assert [(p.kind, p.severity, p.location.field) for p in library.problems] == [
        ("empty-date", "warning", "issued")
    ]
    # citeproc-py raised TypeError on it; citeproc-js renders an undated book.
    assert citekit.Formatter(library.records, "apa").bibliography()[0].text.startswith("T")
    assert Date.from_csl({"date-parts": [[]]}).date_parts == ()
    assert Date.from_csl({"date-parts": [[2001], []]}).date_parts == ((2001,),)


def test_null_fields_are_ignored_with_a_warning() -> None:
    text = '[{"id": "a", "type": "book", "title": "T", "volume": null, "author": [null, {"family": "X"}]}]'
    library = citekit.parse(text, "csljson", source="n.json")
    (record,) = library.records
    assert "volume" not in record and record.names() == (Name(family="X"),)
    assert {(p.kind, p.severity, p.location.field, p.location.line) for p in library.problems} == {
        ("null-field", "warning", "volume", 1),
        ("null-field", "warning", "author", 1),
    }


def test_deep_nesting_is_a_problem_not_a_recursion_error() -> None:
    deep = "[" * 1000 + "]" * 1000
    for text in (
        f'[{{"id": "a", "type": "book", "custom": {deep}}}, {{"id": "b", "type": "book"}}]',
        f'[{{"id": "a", "type": "book", "custom": {"[" * 100_000}',
        deep,
    ):
        library = citekit.parse(text, "csljson")
        assert library.problems and not library.ok
    text = f'[{{"id": "a", "type": "book", "x": {"[" * 70 + "]" * 70}}}, {{"id": "b", "type": "book"}}]'
    library = citekit.parse(text, "csljson")
    assert library.ids == ("b",) and library.problems[0].location.item == "a"


def test_huge_numbers_are_kept_as_text_or_reported() -> None:
    digits = "9" * 5000
    library = citekit.parse(f'[{{"id": "a", "type": "book", "volume": {digits}}}]', "csljson")
    assert library.records[0]["volume"] == digits
    library = citekit.parse(
        f'[{{"id": "a", "type": "book", "issued": {{"date-parts": [[{digits}]]}}}}]', "csljson"
    )
    assert library.ids == () and library.problems[0].location.field == "issued"
    library = citekit.parse(
        f'[{{"id": "a", "type": "book", "issued": {{"date-parts": [["{digits}"]]}}}}]', "csljson"
    )
    assert library.ids == () and library.problems[0].location.field == "issued"
    assert citekit.parse(f"[{digits}.5e1]", "csljson").problems  # not an item, reported


def test_line_numbers_are_counted_once() -> None:
    # Reproducer: the line of every item was counted from the start (32,000 items: 46.5 s).
    items = ",\n".join(f'{{"id": "i{n}", "type": "book"}}' for n in range(40_000))
    library = citekit.parse(f"[\n{items},\n{{}}]", "csljson")
    assert len(library) == 40_000
    assert library.problems[-1].location.line == 40_002


def test_zotero_7_citation_key_is_kept() -> None:
    item = {"id": "http://zotero.org/users/1/items/ABCD", "type": "book", "citation-key": "smith2020"}
    record = citekit.parse(json.dumps([item]), "csljson").records[0]
    assert record["citation-key"] == "smith2020"
    assert json.loads(citekit.dumps([record], "csljson")) == [item]
    assert "ID  - smith2020\n" in citekit.dumps([record], "ris")


@given(records(), st.sampled_from([{}, {"custom": "a..b"}, {"title": "x"}, {"id": "y"}]))
def test_csl_values_are_what_to_csl_holds(record: Record, extra: dict[str, str]) -> None:
    """The Formatter scans a record's text through `csl_values`, which skips building the
    CSL-JSON: it must give the same strings, extra keys that override others included."""
    record = record.evolve(extra={**record.extra, **extra}) if extra else record
    named = record.with_fields(
        {
            "author": (Name(family="Doe", extra={"given": "J..", "x": 1}),),
            "issued": Date(date_parts=((2000,),), extra={"literal": "?.", "y": ["..z"]}),
        }
    )
    for each in (record, named):
        assert sorted(_strings(csl_values(each))) == sorted(_strings([each.to_csl()]))
