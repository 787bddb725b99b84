"""A project's own pybtex style, registered as a pybtex plugin in conf.py
(tests/roots/test-plugin), is formatted as the built-in style it derives from, and the
build says so once (citekit.pybtex-plugin): citekit formats with CSL, so the class's own
code is not run. The numbers citations show are sphinxcontrib-bibtex's (the root built both
ways); a class that derives from no built-in style gets alpha, sphinxcontrib-bibtex's
default, and a warning rather than a failed build."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape
from pathlib import Path
from typing import Any

import pytest

from .pages import citations, links, warnings_of

pytest.importorskip("pybtex", reason="the project registers its style with pybtex")


def _warnings(app: Any) -> list[str]:
    return [line for line in warnings_of(app).splitlines() if "WARNING" in line]


def _paragraph_labels(app: Any) -> list[list[str]]:
    """The bracketed labels each paragraph of the page shows, in order."""
    html = Path(app.outdir, "index.html").read_text(encoding="utf-8")
    paragraphs = re.findall(r"<p>(.*?)</p>", html, re.DOTALL)
    texts = [unescape(re.sub(r"<[^>]*>", "", p)) for p in paragraphs]
    return [re.findall(r"\[[^\]]+\]", text) for text in texts if "[" in text]


def test_a_plugin_style_is_its_base_style_and_says_so(project: Callable[..., Any]) -> None:
    ours = project("plugin")
    [warning] = _warnings(ours)
    assert "citekit.pybtex-plugin" in warning
    assert "'house'" in warning and "HouseStyle" in warning and "pybtex's 'unsrt'" in warning
    assert "'ieee'" in warning  # the CSL style unsrt maps to
    assert "unknown-style" not in warnings_of(ours)


def test_citations_are_numbered_as_sphinxcontrib_bibtex_numbers_them(project: Callable[..., Any]) -> None:
    ours, theirs = project("plugin"), project("plugin", incumbent=True)
    assert _warnings(theirs) == []
    expected = _paragraph_labels(theirs)[:3]
    assert expected == [["[1]"], ["[2]", "[3]"], ["[1]"]]  # unsrt: order of first citation
    assert _paragraph_labels(ours)[:3] == expected
    html = Path(ours.outdir, "index.html").read_text(encoding="utf-8")
    for hrefs in links(html):
        for href in hrefs:
            assert f'id="{href.partition("#")[2]}"' in html


def test_a_style_derived_from_no_builtin_falls_back_to_alpha(project: Callable[..., Any]) -> None:
    ours = project("plugin", confoverrides={"bibtex_default_style": "bare"})
    [warning] = _warnings(ours)
    assert "citekit.pybtex-plugin" in warning and "'bare'" in warning
    assert "derives from none of pybtex's built-in styles, so 'alpha' stands in" in warning
    html = Path(ours.outdir, "index.html").read_text(encoding="utf-8")
    # pybtex's alpha labels of these entries
    assert [text for _, _, text in citations(html)][:3] == ["[DDH72]", "[Dij68]", "[Hoa69]"]
