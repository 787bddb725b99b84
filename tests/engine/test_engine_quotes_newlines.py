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

import pytest
from js_cases import cases, rendered

DATA = "quotes_newlines_js.json"


@pytest.mark.parametrize("output", ["text", "html"])
@pytest.mark.parametrize("name", sorted(cases(DATA)))
def test_as_citeproc_js(name: str, output: str) -> None:
    case = cases(DATA)[name]
    bibliography, citations = rendered(case, output, normalised=True)
    assert bibliography == case[output]["bibliography"]
    assert citations == case[output]["citations"]
