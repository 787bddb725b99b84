"""A `:labelprefix:` list in a numeric style whose citations write a run of numbers as a
range ([1–4]): the citations show the list's labels, each of them, as sphinxcontrib-bibtex
shows them (tests/roots/test-prefixrange, built both ways; its output is the reference),
never a range of the style's numbers that no list prints."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape
from pathlib import Path
from typing import Any

from .pages import citations, warnings_of


def _labels(texts: list[str]) -> list[list[str]]:
    return [re.findall(r"A\d+", text) for text in texts]


def test_citations_show_each_label_of_the_list(project: Callable[..., Any]) -> None:
    ours, theirs = project("prefixrange"), project("prefixrange", incumbent=True)
    assert warnings_of(ours) == warnings_of(theirs) == ""
    html = Path(theirs.outdir, "index.html").read_text(encoding="utf-8")
    spans = re.findall(r'<span class="bibtex-citation"[^>]*>(.*?)</span>(?=[^<]*(?:<|$))', html, re.DOTALL)
    expected = _labels([unescape(re.sub(r"<[^>]*>", "", span)) for span in spans])
    assert expected == [["A1", "A2", "A3", "A4"], ["A1", "A4"]]  # in the list's order
    mine = [text for _, _, text in citations(Path(ours.outdir, "index.html").read_text(encoding="utf-8"))]
    assert _labels(mine) == expected
    assert not any("–" in text for text in mine)


def test_hover_texts_carry_no_number_of_the_style(project: Callable[..., Any]) -> None:
    """The list shows A1...: a hover text starting [1] would name another label."""
    html = Path(project("prefixrange").outdir, "index.html").read_text(encoding="utf-8")
    titles = [title for _, title, _ in citations(html)]
    assert titles and all(title and not re.match(r"\[?\d", title) for title in titles)
