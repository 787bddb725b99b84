"""Round trips between formats: bib -> RIS -> bib, bib -> CSL-JSON -> bib, RIS -> bib -> RIS and
Zotero CSL-JSON -> RIS -> CSL-JSON keep keys, names and every field the middle format can hold.

Each trip runs on example exports written in the style of Zotero, Better BibTeX, JabRef,
Mendeley, PubMed, Scopus and Web of Science (tests/formats/exports), and as a Hypothesis
property. What a format cannot hold is the one list below per trip, each entry with its reason;
everything else must come back identical. The properties compare the record read at the end
with the record read at the start, never with citekit's own output written down.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from ris_strategies import ris_records
from strategies import bib_records, csl_records_for_ris

import citekit
from citekit import Date, Name, Record
from citekit._csljson import LEGACY_ALIASES
from citekit.formats._ris_values import plain_text

EXPORTS = Path(__file__).parent / "exports"
BIB_FILES = sorted(p.name for p in EXPORTS.glob("*.bib"))
RIS_FILES = sorted(p.name for p in EXPORTS.glob("*.ris"))


def through(records: tuple[Record, ...] | list[Record], *formats: str) -> tuple[Record, ...]:
    """The records written and read in each format in turn (no problems on the way)."""
    data: Any = list(records)
    for fmt in formats:
        library = citekit.parse(citekit.dumps(data, fmt), fmt)
        assert library.ok, library.problems
        data = library
    return tuple(data.records)


# --- What the middle format cannot hold -------------------------------------------------------


_SPACE = re.compile(r"\s+")


def _initials(given: str | None) -> str | None:
    """BibTeX writes the initials "V.A." as "V. A." (its name parser's tokens)."""
    return None if given is None else re.sub(r"\.(?=\S)", ". ", given)


def ris_view(record: Record) -> dict[str, Any]:
    """What RIS holds of a record: no markup (RIS is plain text), numbers as text (RIS has no
    numbers), name particles joined to the family name (RIS has one family part), keywords one
    a line (not how they were separated), Zotero's journalAbbreviation as the CSL variable it
    means."""
    out: dict[str, Any] = {}
    for key, value in record.fields.items():
        if isinstance(value, tuple):
            out[key] = [_name_view(n) for n in value]
        elif isinstance(value, Date):
            out[key] = value.resolved().date_parts or value.resolved().literal
        else:
            out[key] = plain_text(str(value))
    for legacy, name in LEGACY_ALIASES.items():
        if isinstance(record.extra.get(legacy), str) and name == "container-title-short":
            out.setdefault(name, record.extra[legacy])
    out.pop("citation-key", None)  # it is the ID
    if isinstance(out.get("keyword"), str):  # one keyword a KW line: the separators are RIS's
        out["keyword"] = [k.strip() for k in out["keyword"].split(",") if k.strip()]
    return out


def _name_view(name: Name) -> tuple[str | None, ...]:
    if name.is_literal:
        return (plain_text(name.literal or ""),)
    family = " ".join(p for p in (name.dropping_particle, name.non_dropping_particle, name.family) if p)
    return (family or None, name.given, name.suffix)


def bib_view(record: Record) -> dict[str, Any]:
    """What BibTeX holds of a record: whitespace folded (a line break is a space in BibTeX),
    initials spaced, on top of what RIS holds when RIS was on the way."""
    out = ris_view(record)
    if record.type == "thesis" and out.get("genre") == "PhD thesis":
        del out["genre"]  # BibTeX has no thesis of no kind: it is written @phdthesis
    for key, value in out.items():
        if isinstance(value, str):
            out[key] = _folded(value)
        elif isinstance(value, list):  # names as (family, given, ...) tuples, or strings (keywords)
            out[key] = [_folded(n) if isinstance(n, str) else _initialled(n) for n in value]
    return out


def _folded(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _initialled(name: tuple[Any, ...]) -> tuple[Any, ...]:
    # A string of three characters is no name (a keyword `A 0` was taken for one: found by
    # test_property_ris_to_bib_to_ris).
    return (name[0], _initials(name[1]), name[2]) if len(name) == 3 else name


# --- Example exports ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def exports() -> dict[str, tuple[Record, ...]]:
    out = {}
    for path in sorted(EXPORTS.iterdir()):
        library = citekit.read(path)
        assert library.ok and library.records, (path.name, library.problems)
        out[path.name] = library.records
    return out


@pytest.mark.parametrize("name", BIB_FILES)
def test_bib_to_ris_to_bib(exports: dict[str, tuple[Record, ...]], name: str) -> None:
    first = exports[name]
    back = through(first, "ris", "bibtex")
    assert [r.key for r in back] == [r.key for r in first]
    assert [bib_view(r) for r in back] == [bib_view(r) for r in first]


@pytest.mark.parametrize("name", BIB_FILES)
def test_bib_to_csljson_to_bib_is_identity(exports: dict[str, tuple[Record, ...]], name: str) -> None:
    first = exports[name]
    text = citekit.dumps(first, "bibtex")
    assert through(first, "csljson", "bibtex") == citekit.parse(text, "bibtex").records
    middle = citekit.parse(citekit.dumps(first, "csljson"), "csljson")
    assert citekit.dumps(middle, "bibtex") == text


@pytest.mark.parametrize("name", RIS_FILES)
def test_ris_to_bib_to_ris(exports: dict[str, tuple[Record, ...]], name: str) -> None:
    first = exports[name]
    back = through(first, "bibtex", "ris")
    assert [r.key for r in back] == [r.key for r in first]
    assert [bib_view(r) for r in back] == [bib_view(r) for r in first]
    # Tag lines no CSL variable holds (AD, UT, J9, AU initials...) come back as they were.
    assert [r.extra.get("ris", {}).get("tags") for r in back] == [
        r.extra.get("ris", {}).get("tags") for r in first
    ]


def test_zotero_csljson_to_ris_to_csljson(exports: dict[str, tuple[Record, ...]]) -> None:
    first = exports["zotero.json"]
    back = through(first, "ris", "csljson")
    # The key is Zotero 7's citation-key (its id is an item URI).
    assert [r.key for r in back] == [r["citation-key"] for r in first]
    assert [r["citation-key"] for r in back] == [r["citation-key"] for r in first]
    assert [ris_view(r) for r in back] == [ris_view(r) for r in first]


def test_what_the_examples_say() -> None:
    """The examples are what their exporters write: the features the trips above exercise."""
    zotero = json.loads((EXPORTS / "zotero.json").read_text(encoding="utf-8"))
    assert {"citation-key", "journalAbbreviation", "PMID", "version", "event-title", "original-date"} <= {
        key for item in zotero for key in item
    }
    wos = (EXPORTS / "wos.ris").read_text(encoding="utf-8")
    assert all(f"\n{tag}  - " in wos for tag in ("AF", "J9", "JI", "DT", "UT", "AN"))


# --- Properties ------------------------------------------------------------------------------------


def _property(
    strategy: st.SearchStrategy[Record], formats: tuple[str, ...], view: Callable[[Record], dict[str, Any]]
) -> Callable[[list[Record]], None]:
    def check(records: list[Record]) -> None:
        first = through(records, formats[0])
        back = through(first, *formats[1:])
        assert [r.key for r in back] == [r.key for r in first]
        assert [view(r) for r in back] == [view(r) for r in first]

    return check


_unique = {"unique_by": lambda r: r.key, "min_size": 1, "max_size": 3}


@given(st.lists(bib_records(), **_unique))
@settings(max_examples=150, deadline=None)
def test_property_bib_to_ris_to_bib(records: list[Record]) -> None:
    _property(bib_records(), ("bibtex", "ris", "bibtex"), bib_view)(records)


@given(st.lists(bib_records(), **_unique))
@settings(max_examples=150, deadline=None)
def test_property_bib_to_csljson_to_bib(records: list[Record]) -> None:
    first = through(records, "bibtex")
    assert through(first, "csljson", "bibtex") == first


# The BibTeX writer writes verbatim fields (DOI, URL...) as they are, so a brace in one breaks
# the .bib (reported to the BibTeX side; the reproducer is in tests/fuzz/test_reproducers.py).
_VERBATIM = ("DOI", "URL", "ISBN", "ISSN", "PMID", "PMCID")


def _bib_safe(record: Record) -> bool:
    # A value of white space only (a lone no-break space) is no value to the BibTeX reader: it
    # keeps it in the entry's stash and gives no CSL field (found by this property).
    if any(isinstance(v, str) and not v.strip() for v in record.fields.values()):
        return False
    return not any(c in str(record.fields.get(v, "")) for v in _VERBATIM for c in "{}\\")


@given(st.lists(ris_records().filter(_bib_safe), **_unique))
@example([Record(id="A", type="article-magazine", fields={"keyword": "A  0"})])  # a keyword of 3 characters
@settings(max_examples=150, deadline=None)
def test_property_ris_to_bib_to_ris(records: list[Record]) -> None:
    _property(ris_records(), ("ris", "bibtex", "ris"), bib_view)(records)


@given(st.lists(csl_records_for_ris(), **_unique))
@settings(max_examples=150, deadline=None)
def test_property_csljson_to_ris_to_csljson(records: list[Record]) -> None:
    _property(csl_records_for_ris(), ("csljson", "ris", "csljson"), ris_view)(records)
