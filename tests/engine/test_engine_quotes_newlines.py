"""Quote marks in field text, character references in affixes, and a value's trailing space
(issue 12), each against citeproc-js.

- A field's straight quotes and the locale's own quote marks (outer and inner) are quotes,
  written with the locale's marks and flipping inside quotes; an explicit `quotes="false"`
  makes a quote in it outer (`quotes`).
- `&#10;` written in an affix prints as a line break; `display` is read only on the layout's
  own elements (`display`, `entities`).
- A `cs:text value`'s own trailing space stays inside a display block that ends the entry
  (`_fixups`).

Each case is a small style and its items, with citeproc-js's output stored in
tests/engine/data/quotes_newlines_js.json (made with ../shared/oracle/render_js.mjs and
normalised as the breadth reference is: text entries without trailing whitespace, HTML
entries without the outer csl-entry div).
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import pytest

from citekit import Formatter, Record, Style

DATA = Path(__file__).parent / "data" / "quotes_newlines_js.json"


@functools.cache
def _cases() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(DATA.read_text(encoding="utf-8"))
    return dict(data["cases"])


@pytest.mark.parametrize("output", ["text", "html"])
@pytest.mark.parametrize("name", sorted(_cases()))
def test_as_citeproc_js(name: str, output: str) -> None:
    case = _cases()[name]
    records = [Record.from_csl(item) for item in case["items"]]
    formatter = Formatter(records, Style.load(case["style"]), output, links=False, strip=False)
    expected = case[output]
    entries = formatter.bibliography()
    written = {e.id: e.text.rstrip() if output == "text" else e.text.strip() for e in entries}
    assert written == expected["bibliography"]
    assert {key: formatter.cite([key]) for key in expected["citations"]} == expected["citations"]
