"""Writing: lossless round trips from .bib, and BibTeX from CSL-JSON records."""

from __future__ import annotations

import json

import citekit
from citekit import Date, Name, Record

SOURCE = r"""% A file as people keep them
@preamble{"\newcommand{\noopsort}[1]{}"}
@string{acm = {ACM}}

@Comment{jabref-meta: databaseType:bibtex;}

@InCollection{Key:2020/X,
  Author = {M{\"u}ller, J{\"o}rg and others},
  title = {The {DNA} of \emph{Things}},
  booktitle = "Collected",
  publisher = acm,
  year = {2020}, month = mar,
  pages = {73+},
  file = {:paper.pdf:PDF},
  timestamp = {2020-01-01},
  groups = {reading},
  mendeley-tags = {a,b},
}
"""


def test_round_trip_keeps_everything() -> None:
    lib = citekit.parse(SOURCE, "bibtex")
    text = citekit.dumps(lib, "bibtex")
    for piece in (
        "% A file as people keep them",
        r'@preamble{"\newcommand{\noopsort}[1]{}"}',
        "@string{acm = {ACM}}",
        "@Comment{jabref-meta: databaseType:bibtex;}",
        "@InCollection{Key:2020/X,",
        r"Author = {M{\"u}ller, J{\"o}rg and others},",
        "publisher = acm,",
        "month = mar,",
        "file = {:paper.pdf:PDF},",
        "timestamp = {2020-01-01},",
        "groups = {reading},",
        "mendeley-tags = {a,b},",
    ):
        assert piece in text
    assert text.index("@preamble") < text.index("@string") < text.index("@InCollection")
    again = citekit.parse(text, "bibtex")
    assert again.records == lib.records


def test_round_trip_through_csl_json() -> None:
    lib = citekit.parse(SOURCE, "bibtex")
    csl = citekit.dumps(lib, "csljson")
    back = citekit.parse(csl, "csljson")
    text = citekit.dumps(back, "bibtex")
    assert "@InCollection{Key:2020/X," in text and "month = mar," in text
    # CSL-JSON has no @string blocks, so a reference to one is written out expanded
    assert "publisher = {ACM}," in text
    assert "mendeley-tags = {a,b}," in text
    assert json.loads(csl)[0]["author"] == [{"family": "Müller", "given": "Jörg"}]


def test_a_changed_field_is_rewritten_and_the_rest_kept() -> None:
    record = citekit.parse(SOURCE, "bibtex").records[0]
    changed = record.with_fields({"title": "New title", "page": "1-5"})
    text = citekit.dumps([changed], "bibtex")
    assert "title = {New title}," in text and "pages = {1--5}," in text
    assert 'Author = {M{\\"u}ller, J{\\"o}rg and others},' in text
    assert "73+" not in text
    assert citekit.parse(text, "bibtex").records[0].fields == changed.fields


# The portal's example, as CSL-JSON a user would paste (Werner et al. 2019, Theranostics).
PORTAL = {
    "id": "werner2019",
    "type": "article-journal",
    "title": "The theranostic promise for neuroendocrine tumors in the late 2010s",
    "author": [
        {"family": "Werner", "given": "Rudolf A."},
        {"family": "Weich", "given": "Alexander"},
        {"family": "Kircher", "given": "Malte"},
    ],
    "container-title": "Theranostics",
    "issued": {"date-parts": [[2019]]},
    "volume": 8,
    "issue": "22",
    "page": "6088–6100",
    "DOI": "10.7150/thno.30357",
    "language": "en",
    "keyword": "neuroendocrine tumors, PRRT",
}


def test_portal_article_from_csl_json() -> None:
    text = citekit.dumps(Record.from_csl(PORTAL), "bibtex")
    assert text.startswith("@article{werner2019,\n")
    assert text.count("@") == 1
    for line in (
        "title = {The theranostic promise for neuroendocrine tumors in the late 2010s},",
        "author = {Werner, Rudolf A. and Weich, Alexander and Kircher, Malte},",
        "journal = {Theranostics},",
        "year = {2019},",
        "volume = {8},",
        "number = {22},",
        "pages = {6088--6100},",
        "doi = {10.7150/thno.30357},",
        "language = {en},",
        "keywords = {neuroendocrine tumors, PRRT},",
    ):
        assert f"  {line}\n" in text
    assert text.isascii()


def test_csl_json_record_encoding_by_dialect() -> None:
    record = Record(
        id="k",
        type="book",
        fields={
            "title": 'Müller & <span class="nocase">DNA</span>: 100% a_b',
            "author": (Name(family="Søren", given="Zoë"),),
            "issued": Date(date_parts=((2004, 3),)),
            "publisher": "O'Reilly",
        },
    )
    bibtex = citekit.dumps([record], "bibtex")
    assert r"title = {M{\"u}ller \& {DNA}: 100\% a\_b}," in bibtex
    assert "month = mar," in bibtex and "year = {2004}," in bibtex
    assert bibtex.isascii()
    biblatex = citekit.dumps([record], "biblatex")
    assert r"title = {Müller \& {DNA}: 100\% a\_b}," in biblatex
    assert "date = {2004-03}," in biblatex
    for dialect, text in (("bibtex", bibtex), ("biblatex", biblatex)):
        again = citekit.parse(text, dialect).records[0]
        assert again.fields == record.fields and again.type == "book"


def test_type_is_kept_unless_the_csl_type_changed() -> None:
    record = citekit.parse("@inbook{k, title = {T}}", "bibtex").records[0]
    assert citekit.dumps([record], "bibtex").startswith("@inbook{k,")
    assert citekit.dumps([record.evolve(type="book")], "bibtex").startswith("@book{k,")


def test_thesis_types_from_genre() -> None:
    master = Record(id="m", type="thesis", fields={"genre": "Master's thesis", "publisher": "MIT"})
    text = citekit.dumps([master], "bibtex")
    assert text.startswith("@mastersthesis{m,") and "school = {MIT}" in text and "type =" not in text
    assert citekit.dumps([master], "biblatex").startswith("@thesis{m,")


def test_unmapped_csl_type_and_variable_survive() -> None:
    record = Record(id="p", type="post-weblog", fields={"dimensions": "3 min", "title": "T"})
    text = citekit.dumps([record], "bibtex")
    assert text.startswith("@misc{p,") and "csl-type = {post-weblog}" in text
    again = citekit.parse(text, "bibtex").records[0]
    assert (again.type, again.fields) == (record.type, record.fields)
