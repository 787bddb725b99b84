"""`:any:` naming a cite key resolves to that key's citation linked to its entry, as
sphinxcontrib-bibtex resolves it (tests/roots/test-any, built both ways; its output is the
reference), and `:any:` naming anything else still finds it (a section label here)."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape
from pathlib import Path
from typing import Any

from .pages import warnings_of


def _any_paragraphs(app: Any) -> list[tuple[str, list[str]]]:
    """(text, link targets) of each paragraph that names something by :any:."""
    html = Path(app.outdir, "index.html").read_text(encoding="utf-8")
    found = []
    for paragraph in re.findall(r"<p>(.*?)</p>", html, re.DOTALL):
        text = re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]*>", "", paragraph)))
        if "by any" in text:
            found.append((text, re.findall(r'href="([^"]*)"', paragraph)))
    return found


def test_any_names_a_citation_as_sphinxcontrib_bibtex_shows_it(project: Callable[..., Any]) -> None:
    ours, theirs = project("any"), project("any", incumbent=True)
    assert warnings_of(theirs) == ""
    assert warnings_of(ours) == ""
    expected = [text for text, _ in _any_paragraphs(theirs)]
    assert expected[:2] == ["Cited together, named by any [1].", "Cited alone, named by any [3]."]
    assert [text for text, _ in _any_paragraphs(ours)] == expected


def test_each_any_link_goes_to_an_entry_or_the_label(project: Callable[..., Any]) -> None:
    ours = project("any")
    html = Path(ours.outdir, "index.html").read_text(encoding="utf-8")
    [first, second, third] = [hrefs for _, hrefs in _any_paragraphs(ours)]
    assert first == ["#citekit-hoare1969"] and second == ["#citekit-dahl1972"]
    assert third == ["#any-intro"]
    for href in [*first, *second]:
        assert f'id="{href[1:]}"' in html
