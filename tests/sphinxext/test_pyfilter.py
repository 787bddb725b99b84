"""sphinxcontrib-bibtex's filter language, evaluated without `eval`: what each expression
selects (the meaning its documentation gives), and what is refused."""

from __future__ import annotations

import pytest

import citekit
from citekit.sphinxext._filter import FilterError
from citekit.sphinxext._pyfilter import Context, compile_filter, parse_python_filter

BIB = citekit.parse(
    """@article{Knuth1984,
  author = {Knuth, Donald E.},
  title = {Literate Programming},
  journal = {The Computer Journal},
  year = {1984},
  keywords = {ML, tex},
}
@book{lamport1994,
  author = {Lamport, Leslie},
  title = {LaTeX},
  publisher = {Addison-Wesley},
  year = 1994,
}
""",
    "bibtex",
).records
KNUTH, LAMPORT = BIB
WEB = citekit.Record.from_csl({"id": "web", "type": "webpage", "title": "A page", "keyword": "ML"})


def select(text: str, docname: str = "a", cited: dict[str, set[str]] | None = None) -> list[str]:
    chosen = compile_filter(text)
    pages = cited or {}
    return [
        r.key for r in (KNUTH, LAMPORT, WEB) if chosen(Context(r, docname, frozenset(pages.get(r.key, ()))))
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('type == "article"', ["Knuth1984"]),  # the BibTeX entry type
        ('type == "article-journal"', ["Knuth1984"]),  # or the CSL type
        ('type != "book"', ["Knuth1984", "web"]),
        ('"ML" in keywords', ["Knuth1984", "web"]),  # a CSL record: the nearest variable
        ('"ml" in keywords', []),  # `in` is case-sensitive, as in Python
        ('author % "^knuth"', ["Knuth1984"]),  # a regular expression, ignoring case
        ('title % "latex|literate"', ["Knuth1984", "lamport1994"]),
        ('key == "knuth1984"', ["Knuth1984"]),  # keys in lower case
        ("year >= 1990", ["lamport1994"]),  # number-like text compares as a number
        ('year < "1990" and year != ""', ["Knuth1984"]),
        ('publisher == "Addison-Wesley"', ["lamport1994"]),
        ("True", ["Knuth1984", "lamport1994", "web"]),
        ("False", []),
        ('type in {"book", "webpage"}', ["lamport1994", "web"]),
        ('{"book"} & {type}', ["lamport1994"]),
        ("not (cited or author)", ["web"]),
    ],
)
def test_selects(text: str, expected: list[str]) -> None:
    assert select(text) == expected


def test_cited_docname_docnames() -> None:
    cited = {"Knuth1984": {"a", "b"}, "lamport1994": {"b"}}
    assert select("cited", cited=cited) == ["Knuth1984", "lamport1994"]
    assert select("docname in docnames", "a", cited) == ["Knuth1984"]
    assert select("not cited", cited=cited) == ["web"]
    assert select('"b" in docnames and docname == "c"', "c", cited) == ["Knuth1984", "lamport1994"]


@pytest.mark.parametrize(
    "text",
    [
        "__import__('os').system('true')",  # a call
        "().__class__",  # attributes
        "[x for x in 'ab']",  # comprehensions
        "lambda: 1",
        "author if True else title",
        "1 < year < 3",  # chained comparisons, refused as sphinxcontrib-bibtex refuses them
        "_secret == 1",
        "title[0] == 'L'",
    ],
)
def test_refused(text: str) -> None:
    with pytest.raises(FilterError):
        compile_filter(text)


def test_citekit_language_still_read() -> None:
    with pytest.raises(FilterError, match="Sub is not allowed"):  # Python, but not a filter
        parse_python_filter("type == article-journal")
    assert parse_python_filter("type == book") is None  # a bare word: citekit's language
    assert select("type == article-journal and year >= 1980") == ["Knuth1984"]
    assert select("author ~ lamp") == ["lamport1994"]


def test_bad_regular_expression_is_a_filter_error() -> None:
    chosen = compile_filter('title % "("')
    with pytest.raises(FilterError, match="regular expression"):
        chosen(Context(KNUTH, "a", frozenset()))
