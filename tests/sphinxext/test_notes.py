"""Chicago notes and bibliography, a note style: citations become footnotes."""

from __future__ import annotations

from typing import Any

import pytest

from .pages import page, text_by_id, warnings_of


@pytest.mark.sphinx("html", testroot="notes")
def test_citations_are_footnotes(app: Any) -> None:
    app.build()
    assert warnings_of(app) == ""
    html = page(app, "index.html")
    assert html.count('class="footnote-reference brackets"') == 2
    note = text_by_id(html, "citekit-note-0") or ""
    assert note.startswith("[1]") and "“The Theranostic Promise for Neuroendocrine Tumors" in note
    assert 'href="#citekit-kumar1975-001"' in html  # the narrative names link to the entry
    entry = text_by_id(html, "citekit-kumar1975-001") or ""
    assert entry.startswith("Kumar, I") and "Mind" in entry


@pytest.mark.sphinx("latex", testroot="notes")
def test_latex_footnotes(app: Any) -> None:
    app.build()
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert tex.count(r"\begin{footnote}") == 2
    assert r"\textit{Theranostics} 8, no. 22 (2018)" in tex
