"""The bibliography directive's options: :all: with :filter:, :keys:, :style:; two lists on
one page that share an entry get distinct anchors."""

from __future__ import annotations

import re
from typing import Any

import pytest

from .pages import page, warnings_of


def _lists(html: str) -> list[list[str]]:
    blocks = html.split('<div class="citekit-bibliography csl-bib-body docutils container">')[1:]
    return [re.findall(r'<div class="csl-entry docutils container" id="([^"]*)">', block) for block in blocks]


@pytest.mark.sphinx("html", testroot="filter")
def test_filters_keys_and_styles(app: Any) -> None:
    app.build()
    assert warnings_of(app) == ""
    html = page(app, "index.html")
    climate, early, chosen = _lists(html)
    assert climate == ["citekit-kumar1975-001"]
    assert early == ["citekit-byrne2002-002", "citekit-kumar1975-001-2"]  # a second anchor
    assert chosen == ["citekit-werner2018theranostic", "citekit-berg2009-003"]
    # IEEE in its own style: numbered within its own list, in the order the list names them
    assert '"csl-left-margin">[1]' in html.split('id="citekit-werner2018theranostic"')[-1][:100]
    assert '"csl-left-margin">[2]' in html.split('id="citekit-berg2009-003"')[-1][:100]
