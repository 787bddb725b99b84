"""Incremental builds: editing the bibliography or one page rewrites the pages whose
citations or entries change, and only those."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from .pages import citations, edit_entry, page, text_by_id, warnings_of


def _stamps(outdir: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in outdir.glob("*.html")}


def test_editing_the_bibliography_rewrites_what_it_touches(
    make_app: Any, rootdir: Path, tmp_path: Path
) -> None:
    source = tmp_path / "src"
    shutil.copytree(rootdir / "test-parallel", source)
    first = make_app("html", srcdir=source)
    first.build()
    before = _stamps(first.outdir)

    refs = source / "refs.json"
    items = json.loads(refs.read_text(encoding="utf-8"))
    for item in items:
        if item["id"] == "fournier1991-004":
            item["title"] = "A retitled encyclopedia entry"
    refs.write_text(json.dumps(items), encoding="utf-8")

    second = make_app("html", srcdir=source)
    second.build()
    after = _stamps(second.outdir)
    assert "A retitled encyclopedia entry" in (
        text_by_id(page(second, "refs.html"), "citekit-fournier1991-004") or ""
    )
    assert "A retitled encyclopedia entry" in citations(page(second, "doc4.html"))[1][1]  # its hover text
    # doc4 and doc5 cite it, refs lists it (index holds the toctree: Sphinx rewrites it with them)
    assert {name for name in after if after[name] != before[name]} == {
        "doc4.html",
        "doc5.html",
        "refs.html",
        "index.html",
        "genindex.html",
        "search.html",
    }


def test_a_new_first_citation_renumbers_other_pages(make_app: Any, rootdir: Path, tmp_path: Path) -> None:
    source = tmp_path / "ieee"
    shutil.copytree(rootdir / "test-ieee", source)
    make_app("html", srcdir=source).build()

    index = source / "index.rst"
    index.write_text(
        index.read_text(encoding="utf-8") + "\nNow :cite:`kumar1975-001` first.\n", encoding="utf-8"
    )
    app = make_app("html", srcdir=source)
    app.build()
    assert [text for _, _, text in citations(page(app, "chapter.html"))] == ["[3]", "King et al. [1]"]

    index.write_text(
        index.read_text(encoding="utf-8").replace("First :cite:`king2007-005`, then ", ""), encoding="utf-8"
    )
    app = make_app("html", srcdir=source)
    app.build()
    # index now cites werner, king, kumar: chapter.rst is unchanged, but its numbers are new
    assert [text for _, _, text in citations(page(app, "chapter.html"))] == ["[3]", "King et al. [2]"]


# (entry, old text, new text, a page that cites nothing the edit can touch)
EDITS = [
    pytest.param("brown2005", "{Glaciers}", "{Glaciers and ice sheets}", "three.html", id="title"),
    pytest.param("smith2001b", "{2001}", "{2003}", "three.html", id="year-suffix-goes"),
    pytest.param("brown2005", "Brown, Paul", "Zhou, Paul", "one.html", id="moves-in-the-list"),
    pytest.param("garcia2012", "Garcia, Ana", "Smith, Ann", "two.html", id="becomes-ambiguous"),
    pytest.param("garcia2012", "{2012}", "{2001}", "two.html", id="no-names-touched"),
    pytest.param("smithann2001", "Smith, Ann", "Smith, John", "three.html", id="same-given-name"),
    pytest.param("lee2010", "{2010}", "{1999}", "three.html", id="same-year-as-a-co-author"),
]


def _pages(outdir: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(outdir.glob("*.html"))}


@pytest.mark.parametrize(("key", "old", "new", "untouched"), EDITS)
def test_an_edited_entry_renders_as_a_clean_build_would(
    make_app: Any, rootdir: Path, tmp_path: Path, key: str, old: str, new: str, untouched: str
) -> None:
    """Issue 10: after one entry's edit only its group is rendered again (the status says
    so), and every page is what a clean build of the edited project writes."""
    source = tmp_path / "edited"
    shutil.copytree(rootdir / "test-edit", source)
    make_app("html", srcdir=source).build()
    before = _stamps(source / "_build" / "html")
    edit_entry(source / "refs.bib", key, old, new)
    again = make_app("html", srcdir=source)
    again.build()
    assert "entries again" in again.status.getvalue()  # only a group: not everything
    after = _stamps(Path(again.outdir))
    assert after[untouched] == before[untouched]  # not read, not written

    clean_source = tmp_path / "clean"
    shutil.copytree(rootdir / "test-edit", clean_source)
    edit_entry(clean_source / "refs.bib", key, old, new)
    clean = make_app("html", srcdir=clean_source)
    clean.build()
    assert "[citekit." not in warnings_of(clean)  # (make_app warns of re-registered nodes)
    assert _pages(Path(again.outdir)) == _pages(Path(clean.outdir))
