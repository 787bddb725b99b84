"""Expected outputs from citeproc-js (../shared/oracle), read in place, beside citekit's.

Driven as the oracle was made (../shared/oracle/README.md): every item of the file is
registered, each cited alone; skipped when the oracle is absent.
"""

from __future__ import annotations

import functools
from typing import Any

from conftest import oracle

from citekit import Formatter, Record


@functools.cache
def _data(file: str) -> dict[str, Any]:
    return oracle(file)


@functools.cache  # Formatter.cite is stateless: every call is a first citation
def _formatter(file: str, style: str, output: str) -> Formatter:
    records = [Record.from_csl(item) for item in _data(file)["items"]]
    return Formatter(records, style, output, links=False)


@functools.cache
def _bibliography(file: str, style: str, output: str) -> dict[str, str]:
    return {entry.id: entry.text for entry in _formatter(file, style, output).bibliography()}


def bibliography_entry(file: str, style: str, item_id: str, output: str = "text") -> tuple[str, str]:
    """(citeproc-js's entry, citekit's entry) for one item."""
    expected = _data(file)["styles"][style][output]["bibliography"][item_id]
    actual = _bibliography(file, style, output)[item_id]
    return expected, actual.rstrip() if output == "text" else actual


def citation(file: str, style: str, item_id: str, output: str = "text") -> tuple[str, str]:
    """(citeproc-js's citation, citekit's citation) of one item cited alone, first cited in
    a fresh session (a later cite of the same item would be a subsequent one)."""
    expected = _data(file)["styles"][style][output]["citations"][item_id]
    return expected, _formatter(file, style, output).cite([item_id])
