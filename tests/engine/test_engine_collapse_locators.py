"""Citation-number ranges and locators: a run collapses (`1–3`) when the style prints no locator
in the citation (nature, ACS), and not when it does. Expected outputs are citeproc-js's, stored
in tests/engine/data/collapse_locators.json (made with ../shared/oracle/render_doc_js.mjs)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import citekit

DATA = Path(__file__).parent / "data" / "collapse_locators.json"


def _cite(data: dict[str, Any]) -> citekit.Cite:
    return citekit.Cite(str(data["id"]), locator=data.get("locator"), label=data.get("label"))


@pytest.fixture(scope="module")
def reference() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(DATA.read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize("style", ["nature", "american-chemical-society", "ieee"])
def test_run_with_unprinted_locators_collapses(reference: dict[str, Any], style: str) -> None:
    records = [citekit.Record.from_csl(item) for item in reference["items"]]
    doc = citekit.Document(records, style, output="text")
    for cites in reference["citations"]:
        doc.cite([_cite(c) for c in cites])
    assert [c.text.strip() for c in doc.citations] == reference["expected"][style]


_NO_NAMES = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id/><title/><updated>2009-08-10T04:49:00+09:00</updated></info>
  <citation year-suffix-delimiter="," disambiguate-add-year-suffix="true" collapse="year-suffix">
    <layout prefix="(" suffix=")" delimiter="; ">
      <date variable="issued"><date-part name="year"/></date>
    </layout>
  </citation>
</style>"""


def test_cites_printing_no_names_collapse_their_year_suffixes() -> None:
    # The CSL suite's magic_ImplicitYearSuffixExplicitDelimiter (citeproc-js)
    records = [
        citekit.Record.from_csl(
            {
                "id": key,
                "type": "book",
                "author": [{"family": "Doe", "given": "John"}],
                "issued": {"date-parts": [[1965]]},
            }
        )
        for key in ("a", "b")
    ]
    assert citekit.Formatter(records, _NO_NAMES).cite([citekit.Cite("a"), citekit.Cite("b")]) == "(1965a,b)"


def test_a_locator_counts_as_content_of_a_macro() -> None:
    # The CSL suite's collapse_ChicagoAfterCollapse: a macro trying an empty `volume` and
    # printing the locator is not suppressed as an empty implicit group (citeproc-js).
    style = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id/><title/><updated>2009-08-10T04:49:00+09:00</updated></info>
  <macro name="m"><number variable="volume" suffix=":"/><text variable="locator"/></macro>
  <citation><layout><text macro="m"/></layout></citation>
</style>"""
    record = citekit.Record.from_csl({"id": "a", "type": "book", "title": "T"})
    assert citekit.Formatter([record], style).cite([citekit.Cite("a", locator="328")]) == "328"
