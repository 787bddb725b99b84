"""Every citation form of sphinxcontrib-bibtex with several keys (tests/roots/test-multikey,
built both ways; sphinxcontrib-bibtex's output is the reference, as in its own test root
citation_roles): `alp` without the outer brackets, names and narrative forms joined by
commas, each item once."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape
from pathlib import Path
from typing import Any

import pytest

from .pages import citations, warnings_of


@pytest.fixture(scope="module")
def ours(project: Callable[..., Any]) -> Any:
    return project("multikey")


@pytest.fixture(scope="module")
def theirs(project: Callable[..., Any]) -> Any:
    return project("multikey", incumbent=True)


def _texts(html: str) -> list[str]:
    spans = re.findall(r'<span class="bibtex-citation"[^>]*>(.*?)</span>(?=[^<]*(?:<|$))', html, re.DOTALL)
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]*>", "", span)).strip() for span in spans]


def test_builds_without_a_warning(ours: Any) -> None:
    assert warnings_of(ours) == ""


def test_every_form_reads_as_in_sphinxcontrib_bibtex(ours: Any, theirs: Any) -> None:
    mine = [text for _, _, text in citations(Path(ours.outdir, "index.html").read_text(encoding="utf-8"))]
    reference = _texts(Path(theirs.outdir, "index.html").read_text(encoding="utf-8"))
    assert len(mine) == len(reference) == 36
    assert [(i, a) for i, (a, b) in enumerate(zip(mine, reference, strict=True)) if a != b] == []


def test_no_item_is_joined_twice(ours: Any) -> None:
    for _, _, text in citations(Path(ours.outdir, "index.html").read_text(encoding="utf-8")):
        assert ", ," not in text and ",  and" not in text, text


def _form_lines(html: str) -> list[str]:
    """Each "Form ..." paragraph as read: names, then the footnote numbers."""
    body = re.sub(r'<aside class="footnote.*?</aside>', "", html, flags=re.DOTALL)
    text = unescape(re.sub(r"<[^>]+>", "", body)).replace("\xa0", " ")
    return [" ".join(line.split()) for line in text.splitlines() if line.strip().startswith("Form ")]


def test_a_footcite_of_several_entries_makes_a_footnote_for_each(ours: Any, theirs: Any) -> None:
    """As sphinxcontrib-bibtex: `:footcite:p:` of two entries gives [1][2], the narrative
    form "Hoare[1], Dijkstra[2]"; an entry footcited again refers to its footnote."""
    mine = _form_lines(Path(ours.outdir, "foot.html").read_text(encoding="utf-8"))
    reference = _form_lines(Path(theirs.outdir, "foot.html").read_text(encoding="utf-8"))
    assert len(mine) == 18
    assert mine == reference
