"""Rules the listed differences from citeproc-js (issue 12) traced back: a literal date takes
the year date-part's affixes and formatting (`dates`); a global given-name rule counts only
the names cites print (`disambiguation`); a stop word in quotes stays lower case under title
case (`textcase`); a cs:names's affixes are left off a title or term its cs:substitute prints
instead, but kept around substituted names (`substitute`).

Each case is a small style and its items, with citeproc-js's output stored in
tests/engine/data/residue_js.json (made with ../shared/oracle/render_js.mjs).
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import pytest

from citekit import Formatter, Record, Style

DATA = Path(__file__).parent / "data" / "residue_js.json"


@functools.cache
def _cases() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(DATA.read_text(encoding="utf-8"))
    return dict(data["cases"])


@pytest.mark.parametrize("output", ["text", "html"])
@pytest.mark.parametrize("name", sorted(_cases()))
def test_as_citeproc_js(name: str, output: str) -> None:
    case = _cases()[name]
    records = [Record.from_csl(item) for item in case["items"]]
    formatter = Formatter(records, Style.load(case["style"]), output, links=False)
    expected = case[output]
    assert {e.id: e.text for e in formatter.bibliography()} == expected["bibliography"]
    assert {key: formatter.cite([key]) for key in expected["citations"]} == expected["citations"]
