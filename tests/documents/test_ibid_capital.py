"""AGLC prints `ibid` with strip-periods; at the start of a note citeproc-js capitalises it
(`Ibid`, `Ibid iv; …`). Expected texts: the stored citeproc-js documents (this directory)."""

from __future__ import annotations

import doc_oracle
import pytest

STYLE = "australian-guide-to-legal-citation"


def _opening_ibid() -> list[tuple[str, int, str]]:
    cases = []
    for document in doc_oracle.load(STYLE)["documents"]:
        for number, text in enumerate(document["expected"]["text"]["citations"], start=1):
            if text.startswith("Ibid"):
                cases.append((document["doc"], number, text))
    return cases


@pytest.fixture(scope="module")
def rendered() -> dict[str, list[str]]:
    return {
        d["doc"]: doc_oracle.render(d, STYLE, "text").citations for d in doc_oracle.load(STYLE)["documents"]
    }


def test_corpus_has_opening_ibid() -> None:
    assert len(_opening_ibid()) >= 3


@pytest.mark.parametrize(("doc", "number", "expected"), _opening_ibid())
def test_opening_ibid_is_capitalised(
    rendered: dict[str, list[str]], doc: str, number: int, expected: str
) -> None:
    assert rendered[doc][number - 1] == expected
