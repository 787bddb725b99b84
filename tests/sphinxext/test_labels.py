"""Labels are each list's own, as sphinxcontrib-bibtex's (tests/roots/test-labels, built
both ways; its output is the reference): a `:labelprefix:` list in a numeric pybtex style
is numbered within the list (A1, A2) and citations going to it show those labels; pybtex's
alpha letters are counted within a list (Chu36 where the list holds one of Church's 1936
works, Chu36a and Chu36b where it holds both); a file named as the directive's argument
limits the list to its entries; a list in another numeric style (pybtex's unsrt in an alpha
project) is numbered within itself, and citations going to it show those numbers."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from .pages import citations, warnings_of

PAGES = ["numeric", "other", "alpha", "alpha2", "apart"]


@pytest.fixture(scope="module")
def ours(project: Callable[..., Any]) -> Any:
    return project("labels")


@pytest.fixture(scope="module")
def theirs(project: Callable[..., Any]) -> Any:
    return project("labels", incumbent=True)


def _html(app: Any, name: str) -> str:
    return Path(app.outdir, f"{name}.html").read_text(encoding="utf-8")


def _plain(fragment: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]*>", "", fragment)).strip()


def _their_citations(html: str) -> list[str]:
    spans = re.findall(r'<span class="bibtex-citation"[^>]*>(.*?)</span>(?=[^<]*(?:<|$))', html, re.DOTALL)
    return [_plain(span) for span in spans]


def _their_labels(html: str) -> list[str]:
    return [_plain(label) for label in re.findall(r'<span class="label">(.*?)</span></span>', html)]


def _our_labels(html: str) -> list[str]:
    """The list's own labels, or the style's (in the entry's left margin)."""
    found = re.findall(
        r'<span class="citekit-label">(.*?)</span>|<div class="csl-left-margin">(.*?)</div>', html
    )
    return [_plain(own or margin) for own, margin in found]


def test_builds_without_a_warning(ours: Any) -> None:
    assert warnings_of(ours) == ""


@pytest.mark.parametrize("name", PAGES)
def test_citations_show_their_lists_labels(ours: Any, theirs: Any, name: str) -> None:
    mine = [text for _, _, text in citations(_html(ours, name))]
    assert mine == _their_citations(_html(theirs, name))


@pytest.mark.parametrize("name", PAGES)
def test_each_list_labels_its_entries_as_sphinxcontrib_bibtex(ours: Any, theirs: Any, name: str) -> None:
    assert _our_labels(_html(ours, name)) == _their_labels(_html(theirs, name))


def test_the_expected_labels(ours: Any) -> None:
    """The same, written out (checked against sphinxcontrib-bibtex 2.7's build of this root)."""
    assert _our_labels(_html(ours, "numeric")) == ["[A1]", "[A2]"]
    assert _our_labels(_html(ours, "other")) == ["[B1]", "[B2]"]
    assert [text for _, _, text in citations(_html(ours, "alpha2"))] == ["[Chu36]", "Chu36"]
    assert [text for _, _, text in citations(_html(ours, "apart"))] == ["[1]", "[2]"]
    assert [text for _, _, text in citations(_html(ours, "alpha"))][-1] == "[Chu36a, Chu36b, Tur36]"


def test_citations_link_to_the_list_they_show_the_label_of(ours: Any) -> None:
    for name in PAGES:
        html = _html(ours, name)
        for href, _, text in citations(html):
            assert href.startswith("#citekit-"), (name, text)
            assert f'id="{href[1:]}"' in html


def test_the_argument_limits_a_list_to_its_file(ours: Any) -> None:
    """`.. bibliography:: second.bib` with `:all:` lists second.bib's two entries only."""
    entries = re.findall(r'class="csl-entry[^"]*" id="citekit-([^"]+)"', _html(ours, "other"))
    assert entries == ["post1936", "rosser1936"]
