"""The one BibTeX/BibLaTeX <-> CSL table: entry types and fields, read in both directions.

Rows are data; `_convert` reads them left to right (BibTeX -> CSL) and right to left (CSL ->
BibTeX). Rules, following ../shared/bibtex-csl-mapping.md's proposals unless noted:

Types (TYPES): the first row naming a CSL type is the one written; rows marked "read" are only
read. The source entry type is stashed and written back unchanged while the CSL type still
maps from it, so `@incollection` stays `@incollection`.
- `misc` -> document, `booklet` -> pamphlet, `inbook`/`incollection`/`bookinbook` -> chapter
  (written as `@incollection` when the chapter has an editor, else `@inbook`, as pandoc),
  `inproceedings` -> paper-conference, `manual` -> report (deliberately no invented genre
  "Manual": the stashed type writes it back), `mastersthesis`/`phdthesis` -> thesis with the
  genre "Master's thesis"/"PhD thesis" when there is no `type` field (the writer picks the
  BibTeX type from the genre, as citation-js does), `unpublished` -> manuscript, or speech
  when it has an event, `online` -> webpage, `article` -> article-journal (entrysubtype
  magazine/newspaper -> article-magazine/-newspaper).
- A CSL type with no row is written as `@misc` with `csl-type = {...}`, which is read back.

Fields (FIELDS): for one CSL variable the first matching row wins when reading (so `date` beats
`year`, `journaltitle` beats `journal`, and publisher follows citation-js's precedence:
school for theses, institution for reports and theses, then publisher, organization,
howpublished); `types` limits a row to CSL types (`exclude` inverts it); `write` says which
dialect writes it ("both", "bibtex", "biblatex", or "read" for read-only).
- `number` -> issue for articles, periodicals and conference papers; -> number for reports,
  patents, standards and legal types; -> collection-number otherwise (pandoc's split).
- `pages` -> page with `--`/en dashes as "-"; `73+`, `e1002345`, `xi-xv` kept as written.
- `year`+`month`(+`day`) -> issued; `date`, `urldate`, `eventdate`, `origdate` are EDTF.
  The bibtex dialect writes year and a month macro, and `date` too when the date has more
  than a year and a month (a day, a range, a season, circa).
- `howpublished`: a URL when it looks like one, else the publisher (citation-js).
- Verbatim fields (doi, url, isbn, issn, pmid, pmcid, eprint, file) are never LaTeX-decoded;
  a DOI loses a `https://doi.org/` or `doi:` prefix.
- `eprint` with `eprinttype = {pubmed}` -> PMID (citation-js); other eprints (arXiv...) are
  kept verbatim in the stash, not mapped (a gap: pandoc builds a URL from them).
- `subtitle`, `booksubtitle`, `journalsubtitle` join their title with ": " (pandoc); `maintitle`
  is not mapped yet. `langid` is read as the language
  when `language` is absent, kept as written (no BCP 47 table yet).
- A CSL variable with no row for the record's type is written as `csl-<variable>` and read
  back from it, so CSL -> BibTeX -> CSL loses nothing.
- Everything else (crossref, xdata, keywords' separators, file, timestamp, groups, eprint...)
  is kept verbatim in the stash (see _stash) and written back as it was.
"""

from __future__ import annotations

import enum

import attrs


class How(enum.Enum):
    """How one field's value converts."""

    TITLE = "title"  # LaTeX -> rich text with nocase spans
    RICH = "rich"  # LaTeX -> rich text
    TEXT = "text"  # LaTeX -> plain text
    VERBATIM = "verbatim"  # delimiters only
    NAMES = "names"
    DATE = "date"  # EDTF
    YEAR = "year"  # year + month + day
    PAGES = "pages"
    HOWPUBLISHED = "howpublished"


ARTICLES = frozenset({"article-journal", "article-magazine", "article-newspaper", "periodical"})
CONTAINED = frozenset({"chapter", "paper-conference", "entry", "entry-dictionary", "entry-encyclopedia"})
NUMBERED = frozenset(
    {"report", "patent", "standard", "legislation", "bill", "regulation", "legal_case", "dataset"}
)


@attrs.frozen
class TypeRow:
    bib: str
    csl: str
    write: str = "both"
    genre: str | None = None


@attrs.frozen
class FieldRow:
    bib: str
    csl: str
    how: How
    types: frozenset[str] | None = None
    exclude: bool = False
    write: str = "both"

    def applies(self, csl_type: str) -> bool:
        if self.types is None:
            return True
        return (csl_type in self.types) != self.exclude

    def writes(self, dialect: str) -> bool:
        return self.write == "both" or self.write == dialect


TYPES: tuple[TypeRow, ...] = (
    TypeRow("article", "article-journal"),
    TypeRow("article", "article-magazine", "read"),
    TypeRow("article", "article-newspaper", "read"),
    TypeRow("book", "book"),
    TypeRow("mvbook", "book", "read"),
    TypeRow("collection", "book", "read"),
    TypeRow("mvcollection", "book", "read"),
    TypeRow("proceedings", "book", "read"),
    TypeRow("mvproceedings", "book", "read"),
    TypeRow("reference", "book", "read"),
    TypeRow("mvreference", "book", "read"),
    TypeRow("booklet", "pamphlet"),
    TypeRow("incollection", "chapter"),
    TypeRow("inbook", "chapter"),
    TypeRow("bookinbook", "chapter", "read"),
    TypeRow("suppbook", "chapter", "read"),
    TypeRow("suppcollection", "chapter", "read"),
    TypeRow("inproceedings", "paper-conference"),
    TypeRow("conference", "paper-conference", "read"),
    TypeRow("manual", "report", "read"),
    TypeRow("mastersthesis", "thesis", "bibtex", "Master's thesis"),
    TypeRow("phdthesis", "thesis", "bibtex", "PhD thesis"),
    TypeRow("thesis", "thesis"),
    TypeRow("techreport", "report", "bibtex"),
    TypeRow("report", "report"),
    TypeRow("unpublished", "manuscript"),
    TypeRow("misc", "document"),
    TypeRow("online", "webpage"),
    TypeRow("www", "webpage", "read"),
    TypeRow("electronic", "webpage", "read"),
    TypeRow("software", "software"),
    TypeRow("dataset", "dataset"),
    TypeRow("patent", "patent"),
    TypeRow("standard", "standard"),
    TypeRow("inreference", "entry-encyclopedia"),
    TypeRow("periodical", "periodical"),
    TypeRow("suppperiodical", "article-journal", "read"),
    TypeRow("legislation", "legislation"),
    TypeRow("jurisdiction", "legal_case"),
    TypeRow("legal", "legislation", "read"),
    TypeRow("letter", "personal_communication"),
    TypeRow("review", "review"),
    TypeRow("artwork", "graphic"),
    TypeRow("image", "graphic", "read"),
    TypeRow("audio", "song"),
    TypeRow("music", "song", "read"),
    TypeRow("video", "motion_picture"),
    TypeRow("movie", "motion_picture", "read"),
    TypeRow("performance", "performance"),
    TypeRow("map", "map"),
    TypeRow("interview", "interview"),
)

_NONE = frozenset[str]()

FIELDS: tuple[FieldRow, ...] = (
    FieldRow("title", "title", How.TITLE),
    FieldRow("shorttitle", "title-short", How.TITLE),
    FieldRow("booktitle", "container-title", How.TITLE, CONTAINED),
    FieldRow("journal", "container-title", How.TITLE, ARTICLES, write="bibtex"),
    FieldRow("journaltitle", "container-title", How.TITLE, ARTICLES, write="biblatex"),
    FieldRow("journaltitle", "container-title", How.TITLE, write="read"),
    FieldRow("journal", "container-title", How.TITLE, write="read"),
    FieldRow("shortjournal", "container-title-short", How.TITLE, write="biblatex"),
    FieldRow("series", "collection-title", How.TITLE),
    FieldRow("eventtitle", "event-title", How.TITLE, write="biblatex"),
    FieldRow("origtitle", "original-title", How.TITLE, write="biblatex"),
    FieldRow("author", "author", How.NAMES),
    FieldRow("editor", "editor", How.NAMES),
    FieldRow("translator", "translator", How.NAMES),
    FieldRow("bookauthor", "container-author", How.NAMES, write="biblatex"),
    FieldRow("date", "issued", How.DATE, write="biblatex"),
    FieldRow("year", "issued", How.YEAR, write="bibtex"),
    FieldRow("urldate", "accessed", How.DATE),
    FieldRow("eventdate", "event-date", How.DATE, write="biblatex"),
    FieldRow("origdate", "original-date", How.DATE, write="biblatex"),
    FieldRow("venue", "event-place", How.TEXT, write="biblatex"),
    FieldRow("origpublisher", "original-publisher", How.TEXT, write="biblatex"),
    FieldRow("origlocation", "original-publisher-place", How.TEXT, write="biblatex"),
    FieldRow("volume", "volume", How.TEXT),
    FieldRow("volumes", "number-of-volumes", How.TEXT),
    FieldRow("number", "issue", How.TEXT, ARTICLES | {"paper-conference"}),
    FieldRow("issue", "issue", How.TEXT, ARTICLES, write="read"),
    FieldRow("number", "number", How.TEXT, NUMBERED),
    FieldRow("number", "collection-number", How.TEXT, ARTICLES | NUMBERED | {"paper-conference"}, True),
    FieldRow("pages", "page", How.PAGES),
    FieldRow("pagetotal", "number-of-pages", How.TEXT),
    FieldRow("chapter", "chapter-number", How.TEXT),
    FieldRow("edition", "edition", How.TEXT),
    FieldRow("version", "version", How.TEXT),
    FieldRow("school", "publisher", How.TEXT, frozenset({"thesis"}), write="bibtex"),
    FieldRow("institution", "publisher", How.TEXT, frozenset({"report", "thesis"})),
    FieldRow("publisher", "publisher", How.TEXT),
    FieldRow("organization", "publisher", How.TEXT, write="read"),
    FieldRow("institution", "publisher", How.TEXT, write="read"),
    FieldRow("school", "publisher", How.TEXT, write="read"),
    FieldRow("address", "publisher-place", How.TEXT, write="bibtex"),
    FieldRow("location", "publisher-place", How.TEXT, write="biblatex"),
    FieldRow("location", "publisher-place", How.TEXT, write="read"),
    FieldRow("address", "publisher-place", How.TEXT, write="read"),
    FieldRow("doi", "DOI", How.VERBATIM),
    FieldRow("url", "URL", How.VERBATIM),
    FieldRow("howpublished", "URL", How.HOWPUBLISHED, write="read"),
    FieldRow("howpublished", "publisher", How.HOWPUBLISHED, write="read"),
    FieldRow("isbn", "ISBN", How.VERBATIM),
    FieldRow("issn", "ISSN", How.VERBATIM),
    FieldRow("pmid", "PMID", How.VERBATIM),
    FieldRow("pmcid", "PMCID", How.VERBATIM),
    FieldRow("note", "note", How.RICH),
    FieldRow("annote", "annote", How.RICH),
    FieldRow("annotation", "annote", How.RICH, write="read"),
    FieldRow("abstract", "abstract", How.RICH),
    FieldRow("keywords", "keyword", How.TEXT),
    FieldRow("language", "language", How.TEXT),
    FieldRow("langid", "language", How.TEXT, write="read"),
    FieldRow("type", "genre", How.TEXT),
    FieldRow("pubstate", "status", How.TEXT, write="biblatex"),
)
"""Rows in read precedence order; `_NONE` keeps an always-false types set at hand."""

ROWS_BY_BIB: dict[str, tuple[tuple[int, FieldRow], ...]] = {}
for _rank, _row in enumerate(FIELDS):
    ROWS_BY_BIB[_row.bib] = (*ROWS_BY_BIB.get(_row.bib, ()), (_rank, _row))

TYPE_OF_BIB: dict[str, str] = {}
for _t in TYPES:
    TYPE_OF_BIB.setdefault(_t.bib, _t.csl)
GENRE_OF_BIB = {t.bib: t.genre for t in TYPES if t.genre}
FALLBACK_PREFIX = "csl-"


# The entry types classic BibTeX styles (plain.bst and its family) define; in the bibtex
# dialect every other CSL type is written as @misc (with `csl-type`, read back).
CLASSIC_TYPES = frozenset(
    {
        "article",
        "book",
        "booklet",
        "conference",
        "inbook",
        "incollection",
        "inproceedings",
        "manual",
        "mastersthesis",
        "misc",
        "phdthesis",
        "proceedings",
        "techreport",
        "unpublished",
    }
)
# BibTeX entry types -> BibLaTeX's own (biblatex takes the left as aliases; --to biblatex
# writes the right), and BibLaTeX-only types -> what a classic style can print.
TO_BIBLATEX_TYPES = {
    "conference": "inproceedings",
    "techreport": "report",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "www": "online",
    "electronic": "online",
}


def bib_type_for(csl_type: str, dialect: str, genre: str | None, has_editor: bool) -> str | None:
    """The entry type to write for a CSL type, or None when no row names it (or, in the
    bibtex dialect, when the row's type is not one classic BibTeX styles know)."""
    if csl_type == "thesis" and dialect == "bibtex":
        master = genre is not None and any(w in genre.lower() for w in ("master", "mathesis", "diplom"))
        return "mastersthesis" if master else "phdthesis"
    if csl_type == "chapter":
        return "incollection" if has_editor else "inbook"
    for row in TYPES:
        if row.csl == csl_type and row.write in ("both", dialect):
            if dialect == "bibtex" and row.bib not in CLASSIC_TYPES:
                return None
            return row.bib
    return None


def foreign_to(dialect: str, field: str) -> bool:
    """True for a field only the other dialect writes (`journal` for biblatex, `date` or
    `location` for bibtex): --to <dialect> rewrites it from CSL under its own name."""
    rows = ROWS_BY_BIB.get(field)
    if not rows:
        return dialect == "bibtex" and field in _BIBLATEX_ONLY
    writes = {row.write for _, row in rows}
    return bool(writes & {"bibtex", "biblatex"} - {dialect}) and not writes & {"both", dialect}


_BIBLATEX_ONLY = frozenset({"subtitle", "booksubtitle", "journalsubtitle", "eprinttype"})


def field_row_for(variable: str, csl_type: str, dialect: str) -> FieldRow | None:
    """The row that writes a CSL variable for this type and dialect."""
    for row in FIELDS:
        if row.csl == variable and row.writes(dialect) and row.applies(csl_type):
            return row
    return None
