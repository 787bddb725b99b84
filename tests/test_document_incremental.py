"""A Document registers records one at a time and decides disambiguation again only for the
groups of cites a new record joins. The property: what it ends with is what deciding
everything at once gives (a Formatter over the same records, registered in the same order)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import namesake_items

from citekit import Document, Formatter, Record

# Author-date styles that use every step: add-names, add-givenname (global rules),
# disambiguate="true" and year suffixes. Not MLA: under add-names with add-givenname by cite,
# citeproc-js starts a group's search from the names the group already showed when another
# item joins it, so its cites depend on the order of citing (tests/document_features holds
# such documents, checked against citeproc-js).
STYLES = ("apa", "chicago-author-date", "harvard-cite-them-right")


@pytest.mark.parametrize("style", STYLES)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_appending_one_by_one_decides_as_all_at_once(style: str, data: Any) -> None:
    items = data.draw(namesake_items())
    order = data.draw(st.permutations([item["id"] for item in items]))
    records = {item["id"]: Record.from_csl(item) for item in items}
    document = Document(list(records.values()), style)
    for record_id in order:
        document.cite([record_id])
    at_once = Formatter([records[i] for i in order], style)
    assert [c.text for c in document.citations] == [at_once.cite([i]) for i in order]
    assert [e.text for e in document.bibliography()] == [e.text for e in at_once.bibliography()]
