"""Narrative and partial forms come from the style: an author-only citation for the names
and a suppress-author one for the rest. APA's from the APA manual's own examples (names in
running text joined by "and", the parenthetical citation by "&"); MLA's and Chicago's from
citeproc-js's author-only and suppress-author citations (data/narrative.json)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from .conftest import build
from .pages import citations, warnings_of

REFERENCE = json.loads((Path(__file__).parent / "data" / "narrative.json").read_text(encoding="utf-8"))


def _texts(app: Any) -> list[str]:
    return [text for _, _, text in citations(Path(app.outdir, "index.html").read_text(encoding="utf-8"))]


def test_apa_as_the_manual_writes_it(tmp_path: Path) -> None:
    app = build(tmp_path, "narrative")
    assert warnings_of(app) == ""
    assert _texts(app) == [
        "Cooley and Tukey (1965)",
        "Lamport (1994, p. 12)",
        "Cooley and Tukey",
        "1965",
        "(Cooley & Tukey, 1965)",
        "(Knuth, 1984)",  # not 1984a: an uncited record takes no part in disambiguation
    ]


@pytest.mark.parametrize("style", sorted(REFERENCE))
def test_as_citeproc_js_makes_the_parts(tmp_path: Path, style: str) -> None:
    app = build(tmp_path, "narrative", confoverrides={"citekit_style": style})
    assert warnings_of(app) == ""
    names_c, rest_c, names_l, rest_l = (
        "" if part == "[NO_PRINTED_FORM]" else part for part in REFERENCE[style]
    )
    texts = _texts(app)
    assert texts[:3] == [f"{names_c} {rest_c}".strip(), f"{names_l} {rest_l}".strip(), names_c]
