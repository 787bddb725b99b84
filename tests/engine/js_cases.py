"""Small styles with their items and citeproc-js's output, stored as JSON in tests/engine/data
(made with ../shared/oracle/render_js.mjs, never with citekit): one loader and one renderer
for the test modules that check them."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

from citekit import Formatter, Record, Style

DATA = Path(__file__).parent / "data"


@functools.cache
def cases(name: str) -> dict[str, Any]:
    """The cases of data/`name`: case name -> {style, items, text, html}."""
    data: dict[str, Any] = json.loads((DATA / name).read_text(encoding="utf-8"))
    return dict(data["cases"])


def rendered(case: dict[str, Any], output: str, *, normalised: bool) -> tuple[dict[str, str], dict[str, str]]:
    """citekit's (bibliography by id, citations by id) for the citations the case expects.
    `normalised`: unstripped entries, then text without trailing and HTML without outer
    whitespace, as the breadth reference is normalised."""
    records = [Record.from_csl(item) for item in case["items"]]
    style = Style.load(case["style"])
    formatter = Formatter(records, style, output, links=False, **({"strip": False} if normalised else {}))
    entries = formatter.bibliography()
    if normalised:
        bibliography = {e.id: e.text.rstrip() if output == "text" else e.text.strip() for e in entries}
    else:
        bibliography = {e.id: e.text for e in entries}
    citations = {key: formatter.cite([key]) for key in case[output]["citations"]}
    return bibliography, citations


def check(name: str, case_name: str, output: str) -> None:
    """Assert that citekit gives the stored citeproc-js output for one case of data/`name`."""
    case = cases(name)[case_name]
    bibliography, citations = rendered(case, output, normalised=False)
    assert bibliography == case[output]["bibliography"]
    assert citations == case[output]["citations"]
