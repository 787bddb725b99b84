"""Partial dates, ranges, seasons and approximate dates, as CSL models them.

`raw` strings (free text, ISO 8601 and the common EDTF forms) are parsed into date-parts for
rendering, but the raw text is what a round trip writes back.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from ._json import JSON, FrozenMap, frozen_json

DateParts = tuple[int, ...]

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan", "janvier", "januar", "enero"),
            ("february", "feb", "février", "fevrier", "februar", "febrero"),
            ("march", "mar", "mars", "märz", "marz", "marzo"),
            ("april", "apr", "avril", "abril"),
            ("may", "mai", "mayo"),
            ("june", "jun", "juin", "juni", "junio"),
            ("july", "jul", "juillet", "juli", "julio"),
            ("august", "aug", "août", "aout", "agosto"),
            ("september", "sep", "sept", "septembre", "septiembre"),
            ("october", "oct", "octobre", "oktober", "octubre"),
            ("november", "nov", "novembre", "noviembre"),
            ("december", "dec", "décembre", "decembre", "dezember", "diciembre"),
        ),
        start=1,
    )
    for name in names
}
_SEASONS = {"spring": 1, "summer": 2, "autumn": 3, "fall": 3, "winter": 4}
# EDTF level 1 codes 21-24 are seasons; 13-16 are the same seasons in the older draft.
_EDTF_SEASONS = {21: 1, 22: 2, 23: 3, 24: 4, 13: 1, 14: 2, 15: 3, 16: 4}


def month_number(text: str) -> int | None:
    """1-12 for a month name or abbreviation (English and a few other languages)."""
    return _MONTHS.get(text.strip().rstrip(".").lower())


_MAX_PART_DIGITS = 18  # no year, month or day is longer; int() of 4,300+ digits is a ValueError


def _parts(value: JSON) -> tuple[DateParts, ...]:
    """The date-parts as tuples of ints. An empty entry is dropped ([[]] is no date, [[2001], []]
    a single date), as citeproc-js reads them; TypeError for anything that is not a number."""
    if not isinstance(value, Sequence) or isinstance(value, str):
        raise TypeError("date-parts must be a list of lists")
    out: list[DateParts] = []
    for part in value:
        if not isinstance(part, Sequence) or isinstance(part, str):
            raise TypeError("each date-parts entry must be a list")
        numbers: list[int] = []
        for n in part:
            if isinstance(n, bool):
                raise TypeError("a date part must be a number")
            if isinstance(n, int) and abs(n) < 10**_MAX_PART_DIGITS:
                numbers.append(n)
            elif isinstance(n, str) and len(n) <= _MAX_PART_DIGITS + 2 and re.fullmatch(r"-?\d+", n.strip()):
                numbers.append(int(n))
            elif isinstance(n, str) and not n.strip():
                break  # citeproc-js treats "" as an absent part
            else:
                raise TypeError(f"a date part must be a number, not {_short(n)}")
        if numbers:
            out.append(tuple(numbers))
    return tuple(out)


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else f"{text[:37]}..."


@attrs.frozen
class Date:
    """A CSL date: date-parts (one entry, or two for a range), season, circa, literal, raw."""

    date_parts: tuple[DateParts, ...] = ()
    season: int | str | None = None
    circa: bool | int | str | None = None
    literal: str | None = None
    raw: str | None = None
    extra: FrozenMap[JSON] = attrs.field(factory=FrozenMap, converter=frozen_json)

    @classmethod
    def from_csl(cls, data: Mapping[str, JSON] | str) -> Date:
        """From a CSL-JSON date object (a bare string is taken as `raw`); TypeError if malformed."""
        if isinstance(data, str):
            return cls(raw=data)
        if not isinstance(data, Mapping):
            raise TypeError(f"a date must be an object, not {type(data).__name__}")
        kwargs: dict[str, Any] = {}
        extra: dict[str, JSON] = {}
        for key, value in data.items():
            if key == "date-parts":
                kwargs["date_parts"] = _parts(value)
            elif key == "season" and isinstance(value, int | str) and not isinstance(value, bool):
                kwargs["season"] = value
            elif key == "circa" and isinstance(value, bool | int | str):
                kwargs["circa"] = value
            elif key in ("literal", "raw") and isinstance(value, str):
                kwargs[key] = value
            else:
                extra[key] = value
        return cls(**kwargs, extra=extra)

    @classmethod
    def parse(cls, text: str) -> Date:
        """A Date with parts parsed from free text; `literal` when nothing can be read."""
        parsed = parse_raw(text)
        return parsed if parsed is not None else cls(literal=text)

    def to_csl(self) -> dict[str, JSON]:
        out: dict[str, JSON] = {}
        if self.date_parts:
            out["date-parts"] = [list(p) for p in self.date_parts]
        for key in ("season", "circa", "literal", "raw"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        out.update(self.extra)
        return out

    @property
    def start(self) -> DateParts:
        return self.date_parts[0] if self.date_parts else ()

    @property
    def end(self) -> DateParts | None:
        return self.date_parts[1] if len(self.date_parts) > 1 else None

    @property
    def year(self) -> int | None:
        return self.start[0] if self.start else None

    @property
    def is_range(self) -> bool:
        return len(self.date_parts) > 1

    def resolved(self) -> Date:
        """This date with `raw` parsed into date-parts when it has none (for rendering)."""
        if self.date_parts or self.raw is None:
            return self
        parsed = parse_raw(self.raw)
        if parsed is None:
            return attrs.evolve(self, literal=self.literal or self.raw, raw=None)
        return attrs.evolve(
            parsed,
            season=self.season if self.season is not None else parsed.season,
            circa=self.circa if self.circa is not None else parsed.circa,
            raw=None,
        )


_CIRCA = re.compile(r"^(?:circa|ca\.?|c\.|approx\.?|~)\s*", re.IGNORECASE)
_ISO = re.compile(r"^(-?\d{1,4})(?:-(\d{1,2}|X{2}))?(?:-(\d{1,2}|X{2}))?(?:T[\d:.Z+-]*)?$", re.IGNORECASE)
_EDTF_UNSPECIFIED = re.compile(r"^(\d{2,3})(X{1,2})$", re.IGNORECASE)
# All-numeric dates: 2019/05/03, and 5/3/2019 (month first with "/", as in the US), 5.3.2019 or
# 5-3-2019 (day first, as in Europe); a number over 12 settles which is the day.
_NUMERIC_YMD = re.compile(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})")
_NUMERIC_DMY = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})")


def _numeric(text: str) -> DateParts | None:
    """(year, month, day) for an all-numeric date, or None (not one, or no such day)."""
    if m := _NUMERIC_YMD.fullmatch(text):
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    elif m := _NUMERIC_DMY.fullmatch(text):
        first, second, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
        month_first = m.group(2) == "/"
        if first > 12 or (second <= 12 and not month_first):
            day, month = first, second
        else:
            month, day = first, second
    else:
        return None
    return (year, month, day) if 1 <= month <= 12 and 1 <= day <= 31 else None


def _one(text: str) -> tuple[DateParts, int | None, bool] | None:
    """(parts, season, approximate) for one side of a range, or None."""
    text = text.strip().strip(",")
    approximate = False
    if text.endswith(("~", "%")):
        approximate, text = True, text[:-1]
    uncertain = text.endswith("?")
    text = text.rstrip("?").strip()
    if (m := _CIRCA.match(text)) and m.end():
        approximate, text = True, text[m.end() :]
    if not text:
        return None
    if (numeric := _numeric(text)) is not None:
        return numeric, None, approximate or uncertain
    if m := _EDTF_UNSPECIFIED.match(text):  # 19XX, 198X: the known decade or century
        return (int(m.group(1)) * 10 ** len(m.group(2)),), None, True
    if m := _ISO.match(text):
        year = int(m.group(1))
        second = m.group(2)
        if second and second.isdigit() and int(second) in _EDTF_SEASONS and m.group(3) is None:
            return (year,), _EDTF_SEASONS[int(second)], approximate or uncertain
        parts = [year]
        for group in (second, m.group(3)):
            if not group or not group.isdigit():
                break
            parts.append(int(group))
        if len(parts) > 1 and not 1 <= parts[1] <= 12:
            return None
        if len(parts) > 2 and not 1 <= parts[2] <= 31:
            return None
        return tuple(parts), None, approximate or uncertain
    words = [w for w in re.split(r"[\s,/.]+", text) if w]
    year_: int | None = None
    month: int | None = None
    day: int | None = None
    season: int | None = None
    for word in words:
        low = word.lower()
        if re.fullmatch(r"\d{3,4}", word) and year_ is None:
            year_ = int(word)
        elif re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)?", low) and day is None:
            day = int(re.sub(r"\D", "", low))
        elif (n := month_number(low)) is not None and month is None:
            month = n
        elif low in _SEASONS and season is None:
            season = _SEASONS[low]
        else:
            return None
    if year_ is None:
        return None
    if month is None:
        return ((year_,), season, approximate)
    if day is not None and 1 <= day <= 31:
        return ((year_, month, day), season, approximate)
    return ((year_, month), season, approximate)


def parse_raw(text: str) -> Date | None:
    """Parse free text or ISO/EDTF into a Date, or None when it cannot be read."""
    text = text.strip()
    if not text:
        return None
    if _NUMERIC_YMD.fullmatch(text) or _NUMERIC_DMY.fullmatch(text):
        numeric = _numeric(text)
        return None if numeric is None else Date(date_parts=(numeric,))
    # Spaced dashes before "/", so that "5/3/2019 - 6/3/2019" is split at the dash.
    separators = (
        ("/", " - ", " – ", "–", "--") if "/" in text and " " not in text else (" - ", " – ", "–", "--", "/")
    )
    for separator in separators:
        if separator in text:
            left, _, right = text.partition(separator)
            a, b = _one(left), _one(right)
            if a is None and b is None:
                break
            if separator == "/" and (left.strip() in ("", "..") or right.strip() in ("", "..")):
                known = a or b
                if known is None:
                    return None
                return Date(date_parts=(known[0],), circa=True if known[2] else None)
            if a is None or b is None:
                break
            start, end = a[0], b[0]
            if len(end) < len(start) and len(end) and end[0] < 100 and len(start) > 1:
                # "2018-05-03/07" style shorthand is not EDTF; keep as literal
                return None
            return Date(date_parts=(start, end), circa=True if (a[2] or b[2]) else None)
    # "3-7 May 2018": a day range written before the month
    if m := re.fullmatch(r"(\d{1,2})\s*[-–]\s*(\d{1,2})\s+(\w+\.?)\s+(\d{4})", text):
        month = month_number(m.group(3))
        if month is not None:
            year = int(m.group(4))
            return Date(date_parts=((year, month, int(m.group(1))), (year, month, int(m.group(2)))))
    one = _one(text)
    if one is None:
        return None
    parts, season, approximate = one
    return Date(date_parts=(parts,), season=season, circa=True if approximate else None)
