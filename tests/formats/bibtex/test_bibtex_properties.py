"""Round-trip properties for BibTeX (strategies in tests/strategies.py, BibTeX section)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import citekit
from citekit import Date, Name, Record
from citekit.formats.bibtex._latex import Mode, decode
from citekit.formats.bibtex._latex_encode import encode

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # tests/, for the shared strategies
import strategies

_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


_NOCASE = re.compile(r'<span class="nocase">((?:(?!<span).)*?)</span>')


def _particles_as_one(value: object) -> object:
    """Names with their particle's kind forgotten: classic BibTeX has one `von` part, so an
    entry mixing dropping and non-dropping particles cannot say which is which (BibLaTeX's
    extended name format can; the bibtex dialect may not use it)."""
    if isinstance(value, tuple) and all(isinstance(n, Name) for n in value):
        return tuple(
            (n.family, n.given, n.non_dropping_particle or n.dropping_particle, n.suffix, n.literal)
            for n in value
        )
    return value


def _comparable(record: Record) -> dict[str, object]:
    """Mapped fields as CSL compares them: numbers as text, dates with raw text parsed, and
    text without nocase spans (the writer protects capitals in titles with braces, as
    Better BibTeX does, and they read back as nocase spans: the same text, kept in case)."""
    out: dict[str, object] = {}
    for name, value in record.fields.items():
        if isinstance(value, Date):
            out[name] = value.resolved()
        elif isinstance(value, int | float):
            out[name] = str(value)
        elif isinstance(value, str):
            while _NOCASE.search(value):
                value = _NOCASE.sub(r"\1", value)
            out[name] = value
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
    key = record.fields.get("citation-key")  # Zotero 7's citation key is the BibTeX key
    if isinstance(key, str) and key.strip():
        # characters that break a BibTeX key (space, comma, braces, quotes...) are written "_"
        assert (again.key, again.type) == (re.sub(r"[\s,{}()\"#%'=\\~]", "_", key.strip()), record.type)
        record = record.without(["citation-key"])
    else:
        assert (again.key, again.type) == (record.key, record.type)
    if record.type == "thesis" and "genre" not in record:
        # BibTeX has no genre-less thesis: @phdthesis reads as genre "PhD thesis" (citation-js too)
        again = again.without(["genre"])
    mine, theirs = _comparable(again), _comparable(record)
    if dialect == "bibtex":
        mine = {k: _particles_as_one(v) for k, v in mine.items()}
        theirs = {k: _particles_as_one(v) for k, v in theirs.items()}
    assert mine == theirs


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


@_SETTINGS
@given(strategies.bib_files())
def test_bib_to_csljson_to_bib(text: str) -> None:
    """The stash travels in CSL-JSON, so a .bib file's entries come back as they were (in
    CSL terms: @string definitions do not travel, so a value that used one is written from
    CSL, with its capitals in braces, which read back as nocase spans)."""
    first = citekit.parse(text, "bibtex")
    through = citekit.parse(citekit.dumps(first, "csljson"), "csljson")
    second = citekit.parse(citekit.dumps(through, "bibtex"), "bibtex")
    assert [(r.key, r.type, _comparable(r)) for r in second] == [
        (r.key, r.type, _comparable(r)) for r in first
    ]


@pytest.mark.parametrize("text", ["-–", "–-", "a-–b", "-—", "—-", "'”", "–—", "--–"])
def test_dash_and_quote_ligatures_stay_apart(text: str) -> None:
    """Found by Hypothesis: a hyphen next to an encoded en dash made `---`, an em dash."""
    assert decode(encode(text, ascii=True, markup=False), Mode.PLAIN) == (text, [])
    assert decode(encode(text), Mode.RICH)[0] == text
