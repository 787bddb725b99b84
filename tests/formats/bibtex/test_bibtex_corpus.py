"""Every file of ../shared/bib-corpus through read -> write -> read.

Asserts, per file: nothing raises; every entry block bibtexparser's splitter finds is either a
record, an @xdata block, or a failed block with a problem reported at its line; the second
read equals the first (records, blocks, problem kinds). Files are read from their bytes as
`citekit.read` reads them (encoding found from a mark, a header, UTF-8 or Windows-1252): no
file is refused.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bibtexparser.model import Entry, ParsingFailedBlock
from bibtexparser.splitter import Splitter

import citekit
from citekit._encoding import decode
from citekit.formats.bibtex import read, write

CORPUS = Path(__file__).resolve().parents[3] / ".." / "shared" / "bib-corpus"
SUFFIXES = (".bib", ".bibtex", ".biblatex")


def _files() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    return sorted(p for p in CORPUS.rglob("*") if p.suffix in SUFFIXES)


def _text(path: Path) -> str:
    return decode(path.read_bytes(), source=str(path)).text


def _entry_blocks(text: str) -> int:
    """Entry blocks as bibtexparser's splitter sees them (failed blocks count as entries)."""
    count = 0
    for block in Splitter(text.removeprefix("\ufeff")).split().blocks:
        inner = block.ignore_error_block if isinstance(block, ParsingFailedBlock) else block
        if isinstance(inner, Entry) or (isinstance(block, ParsingFailedBlock) and inner is None):
            count += 1
    return count


def test_corpus_round_trip() -> None:
    files = _files()
    if not files:
        pytest.skip("../shared/bib-corpus is not available")
    assert len(files) >= 800
    unequal: list[str] = []
    unaccounted: list[str] = []
    for path in files:
        text = _text(path)
        try:
            first = citekit.read(path)
        except citekit.CitekitError as exc:
            unaccounted.append(f"{path.name}: refused ({exc})")
            continue
        failed = [b for b in first.blocks if b.kind == "failed"]
        xdata = [b for b in first.blocks if b.kind == "xdata"]
        reported_lines = {p.location.line for p in first.problems}
        if any(b.line not in reported_lines for b in failed):
            unaccounted.append(f"{path.name}: a failed block without a problem")
        if len(first.records) + len(xdata) + len(failed) < _entry_blocks(text):
            unaccounted.append(f"{path.name}: entry blocks neither read nor reported")
        dialect = first.format or "bibtex"  # .biblatex files are read (and written) as BibLaTeX
        second = read(write(first, dialect=dialect), source=str(path), dialect=dialect)
        same = (
            second.records == first.records
            and [(b.kind, b.raw) for b in second.blocks] == [(b.kind, b.raw) for b in first.blocks]
            and sorted(p.kind for p in second.problems)
            == sorted(p.kind for p in first.problems if p.kind != "encoding")  # text, not bytes
        )
        if not same:
            unequal.append(path.name)
    assert unaccounted == []
    assert unequal == []
