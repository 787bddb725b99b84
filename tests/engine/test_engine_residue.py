"""Rules the listed differences from citeproc-js (issue 12) traced back: a literal date takes
the year date-part's affixes and formatting (`dates`); a global given-name rule counts only
the names cites print (`disambiguation`); a stop word in quotes stays lower case under title
case (`textcase`); a cs:names's affixes are left off a title or term its cs:substitute prints
instead, but kept around substituted names (`substitute`).

Each case is a small style and its items, with citeproc-js's output stored in
tests/engine/data/residue_js.json (made with ../shared/oracle/render_js.mjs).
"""

from __future__ import annotations

import pytest
from js_cases import cases, check

DATA = "residue_js.json"


@pytest.mark.parametrize("output", ["text", "html"])
@pytest.mark.parametrize("name", sorted(cases(DATA)))
def test_as_citeproc_js(name: str, output: str) -> None:
    check(DATA, name, output)
