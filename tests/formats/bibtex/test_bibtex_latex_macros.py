"""LaTeX macros real exports use, and citekit.latex, the user's own table.

Expected values are what LaTeX (and csquotes, biblatex, tipa, amsmath) typeset for each
macro, written as CSL rich text (straight double quotes are CSL-JSON's quoted phrase, which
the engine prints in the locale's quotes, as citeproc-js does)."""

from __future__ import annotations

import threading

import pytest

import citekit
from citekit.formats.bibtex._latex import Mode, decode


@pytest.mark.parametrize(
    ("latex", "text"),
    [
        (r"\enquote{Hello} world", '"Hello" world'),
        (r"A \mkbibquote{quoted} title", 'A "quoted" title'),
        (r"\enquote{outer \enquote{inner} text}", "\"outer 'inner' text\""),  # csquotes nests
        (r"5 \textpm{} 2", "5 ± 2"),
        (r"\textpm 3", "±3"),  # a control word ends at the space after it
        (r"Br\ocirc{u}n", "Brůn"),
        (r"a\hspace{1em}b", "a b"),
        (r"a\hspace*{2pt}b", "a b"),
        (r"10\,\(\mathrm{\mu}\)m", "10\u2009μm"),
        (r"\(\alpha\)-helix", "α-helix"),
        (r"\[x^2\]", "x<sup>2</sup>"),
        (r"1990\ElsevierGlyph{2014}2000", "1990—2000"),
        (r"$O(n \log n)$ sorting", "O(n log n) sorting"),
        (r"$\sin x$ and $\cos(y)$", "sin x and cos(y)"),
        (r"$\exp\alpha$", "exp α"),
        (r"$\max_i a_i$", "max<sub>i</sub>a<sub>i</sub>"),
    ],
)
def test_macros(latex: str, text: str) -> None:
    assert decode(latex, Mode.RICH) == (text, [])


def test_quotes_are_plain_in_plain_fields() -> None:
    assert decode(r"\enquote{x}", Mode.PLAIN) == ("x", [])


def test_a_bad_elsevier_glyph_is_kept_and_reported() -> None:
    assert decode(r"\ElsevierGlyph{zz}", Mode.RICH) == (r"\ElsevierGlyph{zz}", [r"\ElsevierGlyph"])


def test_mendeley_escapes_in_urls() -> None:
    text = r"@misc{k, url = {https://x.org/a{\_}b{\%}20c\_d\~{}e}, doi = {10.1000/a{\_}b}}"
    library = citekit.parse(text, "bibtex")
    assert library["k"].fields["URL"] == "https://x.org/a_b%20c_d~e"
    assert library["k"].fields["DOI"] == "10.1000/a_b"
    assert library.problems == ()
    assert citekit.dumps(library, "bibtex").count(r"{\_}") == 2  # written back as it was


def test_quotes_render_in_the_locales_quotes() -> None:
    record = citekit.parse(r"@misc{k, title = {On \enquote{Words} and things}, year = 2001}", "bibtex")["k"]
    english = citekit.Formatter([record], "apa", "text").bibliography()[0].text
    german = citekit.Formatter([record], "apa", "text", locale="de-DE").bibliography()[0].text
    assert "On “Words” and things" in english
    assert "On „Words“ and things" in german


@pytest.fixture
def macros() -> object:
    yield citekit.latex
    for name in list(citekit.latex.macros()):
        citekit.latex.unregister(name)


def test_register_a_symbol_and_an_argument_macro(macros: object) -> None:
    citekit.latex.register("R", "ℝ")
    citekit.latex.register("\\gene", "<i>#1</i>")
    text = r"@misc{k, title = {Maps into \R{} of \gene{BRCA1}}, author = {\gene{Smith}, Ann}}"
    library = citekit.parse(text, "bibtex")
    assert library["k"].fields["title"] == "Maps into ℝ of <i>BRCA1</i>"
    assert library["k"].fields["author"] == (citekit.Name(family="Smith", given="Ann"),)
    assert library.problems == ()


def test_unregistered_macros_are_reported(macros: object) -> None:
    library = citekit.parse(r"@misc{k, title = {\ourtool{} works}}", "bibtex")
    assert [p.kind for p in library.problems] == ["unknown-command"]
    citekit.latex.register("ourtool", "OurTool")
    library = citekit.parse(r"@misc{k, title = {\ourtool{} works}}", "bibtex")
    assert library["k"].fields["title"] == "OurTool works" and library.problems == ()
    citekit.latex.unregister("ourtool")
    assert "ourtool" not in citekit.latex.macros()


def test_a_registered_macro_redefines_a_built_in(macros: object) -> None:
    citekit.latex.register("textpm", "+/-")
    assert decode(r"a {\textpm} b", Mode.RICH)[0] == "a +/- b"


@pytest.mark.parametrize("name", ["", "1x", "a b", "\\"])
def test_register_rejects_what_is_not_a_control_word(macros: object, name: str) -> None:
    with pytest.raises(citekit.InputError):
        citekit.latex.register(name, "x")


def test_register_is_thread_safe(macros: object) -> None:
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for i in range(50):
                citekit.latex.register(f"m{chr(97 + n)}{chr(97 + i // 26)}{chr(97 + i % 26)}", str(i))
                decode(rf"\ma{{}}x{i}", Mode.RICH)
        except BaseException as exc:  # any error in a thread fails the test
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(citekit.latex.macros()) == 200
