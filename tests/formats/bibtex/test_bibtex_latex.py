"""LaTeX -> Unicode rich text and back. Expected values are what LaTeX typesets (the LaTeX
manual's accent and symbol tables) and CSL-JSON's rich-text markup (citeproc-js docs)."""

from __future__ import annotations

import pytest

from citekit.formats.bibtex._latex import Mode, decode
from citekit.formats.bibtex._latex_encode import encode
from citekit.formats.bibtex._latex_tables import NOCASE_OPEN, SMALLCAPS_OPEN


@pytest.mark.parametrize(
    ("latex", "text"),
    [
        (r"M\"uller", "Müller"),
        (r"M{\"u}ller", "Müller"),
        (r"M\"{u}ller", "Müller"),
        (r"{\'E}mile", "Émile"),
        (r"\'{E}mile", "Émile"),
        (r"Garc{\'\i}a", "García"),
        (r"\c{c}a", "ça"),
        (r"\c c", "ç"),
        (r"Dvo\v{r}\'ak", "Dvořák"),
        (r"Stra\ss e", "Straße"),
        (r"{\aa}ngstr{\"o}m", "ångström"),
        (r"{\AA}", "Å"),
        (r"{\o}", "ø"),
        (r"{\L}ukasz", "Łukasz"),
        (r"{\ae}", "æ"),
        (r"Erd\H{o}s", "Erdős"),
        (r"pages 1--10", "pages 1–10"),
        (r"yes---no", "yes—no"),
        (r"``quoted''", "“quoted”"),
        (r"A~B", "A\u00a0B"),
        (r"\& \% \$ \# \_", "& % $ # _"),
        (r"$\alpha$-helix", "α-helix"),
        (r"\TeX{} and \LaTeX", "TeX and LaTeX"),
        (r"The \TeX book", "The TeXbook"),
        ("two\n   lines", "two lines"),
    ],
)
def test_decode_text(latex: str, text: str) -> None:
    assert decode(latex, Mode.PLAIN) == (text, [])


def test_braces_protect_case_in_titles() -> None:
    assert decode("The {DNA} of {E. coli}", Mode.TITLE)[0] == (
        f"The {NOCASE_OPEN}DNA</span> of {NOCASE_OPEN}E. coli</span>"
    )
    # one span for the outer group, however deep the braces go
    assert decode("{A {B} C}", Mode.TITLE)[0] == f"{NOCASE_OPEN}A B C</span>"


def test_a_command_group_is_not_case_protection() -> None:
    assert decode(r"{\"O}sterreich", Mode.TITLE)[0] == "Österreich"
    assert decode(r"{\em Deep} learning", Mode.TITLE)[0] == "<i>Deep</i> learning"


@pytest.mark.parametrize(
    ("latex", "rich"),
    [
        (r"\emph{Drosophila}", "<i>Drosophila</i>"),
        (r"\textit{in vivo}", "<i>in vivo</i>"),
        (r"\textbf{bold}", "<b>bold</b>"),
        (r"\textsc{Small}", f"{SMALLCAPS_OPEN}Small</span>"),
        (r"3\textsuperscript{rd}", "3<sup>rd</sup>"),
        (r"H\textsubscript{2}O", "H<sub>2</sub>O"),
        (r"$x^{2}$", "x<sup>2</sup>"),
        (r"{\bf x}", "<b>x</b>"),
    ],
)
def test_markup(latex: str, rich: str) -> None:
    assert decode(latex, Mode.RICH)[0] == rich


def test_plain_mode_drops_markup() -> None:
    assert decode(r"\emph{A} {B}", Mode.PLAIN)[0] == "A B"


def test_unknown_command_is_kept_and_reported() -> None:
    text, unknown = decode(r"see \mycmd{x} here", Mode.RICH)
    assert text == r"see \mycmd{x} here"
    assert unknown == [r"\mycmd"]


@pytest.mark.parametrize(
    ("text", "latex"),
    [
        ("Müller", r"M{\"u}ller"),
        ("Émile", r"{\'E}mile"),
        ("6088–6100", "6088--6100"),
        ("A & B 50% a_b #1 $5", r"A \& B 50\% a\_b \#1 \$5"),
        ("{x}", r"\{x\}"),
    ],
)
def test_encode_bibtex_dialect_is_ascii(text: str, latex: str) -> None:
    assert encode(text) == latex
    assert encode(text).isascii()


def test_encode_biblatex_dialect_keeps_utf8() -> None:
    assert encode("Müller & Søn", ascii=False) == r"Müller \& Søn"


def test_encode_markup_and_nocase() -> None:
    rich = f"The <i>Drosophila</i> {NOCASE_OPEN}DNA</span>"
    assert encode(rich) == r"The \textit{Drosophila} {DNA}"
    assert decode(encode(rich), Mode.TITLE)[0] == rich


def test_unbalanced_markup_is_text() -> None:
    assert decode(encode("a <i> b"), Mode.RICH)[0] == "a <i> b"


def test_literal_double_hyphen_survives() -> None:
    assert decode(encode("a--b"), Mode.PLAIN)[0] == "a--b"
