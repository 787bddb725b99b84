"""Numbers in numeric styles: an entry added to a list by `:keys:` follows the cited ones
without a gap, and a list in a numeric style other than the project's is numbered within
itself."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from .conftest import build
from .pages import citations, entry_ids, text_by_id, warnings_of


@pytest.fixture(scope="module")
def ieee(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return build(tmp_path_factory.mktemp("ieee"), "numbering")


@pytest.fixture(scope="module")
def apa(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return build(tmp_path_factory.mktemp("apa"), "numbering", confoverrides={"citekit_style": "apa"})


def _number(html: str, anchor: str) -> str:
    match = re.match(r"\[\d+\]", text_by_id(html, anchor) or "")
    assert match is not None, anchor
    return match[0]


def test_an_added_key_follows_the_cited_ones(ieee: Any) -> None:
    assert warnings_of(ieee) == ""
    html = Path(ieee.outdir, "index.html").read_text(encoding="utf-8")
    assert [text for _, _, text in citations(html)] == ["[1]", "[2]"]
    assert entry_ids(html) == ["citekit-wirth1976", "citekit-turing1950", "citekit-hopper1952"]
    assert [_number(html, anchor) for anchor in entry_ids(html)] == ["[1]", "[2]", "[3]"]


def test_a_list_in_another_numeric_style_is_numbered_within_itself(apa: Any) -> None:
    assert warnings_of(apa) == ""
    html = Path(apa.outdir, "apa.html").read_text(encoding="utf-8")
    (anchor,) = entry_ids(html)
    assert _number(html, anchor) == "[1]"
