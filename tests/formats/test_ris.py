"""RIS reader and writer.

Expected values come from references, not from citekit: the RIS format's own examples (the
RefMan specification's journal example, the Shannon 1948 example the RIS article on Wikipedia
uses), exporters' output written down by hand (Zotero, IEEE Xplore, EndNote), the portal's RIS
contract, and the RIS date and name forms as the specification defines them. Round trips are
Hypothesis properties.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ris_strategies import ris_records, ris_texts
from strategies import records

import citekit
from citekit import Date, Library, Location, Name, Record
from citekit._vocab import ITEM_TYPES, Kind, kind_of
from citekit.formats import _ris, _ris_tags
from citekit.formats._ris_tags import Shape

PORTAL = Path(__file__).resolve().parents[3] / "shared" / "oracle" / "portal-record.json"


def read(text: str, source: str | None = None) -> Library:
    return citekit.parse(text, "ris", source=source)


def write(data: Library | list[Record] | Record, **options: object) -> str:
    return citekit.dumps(data, "ris", **options)


def one(text: str) -> Record:
    library = read(text)
    assert len(library) == 1, library.problems
    return library.records[0]


def ris(text: str) -> str:
    """The fixtures below end records with "ER  -" for the linter's sake (no trailing blanks);
    this puts back the space that RIS writers put after the dash."""
    return re.sub(r"^ER  -$", "ER  - ", text, flags=re.MULTILINE)


def same_lines(written: str, reference: str) -> bool:
    """The same tag lines as the reference, in whatever order citekit writes them."""
    return sorted(written.splitlines()) == sorted(reference.splitlines()) and written.endswith("ER  - \n")


def raws(library: Library) -> list[str]:
    return [b.raw for b in library.blocks if isinstance(b, _ris.RisBlock)]


def kept_tags(record: Record) -> list[list[str]]:
    ris = record.extra.get("ris", {})
    return list(ris.get("tags", []))


# --- The portal's contract ---------------------------------------------------------------------


PORTAL_RIS = ris("""\
TY  - JOUR
ID  - werner2018theranostic
AU  - Werner, Rudolf A.
AU  - Weich, Alexander
AU  - Kircher, Malte
AU  - Solnes, Lilja B.
AU  - Javadi, Mehrbod S.
AU  - Higuchi, Takahiro
AU  - Buck, Andreas K.
AU  - Pomper, Martin G.
AU  - Rowe, Steven P.
AU  - Lapa, Constantin
TI  - The theranostic promise for Neuroendocrine Tumors in the late 2010s – Where do we stand, where do we go?
T2  - Theranostics
PY  - 2018
VL  - 8
IS  - 22
SP  - 6088
EP  - 6100
DO  - 10.7150/thno.30357
LA  - en
KW  - Neuroendocrine tumor
KW  - PRRT
KW  - Peptide receptor radionuclide therapy
KW  - Somatostatin receptor
KW  - Theranostics
N1  - number-of-pages: 13
ER  -
""")


def test_portal_record_as_ris() -> None:
    if not PORTAL.is_file():
        pytest.skip("../shared/oracle is absent")
    item = json.loads(PORTAL.read_text(encoding="utf-8"))["items"][0]
    assert write(Record.from_csl(item)) == PORTAL_RIS


def test_portal_ris_reads_back_to_the_csl_variables() -> None:
    record = one(PORTAL_RIS)
    assert record.type == "article-journal"
    assert record.names()[0] == Name(family="Werner", given="Rudolf A.")
    assert len(record.names()) == 10
    assert record["page"] == "6088-6100"
    assert record["issued"] == Date(date_parts=((2018,),))
    assert record["keyword"] == (
        "Neuroendocrine tumor, PRRT, Peptide receptor radionuclide therapy, Somatostatin receptor, "
        "Theranostics"
    )
    assert (record["volume"], record["issue"], record["DOI"], record["language"]) == (
        "8",
        "22",
        "10.7150/thno.30357",
        "en",
    )


# --- References: the specification's examples and real exporters' output -----------------------


REFMAN_EXAMPLE = ris("""\
TY  - JOUR
AU  - Baldwin, S.A.
AU  - Fugaccia, I.
AU  - Brown, D.R.
AU  - Brown, L.V.
AU  - Scheff, S.W.
TI  - Blood-brain barrier breach following cortical contusion in the rat
JO  - J.Neurosurg.
Y1  - 1996
VL  - 85
SP  - 476
EP  - 481
RP  - Not In File
KW  - cortical contusion
KW  - blood-brain barrier
KW  - horseradish peroxidase
KW  - head trauma
KW  - hippocampus
KW  - rat
N2  - Adult Long-Evans rats were subjected to controlled cortical contusion.
ER  -
""")


def test_refman_specification_example() -> None:
    record = one(REFMAN_EXAMPLE)
    assert record.type == "article-journal"
    assert [n.family for n in record.names()] == ["Baldwin", "Fugaccia", "Brown", "Brown", "Scheff"]
    assert record.names()[0].given == "S.A."
    assert record["title"] == "Blood-brain barrier breach following cortical contusion in the rat"
    assert record["container-title"] == "J.Neurosurg."
    assert record["issued"] == Date(date_parts=((1996,),))
    assert (record["volume"], record["page"]) == ("85", "476-481")
    assert record["keyword"].split(", ")[:2] == ["cortical contusion", "blood-brain barrier"]
    assert record["abstract"].startswith("Adult Long-Evans rats")
    assert kept_tags(record) == [["RP", "Not In File"]]
    assert "RP  - Not In File\n" in write(record)


SHANNON = ris("""\
TY  - JOUR
AU  - Shannon, Claude E.
PY  - 1948/07//
TI  - A Mathematical Theory of Communication
JF  - Bell System Technical Journal
SP  - 379
EP  - 423
VL  - 27
ER  -
""")


def test_old_style_py_with_month_and_jf() -> None:
    record = one(SHANNON)
    assert record["issued"] == Date(date_parts=((1948, 7),))
    assert record["container-title"] == "Bell System Technical Journal"
    assert record["page"] == "379-423"
    assert record.names() == (Name(family="Shannon", given="Claude E."),)
    text = write(record)
    assert "PY  - 1948\nDA  - 1948/07//\n" in text
    assert "T2  - Bell System Technical Journal\n" in text


ZOTERO_CHAPTER = ris("""\
TY  - CHAP
TI  - Citation and its discontents
AU  - Author, Ann
A2  - Editor, Edward
A3  - Series, Sam
T2  - The Handbook of Citation
T3  - Handbooks in Information Science
CY  - Oxford
PB  - Oxford University Press
PY  - 2010
SP  - 45
EP  - 67
SN  - 978-0-19-955555-5
ER  -
""")


def test_chapter() -> None:
    record = one(ZOTERO_CHAPTER)
    assert record.type == "chapter"
    assert record.names("editor") == (Name(family="Editor", given="Edward"),)
    assert record.names("collection-editor") == (Name(family="Series", given="Sam"),)
    assert record["container-title"] == "The Handbook of Citation"
    assert record["collection-title"] == "Handbooks in Information Science"
    assert (record["publisher"], record["publisher-place"]) == ("Oxford University Press", "Oxford")
    assert record["page"] == "45-67"
    assert record["ISBN"] == "978-0-19-955555-5"
    assert same_lines(write(record), ZOTERO_CHAPTER)


BOOK = ris("""\
TY  - BOOK
AU  - Knuth, Donald E.
TI  - The Art of Computer Programming
T2  - Addison-Wesley Series in Computer Science
ET  - 3
CY  - Reading, Mass.
PB  - Addison-Wesley
PY  - 1997
SP  - 650
SN  - 0-201-89683-4
ER  -
""")


def test_book_t2_is_the_series_and_sp_the_page_count() -> None:
    record = one(BOOK)
    assert record.type == "book"
    assert record["collection-title"] == "Addison-Wesley Series in Computer Science"
    assert "container-title" not in record
    assert record["number-of-pages"] == "650"
    assert "page" not in record
    assert record["ISBN"] == "0-201-89683-4"
    assert record["edition"] == "3"
    assert one(write(record)) == record


IEEE_CONFERENCE = ris("""\
TY  - CONF
TI  - Deep Residual Learning for Image Recognition
T2  - 2016 IEEE Conference on Computer Vision and Pattern Recognition (CVPR)
SP  - 770
EP  - 778
AU  - K. He
AU  - X. Zhang
PY  - 2016
DO  - 10.1109/CVPR.2016.90
JO  - 2016 IEEE Conference on Computer Vision and Pattern Recognition (CVPR)
Y1  - 27-30 June 2016
ER  -
""")


def test_conference_paper_as_ieee_xplore_writes_it() -> None:
    record = one(IEEE_CONFERENCE)
    assert record.type == "paper-conference"
    assert (
        record["container-title"] == "2016 IEEE Conference on Computer Vision and Pattern Recognition (CVPR)"
    )
    # A name without a comma is a literal: RIS says "Family, Given" and IEEE does not.
    assert record.names() == (Name(literal="K. He"), Name(literal="X. Zhang"))
    assert record["issued"] == Date(date_parts=((2016,),))
    # JO repeats T2; the conference dates disagree with nothing but are a range RIS cannot merge.
    assert kept_tags(record) == [
        ["JO", "2016 IEEE Conference on Computer Vision and Pattern Recognition (CVPR)"],
        ["Y1", "27-30 June 2016"],
    ]
    assert one(write(record)) == record


def test_cpaper_is_read_as_paper_conference_and_written_back_as_cpaper() -> None:
    record = one("TY  - CPAPER\nTI  - A paper\nER  - \n")
    assert record.type == "paper-conference"
    assert write(record).startswith("TY  - CPAPER\n")
    assert write(record.evolve(extra={})).startswith("TY  - CONF\n")


THESIS = ris("""\
TY  - THES
AU  - Harris, David J.
TI  - Essays on macroecology
PB  - University of Florida
CY  - Gainesville, FL
PY  - 2015
M3  - PhD thesis
SP  - 160
UR  - https://example.org/thesis.pdf
ER  -
""")


def test_thesis() -> None:
    record = one(THESIS)
    assert record.type == "thesis"
    assert record["genre"] == "PhD thesis"
    assert record["publisher"] == "University of Florida"
    assert record["number-of-pages"] == "160"
    assert record["URL"] == "https://example.org/thesis.pdf"
    assert one(write(record)) == record


REPORT = ris("""\
TY  - RPRT
AU  - National Institute of Standards and Technology
TI  - Framework for Improving Critical Infrastructure Cybersecurity
CY  - Gaithersburg, MD
PB  - NIST
PY  - 2018
DA  - 2018/04/16/
M1  - NIST CSWP 04162018
DO  - 10.6028/NIST.CSWP.04162018
ER  -
""")


def test_report_with_corporate_author_and_full_date() -> None:
    record = one(REPORT)
    assert record.type == "report"
    assert record.names() == (Name(literal="National Institute of Standards and Technology"),)
    assert record["issued"] == Date(date_parts=((2018, 4, 16),))
    assert record["number"] == "NIST CSWP 04162018"
    assert one(write(record)) == record


WEB_PAGE = ris("""\
TY  - ELEC
TI  - Citation Style Language
AU  - CSL Project
T2  - citationstyles.org
PY  - 2021
DA  - 2021/03//
Y2  - 2024/01/15/
UR  - https://citationstyles.org/
ER  -
""")


def test_web_page() -> None:
    record = one(WEB_PAGE)
    assert record.type == "webpage"
    assert record["container-title"] == "citationstyles.org"
    assert record["accessed"] == Date(date_parts=((2024, 1, 15),))
    assert record["issued"] == Date(date_parts=((2021, 3),))
    assert same_lines(write(record), WEB_PAGE)
    assert one(WEB_PAGE.replace("TY  - ELEC", "TY  - WEB")).type == "webpage"


@pytest.mark.parametrize(
    ("ty", "csl"),
    [
        ("JOUR", "article-journal"),
        ("BOOK", "book"),
        ("CHAP", "chapter"),
        ("CONF", "paper-conference"),
        ("CPAPER", "paper-conference"),
        ("THES", "thesis"),
        ("RPRT", "report"),
        ("ELEC", "webpage"),
        ("WEB", "webpage"),
        ("DATA", "dataset"),
        ("COMP", "software"),
        ("NEWS", "article-newspaper"),
        ("MGZN", "article-magazine"),
        ("PAT", "patent"),
        ("GEN", "document"),
    ],
)
def test_types(ty: str, csl: str) -> None:
    record = one(f"TY  - {ty}\nTI  - T\nER  - \n")
    assert record.type == csl
    assert write(record).startswith(f"TY  - {ty}\n")


# --- Dates and names, as RIS defines them --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2018", Date(date_parts=((2018,),))),
        ("2018/05/03/", Date(date_parts=((2018, 5, 3),))),
        ("2018///", Date(date_parts=((2018,),))),
        ("2018/05//Spring", Date(date_parts=((2018, 5),), season=1)),
        ("2018///Fall", Date(date_parts=((2018,),), season="Fall")),
        ("2018/05/03", Date(date_parts=((2018, 5, 3),))),
        ("n.d.", Date(literal="n.d.")),
        ("1988/1992", Date(raw="1988/1992")),
        ("1988-1992", Date(literal="1988-1992")),
    ],
)
def test_date_forms(text: str, date: Date) -> None:
    assert one(f"TY  - JOUR\nDA  - {text}\nER  - \n")["issued"] == date


def test_py_and_da_are_one_date() -> None:
    record = one("TY  - JOUR\nPY  - 2018\nDA  - 2018/05/03/\nER  - \n")
    assert record["issued"] == Date(date_parts=((2018, 5, 3),))
    assert "ris" not in record.extra


def test_a_second_date_that_disagrees_is_kept() -> None:
    record = one("TY  - JOUR\nPY  - 2018\nDA  - 2019/05/03/\nER  - \n")
    assert record["issued"] == Date(date_parts=((2018,),))
    assert kept_tags(record) == [["DA", "2019/05/03/"]]


@pytest.mark.parametrize(
    ("date", "lines"),
    [
        (Date(date_parts=((2018,),)), "PY  - 2018\n"),
        (Date(date_parts=((2018, 5, 3),)), "PY  - 2018\nDA  - 2018/05/03/\n"),
        (Date(date_parts=((2018, 5),), season=1), "PY  - 2018\nDA  - 2018/05//Spring\n"),
        (Date(date_parts=((1988,), (1992,))), "DA  - 1988/1992\n"),
        (Date(date_parts=((1850,),), circa=True), "DA  - 1850~\n"),
        (Date(literal="Spring term"), "DA  - Spring term\n"),
        (Date(raw="May 2018"), "PY  - 2018\nDA  - 2018/05//\n"),
    ],
)
def test_writing_dates(date: Date, lines: str) -> None:
    assert (
        write(Record(id="x", type="article-journal", fields={"issued": date}), ids=False)
        == f"TY  - JOUR\n{lines}ER  - \n"
    )


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Smith, John", Name(family="Smith", given="John")),
        ("Smith, John, Jr.", Name(family="Smith", given="John", suffix="Jr.")),
        ("Smith,", Name(family="Smith")),
        ("World Health Organization", Name(literal="World Health Organization")),
    ],
)
def test_names(text: str, name: Name) -> None:
    record = one(f"TY  - JOUR\nAU  - {text}\nER  - \n")
    assert record.names() == (name,)
    assert f"AU  - {text}\n" in write(record)


def test_name_particles_go_before_the_family_name() -> None:
    # As Zotero writes "de Gaulle, Charles" and as BibTeX reads "Family, Given": a particle
    # after the given name ("Gaulle, Charles de") reads back as part of the given name.
    beethoven = Name(family="Beethoven", given="Ludwig", non_dropping_particle="van")
    gaulle = Name(family="Gaulle", given="Charles", dropping_particle="de")
    record = Record(id="x", type="book", fields={"author": (beethoven, gaulle)})
    assert "AU  - van Beethoven, Ludwig\nAU  - de Gaulle, Charles\n" in write(record)
    back = one(write(record)).names()
    assert [(n.family, n.given) for n in back] == [("van Beethoven", "Ludwig"), ("de Gaulle", "Charles")]


def test_editors_translators_and_synonyms() -> None:
    record = one(
        "TY  - BOOK\nA1  - Doe, Jane\nED  - Roe, Rick\nA4  - Poe, Pat\nT1  - Title\nN2  - Abs\nER  - \n"
    )
    assert record.names("author") == (Name(family="Doe", given="Jane"),)
    assert record.names("editor") == (Name(family="Roe", given="Rick"),)
    assert record.names("translator") == (Name(family="Poe", given="Pat"),)
    assert (record["title"], record["abstract"]) == ("Title", "Abs")
    assert (
        write(record)
        == "TY  - BOOK\nAU  - Doe, Jane\nA2  - Roe, Rick\nA4  - Poe, Pat\nTI  - Title\nAB  - Abs\nER  - \n"
    )


def test_keywords_one_per_line() -> None:
    record = Record(id="x", type="article-journal", fields={"keyword": "a, b,c"})
    assert write(record, ids=False) == "TY  - JOUR\nKW  - a\nKW  - b\nKW  - c\nER  - \n"
    assert one(write(record))["keyword"] == "a, b, c"


def test_pages() -> None:
    assert one("TY  - JOUR\nSP  - e1234\nER  - \n")["page"] == "e1234"
    assert one("TY  - JOUR\nSP  - 1-5, 7\nER  - \n")["page"] == "1-5, 7"
    lone_end = one("TY  - JOUR\nEP  - 9\nER  - \n")
    assert "page" not in lone_end and kept_tags(lone_end) == [["EP", "9"]]
    record = Record(id="x", type="chapter", fields={"page": "12–19"})
    assert write(record, ids=False) == "TY  - CHAP\nSP  - 12\nEP  - 19\nER  - \n"


# --- Ids, unknown and repeated tags, continuation lines --------------------------------------------


def test_ids_from_the_id_tag_or_generated_without_a_problem() -> None:
    library = read("TY  - JOUR\nID  - smith2018\nER  - \n\nTY  - JOUR\nER  - \n\nTY  - BOOK\nER  - \n")
    assert library.ids == ("smith2018", "ris-2", "ris-3")
    assert library.problems == ()
    text = write(library)
    assert "ID  - smith2018\n" in text and "ris-2" not in text
    assert "ID  - ris-2\n" in write(library, ids=True)
    assert "ID  -" not in write(library, ids=False)


def test_unknown_and_repeated_tags_are_kept_and_written_back() -> None:
    record = one("TY  - JOUR\nTI  - One\nC1  - custom\nTI  - Two\nUR  - \nER  - \n")
    assert record["title"] == "One"
    assert kept_tags(record) == [["C1", "custom"], ["TI", "Two"], ["UR", ""]]
    json.dumps(record.to_csl())  # JSON-serialisable
    assert write(record) == "TY  - JOUR\nTI  - One\nC1  - custom\nTI  - Two\nUR  - \nER  - \n"


def test_unknown_type_is_a_document_and_written_back() -> None:
    library = read("TY  - ABST\nTI  - An abstract\nER  - \n", source="a.ris")
    record = library.records[0]
    assert record.type == "document"
    assert write(record).startswith("TY  - ABST\n")
    (problem,) = library.problems
    assert (problem.kind, problem.severity) == ("unknown-type", "warning")
    assert problem.location == Location(file="a.ris", line=1, item="ris-1", field="TY")


def test_continuation_lines_are_appended() -> None:
    text = "TY  - JOUR\nAB  - First line\n  wrapped line\n\nsecond paragraph\nER  - \n"
    record = one(text)
    assert record["abstract"] == "First line\n  wrapped line\n\nsecond paragraph"
    assert write(record) == text


def test_bom_and_crlf() -> None:
    record = one("\ufeffTY  - JOUR\r\nTI  - Title\r\nER  - \r\n")
    assert (record.type, record["title"]) == ("article-journal", "Title")


# --- Bad input: reported, kept, the rest still reads -----------------------------------------------


BAD = ris("""\
Exported by a tool
TY  - JOUR
TI  - Good one
ER  -

AU  - Nobody, Knows
TI  - No type here
ER  -

TY  - BOOK
TI - Loose tag line
PY  - 2001
TY  - CHAP
TI  - No ER before the next TY
""")


def test_bad_input_is_reported_and_the_rest_reads() -> None:
    library = read(BAD, source="bad.ris")
    assert [r["title"] for r in library.records] == ["Good one", "Loose tag line", "No ER before the next TY"]
    assert library.ids == ("ris-1", "ris-2", "ris-3")
    found = {
        (p.kind, p.severity, p.location.line, p.location.item, p.location.field) for p in library.problems
    }
    assert found == {
        ("syntax", "warning", 1, None, None),
        ("syntax", "error", 6, None, "TY"),
        ("syntax", "warning", 11, "ris-2", "TI"),
        ("syntax", "warning", 10, "ris-2", "ER"),
        ("syntax", "warning", 13, "ris-3", "ER"),
    }
    assert all(p.location.file == "bad.ris" for p in library.problems)
    no_type = next(p for p in library.problems if p.severity == "error")
    assert no_type.raw == "AU  - Nobody, Knows\nTI  - No type here\nER  - "
    assert not library.ok
    with pytest.raises(citekit.ParseError):
        citekit.parse(BAD, "ris", strict=True)


def test_indented_tag_lines_are_read_with_a_warning() -> None:
    library = read("  TY  - JOUR\n  TI  - Indented\n  ER  -\n")
    assert [r["title"] for r in library.records] == ["Indented"]
    assert [(p.kind, p.severity, p.location.line) for p in library.problems] == [
        ("syntax", "warning", 1),
        ("syntax", "warning", 2),
        ("syntax", "warning", 3),
    ]


def test_unreadable_blocks_are_written_back_in_place() -> None:
    text = write(read(BAD))
    assert text.startswith("Exported by a tool\n\nTY  - JOUR\nTI  - Good one\nER  - \n\n")
    assert "ER  - \n\nAU  - Nobody, Knows\nTI  - No type here\nER  - \n\nTY  - BOOK\n" in text
    again = read(text)
    assert again.records == read(BAD).records
    assert [p.kind for p in again.problems] == ["syntax", "syntax"]


def test_blocks_are_frozen_values() -> None:
    block = read(BAD).blocks[0]
    assert isinstance(block, _ris.RisBlock)
    with pytest.raises(AttributeError):
        block.raw = "x"  # type: ignore[misc]


def test_progress_is_reported_per_record() -> None:
    calls: list[tuple[int, int]] = []
    citekit.parse(BAD, "ris", progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 3), (2, 3), (3, 3)]


def test_sniffed_from_the_text() -> None:
    assert citekit.parse("TY  - JOUR\nTI  - T\nER  - \n").format == "ris"


# --- The table runs both ways ------------------------------------------------------------------


SHAPE_KINDS = {
    Shape.NAMES: {Kind.NAME},
    Shape.YEAR: {Kind.DATE},
    Shape.DATE: {Kind.DATE},
    Shape.TEXT: {Kind.TEXT, Kind.NUMBER},
    Shape.KEYWORDS: {Kind.TEXT},
    Shape.PAGE_START: {Kind.NUMBER},
    Shape.PAGE_END: {Kind.NUMBER},
}


@pytest.mark.parametrize("csl_type", sorted(ITEM_TYPES))
def test_every_written_tag_reads_back_as_its_variable(csl_type: str) -> None:
    for row in _ris_tags.TAGS:
        assert kind_of(row.variable) in SHAPE_KINDS[row.shape], row
        written = _ris_tags.row_for_variable(csl_type, row.variable)
        if written is not None:
            assert _ris_tags.row_for_tag(csl_type, written.tag) == written


def test_every_csl_type_written_reads_back() -> None:
    for ty, csl in _ris_tags.TYPES:
        assert _ris_tags.csl_type(_ris_tags.ris_type(csl)) == csl, ty


# --- Properties ----------------------------------------------------------------------------------


@given(st.lists(ris_records(), min_size=1, max_size=3, unique_by=lambda r: r.key))
@settings(max_examples=300)
def test_csl_to_ris_to_csl_is_identity_on_mapped_fields(items: list[Record]) -> None:
    back = read(write(items, ids=True))
    assert back.problems == ()
    assert [(r.id, r.type, r.fields) for r in back.records] == [(r.id, r.type, r.fields) for r in items]


@given(ris_texts())
@settings(max_examples=300)
def test_ris_read_write_read_is_identity(text: str) -> None:
    first = read(text)
    written = write(first)
    second = read(written)
    assert second.records == first.records
    assert raws(second) == raws(first)
    assert write(second) == written


@given(ris_texts())
def test_writing_keeps_every_text_and_unknown_tag_value(text: str) -> None:
    first = read(text)
    written = write(first)
    for record in first.records:
        for tag, value in kept_tags(record):
            assert f"{tag}  - {value}\n" in written
        for variable, value in record.fields.items():
            if isinstance(value, str) and "\n" not in value and variable not in ("page", "keyword"):
                assert f"  - {value}\n" in written


@given(st.lists(records(), max_size=3))
def test_any_csl_record_is_written_and_settles_after_one_pass(items: list[Record]) -> None:
    once = write(read(write(items, ids=True)), ids=True)
    assert write(read(once), ids=True) == once


def test_keyword_continued_on_the_next_line_reads_back_the_same() -> None:
    # Found by the read -> write -> read property: a continuation line must not leave a line
    # break inside a keyword.
    first = citekit.parse("TY  - JOUR\nKW  - 0\n ,a\nER  - \n", "ris")
    assert first.records[0].fields["keyword"] == "0, a"
    again = citekit.parse(citekit.dumps(first, "ris"), "ris")
    assert again.records == first.records
