"""BibTeX for BibTeX, BibLaTeX for BibLaTeX.

No `bibtex` binary is available where these tests run, so the rules a classic `.bst` style
(plain.bst: btxdoc, "BibTeXing") sets are checked on the text directly: the entry types it
defines, `year`/`month`/`journal`/`address`, names as `von Last, Jr, First` joined by `and`
(no BibLaTeX `family=` extended format), `@misc` with `howpublished` for web pages,
capitals a style would lower-case kept in braces (Better BibTeX's rule).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings

import citekit
from citekit import Record
from citekit.formats.bibtex._mapping import CLASSIC_TYPES

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # tests/, for the shared strategies
import strategies

_ENTRY = re.compile(r"^@(\w+)\{", re.MULTILINE)
_FIELD = re.compile(r"^  ([\w-]+) = ", re.MULTILINE)
_BIBLATEX_ONLY = {"date", "journaltitle", "location", "eventtitle", "eventdate", "venue", "origdate"}


def _check_classic(text: str) -> None:
    assert {t.lower() for t in _ENTRY.findall(text)} <= CLASSIC_TYPES
    fields = set(_FIELD.findall(text))
    if "year" in fields:  # a range, season or circa keeps its EDTF `date` beside `year`
        fields.discard("date")  # (BibTeX ignores it; citekit reads the whole date back)
    assert not fields & _BIBLATEX_ONLY
    assert "family=" not in text and "given=" not in text


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(strategies.bib_records())
def test_bibtex_dialect_uses_only_what_classic_styles_know(record: Record) -> None:
    text = citekit.dumps([record], "bibtex")
    _check_classic(text)


def test_web_page_for_bibtex() -> None:
    item = {
        "id": "x",
        "citation-key": "doe2020",
        "type": "webpage",
        "title": "Fine-tuning LoRA adapters in Iceland",
        "URL": "https://example.org/lora",
        "author": [{"family": "Gaulle", "non-dropping-particle": "de", "given": "Charles"}],
        "issued": {"date-parts": [[2020, 5, 3]]},
        "event-title": "A Conference",
    }
    text = citekit.dumps(citekit.Record.from_csl(item), "bibtex")
    _check_classic(text)
    assert text.startswith("@misc{doe2020,")  # Zotero 7's citation-key is the key
    assert "howpublished = {\\url{https://example.org/lora}}" in text
    assert "title = {Fine-tuning {LoRA} adapters in {Iceland}}" in text
    assert "author = {de Gaulle, Charles}" in text
    assert "year = {2020}" in text and "month = may" in text
    again = citekit.parse(text, "bibtex")["doe2020"]
    assert again.type == "webpage" and again.fields["URL"] == "https://example.org/lora"
    assert again.fields["event-title"] == "A Conference"


def test_biblatex_input_to_bibtex() -> None:
    text = (
        "@online{w, author = {Doe, Jane}, title = {A page}, date = {2020-05-03}, url = {https://x.org}}\n"
        "@article{a, author = {Roe, R.}, title = {T}, journaltitle = {J. Things}, date = {2019-03},"
        " location = {Paris}}\n"
        "@thesis{t, author = {Poe, P.}, title = {Th}, institution = {Uni}, type = {phdthesis},"
        " date = {2001}}\n"
    )
    library = citekit.parse(text, "biblatex")
    out = citekit.dumps(library, "bibtex")
    _check_classic(out)
    assert "journal = {J. Things}" in out and "address = {Paris}" in out and "month = mar" in out
    assert "@phdthesis{t," in out and "howpublished = {\\url{https://x.org}}" in out
    again = citekit.parse(out, "bibtex")
    assert [(r.type, dict(r.fields)) for r in again] == [(r.type, dict(r.fields)) for r in library]


def test_bibtex_input_to_biblatex() -> None:
    text = (
        "@phdthesis{t, author = {Poe, P.}, title = {Th}, school = {Uni}, year = 2001}\n"
        "@techreport{r, author = {Q, Q.}, title = {Rep}, institution = {Inst}, year = 2002, month = jun}\n"
        "@article{a, title = {T}, journal = {J. Things}, year = {2019}, address = {Paris}}\n"
        "@conference{c, title = {C}, booktitle = {Proc}, year = 2000}\n"
    )
    library = citekit.parse(text, "bibtex")
    out = citekit.dumps(library, "biblatex")
    assert [t.lower() for t in _ENTRY.findall(out)] == ["thesis", "report", "article", "inproceedings"]
    fields = set(_FIELD.findall(out))
    assert not fields & {"journal", "address", "school", "year", "month"}
    assert {"journaltitle", "location", "institution", "date"} <= fields
    again = citekit.parse(out, "biblatex")
    assert [(r.type, dict(r.fields)) for r in again] == [(r.type, dict(r.fields)) for r in library]


def test_same_dialect_is_written_as_read(tmp_path: Path) -> None:
    text = "@article{a,\n  journaltitle = {J},\n  date = {2019},\n}\n"
    library = citekit.parse(text, "biblatex")
    assert citekit.dumps(library, "biblatex") == text
    citekit.write(library, tmp_path / "out.bib")  # a .bib name does not ask for BibTeX
    assert (tmp_path / "out.bib").read_text(encoding="utf-8") == text


def test_cite_this_bibtex_of_a_crossref_child_is_self_contained() -> None:
    library = citekit.parse(
        "@inproceedings{child, author = {Doe, J.}, title = {Paper}, pages = {1--10}, crossref = {proc}}\n"
        "@proceedings{proc, title = {Proc}, year = 2020, publisher = {ACM}, editor = {Ed, E.}}\n",
        "bibtex",
    )
    text = citekit.cite_this(library["child"], formats=("bibtex",))["bibtex"]
    assert "crossref" not in text
    for field in ("booktitle = {Proc}", "year = {2020}", "publisher = {ACM}", "editor = {Ed, E.}"):
        assert field in text
    assert "crossref = {proc}" in citekit.dumps(library, "bibtex")  # a file keeps the reference
