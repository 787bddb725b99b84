"""citekit.Document's contract: insert/edit/remove report exactly the citations whose text
changed and leave the document as if it had been written in order; Formatter.cite is
stateless; bad input is a citekit error. Expected texts come from citeproc-js (the stored
document_features references) or from the property that an edited document equals the
same document appended from scratch."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import citekit
from citekit import Cite, Document, Formatter, Record

DATA = json.loads((Path(__file__).parent / "document_features" / "references.json").read_text("utf-8"))
RECORDS = [Record.from_csl(item) for item in DATA["items"]]
EXPECTED = {d["doc"]: d["expected"] for d in DATA["documents"]}
IDS = ["abbott", "zeller", "baker", "smith2018", "smith2020"]


def test_insert_renumbers_and_reports_every_change() -> None:
    doc = Document(RECORDS, "ieee")
    first = doc.cite(["abbott"])
    second = doc.cite(["zeller"])
    changed = doc.insert(0, ["zeller"])
    # citeproc-js, the same final document appended in order: [1], [2], [1]
    assert [c.text for c in doc.citations] == EXPECTED["numbering-first-citation"]["citations"]
    assert {c.id for c in changed} == {doc.citations[0].id, first.id, second.id}
    assert doc.citations[1].id == first.id and doc.citations[1].text == "[2]"


def test_remove_and_edit() -> None:
    doc = Document(RECORDS, "ieee")
    one, two = doc.cite(["zeller"]), doc.cite(["abbott"])
    assert doc.remove(one.id) == [attrs_evolve(two, "[1]")]
    assert [c.text for c in doc.edit(two.id, ["zeller", "abbott"])] == ["[1], [2]"]
    with pytest.raises(citekit.InputError, match="no citation"):
        doc.remove(one.id)


def attrs_evolve(citation: citekit.Citation, text: str) -> citekit.Citation:
    return citekit.Citation(citation.id, citation.cites, citation.note, text)


def test_bibliography_holds_cited_records_only_and_uncited_on_request() -> None:
    doc = Document(RECORDS, "apa")
    assert doc.cite(["knuth84a"]).text == EXPECTED["uncited-take-no-part"]["citations"][0]
    assert [e.text for e in doc.bibliography()] == EXPECTED["uncited-take-no-part"]["bibliography"]
    entries = doc.bibliography(uncited=["knuth84b"])
    assert [e.text for e in entries] == EXPECTED["uncited-registered"]["bibliography"]
    assert [c.text for c in doc.citations] == EXPECTED["uncited-registered"]["citations"]


def test_formatter_cite_is_stateless() -> None:
    formatter = Formatter(RECORDS, "chicago-notes-bibliography")
    first = EXPECTED["notes-positions"]["citations"][0]  # citeproc-js, a first note
    assert formatter.cite(["abbott"]) == first
    assert formatter.cite(["abbott"]) == first  # not the short form of a subsequent note


def test_unknown_ids_and_labels_are_errors() -> None:
    formatter = Formatter(RECORDS, "apa")
    with pytest.raises(citekit.UnknownRecordError, match="did you mean abbott"):
        formatter.cite(["abbot"])
    with pytest.raises(citekit.UnknownRecordError):
        Document(RECORDS, "apa").cite(["nobody-at-all"])
    with pytest.raises(citekit.InvalidRecordError, match="chapter, column"):
        Cite("abbott", locator="3", label="chapters")
    assert Cite("abbott", locator="3", label="sub verbo").label == "sub-verbo"


def test_a_failing_entry_is_reported_and_the_others_render(monkeypatch: pytest.MonkeyPatch) -> None:
    formatter = Formatter(RECORDS[:3], "apa")
    tree = formatter._session.compiled.tree
    real = tree.render_bibliography

    def failing(items: list[Any]) -> Any:
        if formatter._session._id_of[items[0].key] == RECORDS[1].key:
            raise ValueError("boom")
        return real(items)

    monkeypatch.setattr(tree, "render_bibliography", failing)
    entries = formatter.bibliography()
    bad = [e for e in entries if e.problem is not None]
    assert [e.id for e in bad] == [RECORDS[1].key] and "boom" in str(bad[0].problem)
    assert all(e.text for e in entries if e.problem is None) and len(entries) == 3


def _from_scratch(style: str, plan: list[tuple[list[str], int]]) -> list[str]:
    doc = Document(RECORDS, style)
    for cites, note in plan:
        doc.cite(cites, note=note)
    return [c.text for c in doc.citations]


operations = st.lists(
    st.tuples(
        st.sampled_from(["insert", "edit", "remove"]),
        st.integers(0, 5),
        st.lists(st.sampled_from(IDS), min_size=1, max_size=2, unique=True),
    ),
    min_size=1,
    max_size=4,
)


@pytest.mark.parametrize("style", ["apa", "chicago-notes-bibliography"])
@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ops=operations)
def test_edited_document_equals_the_document_written_in_order(style: str, ops: list[Any]) -> None:
    doc = Document(RECORDS, style)
    doc.cite(["abbott"], note=1)
    doc.cite(["zeller", "abbott"], note=2)
    for op, where, cites in ops:
        before = {c.id: c.text for c in doc.citations}
        where = min(where, len(doc.citations) - (op != "insert"))
        if op == "insert":
            changed = doc.insert(where, cites, note=where + 1)
        elif op == "edit" or len(doc.citations) == 1:
            changed = doc.edit(doc.citations[where].id, cites, note=doc.citations[where].note)
        else:
            changed = doc.remove(doc.citations[where].id)
        texts = {c.id: c.text for c in doc.citations}
        differs = {cid for cid, text in texts.items() if before.get(cid) != text}
        assert differs <= {c.id for c in changed}
        assert all(c.text == texts[c.id] for c in changed)
    plan = [([c.id for c in citation.cites], citation.note or 0) for citation in doc.citations]
    assert [c.text for c in doc.citations] == _from_scratch(style, plan)
