"""RIS for reference managers: plain text, keys, every variable, N1 "key: value", dialects.

Expected values come from the RIS format itself (tags as RIS 2011 defines them), exports written
the way Scopus, Web of Science, PubMed and Zotero write them (hand-made samples in their
style), Zotero's "key: value" convention for what has no field, and properties.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from ris_strategies import ris_texts

import citekit
from citekit import Date, Name, Record


def read(text: str) -> citekit.Library:
    return citekit.parse(text, "ris")


def one(text: str) -> Record:
    library = read(text)
    assert len(library) == 1, library.problems
    return library.records[0]


def write(data: object, **options: object) -> str:
    return citekit.dumps(data, "ris", **options)  # type: ignore[arg-type]


# --- Plain text and keys -------------------------------------------------------------------------


def test_csl_rich_text_is_written_as_plain_text() -> None:
    title = 'Sex in <span class="nocase"><i>Drosophila</i></span> and H<sub>2</sub>O <b>bold</b>'
    record = Record(id="k", type="article-journal", fields={"title": title})
    assert "TI  - Sex in Drosophila and H2O bold\n" in write(record)


def test_a_lone_angle_bracket_tag_is_text() -> None:
    record = Record(id="k", type="article-journal", fields={"title": "a <sub> b < c"})
    assert "TI  - a <sub> b < c\n" in write(record)


def test_the_key_is_written_as_id_and_read_back_as_the_key() -> None:
    records = [
        Record(id="smith2020", type="book", fields={"title": "A"}),
        Record(id="doe:2021/x", type="book", fields={"title": "B"}),
    ]
    assert read(write(records)).ids == ("smith2020", "doe:2021/x")


# --- Every variable: tags, then N1 "key: value" -------------------------------------------------


def test_variables_with_a_tag_use_it() -> None:
    record = Record(
        id="k",
        type="article-journal",
        fields={
            "container-title-short": "Nat. Commun.",
            "number": "4521",
            "edition": "2",
            "archive_location": "WOS:000123",
            "issued": Date(date_parts=((2020, 5, 3),)),
            "PMCID": "PMC123",
        },
    )
    text = write(record)
    for line in ("J2  - Nat. Commun.", "C7  - 4521", "ET  - 2", "AN  - WOS:000123", "DA  - 2020/05/03/"):
        assert line + "\n" in text
    assert "C2  - PMC123\n" in text
    assert one(text).fields == record.fields


def test_zotero_journal_abbreviation_is_j2() -> None:
    record = Record.from_csl(
        {"id": "k", "type": "article-journal", "title": "T", "journalAbbreviation": "J. Abbr."}
    )
    text = write(record)
    assert "J2  - J. Abbr.\n" in text
    assert one(text)["container-title-short"] == "J. Abbr."


def test_variables_without_a_tag_go_to_n1_as_key_value_and_read_back() -> None:
    record = Record(
        id="k",
        type="article-journal",
        fields={
            "title": "T",
            "PMID": "31234567",
            "version": "2.1",
            "event-title": "ICML 2020",
            "event-place": "Vienna",
            "original-date": Date(date_parts=((1850, 4),)),
            "original-author": (Name(family="Darwin", given="Charles"),),
            "note": "A plain note",
        },
        extra={"file": "/papers/k.pdf", "arxiv": "2001.00001", "citation-count": 12},
    )
    text = write(record)
    for line in (
        "N1  - PMID: 31234567",
        "N1  - version: 2.1",
        "N1  - event-title: ICML 2020",
        "N1  - original-date: 1850/04//",
        "N1  - original-author: Darwin, Charles",
        "N1  - A plain note",
        "N1  - file: /papers/k.pdf",
        "N1  - arxiv: 2001.00001",
        "N1  - citation-count: 12",
    ):
        assert line + "\n" in text
    back = one(text)
    assert back.fields == record.fields
    assert {k: back.extra[k] for k in ("file", "arxiv", "citation-count")} == {
        "file": "/papers/k.pdf",
        "arxiv": "2001.00001",
        "citation-count": "12",  # RIS is text
    }


def test_notes_that_are_not_key_value_stay_notes_and_repeated_notes_join() -> None:
    text = "TY  - JOUR\nN1  - Cited By: 5\nN1  - Funding: NSF\nN1  - Export Date: 1 May 2023\nER  - \n"
    record = one(text)
    assert record["note"] == "Cited By: 5\nFunding: NSF\nExport Date: 1 May 2023"
    assert one(write(record)) == record


def test_a_note_that_looks_like_a_key_is_kept_a_note() -> None:
    record = Record(id="k", type="book", fields={"note": "PMID: not really"})
    text = write(record)
    assert "N1  - note: PMID: not really\n" in text
    assert one(text)["note"] == "PMID: not really"


# --- Values cannot break the file ----------------------------------------------------------------


def test_a_newline_in_a_value_cannot_inject_records() -> None:
    evil = "Title\nER  - \n\nTY  - JOUR\nTI  - Injected\n  ER  -\n\n\nAU  - X, Y"
    records = [Record(id="a\nTY  - BOOK", type="article-journal", fields={"title": evil, "note": evil})]
    back = read(write(records))
    assert len(back) == 1 and back.problems == ()
    assert back.records[0]["title"].startswith("Title ER  -")
    assert "Injected" in back.records[0]["title"]


@given(st.text(alphabet="TYER -\n\rAUI,x", max_size=40), st.text(alphabet="TYER -\n\rx", max_size=10))
@settings(max_examples=200)
def test_no_value_makes_more_or_fewer_records(value: str, key: str) -> None:
    fields = {"title": value, "note": value, "publisher": value} if value.strip() else {}
    record = Record(id=key if key.strip() else "k", type="book", fields=fields, extra={"custom": value})
    back = read(write([record, record.evolve(id="other")]))
    assert len(back) == 2
    assert not [p for p in back.problems if p.severity == "error"]


def test_long_continued_values_read_in_linear_time() -> None:
    # Reproducer: 160,000 continuation lines took 49 s (each line copied the value so far).
    text = "TY  - JOUR\nAB  - start\n" + "more text\n" * 160_000 + "ER  - \n"
    record = one(text)
    assert record["abstract"].count("\n") == 160_000


def test_many_unreadable_blocks_write_in_linear_time() -> None:
    text = "stray line\n\nTY  - JOUR\nER  - \n\n" * 3000
    library = read(text)
    assert len(library) == 3000 and len(library.blocks) == 3000
    assert write(library).count("stray line\n") == 3000


# --- Scopus, Web of Science, PubMed ---------------------------------------------------------------


SCOPUS = """\
TY  - JOUR
AU  - Nguyen, V.A.
AU  - Smith, J.
TI  - Graph neural networks for molecules
PY  - 2021
T2  - Nature Communications
J2  - Nat. Commun.
VL  - 12
IS  - 1
C7  - 4521
DO  - 10.1038/s41467-021-24521-1
UR  - https://www.scopus.com/inward/record.uri?eid=2-s2.0-85111
AD  - Department of Chemistry, University of Somewhere, City, Country
AB  - We present a method.
KW  - graphs
KW  - molecules
N1  - Cited By: 5
N1  - Correspondence Address: Nguyen, V.A.; Department of Chemistry
PB  - Nature Research
SN  - 20411723
LA  - English
M3  - Article
DB  - Scopus
ER  -
"""


def test_scopus_export() -> None:
    record = one(SCOPUS)
    assert record.type == "article-journal"
    assert "genre" not in record  # M3 Article is a document type, never printed as "[Article]"
    assert record["number"] == "4521"
    assert record["container-title-short"] == "Nat. Commun."
    assert record["source"] == "Scopus"
    assert record["note"] == "Cited By: 5\nCorrespondence Address: Nguyen, V.A.; Department of Chemistry"
    assert ["AD", "Department of Chemistry, University of Somewhere, City, Country"] in record.extra["ris"][
        "tags"
    ]
    again = one(write(record))
    assert again == record


def test_document_type_decides_the_type_when_ty_does_not() -> None:
    assert one("TY  - GEN\nTI  - T\nM3  - Conference Paper\nER  - \n").type == "paper-conference"
    record = one("TY  - GEN\nTI  - T\nM3  - Article\nER  - \n")
    assert record.type == "article-journal"
    assert write(record).startswith("TY  - GEN\n")
    assert one(write(record)) == record
    assert one("TY  - THES\nM3  - PhD thesis\nER  - \n")["genre"] == "PhD thesis"


WOS = """\
TY  - JOUR
AU  - Nguyen, VA
AU  - Garcia-Lopez, MJ
AF  - Nguyen, Van Anh
AF  - Garcia-Lopez, Maria Jose
TI  - Soil carbon under drought
T2  - GLOBAL CHANGE BIOLOGY
J9  - GLOBAL CHANGE BIOL
JI  - Glob. Change Biol.
DT  - Article
PY  - 2019
DA  - JUN
VL  - 25
IS  - 6
SP  - 2031
EP  - 2044
DO  - 10.1111/gcb.14600
AN  - WOS:000467000000001
UT  - WOS:000467000000001
ER  -
"""


def test_web_of_science_export_prefers_full_names() -> None:
    record = one(WOS)
    assert record.names() == (
        Name(family="Nguyen", given="Van Anh"),
        Name(family="Garcia-Lopez", given="Maria Jose"),
    )
    assert record["container-title-short"] == "Glob. Change Biol."
    assert record["archive_location"] == "WOS:000467000000001"
    assert record["page"] == "2031-2044"
    assert record["issued"] == Date(date_parts=((2019,),))
    tags = record.extra["ris"]["tags"]
    for kept in (["AU", "Nguyen, VA"], ["J9", "GLOBAL CHANGE BIOL"], ["DT", "Article"], ["DA", "JUN"]):
        assert kept in tags
    text = write(record)
    assert "AF  - Nguyen, Van Anh\n" in text and "AU  - Nguyen, VA\n" in text
    assert one(text) == record


def test_tags_without_a_variable_survive_ris_to_bibtex_to_ris() -> None:
    for text in (SCOPUS, WOS):
        first = read(text).records[0]
        bib = citekit.dumps([first], "bibtex")
        assert "affiliation = {" in bib or "unique-id = {WOS:000467000000001}" in bib
        again = one(write(citekit.parse(bib, "bibtex")))
        assert again.extra["ris"] == first.extra["ris"]
        assert again.names() == first.names() or text is SCOPUS  # BibTeX spaces "V.A." as "V. A."


def test_braces_and_backslashes_in_kept_tags_survive_bibtex() -> None:
    record = one("TY  - JOUR\nTI  - T\nAD  - a {b} \\c }\nAD  - second\nER  - \n")
    bib = citekit.dumps([record], "bibtex")
    back = citekit.parse(bib, "bibtex")
    assert back.problems == ()
    assert one(write(back)).extra["ris"]["tags"] == [["AD", "a {b} \\c }"], ["AD", "second"]]


@given(ris_texts())
@settings(max_examples=150)
def test_records_read_pass_the_checks_the_reader_skips(text: str) -> None:
    # The reader builds records without Record's checks (for speed); they must hold anyway.
    for record in read(text).records:
        assert (
            Record(id=record.id, type=record.type, fields=dict(record.fields), extra=record.extra) == record
        )
