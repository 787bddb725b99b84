"""The citekit_* configuration values that the other tests leave at their defaults."""

from __future__ import annotations

import re
from typing import Any

import pytest

from .pages import citations, entry_ids, page, text_by_id, warnings_of


@pytest.mark.sphinx(
    "html",
    testroot="global",
    confoverrides={"citekit_style": "chicago-author-date", "citekit_locale": "de-DE"},
)
def test_locale(app: Any) -> None:
    app.build()
    assert warnings_of(app) == ""
    assert re.fullmatch(r"\(Werner u\.\s?a\. 2018\)", citations(page(app, "index.html"))[0][2])  # German
    assert " und " in (text_by_id(page(app, "refs.html"), "citekit-byrne2002-002") or "")


@pytest.mark.sphinx("html", testroot="global", confoverrides={"citekit_link_citations": False})
def test_citations_without_links(app: Any) -> None:
    app.build()
    index = page(app, "index.html")
    assert [href for href, _, _ in citations(index)] == ["", ""]
    assert citations(index)[0][2] == "(Werner et al., 2018)"
    assert entry_ids(page(app, "refs.html"))  # the list is still there


@pytest.mark.sphinx("html", testroot="global", confoverrides={"citekit_link_urls": False})
def test_entries_without_url_links(app: Any) -> None:
    app.build()
    refs = page(app, "refs.html")
    entry = refs.split('id="citekit-werner2018theranostic">')[1].split("</div>")[0]
    assert "https://doi.org/10.7150/thno.30357" in entry and "<a " not in entry


@pytest.mark.sphinx("html", testroot="global", confoverrides={"citekit_style": "ieee"})
def test_style_by_alias(app: Any) -> None:
    app.build()
    assert [text for _, _, text in citations(page(app, "index.html"))] == ["[1]", "Kumar [2]"]


def test_style_from_a_csl_file_in_the_project(make_app: Any, rootdir: Any, tmp_path: Any) -> None:
    import shutil

    import citekit

    shutil.copytree(rootdir / "test-global", tmp_path / "src")
    (tmp_path / "src" / "house.csl").write_bytes(citekit.Style.load("ieee").xml)
    app = make_app("html", srcdir=tmp_path / "src", confoverrides={"citekit_style": "house.csl"})
    app.build()
    assert "[citekit." not in warnings_of(app)
    assert [text for _, _, text in citations(page(app, "index.html"))] == ["[1]", "Kumar [2]"]


def test_bibtex_values_are_read_when_citekit_ones_are_unset(tmp_path: Any) -> None:
    from .conftest import build

    compat = build(
        tmp_path / "a", "compat", confoverrides={"bibtex_tooltips": False, "bibtex_default_style": "unsrt"}
    )
    assert warnings_of(compat) == ""
    roles = citations(page(compat, "roles.html"))
    assert roles[0][2] == "[1]" and roles[0][1] == ""  # unsrt: IEEE's numbers; no hover text
    ours = build(
        tmp_path / "b", "compat", confoverrides={"citekit_style": "apa", "bibtex_default_style": "unsrt"}
    )
    assert citations(page(ours, "roles.html"))[0][2] == "(Knuth, 1984)"  # citekit's own value wins
