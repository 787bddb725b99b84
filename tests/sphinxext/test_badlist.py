"""A mistyped `:list:` or `:enumtype:` is a warning and the list is still made (in the
first choice), as sphinxcontrib-bibtex does (its test root list_invalid); it used to be a
directive error that dropped the whole list and left the citation unlinked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from .pages import citations, warnings_of


@pytest.fixture(scope="module")
def ours(project: Callable[..., Any]) -> Any:
    return project("badlist")


def test_each_bad_value_is_one_warning(ours: Any) -> None:
    warnings = [line for line in warnings_of(ours).splitlines() if "WARNING" in line]
    assert len(warnings) == 2
    assert "'bulleted'" in warnings[0] and "citekit.bad-option" in warnings[0]
    assert "'greek'" in warnings[1]
    assert "ERROR" not in warnings_of(ours)


def test_the_list_is_made_and_the_citation_links_to_it(ours: Any) -> None:
    html = Path(ours.outdir, "index.html").read_text(encoding="utf-8")
    [(href, _, text)] = citations(html)
    assert text and href.startswith("#citekit-")
    assert f'id="{href[1:]}"' in html
