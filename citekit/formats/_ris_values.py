"""RIS value forms <-> citekit values: names, dates, keywords and page ranges.

Each reader here is the inverse of its writer on what the writer produces, which is what makes
RIS read -> write -> read an identity: a value is read into a field only in a form the writer
gives back unchanged; anything else is left for `_ris` to keep as a tag line.
"""

from __future__ import annotations

import re

from .._dates import Date, DateParts, parse_raw
from .._names import Name
from .._record import FieldValue

BLANKS = " \t"
SEASONS = ("Spring", "Summer", "Autumn", "Winter")
_RIS_DATE = re.compile(r"(\d{4})(?:/(\d{0,2})(?:/(\d{0,2})(?:/(.*))?)?)?")
_PAGE = r"[^\s\-–]+"
_PAGE_RANGE = re.compile(rf"({_PAGE})[-–]({_PAGE})")
# CSL rich text (the tags citeproc-js and Zotero put in fields): RIS has no markup, and a
# reference manager shows the tags as text. Only a tag with its closing tag counts: a lone
# "<sub>" is text. Innermost pairs go first, one nesting level a pass.
_RICH_PAIR = re.compile(
    r'<(i|b|sup|sub)>([^<]*)</\1>|<span (?:class="nocase"|style="font-variant: ?small-caps;?")>([^<]*)</span>'
)
_MAX_NESTING = 64


def plain_text(text: str) -> str:
    """CSL rich text as plain text: `<span class="nocase"><i>Drosophila</i></span>` is Drosophila."""
    for _ in range(_MAX_NESTING):
        if "</" not in text:
            break
        flat = _RICH_PAIR.sub(lambda m: m.group(2) if m.group(1) else m.group(3), text)
        if flat == text:
            break
        text = flat
    return text


def read_name(text: str) -> Name | None:
    """RIS "Family, Given, Suffix"; without a comma, a literal (corporate) name; None if empty."""
    if "," not in text:
        return Name(literal=text)
    family, given, suffix = [p.strip(BLANKS) or None for p in (*text.split(",", 2), "", "")[:3]]
    if family is None and given is None and suffix is None:
        return None
    return Name(family=family, given=given, suffix=suffix)


def name_text(name: Name) -> str:
    """A family-only name is written "Family," so that it does not read back as a literal.
    Both particles go before the family name ("de Gaulle, Charles", "van Beethoven, Ludwig"), as
    Zotero and EndNote write them and BibTeX reads them: after the given name ("Gaulle, Charles
    de") every reader takes the particle for a given name."""
    if name.is_literal:
        return plain_text(name.literal or "")
    family = " ".join(p for p in (name.dropping_particle, name.non_dropping_particle, name.family) if p)
    parts = [plain_text(family), plain_text(name.given or ""), *([name.suffix] if name.suffix else [])]
    return ", ".join(parts).rstrip(BLANKS) if any(parts) else ""


def keywords(text: str) -> list[str]:
    """The keywords in a CSL "a, b, c" (or a KW line holding several, perhaps over continuation
    lines): a line break inside a keyword becomes a space, one at its edges goes."""
    return [k for k in (p.strip(BLANKS + "\r\n").replace("\n", " ") for p in text.split(",")) if k]


def join_pages(first: str, last: str | None) -> str | None:
    """SP and EP as one CSL page range, or None when the writer could not split it back."""
    if last is None:
        return first
    if re.fullmatch(_PAGE, first) and re.fullmatch(_PAGE, last):
        return f"{first}-{last}"
    return None


def split_pages(page: str) -> tuple[str, str | None]:
    """A CSL page range as SP and EP ("6088-6100" or "6088–6100"); anything else is SP alone."""
    if m := _PAGE_RANGE.fullmatch(page):
        return m.group(1), m.group(2)
    return page, None


def read_date(text: str) -> Date:
    """An RIS date ("2018", "2018/05/03/", "2018///", "2018/05//Spring"), one plain date in
    free text ("May 2018"), else a raw date ("1988/1992", parsed when rendered) or a literal."""
    if (m := _RIS_DATE.fullmatch(text)) and (parts := _ris_parts(m)) is not None:
        other = (m.group(4) or "").strip(BLANKS)
        season: int | str | None = SEASONS.index(other) + 1 if other in SEASONS else other or None
        return Date(date_parts=(parts,), season=season)
    parsed = parse_raw(text)
    if parsed is None:
        return Date(literal=text)
    return parsed if plain(parsed) else Date(raw=text)


def _ris_parts(m: re.Match[str]) -> DateParts | None:
    month, day = (int(g) if g else 0 for g in m.group(2, 3))
    if month > 12 or day > 31 or (day and not month):
        return None
    return (int(m.group(1)), *(n for n in (month, day) if n))


def plain(date: Date) -> bool:
    """One date RIS can say as "YYYY/MM/DD/other": no range, circa, literal or raw text."""
    if len(date.date_parts) != 1 or date.circa or date.literal is not None or date.raw is not None:
        return False
    parts, season = date.start, date.season
    return (
        1 <= len(parts) <= 3
        and 0 <= parts[0] <= 9999
        and all(1 <= p <= (12, 31)[k] for k, p in enumerate(parts[1:]))
        and not date.extra
        and (
            season is None
            or season in (1, 2, 3, 4)
            or (isinstance(season, str) and "\n" not in season and season == season.strip(BLANKS))
        )
    )


def merge_dates(old: FieldValue | None, new: Date) -> Date | None:
    """Two lines of one date (PY 2018, DA 2018/05/03/) as one Date; None when they disagree."""
    if old is None:
        return new
    if not (isinstance(old, Date) and plain(old) and plain(new)):
        return None
    short, long = sorted((old.start, new.start), key=len)
    if long[: len(short)] != short or (None not in (old.season, new.season) and old.season != new.season):
        return None
    return Date(date_parts=(long,), season=old.season if old.season is not None else new.season)


def ris_date(date: Date) -> str:
    """A plain date as "YYYY/MM/DD/other", the season as the other part."""
    year, month, day = (*date.start, 0, 0)[:3]
    season = date.season
    other = SEASONS[season - 1] if isinstance(season, int) and 1 <= season <= 4 else season or ""
    month_text, day_text = (f"{n:02d}" if n else "" for n in (month, day))
    return f"{year:04d}/{month_text}/{day_text}/{other}"


def written_date(date: Date) -> Date | str:
    """The plain Date to write in RIS form, or the text for a date RIS cannot say: a raw date's
    own text, a literal, or EDTF for a range or an approximate date ("1988/1992", "1850~")."""
    if date.raw is not None:
        parsed = parse_raw(date.raw)
        return parsed if parsed is not None and plain(parsed) else date.raw
    if plain(date):
        return date
    if date.literal is not None:
        return date.literal
    edtf = "/".join("-".join(f"{p:0{4 if k == 0 else 2}d}" for k, p in enumerate(d)) for d in date.date_parts)
    if isinstance(date.season, int) and len(date.date_parts) == 1 and len(date.start) == 1:
        edtf += f"-{20 + date.season}"  # EDTF's season codes, which parse_raw reads
    return edtf + ("~" if date.circa and edtf else "")
