"""Output formats: escaping makes field text inert, and DOIs/URLs become links."""

from __future__ import annotations

import pytest

import citekit
from citekit import Formatter, Record

NASTY = Record.from_csl(
    {
        "id": "x",
        "type": "article-journal",
        "title": "<script>alert(1)</script> *bold* _under_ 100% {x} $y$ #1 \\ ~ ^",
        "author": [{"family": "O'Brien", "given": "A"}],
        "container-title": "J",
        "issued": {"date-parts": [[2020]]},
        "DOI": "10.1000/a_b",
        "URL": "https://example.org/a_b?x=1&y=2",
    }
)


def entry(output: str, style: str = "apa") -> str:
    return Formatter([NASTY], style, output).bibliography()[0].text


def test_html_escapes_and_links() -> None:
    html = entry("html")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert '<a href="https://doi.org/10.1000/a_b">https://doi.org/10.1000/a_b</a>' in html


def test_markdown_is_inert() -> None:
    md = entry("markdown")
    assert r"\*bold\*" in md and r"\_under\_" in md and r"\<script\>" in md
    assert "[https://doi.org/10.1000/a\\_b](<https://doi.org/10.1000/a_b>)" in md


def test_rst_is_inert() -> None:
    rst = entry("rst")
    assert r"\*bold\*" in rst and r"\_under\_" in rst
    assert "`https://doi.org/10.1000/a\\_b <https://doi.org/10.1000/a_b>`__" in rst


def test_latex_is_inert() -> None:
    tex = entry("latex")
    for escaped in (r"100\%", r"\{x\}", r"\$y\$", r"\#1", r"\_under\_", r"\textbackslash{}"):
        assert escaped in tex
    assert r"\href{https://doi.org/10.1000/a_b}{https://doi.org/10.1000/a\_b}" in tex
    assert r"\textit{J}" in tex


def test_text_is_untouched() -> None:
    text = entry("text")
    assert "<script>alert(1)</script> *bold* _under_ 100%" in text


def test_doi_prefix_links_to_the_resolver() -> None:
    html = entry("html", "american-medical-association")
    assert '<a href="https://doi.org/10.1000/a_b">doi:10.1000/a_b</a>' in html


def test_links_can_be_turned_off() -> None:
    assert "<a " not in Formatter([NASTY], "apa", "html", links=False).bibliography()[0].text


def test_unknown_output_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown output"):
        citekit.Formatter([NASTY], "apa", "pdf")


@pytest.mark.parametrize(
    ("output", "expected"),
    [
        # citeproc-js 2.4.63 (shared/oracle/render_js.mjs, apa): text keeps the characters,
        # HTML writes each as <sup> of its plain letter.
        ("text", "X, Y. (2000). H²O and 1ᵉʳ."),
        ("html", "X, Y. (2000). <i>H<sup>2</sup>O and 1<sup>e</sup><sup>r</sup></i>."),
    ],
)
def test_unicode_superscripts_as_citeproc_js_writes_them(output: str, expected: str) -> None:
    item = {
        "id": "a",
        "type": "article-journal",
        "title": "H²O and 1ᵉʳ",
        "author": [{"family": "X", "given": "Y"}],
        "issued": {"date-parts": [[2000]]},
    }
    assert Formatter([Record.from_csl(item)], "apa", output).bibliography()[0].text == expected
