"""CSL variables -> BibTeX fields, by the rows of _mapping read right to left.

Values come out as written in the file (with their braces). The `bibtex` dialect is
ASCII-safe wherever LaTeX has a form for a character (`{\\"o}`, `--` for an en dash,
`\\&`, `\\%`, `\\_`); characters without one stay UTF-8, which BibTeX copies through. The
`biblatex` dialect keeps UTF-8 and escapes only LaTeX's special characters.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping

from ..._dates import Date
from ..._names import Name
from ..._record import FieldValue
from ..._vocab import VARIABLES, Kind
from ._case import protect
from ._latex_encode import encode
from ._mapping import FALLBACK_PREFIX, FieldRow, How, bib_type_for, field_row_for
from ._names import format_names
from ._tocsl import URLISH, csl_type_of

_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_SIMPLE_RANGE = re.compile(r"(?<=[0-9A-Za-z])\s*[-–—]+\s*(?=[0-9A-Za-z])")
_FALLBACK_HOW = {Kind.NAME: How.NAMES, Kind.DATE: How.DATE, Kind.TEXT: How.RICH, Kind.NUMBER: How.TEXT}
_SEASON_CODE = {1: 21, 2: 22, 3: 23, 4: 24}
# Fields BibTeX and BibLaTeX styles re-case (`change.case$`, \MakeSentenceCase): written with
# their capitals protected. Periodicals' and series' names are printed as written.
_RECASED = frozenset({"title", "shorttitle", "booktitle", "origtitle", "eventtitle"})


def edtf(date: Date) -> str | None:
    """A Date as an EDTF string (`2004-05-03`, `1988/1992`, `2004-22`, `1850~`), or None."""
    date = date.resolved()
    if not date.date_parts or not all(date.date_parts):  # `date-parts: [[]]` is no date
        return None
    if any(not 1 <= p <= 12 for part in date.date_parts for p in part[1:2]) or any(
        not 1 <= p <= 31 for part in date.date_parts for p in part[2:3]
    ):
        return None  # month 13 or 0 (a CSL-JSON typo): no EDTF for it; written as numbers
    approx = "~" if date.circa else ""
    sides = []
    for part in date.date_parts:
        text = f"{part[0]:04d}" if part[0] >= 0 else f"-{-part[0]:04d}"
        text += "".join(f"-{p:02d}" for p in part[1:3])
        sides.append(text + approx)
    if len(sides) == 1 and date.season is not None and len(date.date_parts[0]) == 1:
        season = date.season
        if isinstance(season, str) and season.isdigit():
            season = int(season)
        if isinstance(season, int) and season in _SEASON_CODE:
            return f"{sides[0].rstrip('~')}-{_SEASON_CODE[season]}{approx}"
    return "/".join(sides)


def _braced(text: str) -> str:
    return "{" + text + "}"


def _date_fields(date: Date, dialect: str, bib: str) -> list[tuple[str, str]]:
    text = edtf(date)
    literal = date.literal if date.literal is not None else date.raw
    if bib != "year":
        if text is None:
            return [(bib, _braced(encode(literal or "", ascii=dialect == "bibtex", markup=False)))]
        return [(bib, _braced(text))]
    resolved = date.resolved()
    if text is None and resolved.date_parts and all(resolved.date_parts):
        return _odd_date_fields(resolved)
    if text is None:
        return [("year", _braced(encode(literal, ascii=True, markup=False)))] if literal else []
    start = resolved.date_parts[0]
    out = [("year", _braced(str(start[0])))]
    simple = len(resolved.date_parts) == 1 and not resolved.circa and resolved.season is None
    if len(start) > 1 and simple:
        out.append(("month", _MONTHS[start[1] - 1]))
    if len(start) > 2 and simple:
        out.append(("day", _braced(str(start[2]))))  # read with year and month; BibTeX ignores it
    elif not simple:
        out.append(("date", _braced(text)))  # a range, season or circa: only EDTF holds it
    return out


def _odd_date_fields(date: Date) -> list[tuple[str, str]]:
    """A date with a month or day out of range: its numbers as they are, so that nothing is
    lost and the reader reports them (there is no month macro for 13, and `dec` is not 0)."""
    start = date.date_parts[0]
    out = [("year", _braced(str(start[0])))]
    if len(start) > 1:
        out.append(("month", _braced(str(start[1]))))
    if len(start) > 2:
        out.append(("day", _braced(str(start[2]))))
    return out


def _value(row: FieldRow, value: FieldValue, dialect: str, et_al: bool, useprefix: bool) -> str:
    ascii = dialect == "bibtex"
    how = row.how
    if isinstance(value, tuple):  # BibTeX has no extended name format: particles as `von`
        return _braced(format_names(value, et_al, ascii, useprefix, extended=dialect == "biblatex"))
    if isinstance(value, Date):
        return _braced(edtf(value) or encode(value.literal or value.raw or "", ascii=ascii, markup=False))
    text = str(value)
    if how is How.VERBATIM:
        return _braced(text)
    if how is How.PAGES:
        return _braced(_SIMPLE_RANGE.sub("--", encode(text, ascii=ascii, markup=False)))
    if how is How.TITLE and row.bib in _RECASED:
        text = protect(text)
    return _braced(encode(text, ascii=ascii, markup=how in (How.TITLE, How.RICH)))


def _useprefix(fields: Mapping[str, FieldValue]) -> bool:
    """True when every particle in the entry is non-dropping (so `options` can say so)."""
    names = [n for v in fields.values() if isinstance(v, tuple) for n in v if isinstance(n, Name)]
    return any(n.non_dropping_particle for n in names) and not any(n.dropping_particle for n in names)


def entry_type(
    csl_type: str, fields: Mapping[str, FieldValue], dialect: str
) -> tuple[str, list[tuple[str, str]]]:
    """The entry type to write, and any fields needed to read the CSL type back."""
    genre = fields.get("genre")
    extra: list[tuple[str, str]] = []
    if csl_type in ("article-magazine", "article-newspaper"):
        return "article", [("entrysubtype", _braced(csl_type[8:]))]
    bib = bib_type_for(csl_type, dialect, genre if isinstance(genre, str) else None, "editor" in fields)
    if bib is None:
        return "misc", [("csl-type", _braced(csl_type))]
    events = {"event-title": "eventtitle", "event-date": "eventdate", "event-place": "venue"}
    present = {bib: "" for csl, bib in events.items() if csl in fields}
    if csl_type_of(bib, present) != csl_type:
        extra.append(("csl-type", _braced(csl_type)))
    return bib, extra


def to_fields(
    csl_type: str,
    fields: Mapping[str, FieldValue],
    dialect: str,
    *,
    et_al: Collection[str] = (),
    skip: Collection[str] = (),
    taken: Collection[str] = (),
    bib_type: str | None = None,
) -> list[tuple[str, str]]:
    """BibTeX (name, raw value) pairs for these CSL variables, in the record's order.
    `skip` names variables not to write (inherited ones); `taken` names fields already
    written (from the stash), which a variable then writes under its fallback name."""
    useprefix = _useprefix(fields)
    used = {t.lower() for t in taken}
    out: list[tuple[str, str]] = []
    if useprefix and "options" not in used:
        out.append(("options", "{useprefix=true}"))
        used.add("options")
    for variable, value in fields.items():
        if variable in skip:
            continue
        if variable == "genre" and bib_type in ("mastersthesis", "phdthesis"):
            default = "Master's thesis" if bib_type == "mastersthesis" else "PhD thesis"
            if value == default:
                continue
        row = field_row_for(variable, csl_type, dialect)
        odd = isinstance(value, Date) and edtf(value) is None and value.literal is None and value.raw is None
        if variable == "issued" and (dialect == "bibtex" or odd) and isinstance(value, Date):
            pairs = _date_fields(value, dialect, "year")
            if not any(name in used for name, _ in pairs):
                out.extend(pairs)
                used.update(name for name, _ in pairs)
                continue
            row = None
        if row is None or row.bib in used:
            kind = VARIABLES[variable]
            row = FieldRow(FALLBACK_PREFIX + variable, variable, _FALLBACK_HOW[kind])
        out.append((row.bib, _value(row, value, dialect, variable in et_al, useprefix)))
        used.add(row.bib)
    url = fields.get("URL")
    if (
        dialect == "bibtex"
        and bib_type == "misc"
        and isinstance(url, str)
        and URLISH.match(url)  # else it would read back as the publisher
        and "howpublished" not in used
    ):
        out.append(("howpublished", _braced("\\url{" + url + "}")))  # what plain.bst prints of a web page
    return out
