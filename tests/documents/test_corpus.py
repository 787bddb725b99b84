"""The stored document corpus is what tools/make_documents.py makes, covers what issue 9 asks
for, and the comparison in doc_oracle.py tells a right rendering from a wrong one. These run
without citekit.Document (a stand-in plays it, answering with the stored references)."""

from __future__ import annotations

import itertools
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any, ClassVar

import doc_oracle
import pytest
from doc_oracle import compare, load, stored_styles

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
import make_documents

STYLES = stored_styles()


def test_every_style_of_the_generator_is_stored() -> None:
    assert sorted(make_documents.STYLES) == STYLES


@pytest.mark.parametrize("style", STYLES)
def test_stored_documents_are_the_generators(style: str) -> None:
    data = load(style)
    made = make_documents.build_documents(data["seed"], [style], len(data["documents"]))[style]
    stored = [{k: v for k, v in doc.items() if k != "expected"} for doc in data["documents"]]
    assert made == stored, "regenerate with tools/make_documents.py"


@pytest.mark.parametrize("style", STYLES)
def test_documents_cover_the_features(style: str) -> None:
    documents = load(style)["documents"]
    cites = [c for d in documents for cluster in d["citations"] for c in cluster["citationItems"]]
    labels = {c["label"] for c in cites if "label" in c}
    assert labels == set(make_documents.LOCATOR_LABELS)
    assert any(c.get("suppress-author") for c in cites) and any(c.get("author-only") for c in cites)
    assert any("prefix" in c for c in cites) and any("suffix" in c for c in cites)
    for document in documents:
        clusters = [[c["id"] for c in cluster["citationItems"]] for cluster in document["citations"]]
        assert any(len(ids) > 1 for ids in clusters)
        assert any(a == b for a, b in itertools.pairwise(clusters)), "an ibid run"
        cited = {i for ids in clusters for i in ids}
        assert document["uncited"] and not cited & set(document["uncited"])
        assert {i["id"] for i in document["items"]} - cited - set(document["uncited"]), "never cited"
        notes = [cluster["properties"]["noteIndex"] for cluster in document["citations"]]
        if make_documents.is_note_style(style):
            assert notes == sorted(notes) and notes[0] >= 1
        else:
            assert set(notes) == {0}
        for output in doc_oracle.OUTPUTS:
            expected = document["expected"][output]
            assert len(expected["citations"]) == len(clusters) and all(expected["citations"])
            assert len(expected["bibliography"]) == len(expected["bibliography_order"]) > 0
            assert set(expected["bibliography_order"]) == cited | set(document["uncited"])


class _Stand:
    """Plays citekit.Document by answering with the stored references, but for `wrong`."""

    documents: ClassVar[dict[tuple[str, ...], dict[str, Any]]] = {}
    wrong: str = ""

    def __init__(
        self, records: list[Any], style: Any, *, output: str, links: bool, uncited: Iterable[str] = ()
    ) -> None:
        ids = tuple(sorted(r.key for r in records))
        self.expected = self.documents[ids]["expected"][output]
        self.count = 0

    def cite(self, cites: list[Any], note: int | None = None) -> None:
        self.count += 1

    @property
    def citations(self) -> list[Any]:
        texts = list(self.expected["citations"][: self.count])
        texts[0] = self.wrong or texts[0]
        return [type("Citation", (), {"text": t}) for t in texts]

    def bibliography(self, uncited: Iterable[str] = ()) -> list[Any]:
        pairs = zip(self.expected["bibliography_order"], self.expected["bibliography"], strict=True)
        return [type("Entry", (), {"id": i, "text": t}) for i, t in pairs]


@pytest.mark.parametrize("wrong", ["", "(Nobody, 1900)"])
def test_the_comparison_tells_right_from_wrong(wrong: str, monkeypatch: pytest.MonkeyPatch) -> None:
    data = load("apa")
    document = data["documents"][0]
    _Stand.documents = {tuple(sorted(i["id"] for i in document["items"])): document}
    monkeypatch.setattr(_Stand, "wrong", wrong)
    monkeypatch.setattr(doc_oracle.citekit, "Document", _Stand, raising=False)
    monkeypatch.setattr(doc_oracle.citekit, "Cite", lambda *a, **k: (a, k))
    checks = list(compare("apa", {"documents": [document]}, outputs=["text"]))
    failing = [c.key for c in checks if not c.ok]
    assert failing == ([f"apa text {document['doc']} citation 1"] if wrong else [])
    assert len(checks) == len(document["citations"]) + len(document["expected"]["text"]["bibliography"]) + 1
