"""A project written for sphinxcontrib-bibtex 2.x (tests/roots/test-compat: every role,
the bibliography options, filters, footnotes, prefixes, the bibtex_* values) builds with
citekit after changing only `extensions`. Where sphinxcontrib-bibtex is installed, the
same project is built with it, and what each list holds and what each citation shows are
compared with its output (the reference)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from .pages import citations, links, our_lists, our_order, their_lists, their_order, warnings_of

PAGES = ["roles", "local", "foot", "filters", "prefix", "refs"]


@pytest.fixture(scope="module")
def ours(project: Callable[..., Any]) -> Any:
    return project("compat")


@pytest.fixture(scope="module")
def theirs(project: Callable[..., Any]) -> Any:
    return project("compat", incumbent=True)


def _html(app: Any, name: str) -> str:
    return Path(app.outdir, f"{name}.html").read_text(encoding="utf-8")


def test_builds_without_a_warning(ours: Any) -> None:
    assert warnings_of(ours) == ""


def test_every_citation_links_to_an_entry_that_exists(ours: Any) -> None:
    for name in PAGES:
        html = _html(ours, name)
        for hrefs in links(html):
            for href in hrefs:
                page, _, anchor = href.rpartition("#")
                target = _html(ours, page.removesuffix(".html")) if page else html
                assert f'id="{anchor}"' in target, (name, href)
    roles = citations(_html(ours, "roles"))
    assert sum(1 for href, _, text in roles if not href and text) == 0  # only :cite:empty: has no link


def test_each_list_holds_what_sphinxcontrib_bibtex_lists(ours: Any, theirs: Any) -> None:
    assert our_lists(ours) == their_lists(theirs)


def test_alpha_lists_order_as_sphinxcontrib_bibtex(ours: Any, theirs: Any) -> None:
    """bibtex_default_style = "alpha": pybtex sorts by author, year and title."""
    assert our_order(ours) == their_order(theirs)


def _texts(html: str, css: str) -> list[str]:
    spans = re.findall(rf'<span class="{css}"[^>]*>(.*?)</span>(?=[^<]*(?:<|$))', html, re.DOTALL)
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]*>", "", span)).strip() for span in spans]


# Forms where citekit differs on purpose, by index, with the reason (none today).
KNOWN: dict[int, str] = {}


def test_each_citation_form_reads_as_in_sphinxcontrib_bibtex(ours: Any, theirs: Any) -> None:
    mine = [text for _, _, text in citations(_html(ours, "roles"))]
    reference = _texts(_html(theirs, "roles"), "bibtex-citation")
    assert len(mine) == len(reference)
    same = [index for index, (a, b) in enumerate(zip(mine, reference, strict=True)) if a == b]
    differing = {index for index in range(len(mine)) if index not in same}
    assert differing <= set(KNOWN), [(i, mine[i], reference[i]) for i in sorted(differing - set(KNOWN))]


def _footnote_numbers(app: Any) -> tuple[list[int], int]:
    """The numbers of the footnote references in the foot page's text, and how many footnotes."""
    html = _html(app, "foot")
    body = html.split('<section id="footnote-citations">')[1].split('<aside class="footnote-list')[0]
    numbers = [int(n) for n in re.findall(r'class="fn-bracket">\[</span>(\d+)<', body)]
    return numbers, html.count('<aside class="footnote brackets"')


def test_footnotes_number_in_reading_order(ours: Any) -> None:
    numbers, notes = _footnote_numbers(ours)
    assert sorted(set(numbers)) == list(range(1, notes + 1))
    assert [n for i, n in enumerate(numbers) if n not in numbers[:i]] == list(range(1, notes + 1))


def test_a_repeated_footcite_refers_to_its_first_footnote(ours: Any, theirs: Any) -> None:
    """knuth1984 is footcited twice (the 2nd and 5th references): one footnote, referred to
    twice, in both. (sphinxcontrib-bibtex numbers the page's own notes after the citations'
    ([3, 1, 4, 2, 1]); citekit numbers them all in reading order, on purpose.)"""
    for numbers, notes in (_footnote_numbers(ours), _footnote_numbers(theirs)):
        assert notes == 4 and len(numbers) == 5
        assert numbers[1] == numbers[4] and len(set(numbers)) == 4
    assert _footnote_numbers(ours)[0] == [1, 2, 3, 4, 2]


def test_footnote_holds_the_full_entry_after_its_header(ours: Any) -> None:
    html = _html(ours, "foot")
    notes = html.split('<p class="rubric">Notes</p>')[1]
    # the entries, whatever case the style gives their titles (BibTeX Title Case is read as sentence case)
    assert "literate programming" in notes.lower()
    assert "latex: a document preparation system" in notes.lower()


def test_enumerated_lists_start_where_asked(ours: Any) -> None:
    assert re.search(r'<ol class="upperroman[^"]*" start="3"', _html(ours, "local"))
    filters = _html(ours, "filters")
    assert filters.count('<ul class="citekit-bibliography') == 4
    # `:start: continue` after no earlier enumerated list on this page's build order: the
    # local list (3 and 4) comes first in the toctree, so this one starts at 5
    assert re.search(r'<ol class="arabic[^"]*" start="5"', filters)


def test_label_prefix_and_key_prefix(ours: Any) -> None:
    prefix = _html(ours, "prefix")
    assert "[AKnu84]" in prefix and "[ALam94]" in prefix
    assert [href for href, _, _ in citations(prefix)] == [
        "#citekit-prefix-a-knuth1984",
        "#citekit-prefix-a-lamport1994",
    ]


def test_a_label_prefix_applies_within_its_own_list(ours: Any, theirs: Any) -> None:
    """Citations going to the `:labelprefix: A` list show its labels ([AKnu84]); the same
    works cited elsewhere, going to the main list, keep theirs ([Knu84])."""
    mine = [text for _, _, text in citations(_html(ours, "prefix"))]
    assert mine == _texts(_html(theirs, "prefix"), "bibtex-citation") == ["[AKnu84]", "Lamport [ALam94]"]
    assert "[Knu84]" in [text for _, _, text in citations(_html(ours, "roles"))]


def test_bibliography_header_before_every_list(ours: Any) -> None:
    assert _html(ours, "filters").count('<p class="rubric">References</p>') == 5
    assert _html(ours, "foot").count('<p class="rubric">Notes</p>') == 1
