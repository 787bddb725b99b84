"""Note citations in a note style count positions within their page: the first note of a
page is a full note, later ones short forms, as citeproc-js makes them for each page taken
as a document of its own (tests/sphinxext/data/ibid.json, made by make_reference.py); a
page's own footnotes take their numbers in reading order, between the citation notes."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path
from typing import Any

import pytest

from .conftest import build
from .pages import warnings_of

REFERENCE = json.loads((Path(__file__).parent / "data" / "ibid.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return build(tmp_path_factory.mktemp("ibid"), "ibid")


def _notes(html: str) -> list[tuple[int, str]]:
    """(number, text) of every footnote, in the order of the page's footnote list."""
    found = re.findall(
        r'<aside class="footnote brackets" id="([^"]*)"[^>]*>\s*<span class="label">'
        r'<span class="fn-bracket">\[</span>(?:<a[^>]*>)?(\d+)(?:</a>)?'
        r'<span class="fn-bracket">\]</span></span>'
        r"(.*?)</aside>",
        html,
        re.DOTALL,
    )
    return [(int(number), unescape(re.sub(r"<[^>]*>", "", body)).strip()) for _, number, body in found]


@pytest.mark.parametrize("page", ["index", "second"])
def test_notes_match_citeproc_js_page_by_page(app: Any, page: str) -> None:
    assert warnings_of(app) == ""
    html = Path(app.outdir, f"{page}.html").read_text(encoding="utf-8")
    notes = [text for _, text in sorted(_notes(html)) if "own note" not in text]
    assert notes == REFERENCE[page]["notes"]


def test_own_footnote_numbered_between_citation_notes(app: Any) -> None:
    html = Path(app.outdir, "index.html").read_text(encoding="utf-8")
    numbers = dict((text, number) for number, text in _notes(html))
    assert numbers["The page’s own note."] == 2
    paragraph = html.split("<p>First")[1].split("</p>")[0]
    assert re.findall(r'class="fn-bracket">\[</span>(\d+)<', paragraph) == ["1", "2", "3", "4", "5"]
