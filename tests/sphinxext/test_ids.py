"""sphinxcontrib-bibtex's id templates (bibtex_cite_id, bibtex_footcite_id,
bibtex_bibliography_id, bibtex_footbibliography_id) give entries, footnotes and lists the
anchors they give under sphinxcontrib-bibtex (tests/roots/test-ids, built both ways; its
output is the reference), and links go to them; a template naming a field it is not given
is a warning, and citekit's own anchors stand in."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .pages import warnings_of

_TEMPLATED = re.compile(r'id="((?:entry|fn|list|fnlist)-[^"]*)"')


def _html(app: Any) -> str:
    return Path(app.outdir, "index.html").read_text(encoding="utf-8")


def test_the_templates_make_the_incumbents_anchors(project: Callable[..., Any]) -> None:
    ours, theirs = project("ids"), project("ids", incumbent=True)
    assert warnings_of(ours) == warnings_of(theirs) == ""
    expected = _TEMPLATED.findall(_html(theirs))
    assert expected == [
        "fnlist-1",
        "fn-1-dijkstra1968",
        "fnlist-2",
        "fn-2-dahl1972",
        "list-1",
        "entry-1-hoare1969",
        "list-2",
        "entry-2-x-dahl1972",
        "entry-2-x-dijkstra1968",
    ]
    assert _TEMPLATED.findall(_html(ours)) == expected


def test_links_go_to_the_templated_anchors(project: Callable[..., Any]) -> None:
    html = _html(project("ids"))
    hrefs = set(re.findall(r'href="#((?:entry|fn)-[^"]*)"', html))
    assert hrefs == {"entry-1-hoare1969", "fn-1-dijkstra1968", "fn-2-dahl1972"}


def test_a_bad_template_is_a_warning_and_citekits_anchors_stand_in(project: Callable[..., Any]) -> None:
    ours = project("ids", confoverrides={"bibtex_cite_id": "entry-{page}-{key}"})
    warnings = [line for line in warnings_of(ours).splitlines() if "WARNING" in line]
    [warning] = warnings  # once, not once per entry
    assert "citekit.bad-option" in warning and "bibtex_cite_id" in warning and "{key}" in warning
    html = _html(ours)
    assert 'id="citekit-hoare1969"' in html and 'href="#citekit-hoare1969"' in html
