"""Reproducers of what fuzzing found in the BibTeX reader and writer: each once raised a
non-citekit exception, took quadratic time, built unbounded text or changed the file at every
read -> write cycle. Each must now be read (or written) with the problem reported."""

from __future__ import annotations

import time

import pytest

import citekit
from citekit import Date, Record
from citekit.formats.bibtex import read, write
from citekit.formats.bibtex._values import EXPANSION_LIMIT


def _kinds(library: citekit.Library) -> set[str]:
    return {p.kind for p in library.problems}


@pytest.mark.parametrize(
    "title",
    [
        "{" * 500 + "x" + "}" * 500,  # nested braces
        "\\textbf{" * 330 + "x" + "}" * 330,  # nested commands
        "\\'" * 500 + "x",  # chained accents
        "\\'{" * 500 + "x" + "}" * 500,
        "$" + "{" * 600 + "x" + "}" * 600 + "$",  # in math
    ],
)
def test_deep_nesting_is_a_problem_not_a_recursion_error(title: str) -> None:
    library = read("@misc{k, title = {" + title + "}, author = {" + title + "}}")
    [record] = library.records
    assert "x" in str(record.fields["title"])
    assert "too-deep" in _kinds(library)
    assert read(write(library)).records == library.records


def test_a_long_crossref_chain_is_inherited_without_recursion() -> None:
    n = 1000
    text = "".join(f"@book{{k{i}, title = {{T{i}}}, crossref = {{k{i + 1}}}}}\n" for i in range(n))
    text += f"@book{{k{n}, title = {{Last}}, publisher = {{P}}}}\n"
    library = read(text)
    assert len(library.records) == n + 1
    assert all(r.fields["publisher"] == "P" for r in library.records)
    assert library.problems == ()


def test_a_crossref_loop_is_reported_once_and_kept() -> None:
    text = "@book{a, crossref = {b}, title = {A}}\n@book{b, crossref = {a}, publisher = {P}}\n"
    library = read(text)
    assert [p.kind for p in library.problems] == ["missing-crossref"]
    assert library["a"].fields["publisher"] == "P"


@pytest.mark.parametrize("field", ["month", "day"])
def test_numbers_over_4300_digits_are_problems(field: str) -> None:
    month = "1" * 5000 if field == "month" else "jan"
    day = "1" * 5000 if field == "day" else "1"
    library = read(f"@misc{{k, year = {{2000}}, month = {{{month}}}, day = {{{day}}}}}")
    assert "unreadable-date" in _kinds(library)
    assert library["k"].fields["issued"] == Date(date_parts=((2000,) if field == "month" else (2000, 1),))
    assert all(len(p.message) < 200 for p in library.problems)


def test_non_ascii_digits_in_a_day_are_not_a_value_error() -> None:
    library = read("@misc{k, year = {2000}, month = jan, day = {²}}")
    assert "unreadable-date" in _kinds(library)


def test_string_doubling_is_bounded() -> None:
    lines = ["@string{s0 = {xx}}"] + [f"@string{{s{i + 1} = s{i} # s{i}}}" for i in range(40)]
    text = "\n".join(lines) + "\n@misc{k, title = s40 # s40}\n"
    assert len(text) < 1500
    started = time.perf_counter()
    library = read(text)
    assert time.perf_counter() - started < 5  # was 10 s and 134 million characters at 26 levels
    assert len(str(library["k"].fields["title"])) <= EXPANSION_LIMIT
    assert "string-too-long" in _kinds(library)


def test_preamble_regex_is_not_quadratic() -> None:
    started = time.perf_counter()
    read("@preamble{\\def" + " " * 160_000 + "}\n@preamble{\\newcommand" + " " * 160_000 + "x}")
    assert time.perf_counter() - started < 5  # 23 s before


@pytest.mark.parametrize(
    "text",
    [
        "@article{@article{a, title = {A}}\n",
        "@article{@string{s = {S}}@string{s = {S}}\n",
        "@article{@article{a,@article{a,@article{a,",
        "@article{a,@article{@string{s={S}}@string{s={S}}",
    ],
)
def test_two_block_starts_on_one_line_are_stable(text: str) -> None:
    once = write(read(text))
    twice = write(read(once))
    assert twice == once
    assert once.count("@") == text.count("@")


@pytest.mark.parametrize(
    ("parts", "month"),
    [(((2000, 13),), "{13}"), (((2000, 0),), "{0}"), (((2000, 0, 5),), "{0}")],
)
@pytest.mark.parametrize("dialect", ["bibtex", "biblatex"])
def test_writer_keeps_an_impossible_month_as_a_number(
    parts: tuple[tuple[int, ...], ...], month: str, dialect: str
) -> None:
    record = Record(id="k", type="book", fields={"issued": Date(date_parts=parts)})
    text = citekit.dumps(record, dialect)
    assert f"month = {month}," in text and "dec" not in text
    again = read(text)
    assert "unreadable-date" in _kinds(again)


def test_writer_takes_empty_date_parts_as_no_date() -> None:
    record = Record(id="k", type="book", fields={"title": "T", "issued": Date(date_parts=((),))})
    for dialect in ("bibtex", "biblatex"):
        text = citekit.dumps(record, dialect)
        assert "year" not in text and "date" not in text and "title = {T}" in text
