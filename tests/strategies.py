"""Hypothesis strategies shared by every round-trip test: CSL names, dates and records."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from citekit import Date, Name, Record
from citekit._vocab import ITEM_TYPES, Kind, variables_of

# Text without control characters or surrogates; CSL data is free text.
text = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\x00"),
    min_size=1,
    max_size=30,
)
plain_words = st.from_regex(r"[A-Z][a-z]{1,10}( [A-Z][a-z]{1,10}){0,2}", fullmatch=True)

names = st.one_of(
    st.builds(Name, family=plain_words, given=st.none() | plain_words),
    st.builds(
        Name,
        family=plain_words,
        given=plain_words,
        non_dropping_particle=st.none() | st.sampled_from(["van", "de", "von", "van der", "di"]),
        dropping_particle=st.none() | st.sampled_from(["de", "d'", "von"]),
        suffix=st.none() | st.sampled_from(["Jr.", "Sr.", "III"]),
        comma_suffix=st.none() | st.booleans(),
    ),
    st.builds(Name, literal=plain_words),
)

years = st.integers(min_value=1000, max_value=2100)
# One date: a year, a month or a day (days up to 28, valid in every month).
date_part = st.one_of(
    st.tuples(years),
    st.tuples(years, st.integers(1, 12)),
    st.tuples(years, st.integers(1, 12), st.integers(1, 28)),
)
dates = st.one_of(
    st.builds(Date, date_parts=st.tuples(date_part)),
    st.builds(Date, date_parts=st.tuples(date_part, date_part)),
    st.builds(Date, date_parts=st.tuples(st.tuples(years)), season=st.integers(1, 4)),
    st.builds(Date, date_parts=st.tuples(st.tuples(years)), circa=st.just(True)),
    st.builds(Date, literal=plain_words),
    st.builds(Date, raw=st.sampled_from(["2018-05-03", "May 2018", "1988/1992"])),
)

_values: dict[Kind, st.SearchStrategy[Any]] = {
    Kind.TEXT: text,
    Kind.NUMBER: st.one_of(st.integers(0, 9999), st.from_regex(r"[0-9]{1,4}(-[0-9]{1,4})?", fullmatch=True)),
    Kind.DATE: dates,
    Kind.NAME: st.lists(names, min_size=1, max_size=4).map(tuple),
}


@st.composite
def records(draw: st.DrawFn, kinds: tuple[Kind, ...] = tuple(Kind)) -> Record:
    """A Record with a handful of CSL variables of the given kinds, and maybe unknown keys."""
    fields: dict[str, Any] = {}
    for kind in kinds:
        for name in draw(st.lists(st.sampled_from(sorted(variables_of(kind))), max_size=3, unique=True)):
            fields[name] = draw(_values[kind])
    extra = draw(st.dictionaries(st.sampled_from(["custom", "zotero-key", "shortTitle"]), text, max_size=2))
    return Record(
        id=draw(st.from_regex(r"[a-z][a-z0-9_:-]{0,15}", fullmatch=True)),
        type=draw(st.sampled_from(sorted(ITEM_TYPES))),
        fields=fields,
        extra=extra,
    )


# ---------------------------------------------------------------------------------------------
# BibTeX / BibLaTeX (citekit.formats.bibtex)
#
# BibTeX folds ASCII whitespace runs to one space and trims values, and cannot say some things
# CSL can (a name with both kinds of particle, `comma-suffix`), so these strategies generate
# what a .bib file can hold: whitespace-normalised text, names with at most one particle.
# ---------------------------------------------------------------------------------------------

import re as _re  # noqa: E402  (kept with the section it serves)

from citekit._vocab import VARIABLES as _VARIABLES  # noqa: E402

_ASCII_SPACE = _re.compile(r"[ \t\n\r\f\v]+")

bib_text = (
    st.text(
        alphabet=st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\x00"),
        min_size=1,
        max_size=40,
    )
    .map(lambda t: _ASCII_SPACE.sub(" ", t).strip(" "))
    .filter(bool)
)
"""Unicode text as a BibTeX field can carry it."""

bib_verbatim = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9./:_?=&%~-]{0,30}", fullmatch=True)
"""Values of verbatim fields (url, doi, isbn...): no braces, no spaces."""

bib_names = st.one_of(
    st.builds(
        Name,
        family=plain_words,
        given=st.none() | plain_words,
        suffix=st.none() | st.sampled_from(["Jr.", "Sr.", "III"]),
    ),
    st.builds(
        Name,
        family=plain_words,
        given=st.none() | plain_words,
        dropping_particle=st.sampled_from(["van", "de", "von", "van der", "d'"]),
    ),
    st.builds(
        Name,
        family=plain_words,
        given=st.none() | plain_words,
        non_dropping_particle=st.sampled_from(["van", "de", "von", "van der", "di"]),
    ),
    st.builds(Name, literal=plain_words),
)

_BIB_VERBATIM_VARIABLES = frozenset({"DOI", "URL", "ISBN", "ISSN", "PMID", "PMCID"})


def _bib_value(name: str) -> st.SearchStrategy[Any]:
    kind = _VARIABLES[name]
    if name in _BIB_VERBATIM_VARIABLES:
        return bib_verbatim
    if kind is Kind.NAME:
        return st.lists(bib_names, min_size=1, max_size=4).map(tuple)
    if kind is Kind.DATE:
        return dates
    if kind is Kind.NUMBER:
        return _values[Kind.NUMBER]
    return bib_text


@st.composite
def bib_records(draw: st.DrawFn) -> Record:
    """A Record of any CSL type with CSL variables whose values a .bib file can hold."""
    names = draw(st.lists(st.sampled_from(sorted(_VARIABLES)), min_size=1, max_size=8, unique=True))
    return Record(
        id=draw(st.from_regex(r"[A-Za-z][A-Za-z0-9_:-]{0,15}", fullmatch=True)),
        type=draw(st.sampled_from(sorted(ITEM_TYPES))),
        fields={name: draw(_bib_value(name)) for name in names},
    )


_bib_latex_piece = st.one_of(
    st.from_regex(r"[A-Za-z0-9 .,;:()!?/-]{1,12}", fullmatch=True),
    st.sampled_from(
        [
            r"{\"o}",
            r"\'e",
            r"{\'E}",
            r"\ss{}",
            r"\&",
            r"\%",
            "--",
            "---",
            "~",
            r"\TeX{}",
            "{DNA}",
            r"\emph{x}",
            r"$\alpha$",
            "``q''",
            r"{\o}",
            r"\c{c}",
            r"\mycmd{y}",
        ]
    ),
)
bib_latex_values = st.lists(_bib_latex_piece, min_size=1, max_size=6).map("".join)
"""LaTeX field contents with balanced braces."""


_bib_raw_names = st.sampled_from(
    [
        "Adams, Alice",
        "van Beethoven, Ludwig",
        'M{\\"u}ller, J.',
        "{ACME Inc.}",
        "Jean de La Fontaine",
        "others",
    ]
)


@st.composite
def bib_files(draw: st.DrawFn) -> str:
    """A .bib file: @string definitions, entries using them, comments, a @preamble."""
    strings = draw(
        st.dictionaries(st.from_regex(r"s[a-z]{1,5}", fullmatch=True), bib_latex_values, max_size=3)
    )
    parts = [f"@string{{{k} = {{{v}}}}}" for k, v in strings.items()]
    if draw(st.booleans()):
        parts.append('@preamble{"\\newcommand{\\noopsort}[1]{}"}')
    keys = draw(
        st.lists(st.from_regex(r"[A-Za-z][A-Za-z0-9:_-]{0,10}", fullmatch=True), max_size=5, unique=True)
    )
    field_names = ["title", "author", "journal", "year", "month", "pages", "note", "publisher", "url", "file"]
    for key in keys:
        entry_type = draw(st.sampled_from(["article", "book", "InCollection", "misc", "phdthesis", "online"]))
        lines = []
        for field in draw(st.lists(st.sampled_from(field_names), min_size=1, max_size=6, unique=True)):
            if field == "year":
                value = str(draw(st.integers(1000, 2100)))
            elif field == "month":
                value = draw(st.sampled_from(["jan", "feb", "{March}", "12"]))
            elif field == "author":
                value = "{" + " and ".join(draw(st.lists(_bib_raw_names, min_size=1, max_size=3))) + "}"
            elif strings and draw(st.booleans()):
                value = draw(st.sampled_from(sorted(strings))) + ' # " x"'
            else:
                value = "{" + draw(bib_latex_values) + "}"
            lines.append(f"  {field} = {value},")
        parts.append(f"@{entry_type}{{{key},\n" + "\n".join(lines) + "\n}")
        if draw(st.booleans()):
            parts.append("% a comment between entries")
    return "\n\n".join(parts) + "\n"


# ---------------------------------------------------------------------------------------------
# CSL records as Zotero exports them, for trips through RIS (tests/formats/test_roundtrips.py).
#
# RIS holds text line by line: a value may not start or end with blanks (readers strip them),
# a line break is kept but blank lines at the ends are not; names have one family part and no
# commas inside a part (RIS separates parts with commas).
# ---------------------------------------------------------------------------------------------

_ris_line = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"), blacklist_characters="<,"),
    min_size=1,
    max_size=30,
).filter(lambda s: s == s.strip() and s.strip())
_csl_ris_names = st.one_of(
    st.builds(Name, family=plain_words, given=st.none() | plain_words),
    st.builds(Name, family=plain_words, given=plain_words, suffix=st.sampled_from(["Jr.", "III"])),
    st.builds(Name, literal=plain_words),
)
_csl_ris_values: dict[Kind, st.SearchStrategy[Any]] = {
    Kind.TEXT: _ris_line,
    Kind.NUMBER: st.from_regex(r"[1-9][0-9]{0,3}", fullmatch=True),
    Kind.DATE: st.builds(Date, date_parts=st.tuples(date_part)),
    Kind.NAME: st.lists(_csl_ris_names, min_size=1, max_size=3).map(tuple),
}


@st.composite
def csl_records_for_ris(draw: st.DrawFn) -> Record:
    """A CSL record as Zotero's CSL-JSON has it (any variable, a citation-key, a journal
    abbreviation under its legacy name), with values RIS can hold as text."""
    fields: dict[str, Any] = {}
    for kind in Kind:
        for name in draw(st.lists(st.sampled_from(sorted(variables_of(kind))), max_size=3, unique=True)):
            fields[name] = draw(_csl_ris_values[kind])
    fields.pop("citation-key", None)
    extra: dict[str, Any] = {}
    if draw(st.booleans()):
        extra["journalAbbreviation"] = draw(_ris_line)
    key = draw(st.from_regex(r"[a-z][a-zA-Z0-9_:-]{0,15}", fullmatch=True))
    return Record(id=key, type=draw(st.sampled_from(sorted(ITEM_TYPES))), fields=fields, extra=extra)


_NAMESAKES = (("Kowalski", "Anna"), ("Kowalski", "Marek"), ("Kowalski", "A. B."), ("Kim", "Min-jun"))
_NAMESAKES += (("Kim", "Min-seo"), ("Rossi", "Anna"), ("Rossi", "Luca"))


@st.composite
def namesake_items(draw: st.DrawFn, max_size: int = 10) -> list[dict[str, Any]]:
    """CSL-JSON items made to collide (few families, given names, years and titles), so
    that their cites read alike and every disambiguation step has work to do."""
    count = draw(st.integers(2, max_size))
    items = []
    for index in range(count):
        people = draw(st.lists(st.sampled_from(_NAMESAKES), min_size=1, max_size=4, unique=True))
        items.append(
            {
                "id": f"r{index}",
                "type": draw(st.sampled_from(["book", "article-journal"])),
                "title": draw(st.sampled_from(["On rivers", "On soil"])),
                "author": [{"family": family, "given": given} for family, given in people],
                "issued": {"date-parts": [[draw(st.sampled_from([2001, 2002]))]]},
            }
        )
    return items
