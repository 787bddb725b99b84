"""Round-trip properties for BibTeX (strategies in tests/strategies.py, BibTeX section)."""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import citekit
from citekit import Date, Record
from citekit.formats.bibtex._latex import Mode, decode
from citekit.formats.bibtex._latex_encode import encode

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # tests/, for the shared strategies
import strategies

_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _comparable(record: Record) -> dict[str, object]:
    """Mapped fields as CSL compares them: numbers as text, dates with raw text parsed."""
    out: dict[str, object] = {}
    for name, value in record.fields.items():
        if isinstance(value, Date):
            out[name] = value.resolved()
        elif isinstance(value, int | float):
            out[name] = str(value)
        else:
            out[name] = value
    return out


@_SETTINGS
@given(strategies.bib_records(), st.sampled_from(["bibtex", "biblatex"]))
def test_csl_to_bibtex_to_csl(record: Record, dialect: str) -> None:
    text = citekit.dumps([record], dialect)
    library = citekit.parse(text, dialect)
    assert [p for p in library.problems if p.severity == "error"] == []
    (again,) = library.records
    assert (again.key, again.type) == (record.key, record.type)
    if record.type == "thesis" and "genre" not in record:
        # BibTeX has no genre-less thesis: @phdthesis reads as genre "PhD thesis" (citation-js too)
        again = again.without(["genre"])
    assert _comparable(again) == _comparable(record)


@_SETTINGS
@given(strategies.bib_files())
def test_parse_write_parse(text: str) -> None:
    first = citekit.parse(text, "bibtex")
    written = citekit.dumps(first, "bibtex")
    second = citekit.parse(written, "bibtex")
    assert second.records == first.records
    assert [(b.kind, b.raw) for b in second.blocks] == [(b.kind, b.raw) for b in first.blocks]  # type: ignore[attr-defined]
    assert citekit.dumps(second, "bibtex") == written


@_SETTINGS
@given(strategies.bib_text, st.booleans())
def test_latex_encode_decode(text: str, ascii: bool) -> None:
    encoded = encode(text, ascii=ascii, markup=False)
    assert decode(encoded, Mode.PLAIN) == (text, [])
    if ascii:
        assert encoded.isascii() or any(ord(c) > 127 for c in decode(encoded, Mode.PLAIN)[0])


@_SETTINGS
@given(strategies.bib_text)
def test_latex_encode_decode_rich(text: str) -> None:
    assert decode(encode(text), Mode.RICH)[0] == text
