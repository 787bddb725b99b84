"""The portal's "Cite this" formats. APA, Harvard and Vancouver are checked against
citeproc-js; Standard and Author against the examples and rules in the product issue."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT, oracle

import citekit
from citekit import Record

EXAMPLE = ROOT / "examples" / "theranostics.json"


def portal_record() -> Record:
    return citekit.read(EXAMPLE).records[0]


def test_the_example_is_the_reference_record() -> None:
    reference = oracle("portal-record.json")["items"][0]
    assert json.loads(EXAMPLE.read_text(encoding="utf-8"))[0] == reference


@pytest.mark.parametrize(
    ("name", "style"),
    [("apa", "apa"), ("harvard", "harvard-cite-them-right"), ("vancouver", "vancouver-nlm")],
)
def test_reference_styles_match_citeproc_js(name: str, style: str) -> None:
    expected = oracle("portal-record.json")["styles"][style]["text"]["bibliography"]["werner2018theranostic"]
    if style == "vancouver-nlm":  # one record, not a list: the citation number is left off
        assert expected.startswith("1. ")
        expected = expected[3:]
    assert citekit.cite_this(portal_record(), formats=(name,))[name] == expected


# The product issue's own examples for citekit's two portal styles.
STANDARD = (
    "The theranostic promise for Neuroendocrine Tumors in the late 2010s – "
    "Where do we stand, where do we go? / Werner, Rudolf A.; Weich, Alexander; Kircher, Malte et al. "
    "In: Theranostics, Vol. 8, No. 22, 2018, p. 6088-6100."
)
AUTHOR = (
    "Werner, Rudolf A. ; Weich, Alexander ; Kircher, Malte et al. / The theranostic promise for "
    "Neuroendocrine Tumors in the late 2010s – Where do we stand, where do we go? In: Theranostics. "
    "2018 ; Vol. 8, No. 22. pp. 6088-6100."
)
ANSELIN = {
    "id": "anselin1992",
    "type": "article-journal",
    "title": "Spatial statistical analysis and geographic information systems",
    "author": [{"family": "Anselin", "given": "Luc"}, {"family": "Getis", "given": "Arthur"}],
    "container-title": "The Annals of Regional Science",
    "volume": "26",
    "issue": "1",
    "page": "19-33",
    "issued": {"date-parts": [[1992]]},
}
ANSELIN_AUTHOR = (
    "Anselin, Luc ; Getis, Arthur. / Spatial statistical analysis and geographic information systems. "
    "In: The Annals of Regional Science. 1992 ; Vol. 26, No. 1. pp. 19-33."
)


def test_standard_and_author_follow_the_issue_examples() -> None:
    formats = citekit.cite_this(portal_record(), formats=("standard", "author"))
    assert formats == {"standard": STANDARD, "author": AUTHOR}
    assert citekit.cite_this(Record.from_csl(ANSELIN), formats=("author",))["author"] == ANSELIN_AUTHOR


def test_standard_rules() -> None:
    # Three names or fewer: all of them, then "."; a title without end punctuation gets ".";
    # dates as DD.MM.YYYY or MM.YYYY; an article number stands before the date.
    item = dict(ANSELIN, issued={"date-parts": [[1992, 3, 7]]}, number="e12")
    assert citekit.cite_this(Record.from_csl(item), formats=("standard",))["standard"] == (
        "Spatial statistical analysis and geographic information systems. / Anselin, Luc; Getis, Arthur. "
        "In: The Annals of Regional Science, Vol. 26, No. 1, e12, 07.03.1992, p. 19-33."
    )
    item = dict(ANSELIN, issued={"date-parts": [[1992, 3]]}, DOI="10.1/x")
    assert "03.1992, p. 19-33." in citekit.cite_this(Record.from_csl(item), formats=("standard",))["standard"]
    assert "10.1/x" not in citekit.cite_this(Record.from_csl(item), formats=("standard",))["standard"]


def test_standard_html_is_bold_with_the_source_on_its_own_line() -> None:
    html = citekit.cite_this(portal_record(), "html", formats=("standard",))["standard"]
    assert html.startswith("<b>The theranostic promise")
    assert '<div class="csl-block">In: Theranostics, Vol. 8, No. 22, 2018, p. 6088-6100.</div>' in html


def test_author_leaves_out_missing_parts() -> None:
    item = {k: v for k, v in ANSELIN.items() if k not in ("issue", "page")}
    assert citekit.cite_this(Record.from_csl(item), formats=("author",))["author"] == (
        "Anselin, Luc ; Getis, Arthur. / Spatial statistical analysis and geographic information systems. "
        "In: The Annals of Regional Science. 1992 ; Vol. 26."
    )


# Other item types: each format renders them, with the parts the type has.
OTHER_TYPES = {
    "book": {
        "type": "book",
        "title": "Spatial Econometrics",
        "author": [{"family": "Anselin", "given": "Luc"}],
        "publisher": "Kluwer",
        "publisher-place": "Dordrecht",
        "issued": {"date-parts": [[1988]]},
        "number-of-pages": "284",
        "ISBN": "9789401577991",
    },
    "chapter": {
        "type": "chapter",
        "title": "Local indicators",
        "author": [{"family": "Getis", "given": "Arthur"}],
        "container-title": "Handbook of Spatial Analysis",
        "editor": [{"family": "Fischer", "given": "Manfred"}],
        "publisher": "Springer",
        "publisher-place": "Berlin",
        "page": "10-20",
        "issued": {"date-parts": [[2010]]},
    },
    "paper-conference": {
        "type": "paper-conference",
        "title": "A talk",
        "author": [{"family": "Ord", "given": "Keith"}],
        "container-title": "Proceedings of GIScience",
        "event-title": "GIScience 2012",
        "publisher": "ACM",
        "page": "1-4",
        "issued": {"date-parts": [[2012, 9, 18]]},
    },
    "thesis": {
        "type": "thesis",
        "title": "Spatial dependence",
        "author": [{"family": "Rey", "given": "Sergio"}],
        "genre": "PhD thesis",
        "publisher": "UC Santa Barbara",
        "issued": {"date-parts": [[1994]]},
        "number-of-pages": "200",
    },
    "report": {
        "type": "report",
        "title": "Census methods",
        "author": [{"literal": "U.S. Census Bureau"}],
        "publisher": "GPO",
        "publisher-place": "Washington, DC",
        "number": "TR-7",
        "collection-title": "Technical Reports",
        "issued": {"date-parts": [[2001, 4]]},
    },
    "webpage": {
        "type": "webpage",
        "title": "GeoDa",
        "author": [{"family": "Anselin", "given": "Luc"}],
        "container-title": "GeoDa Center",
        "URL": "https://geodacenter.github.io/",
        "issued": {"date-parts": [[2020, 1, 15]]},
        "accessed": {"date-parts": [[2024, 5, 1]]},
    },
}

# Expected Standard and Author entries for the other types, written from each style's
# documented rules (see the comments at the top of styles/citekit-*.csl).
EXPECTED = {
    "book": (
        "Spatial Econometrics. / Anselin, Luc. Dordrecht: Kluwer, 1988. 284 p.",
        "Anselin, Luc. / Spatial Econometrics. Dordrecht: Kluwer, 1988. 284 p.",
    ),
    "chapter": (
        "Local indicators. / Getis, Arthur. In: Handbook of Spatial Analysis / ed. by Fischer, Manfred. "
        "Berlin: Springer, 2010, p. 10-20.",
        "Getis, Arthur. / Local indicators. In: Handbook of Spatial Analysis / ed. by Fischer, Manfred. "
        "Berlin: Springer, 2010. pp. 10-20.",
    ),
    "thesis": (
        "Spatial dependence. / Rey, Sergio. PhD thesis. UC Santa Barbara, 1994. 200 p.",
        "Rey, Sergio. / Spatial dependence. PhD thesis. UC Santa Barbara, 1994. 200 p.",
    ),
    "report": (
        "Census methods. / U.S. Census Bureau. Washington, DC: GPO, 04.2001. (Technical Reports; TR-7).",
        "U.S. Census Bureau. / Census methods. Washington, DC: GPO, 2001. (Technical Reports; TR-7).",
    ),
    "webpage": (
        "GeoDa. / Anselin, Luc. GeoDa Center, 15.01.2020, https://geodacenter.github.io/.",
        "Anselin, Luc. / GeoDa. GeoDa Center. 2020. https://geodacenter.github.io/.",
    ),
}


@pytest.mark.parametrize("kind", sorted(OTHER_TYPES))
def test_every_format_works_for_other_types(kind: str) -> None:
    record = Record.from_csl({"id": f"x-{kind}", **OTHER_TYPES[kind]})
    formats = citekit.cite_this(record)
    assert set(formats) == set(citekit.PORTAL_FORMATS)
    assert all(text.strip() for text in formats.values()), formats
    assert record.names()[0].family_full() in formats["apa"]
    if kind in EXPECTED:
        assert (formats["standard"], formats["author"]) == EXPECTED[kind]


def test_html_output_escapes_but_keeps_csl_rich_text() -> None:
    # CSL-JSON fields may carry the CSL rich-text tags (<b>, <i>, <sc>, ...); anything else is text.
    record = Record.from_csl({"id": "e", "type": "book", "title": "<script>x</script> & <b>y</b>"})
    html = citekit.cite_this(record, "html", formats=("apa", "standard"))
    for text in html.values():
        assert "&lt;script&gt;x&lt;/script&gt; &amp; " in text and "<script>" not in text
    assert "<b>y</b>" in html["apa"]
