"""The .bib files are one database, as pybtex reads them for sphinxcontrib-bibtex: an
`@string` defined in `macros.bib` (listed first) is known in `refs.bib`
(tests/roots/test-bibmacros; sphinxcontrib-bibtex's own test root
bibfiles_multiple_macros has the same layout). A string that no file defines is still
reported, at its own line of its own file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from .pages import warnings_of


@pytest.fixture(scope="module")
def ours(project: Callable[..., Any]) -> Any:
    return project("bibmacros")


def test_strings_of_an_earlier_file_are_known(ours: Any) -> None:
    html = Path(ours.outdir, "index.html").read_text(encoding="utf-8")
    assert "Reviews of Modern Physics" in html
    assert "Physical Review" in html
    assert ">rmp<" not in html and " rmp" not in html


def test_only_the_undefined_string_is_reported_at_its_line(ours: Any) -> None:
    warnings = [line for line in warnings_of(ours).splitlines() if "WARNING" in line]
    assert len(warnings) == 1
    assert "refs.bib:23" in warnings[0] and "nowhere" in warnings[0]
