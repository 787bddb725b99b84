"""Incremental builds: editing the bibliography or one page rewrites the pages whose
citations or entries change, and only those."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from .pages import citations, page, text_by_id


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
