"""A project written for sphinxcontrib-bibtex by others, as such projects are written
(tests/roots/test-projects: the constructs of three public projects checked by hand, in
other words): a pybtex style class of the project's own with its own labels, author-year
citations, headers before lists, bibliography files in subfolders, a list of everything
cited, a MyST page's filtered, prefixed list in another style with several keys in one
{cite:p}, and a MyST page's footnote citations after a rule. Built both ways: it builds with
one warning (citekit.pybtex-plugin, on purpose), each list holds what sphinxcontrib-bibtex's
holds, every citation links to an entry that exists, and -j 2 writes what a serial build
writes."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from .pages import citations, links, our_lists, their_lists, warnings_of

pytest.importorskip("myst_parser", reason="two of the pages are MyST")
pytest.importorskip("pybtex", reason="the project registers its style with pybtex")

PAGES = ["guide/modules", "guide/references", "overview", "citing"]


@pytest.fixture(scope="module")
def ours(project: Callable[..., Any]) -> Any:
    return project("projects")


@pytest.fixture(scope="module")
def theirs(project: Callable[..., Any]) -> Any:
    return project(
        "projects", incumbent=True, confoverrides={"extensions": ["myst_parser", "sphinxcontrib.bibtex"]}
    )


def _html(app: Any, name: str) -> str:
    return Path(app.outdir, f"{name}.html").read_text(encoding="utf-8")


def test_the_only_warning_is_about_the_projects_own_style(ours: Any, theirs: Any) -> None:
    assert warnings_of(theirs) == ""
    [warning] = [line for line in warnings_of(ours).splitlines() if "WARNING" in line]
    assert "citekit.pybtex-plugin" in warning and "GuideStyle" in warning


def test_each_list_holds_what_sphinxcontrib_bibtex_lists(ours: Any, theirs: Any) -> None:
    assert our_lists(ours) == their_lists(theirs)
    assert "Never_cited_2020" not in str(our_lists(ours))


def test_every_citation_links_to_an_entry_that_exists(ours: Any) -> None:
    count = 0
    for name in PAGES:
        html = _html(ours, name)
        for hrefs in links(html):  # the names before a footnote (:footcite:t:) link nowhere
            for href in hrefs:
                page, _, anchor = href.rpartition("#")
                target = (Path(ours.outdir, name).parent / page).resolve() if page else None
                text = target.read_text(encoding="utf-8") if target else html
                assert f'id="{anchor}"' in text, (name, href)
                count += 1
    assert count == 13  # the cited works of the pages (a footnote citation is a footnote)


def test_the_prefixed_list_labels_and_the_footnote(ours: Any) -> None:
    overview = _html(ours, "overview")
    labels = re.findall(r'<span class="citekit-label">\[(OV\d+)\] </span>', overview)
    assert labels == [f"OV{n}" for n in range(1, 7)]
    assert [len(hrefs) for hrefs in links(overview)] == [1, 1, 1, 2, 1]
    citing = _html(ours, "citing")
    assert "Radically Elementary Probability Theory" in citing.split('class="footnote-list')[1]


def test_a_parallel_build_writes_what_a_serial_one_writes(ours: Any, project: Callable[..., Any]) -> None:
    parallel = project("projects", parallel=2)
    assert warnings_of(parallel) == warnings_of(ours)
    for name in PAGES:
        mine, theirs = _html(ours, name), _html(parallel, name)
        assert citations(theirs) == citations(mine)
        assert re.findall(r'id="citekit-[^"]*"', theirs) == re.findall(r'id="citekit-[^"]*"', mine)
