"""IEEE, a numeric style: numbers follow the first citation across the whole build
(documents in toctree order), whatever page the bibliography is on."""

from __future__ import annotations

import re
from typing import Any

import pytest

from .pages import citations, entry_ids, links, oracle_text, page, text_by_id, warnings_of


def _unnumbered(text: str) -> str:
    return re.sub(r"^\[\d+\]\s*", "", text)


@pytest.mark.sphinx("html", testroot="ieee")
def test_numbers_follow_first_citation_across_the_build(app: Any, oracle: dict[str, Any]) -> None:
    app.build()
    assert warnings_of(app) == ""
    refs = page(app, "references.html")
    order = ["king2007-005", "werner2018theranostic", "kumar1975-001"]  # index cites king first
    assert entry_ids(refs) == [f"citekit-{key}" for key in order]
    for number, key in enumerate(order, 1):
        entry = text_by_id(refs, f"citekit-{key}") or ""
        assert entry.startswith(f"[{number}]")
        assert _unnumbered(entry) == _unnumbered(oracle_text(oracle, "ieee", key))
    assert [text for _, _, text in citations(page(app, "index.html"))] == ["[1]", "[1], [2]"]
    assert links(page(app, "index.html"))[1] == [  # each number links to its own entry
        "references.html#citekit-king2007-005",
        "references.html#citekit-werner2018theranostic",
    ]
    chapter = citations(page(app, "chapter.html"))
    assert chapter[0] == (
        "references.html#citekit-kumar1975-001",
        "[3] " + _unnumbered(text_by_id(refs, "citekit-kumar1975-001") or ""),  # hover: the entry
        "[3]",
    )
    assert chapter[1][2] == "King et al. [1]"  # narrative in a numeric style: names, then the number


@pytest.mark.sphinx("latex", testroot="ieee")
def test_latex_numbers_and_links(app: Any) -> None:
    app.build()
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert r"\hyperref[\detokenize{references:citekit-kumar1975-001}]" in tex
    assert tex.index("Later") < tex.index(
        r"\label{\detokenize{references:citekit-king2007-005}}[1] P. L. King"
    )
