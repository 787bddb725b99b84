"""A citation in a section title: rendered in the page, and as plain text in the tables of
contents that copy the title without resolving it (never its key); never a crash."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest


@pytest.mark.parametrize("builder", ["html", "latex", "text"])
def test_citation_in_a_title(make_app: Any, rootdir: Path, tmp_path: Path, builder: str) -> None:
    source = tmp_path / "src"
    shutil.copytree(rootdir / "test-global", source)
    other = source / "other.rst"
    title = "Another page :cite:`kumar1975-001`"
    other.write_text(
        other.read_text(encoding="utf-8").replace("Another page\n============", f"{title}\n{'=' * 40}")
    )
    app = make_app(builder, srcdir=source)
    app.build()
    assert "[citekit." not in app.warning.getvalue()
    if builder == "html":
        index = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
        assert ">Another page (Kumar, 1975)</a>" in index  # the table of contents: the citation, not its key
        assert "kumar1975-001</a>" not in index
        heading = (Path(app.outdir) / "other.html").read_text(encoding="utf-8").split("<h1>")[1]
        assert '<a class="reference internal" href="refs.html#citekit-kumar1975-001"' in heading
        assert "(Kumar, 1975)</a>" in heading
