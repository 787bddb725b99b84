"""One entry's resolved fields -> a CSL type and CSL variables, by the rows of _mapping."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

import attrs

from ..._dates import Date, month_number, parse_raw
from ..._record import FieldValue
from ..._vocab import VARIABLES, Kind
from ._case import SentenceCase, convert, is_english
from ._latex import MAX_DEPTH, TOO_DEEP, Mode, decode
from ._mapping import FALLBACK_PREFIX, GENRE_OF_BIB, ROWS_BY_BIB, TYPE_OF_BIB, FieldRow, How
from ._names import parse_names


@attrs.frozen
class Note:
    """A problem found while mapping one field (the reader adds the location)."""

    kind: str
    message: str
    field: str
    severity: str = "warning"
    command: str | None = None


@attrs.frozen
class Mapped:
    """An entry as CSL: type, variables, which BibTeX fields made each variable, the name
    variables that ended in `and others`, and the resolved fields it was made from."""

    type: str
    fields: dict[str, FieldValue]
    sources: dict[str, tuple[str, ...]]
    et_al: tuple[str, ...]
    notes: tuple[Note, ...]
    present: dict[str, str]


# Titles of the work itself and of a book it is in (pandoc's `getTitle`), not periodicals'
# names (journal, series), which stay in Title Case in every style.
_SENTENCE_CASED = frozenset({"title", "subtitle", "shorttitle", "booktitle", "booksubtitle", "origtitle"})
_VARIABLE_OF_LOWER = {name.lower(): name for name in VARIABLES}
_FALLBACK_HOW = {Kind.NAME: How.NAMES, Kind.DATE: How.DATE, Kind.TEXT: How.RICH, Kind.NUMBER: How.TEXT}
_FALLBACK_RANK = 10_000
# (variable, main field, subtitle field): a subtitle joins its title with ": " (pandoc).
_SUBTITLES = (
    ("title", "title", "subtitle"),
    ("container-title", "booktitle", "booksubtitle"),
    ("container-title", "journaltitle", "journalsubtitle"),
    ("container-title", "journal", "journalsubtitle"),
)
_USEPREFIX = re.compile(r"(?:^|,)\s*useprefix\s*(?:=\s*(true|false))?\s*(?:,|$)", re.IGNORECASE)
URLISH = re.compile(r"^\s*(?:\\url\{)?\s*(?:https?|ftp)://", re.IGNORECASE)
_DOI_PREFIX = re.compile(r"^\s*(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
_DASHES = re.compile(r"\s*(?:[–—‒-]+)\s*")
_PLAIN_RANGE = re.compile(r"\s*(\w+)\s*-{1,3}\s*(\w+)\s*")  # `12--34`: no LaTeX to decode
_SEASONS = {"spring": 1, "summer": 2, "autumn": 3, "fall": 3, "winter": 4}
_NOT_YET = {
    "forthcoming": "forthcoming",
    "in press": "in press",
    "inpress": "in press",
    "submitted": "submitted",
    "to appear": "to appear",
}


def csl_type_of(entrytype: str, present: dict[str, str]) -> str:
    """The CSL type for a (lowercase) entry type and its fields (also used by the writer)."""
    forced = present.get("csl-type")
    if forced:
        return forced.strip()
    csl = TYPE_OF_BIB.get(entrytype, "document")
    subtype = present.get("entrysubtype", "").strip().lower()
    if entrytype == "article" and subtype in ("magazine", "newspaper"):
        return "article-" + subtype
    if entrytype == "unpublished" and any(k in present for k in ("eventtitle", "eventdate", "venue")):
        return "speech"
    return csl


def useprefix_of(options: str | None) -> bool:
    m = _USEPREFIX.search(options or "")
    if m is None:
        return False
    return m.group(1) is None or m.group(1).lower() == "true"


def to_csl(
    entrytype: str, fields: Iterable[tuple[str, str]] | dict[str, str], sentence_case: SentenceCase = "guess"
) -> Mapped:
    """Map one entry. `fields` are (lowercase name, resolved LaTeX text); the first of a
    repeated field counts. A dict is taken as those fields already deduplicated (and is kept
    in the result as `present`, not copied). `sentence_case` says which titles become
    sentence case (see _case)."""
    if isinstance(fields, dict):
        present = fields
    else:
        present = {}
        for name, text in fields:
            present.setdefault(name, text)
    csl_type = csl_type_of(entrytype, present)
    useprefix = "options" in present and useprefix_of(present["options"])
    if sentence_case != "never" and not is_english(present.get("langid") or present.get("language")):
        sentence_case = "never"
    rows_of = _ROWS.get(csl_type)
    if rows_of is None:
        rows_of = _ROWS[csl_type] = {}
    out: dict[str, FieldValue] = {}
    rank_of: dict[str, int] = {}
    sources: dict[str, tuple[str, ...]] = {}
    et_al: list[str] = []
    notes: list[Note] = []
    for name, text in present.items():
        rows = rows_of.get(name)
        if rows is None:
            rows = rows_of[name] = tuple((r, w) for r, w in _candidates(name) if w.applies(csl_type))
        for rank, row in rows:
            if rank_of.get(row.csl, _FALLBACK_RANK + 1) <= rank:
                continue
            value = _convert(row, name, text, present, useprefix, notes, et_al)
            if value is None:
                continue
            if sentence_case != "never" and name in _SENTENCE_CASED and isinstance(value, str):
                value = convert(value, sentence_case)
            variable = row.csl
            if isinstance(value, str) and row.how is _HOW_YEAR:
                variable = "status"  # `year = {forthcoming}`
            out[variable] = value
            rank_of[variable] = rank
            sources[variable] = ("year", "month", "day") if row.how is _HOW_YEAR else (name,)
            break
    for variable, main, sub in _SUBTITLES:
        if sub in present and sources.get(variable, ("",))[0] == main and isinstance(out[variable], str):
            subtitle, unknown = decode(present[sub], Mode.TITLE)
            _unknown(notes, sub, unknown)
            if sentence_case != "never" and sub in _SENTENCE_CASED:
                subtitle = convert(subtitle, sentence_case)
            if subtitle:
                out[variable] = f"{out[variable]}: {subtitle}"
                sources[variable] = (*sources[variable], sub)
    if (
        present.get("eprinttype", "").strip().lower() == "pubmed"
        and "PMID" not in out
        and "eprint" in present
    ):
        out["PMID"] = present["eprint"].strip()
        sources["PMID"] = ("eprint", "eprinttype")
    if csl_type == "thesis" and "genre" not in out and entrytype in GENRE_OF_BIB:
        out["genre"] = GENRE_OF_BIB[entrytype]
        sources["genre"] = ()
    et_al_names = tuple(v for v in dict.fromkeys(et_al) if v in out)
    return Mapped(csl_type, out, sources, et_al_names, tuple(notes), present)


_ROWS: dict[str, dict[str, tuple[tuple[int, FieldRow], ...]]] = {}
"""CSL type -> field -> the rows that may read it, in precedence order (filled as met)."""


def _candidates(name: str) -> tuple[tuple[int, FieldRow], ...]:
    rows = ROWS_BY_BIB.get(name)
    if rows is not None:
        return rows
    if name.startswith(FALLBACK_PREFIX):
        variable = _VARIABLE_OF_LOWER.get(name[len(FALLBACK_PREFIX) :])
        if variable is not None:
            return ((_FALLBACK_RANK, FieldRow(name, variable, _FALLBACK_HOW[VARIABLES[variable]])),)
    return ()


def _unknown(notes: list[Note], field: str, commands: list[str]) -> None:
    for command in dict.fromkeys(commands):
        if command == TOO_DEEP:
            message = f"LaTeX nested more than {MAX_DEPTH} levels deep: kept as written, without braces"
            notes.append(Note("too-deep", message, field, severity="error"))
            continue
        message = f"unknown LaTeX command {command} kept as written"
        notes.append(Note("unknown-command", message, field, command=command))


# Enum members as module constants: `How.YEAR` is a class attribute lookup through the enum's
# metaclass, several times slower than a global, and _convert tests up to eight per field.
_HOW_VERBATIM, _HOW_NAMES, _HOW_YEAR, _HOW_DATE = How.VERBATIM, How.NAMES, How.YEAR, How.DATE
_HOW_HOWPUBLISHED, _HOW_PAGES, _PLAIN = How.HOWPUBLISHED, How.PAGES, Mode.PLAIN
_MODE_OF = {How.TITLE: Mode.TITLE, How.RICH: Mode.RICH}


def _convert(
    row: FieldRow,
    name: str,
    text: str,
    present: dict[str, str],
    useprefix: bool,
    notes: list[Note],
    et_al: list[str],
) -> FieldValue | None:
    how = row.how
    if how is _HOW_VERBATIM:
        value = text.strip()
        if value.startswith("\\url{") and value.endswith("}"):
            value = value[5:-1].strip()
        if row.csl in ("URL", "DOI") and "\\" in value:  # Mendeley writes `{\_}`, `{\%}`
            value = _URL_ESCAPE.sub(_unescape, value)
        if row.csl == "DOI":
            value = _DOI_PREFIX.sub("", value)
        return value or None
    if how is _HOW_NAMES:
        names, others = parse_names(text, useprefix)
        if others:
            et_al.append(row.csl)
        return names or None
    if how is _HOW_YEAR:
        return _year(name, text, present, notes)
    if how is _HOW_HOWPUBLISHED:
        if bool(URLISH.match(text)) != (row.csl == "URL"):
            return None
        if row.csl == "URL":
            value = text.strip()
            value = value[5:-1].strip() if value.startswith("\\url{") and value.endswith("}") else value
            return _URL_ESCAPE.sub(_unescape, value) if "\\" in value else value
    if how is _HOW_PAGES and (m := _PLAIN_RANGE.fullmatch(text)):
        return f"{m.group(1)}-{m.group(2)}"  # what decoding and _DASHES would make of it
    mode = _MODE_OF.get(how, _PLAIN)
    if how is _HOW_DATE:
        text = text.replace("~", "\\textasciitilde{}")  # EDTF's "approximate", not a tie
    value, unknown = decode(text, mode)
    if unknown:
        _unknown(notes, name, unknown)
    if not value:
        return None
    if how is _HOW_DATE:
        return _date(name, value, notes)
    if how is _HOW_PAGES:
        return _DASHES.sub("-", value)
    return value


# LaTeX escapes of URL characters: `{\_}`, `\%`, `{\textasciitilde}`, `\~{}`.
_URL_ESCAPE = re.compile(
    r"\{\\([_%&#$])\}|\\([_%&#$])|\{\\textasciitilde\}|\\textasciitilde(?:\{\})?|\\~\{\}"
)


def _unescape(m: re.Match[str]) -> str:
    return m.group(1) or m.group(2) or "~"


_OLD_EDTF_U = re.compile(r"-?\d[\du]{3}(?:-[\du]{2}){0,2}")


def _date(field: str, value: str, notes: list[Note]) -> Date:
    if "u" in value and _OLD_EDTF_U.fullmatch(value):  # the EDTF draft's 199u is today's 199X
        value = value.replace("u", "X")
    try:
        parsed = parse_raw(value)
    except (ValueError, OverflowError):  # a number too long for int(), a year out of range
        parsed = None
    if parsed is None:
        notes.append(Note("unreadable-date", f"cannot read the date {_short(value)!r}; kept as text", field))
        return Date(literal=value)
    return parsed


def _year(field: str, text: str, present: dict[str, str], notes: list[Note]) -> FieldValue | None:
    value, found = _year_month_day(field, text, present.get("month", ""), present.get("day", ""))
    notes.extend(found)
    return value


_YEAR = re.compile(r"-?\d{1,4}")
_MONTH_SPAN = re.compile(r"\s*([^\W\d_]+)\.?\s*(?:-+|–|/)\s*([^\W\d_]+)\.?\s*")


@functools.lru_cache(maxsize=4096)
def _year_month_day(
    field: str, text: str, month_text: str, day_text: str
) -> tuple[FieldValue | None, tuple[Note, ...]]:
    """`year` (+ `month`, `day`) -> the issued Date, or a status for `forthcoming`, and the
    notes. Cached: a file has few distinct years and months, and Dates are immutable."""
    notes: list[Note] = []
    value = _issued(field, text, month_text, day_text, notes)
    return value, tuple(notes)


def _issued(field: str, text: str, month_text: str, day_text: str, notes: list[Note]) -> FieldValue | None:
    year, unknown = decode(text, Mode.PLAIN)
    _unknown(notes, field, unknown)
    if not year:
        return None
    if not _YEAR.fullmatch(year):
        if year.lower() in _NOT_YET:
            return _NOT_YET[year.lower()]
        return _date(field, year, notes)
    parts = [int(year)]
    month_text = decode(month_text, Mode.PLAIN)[0]
    day = decode(day_text, Mode.PLAIN)[0]
    if month_text:
        if month_text.strip().lower() in _SEASONS:  # month = {Summer}
            return Date(date_parts=(tuple(parts),), season=_SEASONS[month_text.strip().lower()])
        span = _MONTH_SPAN.fullmatch(month_text)
        if span and (first := month_number(span.group(1))) and (last := month_number(span.group(2))):
            return Date(date_parts=((parts[0], first), (parts[0], last)))  # month = {June-August}
        month, month_day = _month(month_text)
        if month is None:
            notes.append(Note("unreadable-date", f"cannot read the month {_short(month_text)!r}", "month"))
        else:
            parts.append(month)
            day = day or month_day
            if (number := _small_number(day)) is not None and 1 <= number <= 31:
                parts.append(number)
            elif day:
                notes.append(Note("unreadable-date", f"cannot read the day {_short(day)!r}", "day"))
    return Date(date_parts=(tuple(parts),))


def _short(text: str) -> str:
    """A value quoted in a message: at most 60 characters of it."""
    return text if len(text) <= 60 else text[:59] + "…"


_SMALL_NUMBER = re.compile(r"[0-9]{1,9}")


def _small_number(text: str) -> int | None:
    """A month or day number; None for anything else, including digit strings too long for
    int() to take (over 4,300 digits raise ValueError) and non-ASCII digits such as "²"."""
    return int(text) if _SMALL_NUMBER.fullmatch(text) else None


def _month(text: str) -> tuple[int | None, str]:
    """(month, day text) from `feb`, `February`, `2`, `1 jan`, `April 1st`."""
    text = text.strip()
    if text.isdigit():
        number = _small_number(text)
        return (number, "") if number is not None and 1 <= number <= 12 else (None, "")
    if (n := month_number(text)) is not None:
        return n, ""
    words = re.findall(r"[^\W\d_]+\.?|\d+", text)
    months = [month_number(w) for w in words if not w.isdigit()]
    days = [re.sub(r"\D", "", w) for w in words if w.isdigit()]
    found = [m for m in months if m is not None]
    if len(found) == 1 and len(days) <= 1 and len(months) <= 2:
        return found[0], days[0] if days else ""
    return None, ""
