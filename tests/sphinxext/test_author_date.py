"""APA, an author-date style: per-page bibliographies and one global bibliography.
Expected texts are citeproc-js's (the oracle); links and anchors are checked as structure."""

from __future__ import annotations

import re
from typing import Any

import pytest

from .pages import citations, entry_ids, links, oracle_text, page, text_by_id, warnings_of

WERNER = "werner2018theranostic"


@pytest.mark.sphinx("html", testroot="apa")
def test_per_page_citations_link_to_their_own_page(app: Any, oracle: dict[str, Any]) -> None:
    app.build()
    assert warnings_of(app) == ""
    index, other = page(app, "index.html"), page(app, "other.html")
    werner_citation = oracle_text(oracle, "apa", WERNER, "citations")  # (Werner et al., 2018)
    werner_entry = oracle_text(oracle, "apa", WERNER)

    cited = citations(index)
    assert cited[0] == (f"#citekit-index-{WERNER}", werner_entry, werner_citation)
    assert cited[2][2] == "(see Werner et al., 2018, p. 12)"  # prefix and locator from the role text
    assert cited[3][2] == "Werner et al. (2018)"  # :cite:t:, as the issue and the APA manual have it
    assert text_by_id(index, f"citekit-index-{WERNER}") == werner_entry

    # the second page's citations point at the second page's own list, not the first's
    assert [href for href, _, _ in citations(other)][:2] == [
        "#citekit-other-byrne2002-002",
        f"#citekit-other-{WERNER}",
    ]
    assert text_by_id(other, "citekit-other-byrne2002-002") == oracle_text(oracle, "apa", "byrne2002-002")
    assert entry_ids(other) == ["citekit-other-byrne2002-002", f"citekit-other-{WERNER}"]  # the style's order


@pytest.mark.sphinx("html", testroot="apa")
def test_each_item_of_a_citation_links_to_its_own_entry(app: Any, oracle: dict[str, Any]) -> None:
    app.build()
    other = page(app, "other.html")
    both = citations(other)[2][2]
    werner = oracle_text(oracle, "apa", WERNER, "citations")[1:-1]
    # APA orders the items by author (the oracle's Byrne is disambiguated among 200 items)
    assert both.startswith("(Byrne") and both.endswith(f"; {werner})")
    assert links(other)[2] == ["#citekit-other-byrne2002-002", f"#citekit-other-{WERNER}"]


@pytest.mark.sphinx("html", testroot="apa")
def test_each_bibliography_lists_what_its_page_cites(app: Any) -> None:
    app.build()
    assert entry_ids(page(app, "index.html")) == ["citekit-index-kumar1975-001", f"citekit-index-{WERNER}"]
    assert "Byrne" not in (text_by_id(page(app, "index.html"), "citekit-index-kumar1975-001") or "")


@pytest.mark.sphinx("html", testroot="global")
def test_one_global_bibliography(app: Any, oracle: dict[str, Any]) -> None:
    app.build()
    assert warnings_of(app) == ""  # no duplicate labels, no unknown keys
    refs = page(app, "refs.html")
    assert entry_ids(refs) == ["citekit-byrne2002-002", "citekit-kumar1975-001", f"citekit-{WERNER}"]
    for key in ("byrne2002-002", WERNER):
        assert text_by_id(refs, f"citekit-{key}") == oracle_text(oracle, "apa", key)
    index_links = [href for href, _, _ in citations(page(app, "index.html"))]
    other_links = [href for href, _, _ in citations(page(app, "other.html"))]
    assert index_links == [f"refs.html#citekit-{WERNER}", "refs.html#citekit-kumar1975-001"]
    assert other_links == ["refs.html#citekit-byrne2002-002", f"refs.html#citekit-{WERNER}"]


@pytest.mark.sphinx("latex", testroot="apa")
def test_latex_puts_each_bibliography_where_it_stands(app: Any) -> None:
    app.build()
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    first_list = tex.index(r"\label{\detokenize{index:citekit-index-werner2018theranostic}}")
    second_list = tex.index(r"\label{\detokenize{other:citekit-other-werner2018theranostic}}")
    assert tex.index("With a locator") < first_list < tex.index("Text after the bibliography")
    assert tex.index("Magazines") < second_list
    assert r"\hyperref[\detokenize{other:citekit-other-byrne2002-002}]" in tex
    assert r"\textit{Theranostics}, \textit{8}(22), 6088–6100." in tex  # the same formatted text


@pytest.mark.parametrize("builder", ["text", "man", "epub", "singlehtml"])
def test_other_builders(make_app: Any, rootdir: Any, builder: str, tmp_path: Any) -> None:
    import shutil

    shutil.copytree(rootdir / "test-apa", tmp_path / "src")
    app = make_app(builder, srcdir=tmp_path / "src", confoverrides={"version": "1", "copyright": "2026"})
    app.build()
    assert "citekit" not in warnings_of(app)
    written = "".join(
        p.read_text(encoding="utf-8", errors="replace")
        for p in app.outdir.rglob("*")
        if p.is_file() and p.suffix in (".txt", ".1", ".xhtml", ".html")
    )
    assert "Werner et al. (2018)" in written
    assert "Byrne, O. K., & Sun, S. (2002, November)" in written.replace("&amp;", "&")
    if builder == "singlehtml":  # every page in one file: each anchor still appears once
        ids = re.findall(r'id="(citekit-[^"]*)"', written)
        assert len(ids) == len(set(ids)) == 4
