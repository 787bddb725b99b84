"""What the fast read relies on: the splitter fed in pieces reads like one run, and records
built without checks (`Record._trusted`) are ones the checks would pass."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from citekit import Library, Record
from citekit._vocab import VARIABLES, Kind
from citekit.formats.bibtex import _split, read
from citekit.formats.bibtex._mapping import FIELDS, How

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # tests/, for the shared strategies
import strategies
from test_bibtex_corpus import _files, _text


def _everything(library: Library) -> tuple[Any, ...]:
    return (
        library.records,
        [(b.kind, b.raw, b.position, b.line, b.key, b.value) for b in library.blocks],  # type: ignore[attr-defined]
        [(p.kind, p.message, p.location, p.severity, p.raw) for p in library.problems],
    )


def _in_pieces(text: str, size: int) -> Library:
    saved = _split.PIECE
    _split.PIECE = size
    try:
        return read(text)
    finally:
        _split.PIECE = saved


# Each block starts a piece when pieces are one character long: keys and @strings met again
# in a later piece, a block left open by the next line's block, an `@` at a line start inside
# a value, a `(`-delimited entry, text between blocks, a failed block and the text after it.
TRICKY = r"""
@string{jn = {Journal One}}
@article{a, title = {First}, journal = jn}
some text between blocks
@string{jn = {Journal Two}}
@article{a, title = {Second key a}}
@article{b, title = {Open, author = {Nobody}
@book{c, title = {After the open one}}
@misc{d, note = {a line
@misc{inside, note = {this line starts a block}}
   @misc(e, title = "Parenthesised")
@misc{f title = {no comma after the key}}
trailing words
@comment{a comment}
@article{g, journal = jn, year = 2001, month = feb}
"""


@pytest.mark.parametrize("size", [1, 40, 1 << 16])
def test_pieces_read_like_one_run(size: int) -> None:
    assert _everything(_in_pieces(TRICKY, size)) == _everything(_in_pieces(TRICKY, 1 << 30))


def test_lines_count_across_pieces() -> None:
    library = _in_pieces(TRICKY, 1)
    lines = {p.kind: p.location.line for p in library.problems}
    assert lines["duplicate-key"] == 6
    assert lines["duplicate-string"] == 5
    assert library["g"]["container-title"] == "Journal Two"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(strategies.bib_files())
def test_pieces_read_like_one_run_on_generated_files(text: str) -> None:
    whole = _in_pieces(text, 1 << 30)
    assert _everything(_in_pieces(text, 1)) == _everything(whole)
    for record in whole.records:  # the public constructor accepts what the reader built
        assert Record(id=record.id, type=record.type, fields=record.fields, extra=record.extra) == record


def test_pieces_read_like_one_run_on_the_corpus() -> None:
    files = _files()
    if not files:
        pytest.skip("../shared/bib-corpus is not available")
    unequal = []
    for path in files:
        text = _text(path)
        whole = _in_pieces(text, 1 << 30)
        if _everything(_in_pieces(text, 2000)) != _everything(whole):
            unequal.append(path.name)
        for record in whole.records:
            Record(id=record.id, type=record.type, fields=record.fields, extra=record.extra)
    assert unequal == []


_KIND_OF_HOW = {
    How.TITLE: {Kind.TEXT},
    How.RICH: {Kind.TEXT},
    How.TEXT: {Kind.TEXT, Kind.NUMBER},
    How.VERBATIM: {Kind.TEXT, Kind.NUMBER},
    How.NAMES: {Kind.NAME},
    How.DATE: {Kind.DATE},
    How.YEAR: {Kind.DATE},  # or the text variable "status" for `forthcoming`
    How.PAGES: {Kind.TEXT, Kind.NUMBER},
    How.HOWPUBLISHED: {Kind.TEXT},
}


def test_every_row_makes_a_csl_variable_of_its_kind() -> None:
    """What lets the reader skip Record's checks (see Record._trusted)."""
    for row in FIELDS:
        assert VARIABLES.get(row.csl) in _KIND_OF_HOW[row.how], row
    for variable in ("status", "PMID", "genre"):  # set outside the rows
        assert VARIABLES[variable] in (Kind.TEXT, Kind.NUMBER)
