"""The RIS vocabulary as two tables run both ways: TY types <-> CSL types, tags <-> CSL variables.

In both tables the first row that matches wins, in either direction. Reading looks a row up by
(CSL type, tag); writing looks it up by (CSL type, variable). So a synonym (A1 for AU, N2 for AB,
CPAPER for CONF) is a later row: read, never written. RIS reuses some tags per type (SP is an
article's first page but a book's page count; T2 is a journal but a book's series), so a row may
hold `only` for some CSL types or `skip` some.

Choices where RIS readers disagree (each is one row to change):
- A2 (and the older ED) is the editor, A3 the collection (series) editor, A4 the translator, for
  every type. RIS has no tag for a chapter's container-author.
- T2 is the container title (journal, book of a chapter, proceedings, website); for a BOOK it is
  the series. JO, JF and BT are read as container titles but never written: JO means the full
  title to some exporters and the abbreviation to others, and writing it beside T2 makes readers
  that take both see the title twice. J2 (and JA) is the abbreviated container title.
- PY is the year alone (RIS 2011); a fuller date goes in DA as "YYYY/MM/DD/other". Y1 is read
  as DA; Y2 is the access date.
- SN is the ISBN for books, chapters and conference papers, else the ISSN. M1 is the number
  (report, patent, bill), M3 the genre ("PhD thesis", "Technical report").
- CONF, not CPAPER, is written for paper-conference (what Zotero and IEEE Xplore write); ELEC,
  not WEB, for webpage. CSL types with no RIS type are written as GEN and read back as document.
- Scopus and Web of Science: C7 is an article's number (written for article types, before M1);
  AF holds the full names where AU holds "Nguyen, VA" (AF wins when both are there); JI (the ISO
  abbreviation) is read as the short container title; AN (and WoS's UT) is the accession number,
  read as archive_location; DP, the database provider, is read as source. M3 and DT holding a
  database's document type ("Article", "Conference Paper") are no genre: see DOCUMENT_TYPES.
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Iterable, Mapping
from types import MappingProxyType

import attrs

from .._vocab import ITEM_TYPES


class Shape(enum.Enum):
    """How a tag's lines become a variable's value."""

    TEXT = "text"  # one line; a repeat is kept as an unmapped tag
    NAMES = "names"  # one name a line, "Family, Given, Suffix"
    KEYWORDS = "keywords"  # one keyword a line <-> CSL "a, b, c"
    YEAR = "year"  # PY: the year, written with a DA line when the date says more
    DATE = "date"  # "YYYY/MM/DD/other"
    PAGE_START = "page-start"  # SP + EP <-> "first-last"
    PAGE_END = "page-end"


def _types(value: str | frozenset[str]) -> frozenset[str]:
    return value if isinstance(value, frozenset) else frozenset(value.split())


def _csl_types(_: object, attribute: attrs.Attribute[frozenset[str]], value: frozenset[str]) -> None:
    if unknown := value - ITEM_TYPES:
        raise ValueError(f"{attribute.name}: not CSL item types: {sorted(unknown)}")


@attrs.frozen
class Tag:
    """One row: an RIS tag, the CSL variable it holds, and the CSL types it holds it for."""

    tag: str
    variable: str
    shape: Shape = Shape.TEXT
    only: frozenset[str] = attrs.field(default=frozenset(), converter=_types, validator=_csl_types)
    skip: frozenset[str] = attrs.field(default=frozenset(), converter=_types, validator=_csl_types)

    def holds_for(self, csl_type: str) -> bool:
        return (not self.only or csl_type in self.only) and csl_type not in self.skip


# Rows in the order the writer writes them.
TAGS: tuple[Tag, ...] = (
    Tag("AU", "author", Shape.NAMES),
    Tag("A1", "author", Shape.NAMES),
    Tag("AF", "author", Shape.NAMES),
    Tag("A2", "editor", Shape.NAMES),
    Tag("ED", "editor", Shape.NAMES),
    Tag("A3", "collection-editor", Shape.NAMES),
    Tag("A4", "translator", Shape.NAMES),
    Tag("TI", "title"),
    Tag("T1", "title"),
    Tag("CT", "title"),
    Tag("BT", "title", only="book"),
    Tag("ST", "title-short"),
    Tag("T2", "collection-title", only="book"),
    Tag("T2", "container-title", skip="book"),
    Tag("JO", "container-title", skip="book"),
    Tag("JF", "container-title", skip="book"),
    Tag("BT", "container-title", skip="book"),
    Tag("T3", "collection-title", skip="book"),
    Tag("J2", "container-title-short"),
    Tag("JA", "container-title-short"),
    Tag("JI", "container-title-short"),
    Tag("PY", "issued", Shape.YEAR),
    Tag("DA", "issued", Shape.DATE),
    Tag("Y1", "issued", Shape.DATE),
    Tag("Y2", "accessed", Shape.DATE),
    Tag("VL", "volume"),
    Tag("IS", "issue"),
    Tag("SP", "number-of-pages", only="book thesis"),
    Tag("SP", "page", Shape.PAGE_START, skip="book thesis"),
    Tag("EP", "page", Shape.PAGE_END, skip="book thesis"),
    Tag("SE", "section"),
    Tag("ET", "edition"),
    Tag("NV", "number-of-volumes"),
    Tag("C7", "number", only="article article-journal article-magazine article-newspaper"),
    Tag("M1", "number"),
    Tag("M3", "genre"),
    Tag("PB", "publisher"),
    Tag("CY", "publisher-place"),
    Tag("PP", "publisher-place"),
    Tag("SN", "ISBN", only="book chapter paper-conference"),
    Tag("SN", "ISSN", skip="book chapter paper-conference"),
    Tag("DO", "DOI"),
    Tag("UR", "URL"),
    Tag("DB", "source"),
    Tag("DP", "source"),
    Tag("AN", "archive_location"),
    Tag("UT", "archive_location"),
    Tag("C2", "PMCID", only="article-journal"),
    Tag("LB", "citation-label"),
    Tag("CN", "call-number"),
    Tag("LA", "language"),
    Tag("KW", "keyword", Shape.KEYWORDS),
    Tag("AB", "abstract"),
    Tag("N2", "abstract"),
    Tag("N1", "note"),
)

# (TY, CSL type): the first row for a CSL type is the TY written for it.
TYPES: tuple[tuple[str, str], ...] = (
    ("JOUR", "article-journal"),
    ("MGZN", "article-magazine"),
    ("NEWS", "article-newspaper"),
    ("BOOK", "book"),
    ("CHAP", "chapter"),
    ("CONF", "paper-conference"),
    ("THES", "thesis"),
    ("RPRT", "report"),
    ("ELEC", "webpage"),
    ("BLOG", "post-weblog"),
    ("DATA", "dataset"),
    ("COMP", "software"),
    ("PAT", "patent"),
    ("CASE", "legal_case"),
    ("STAT", "legislation"),
    ("LEGAL", "regulation"),
    ("BILL", "bill"),
    ("HEAR", "hearing"),
    ("MAP", "map"),
    ("ART", "graphic"),
    ("FIGURE", "figure"),
    ("SOUND", "song"),
    ("MUSIC", "musical_score"),
    ("MPCT", "motion_picture"),
    ("PCOMM", "personal_communication"),
    ("MANSCPT", "manuscript"),
    ("ENCYC", "entry-encyclopedia"),
    ("DICT", "entry-dictionary"),
    ("STAND", "standard"),
    ("PAMP", "pamphlet"),
    ("JFULL", "periodical"),
    ("CLSWK", "classic"),
    ("SLIDE", "speech"),
    ("GEN", "document"),
    # read only: synonyms and narrower RIS types
    ("CPAPER", "paper-conference"),
    ("WEB", "webpage"),
    ("EJOUR", "article-journal"),
    ("INPR", "article-journal"),
    ("EBOOK", "book"),
    ("EDBOOK", "book"),
    ("ECHAP", "chapter"),
    ("GOVDOC", "report"),
    ("DBASE", "dataset"),
    ("UNBILL", "bill"),
    ("VIDEO", "motion_picture"),
    ("ICOMM", "personal_communication"),
    ("UNPB", "manuscript"),
)

# Document types as Scopus (M3) and Web of Science (DT) write them, lower-cased: the CSL type
# each means. Such an M3 is kept as a tag line, never read as the genre (which styles print,
# "[Article]"), and it decides the CSL type when TY does not (GEN, or a type citekit lacks).
DOCUMENT_TYPES: Mapping[str, str] = MappingProxyType(
    {
        "article": "article-journal",
        "article in press": "article-journal",
        "review": "article-journal",
        "letter": "article-journal",
        "editorial": "article-journal",
        "editorial material": "article-journal",
        "note": "article-journal",
        "erratum": "article-journal",
        "correction": "article-journal",
        "short survey": "article-journal",
        "data paper": "article-journal",
        "meeting abstract": "article-journal",
        "retracted": "article-journal",
        "early access": "article-journal",
        "conference paper": "paper-conference",
        "conference review": "paper-conference",
        "proceedings paper": "paper-conference",
        "book chapter": "chapter",
        "book": "book",
        "book review": "review-book",
    }
)


def document_type(text: str) -> str | None:
    """The CSL type a Scopus/WoS document type means ("Article; Proceedings Paper" -> the first),
    or None when any part of it is no document type (then it is a genre)."""
    parts = [p.strip().lower() for p in text.split(";")]
    if not all(p in DOCUMENT_TYPES for p in parts):
        return None
    return DOCUMENT_TYPES[parts[0]]


_CSL_FOR_TY: Mapping[str, str] = MappingProxyType(dict(reversed(TYPES)))
_TY_FOR_CSL: Mapping[str, str] = MappingProxyType({csl: ty for ty, csl in reversed(TYPES)})


def csl_type(ty: str) -> str | None:
    """The CSL type for an RIS TY (any case), or None when RIS defines no such type here."""
    return _CSL_FOR_TY.get(ty.strip().upper())


def ris_type(csl: str) -> str:
    """The TY written for a CSL type: GEN when RIS has none."""
    return _TY_FOR_CSL.get(csl, "GEN")


@functools.cache
def row_for_tag(csl: str, tag: str) -> Tag | None:
    """The row a reader uses for `tag` in a record of CSL type `csl`."""
    return next((r for r in TAGS if r.tag == tag and r.holds_for(csl)), None)


@functools.cache
def row_for_variable(csl: str, variable: str, shape: Shape | None = None) -> Tag | None:
    """The row a writer uses for `variable` (of `shape`, when given) in a record of type `csl`."""
    return next(
        (
            r
            for r in TAGS
            if r.variable == variable and r.holds_for(csl) and (shape is None or r.shape is shape)
        ),
        None,
    )


DOCUMENT_TYPE_TAGS = ("M3", "DT")
_CSL_TYPE_NOTE = re.compile(r"type: ([a-z_-]+)")


def entry_type(ty: str, tags: Iterable[tuple[str, str]]) -> str:
    """The CSL type of an entry: its TY's, or, when TY says no more than "document", the type a
    Scopus M3 or Web of Science DT line names."""
    csl = csl_type(ty)
    if csl not in (None, "document"):
        return csl
    found: str | None = None
    for tag, value in tags:
        if tag == "N1" and (m := _CSL_TYPE_NOTE.fullmatch(value)) and m.group(1) in ITEM_TYPES:
            return m.group(1)  # a CSL type RIS has no TY for, written by citekit
        if tag in DOCUMENT_TYPE_TAGS and found is None:
            found = document_type(value)
    return found or csl or "document"
