"""Rules the breadth check (issue 12) found citekit printing differently from citeproc-js:
the implicit year-suffix (`dates`), labels of empty variables (`labels`), `cs:number` values
(`pages`), `type` lists and `page-first` in conditions (`conditions`), periods where date
parts meet (`dates`), dates and numbers a `cs:substitute` printed (`substitute`), dates in
sort macros and `page-first` as a sort key (`dates`, `sorting`), ordinals (`ordinals`), a
style's term written with `form="long"` (`tables`), groups left out by their variables
(`substitute`), `display` in citations (`display`).

Each case is a small style and its items, with citeproc-js's text output stored in
tests/engine/data/breadth_dates.json (made with ../shared/oracle/render_js.mjs).
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import pytest

import citekit

DATA = Path(__file__).parent / "data" / "breadth_dates.json"

# Still different from citeproc-js, each for its reason (strict: a fix shows up).
KNOWN = {
    ("number_values", "i7"): "citeproc-js drops a prefix both ends share (`L2d-L3d` -> `2d–3d`)",
    ("number_values", "i12"): "citeproc-js drops a prefix both ends share (`S25-S33` -> `25–33`)",
    ("number_values", "i17"): "the label of a non-numeric value is singular in citeproc-js",
}


@functools.cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(DATA.read_text(encoding="utf-8"))
    return data


@functools.cache
def _rendered(name: str) -> tuple[dict[str, str], dict[str, str]]:
    case = next(c for c in _data()["cases"] if c["name"] == name)
    records = [citekit.Record.from_csl(item) for item in case["items"]]
    formatter = citekit.Formatter(records, case["style"], "text")
    citations = {r.key: formatter.cite([r.key]) for r in records}
    bibliography = {e.id: e.text.rstrip() for e in formatter.bibliography()}
    return citations, bibliography


def _checks() -> list[Any]:
    out = []
    for case in _data()["cases"]:
        for item_id in case["expected"]:
            reason = KNOWN.get((case["name"], item_id))
            marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
            out.append(pytest.param(case["name"], item_id, id=f"{case['name']}-{item_id}", marks=marks))
    return out


@pytest.mark.parametrize(("name", "item_id"), _checks())
def test_as_citeproc_js(name: str, item_id: str) -> None:
    case = next(c for c in _data()["cases"] if c["name"] == name)
    expected = case["expected"][item_id]
    citations, bibliography = _rendered(name)
    assert (citations[item_id], bibliography[item_id]) == (expected["citation"], expected["bibliography"])


def test_cases_are_there() -> None:
    names = {c["name"] for c in _data()["cases"]}
    assert names == {
        "implicit_year_suffix_once",
        "no_date_term_has_no_implicit_suffix",
        "labels_are_terms",
        "number_values",
        "type_any_and_page_first",
        "date_part_affixes_meet",
        "substituted_dates_and_numbers_suppressed",
        "dates_in_sort_macros",
        "ordinals_de",
        "ordinals_en",
        "style_term_long_form",
        "group_suppression",
        "display_ignored_in_citations",
    }
