"""A citation with nothing to print, in a Document: citeproc-js's processCitationCluster prints the
bare `[NO_PRINTED_FORM]` (no layout affixes). Expected outputs are citeproc-js's, stored in
tests/engine/data/no_printed_form.json (made with ../shared/oracle/render_doc_js.mjs)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import citekit

DATA = Path(__file__).parent / "data" / "no_printed_form.json"


def _cite(data: dict[str, Any]) -> citekit.Cite:
    return citekit.Cite(str(data["id"]), author_only=bool(data.get("author-only")))


@pytest.fixture(scope="module")
def reference() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(DATA.read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize("style", ["ieee", "nature"])
def test_author_only_in_a_numeric_style(reference: dict[str, Any], style: str) -> None:
    records = [citekit.Record.from_csl(item) for item in reference["items"]]
    doc = citekit.Document(records, style, output="text")
    for cites in reference["citations"]:
        doc.cite([_cite(c) for c in cites])
    assert [c.text.strip() for c in doc.citations] == reference["expected"][style]
