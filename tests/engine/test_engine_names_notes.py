"""Note fields, hyphenated name variables (`container-author`, `collection-editor`), initials
that keep a second capital and parsed particles, against citeproc-js's output for the same
items and style (data/names_notes_js.json, made with ../shared/oracle/render_js.mjs)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import citekit

DATA: dict[str, Any] = json.loads((Path(__file__).parent / "data" / "names_notes_js.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def formatter() -> citekit.Formatter:
    records = [citekit.Record.from_csl(item) for item in DATA["items"]]
    return citekit.Formatter(records, citekit.Style.load(DATA["style"]), output="html")


@pytest.mark.parametrize("item_id", sorted(DATA["expected"]))
def test_entry_and_citation_match_citeproc_js(formatter: citekit.Formatter, item_id: str) -> None:
    entries = {entry.id: entry.text for entry in formatter.bibliography()}
    assert entries[item_id] == DATA["expected"][item_id]["bibliography"]
    assert formatter.cite([item_id]) == DATA["expected"][item_id]["citation"]
