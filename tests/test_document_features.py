"""citekit.Document against citeproc-js on small documents, one per feature of issue 9
(cite grouping and collapsing, cluster sorting, positions, notes, disambiguation over what is
cited, locator labels, suppress-author / author-only, numbering by first citation).

The expected texts are citeproc-js's, stored in document_features/references.json by
document_features/make_references.py (documents and items are citekit's own)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from citekit import Cite, Document, Record

DATA = json.loads((Path(__file__).parent / "document_features" / "references.json").read_text("utf-8"))
RECORDS = [Record.from_csl(item) for item in DATA["items"]]
DOCUMENTS = {d["doc"]: d for d in DATA["documents"]}


def cite_of(data: dict[str, Any]) -> Cite:
    return Cite(
        str(data["id"]),
        locator=data.get("locator"),
        label=data.get("label"),
        prefix=data.get("prefix"),
        suffix=data.get("suffix"),
        suppress_author=bool(data.get("suppress-author")),
        author_only=bool(data.get("author-only")),
    )


def render(document: dict[str, Any]) -> tuple[list[str], list[str]]:
    doc = Document(RECORDS, document["style"], csl_aliases=False)
    for citation in document["citations"]:
        note = citation["properties"]["noteIndex"]
        doc.cite([cite_of(c) for c in citation["citationItems"]], note=note or None)
    entries = doc.bibliography(uncited=document.get("uncited", ()))
    return [c.text for c in doc.citations], [e.text for e in entries]


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_document_matches_citeproc_js(name: str) -> None:
    document = DOCUMENTS[name]
    citations, bibliography = render(document)
    assert citations == document["expected"]["citations"]
    assert bibliography == document["expected"]["bibliography"]
