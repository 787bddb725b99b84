"""A citation whose entry no list of the build holds cannot be linked: the build says so
once per key and page, where sphinxcontrib-bibtex says so (tests/roots/test-unlisted,
built both ways; its warnings are the reference), and the citation still reads."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .pages import citations, warnings_of


def _places(app: Any) -> list[str]:
    return re.findall(r"(index\.rst:\d+): WARNING", warnings_of(app))


def test_the_unlisted_citation_is_reported_where_sphinxcontrib_bibtex_reports_it(
    project: Callable[..., Any],
) -> None:
    ours, theirs = project("unlisted"), project("unlisted", incumbent=True)
    assert "dijkstra1968" in warnings_of(theirs)
    [ours_warning] = [line for line in warnings_of(ours).splitlines() if "WARNING" in line]
    assert "citekit.unlisted" in ours_warning and "dijkstra1968" in ours_warning
    assert _places(ours) == _places(theirs)[:1]
    texts = citations(Path(ours.outdir, "index.html").read_text(encoding="utf-8"))
    assert [(bool(href), text) for href, _, text in texts] == [(True, "[1]"), (False, "[2]"), (False, "[2]")]
