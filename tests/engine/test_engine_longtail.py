"""The CSL long tail against citeproc-js: collation, particles in sorting, and the CSL 1.0.2
variables citeproc-py does not know. Expected outputs are citeproc-js 2.4.63's, stored in
data/longtail_js.json by tools/longtail_reference.py from the inputs in longtail_cases.py."""

from __future__ import annotations

import html.parser
import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from citekit import Formatter, Record
from citekit._engine import sorting

DATA = Path(__file__).resolve().parent / "data" / "longtail_js.json"


@cache
def _case(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(DATA.read_text(encoding="utf-8"))
    return dict(data[name])


def _formatter(name: str, output: str = "text") -> Formatter:
    case = _case(name)
    records = [Record.from_csl(item) for item in case["items"]]
    return Formatter(records, case["style"], output, case["locale"], links=False)


def _order(name: str) -> list[str]:
    return [entry.id for entry in _formatter(name).bibliography()]


COLLATION = ["collation-en", "collation-de", "collation-pl", "collation-da"]


@pytest.mark.skipif(sorting.icu is None, reason="PyICU is not installed (citekit[icu])")
@pytest.mark.parametrize("name", COLLATION)
def test_bibliography_order_is_citeproc_js_collation_with_icu(name: str) -> None:
    assert _order(name) == _case(name)["text"]["bibliography_order"]


@pytest.mark.parametrize("name", COLLATION)
def test_bibliography_order_without_icu(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The fallback sorts Ł, Ø, Æ, Đ, ʻ and the tailored letters as citeproc-js does."""
    monkeypatch.setattr(sorting, "icu", None)
    assert _order(name) == _case(name)["text"]["bibliography_order"]


@pytest.mark.parametrize("name", ["sort-only-particles", "display-and-sort-particles"])
def test_non_dropping_particles_are_demoted_for_sorting(name: str) -> None:
    """`di Stefano` under S and `van der Berg` under B (demote-non-dropping-particle)."""
    assert _order(name) == _case(name)["text"]["bibliography_order"]


@pytest.mark.parametrize("name", ["sort-only-particles", "new-variables-apa", "new-variables-chicago"])
@pytest.mark.parametrize("output", ["text", "html"])
def test_entries_and_citations_match(name: str, output: str) -> None:
    """A film with a director, a compiler, a curator, a host and a guest, an available-date:
    every CSL 1.0.2 variable renders, and the bibliography no longer raises."""
    expected = _case(name)[output]
    formatter = _formatter(name, output)
    entries = {e.id: e.text for e in formatter.bibliography()}
    assert entries == expected["bibliography"]
    citations = {key: formatter.cite([key]) for key in expected["citations"]}
    assert citations == expected["citations"]


def test_new_variables_render_in_mla() -> None:
    formatter = _formatter("new-variables-mla")
    assert [e.text for e in formatter.bibliography()] == [
        _case("new-variables-mla")["text"]["bibliography"][key]
        for key in _case("new-variables-mla")["text"]["bibliography_order"]
    ]


def _runs(markup: str) -> list[tuple[str, frozenset[str]]]:
    """HTML as (text, formatting in effect) runs: what a reader sees, whatever the nesting."""
    runs: list[tuple[str, frozenset[str]]] = []
    stack: list[dict[str, str]] = [{}]

    class Parser(html.parser.HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            state = dict(stack[-1])
            if tag == "i":
                state["font-style"] = "italic"
            elif tag == "b":
                state["font-weight"] = "bold"
            for name, value in attrs:
                if name == "style" and value:
                    prop, _, val = value.rstrip(";").partition(":")
                    state[prop.strip()] = val.strip()
            stack.append(state)

        def handle_endtag(self, tag: str) -> None:
            stack.pop()

        def handle_data(self, data: str) -> None:
            active = frozenset(f"{k}:{v}" for k, v in stack[-1].items() if v != "normal")
            if runs and runs[-1][1] == active:
                runs[-1] = (runs[-1][0] + data, active)
            else:
                runs.append((data, active))

    Parser().feed(markup)
    return runs


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("et-al-normal-bch", "citations"),
        ("et-al-normal-bch", "bibliography"),  # display blocks laid out as citeproc-js's HTML
        ("et-al-normal-din", "citations"),
        ("et-al-normal-din", "bibliography"),
        ("et-al-italic-chicago", "citations"),
        ("et-al-italic-chicago", "bibliography"),
    ],
)
def test_et_al_formatting(name: str, kind: str) -> None:
    """Each name carries cs:name's formatting, the "and" and delimiters do not, and
    `<et-al font-variant="normal"/>` keeps "u. a." upright inside small-caps names; a shortened
    list is formatted once more around names and et-al, as citeproc-js nests it."""
    expected = _case(name)["html"][kind]
    formatter = _formatter(name, "html")
    if kind == "citations":
        actual = {key: formatter.cite([key]) for key in expected}
    else:
        actual = {e.id: e.text for e in formatter.bibliography()}
    for key, reference in expected.items():
        assert _runs(actual[key]) == _runs(reference), key
        assert actual[key] == reference


@pytest.mark.parametrize("name", ["nocase-chicago", "nocase-apa"])
def test_nocase_first_letter_keeps_the_rest_of_the_word(name: str) -> None:
    """`{G}aussian` (a nocase span on a word's first letter) title-cases as `Gaussian`, as
    BibTeX and pandoc do. citeproc-js capitalises the rest of the word (`GAussian`): the one
    deliberate difference here; everything else is citeproc-js's output."""
    expected = {k: v.replace("GAussian", "Gaussian") for k, v in _case(name)["text"]["bibliography"].items()}
    assert {e.id: e.text for e in _formatter(name).bibliography()} == expected


@pytest.mark.parametrize("name", ["and-others-apa", "and-others-chicago", "and-others-din"])
def test_bibtex_and_others_is_et_al(name: str) -> None:
    """`author = {Smith, John and others}` cites as citeproc-js cites the same work with so
    many authors that the style shortens the list to the first: "Smith et al." / "Smith u. a."."""
    from citekit import parse

    case = _case(name)
    bibtex = "@book{many, author = {Smith, John and others}, title = {A book}, publisher = {P}, year = 2000}"
    library = parse(bibtex, "bibtex")
    formatter = Formatter(library.records, case["style"], "text", links=False)
    assert formatter.cite(["many"]) == case["text"]["citations"]["many"]


BREADTH = [
    "name-affixes-uludag",
    "et-al-small-caps-revista",
    "baseline-electrophoresis",
    "baseline-substitute",
    "decoration-none-york",
    "bold-in-bold",
    "cjk-upright-chicago",
    "particles-nbsp-quebec",
    "name-suffix-and-oceanography",
    "turkish-item-language",
]


@pytest.mark.parametrize("name", BREADTH)
@pytest.mark.parametrize("output", ["text", "html"])
def test_breadth_causes_match_citeproc_js(name: str, output: str) -> None:
    """Causes of breadth mismatches (issue 12), each against citeproc-js: cs:name's affixes and
    formatting on every personal name and once more around a shortened list (never on an
    institution, nor on a cs:substitute's output); text-decoration="none" and
    vertical-align="baseline" written; a style's bold inside its own bold stays bold; a title
    with no Latin letter upright; particles joined with a no-break space in French styles; `I`
    upper-cased without a dot for an item in another language than the Turkish style's."""
    expected = _case(name)[output]
    formatter = Formatter(
        [Record.from_csl(item) for item in _case(name)["items"]], _case(name)["style"], output, strip=False
    )
    entries = {
        e.id: e.text.strip() if output == "html" else e.text.rstrip() for e in formatter.bibliography()
    }
    assert entries == expected["bibliography"]
    citations = {key: formatter.cite([key]) for key in expected["citations"]}
    assert citations == expected["citations"]
