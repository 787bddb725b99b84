"""Styles that raised instead of rendering, found by tools/style_sweep.py (every style citekit
can load, each with varied items): each cause is a small style and its items, with
citeproc-js's output stored in tests/engine/data/style_sweep_js.json (made with
../shared/oracle/render_js.mjs, never with citekit).

- `citation-number-strip-periods`: `strip-periods` on the citation number (an int to
  citeproc-py) leaves it as it is (`periods`).
"""

from __future__ import annotations

import pytest
from js_cases import cases, check

DATA = "style_sweep_js.json"


@pytest.mark.parametrize("output", ["text", "html"])
@pytest.mark.parametrize("name", sorted(cases(DATA)))
def test_as_citeproc_js(name: str, output: str) -> None:
    check(DATA, name, output)
