"""CSL `date`: localized and style-defined forms, ranges, seasons, literal dates.

citeproc-py drops a date's own formatting, fails on seasons (an AssertionError with a
numeric month form), raises TypeError on day ranges, and joins ranges with the wrong
delimiter. This module renders the whole `cs:date` element itself, as the CSL spec says:

- localized dates (`form="text"|"numeric"`) take the locale's date-parts and order; the
  style's `cs:date-part` children override their attributes (not their affixes);
  `date-parts` limits the parts shown;
- a range shows the parts shared by both ends once; the differing parts are printed for
  each end, joined by the `range-delimiter` of the largest differing part (default "–"),
  the first end losing its last suffix and the second its first prefix (citeproc-js);
- a season (CSL-JSON `season` 1–4, or month 13–24, cycling) prints the `season-0N` term
  where the month goes; a season given as text prints as it is;
- a literal date prints its text where the year would go, with the year's affixes and
  formatting (not in a month-and-day date);
- parts are joined as citeproc-js joins them: a part's affix and the delimiter never leave
  two spaces or two periods at the seam (`month suffix=" "` with `delimiter=" "` gives
  `November 2002`; a day's suffix "." and a month's prefix "." give `14.07.2009`);
- the implicit year-suffix (a style without `cs:text variable="year-suffix"`) follows the first
  year printed in the entry or cite, of whichever date variable (of a range: its end year), as
  citeproc-js prints it; a later date, or the "no date" term, gets none; in a sort key's
  macro neither it nor `cs:text variable="year-suffix"` prints (the sort comes before them).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

from citeproc.source import DateRange, LiteralDate, VariableError
from citeproc.string import String

from ._elements import extend
from ._format import apply_formatting, apply_text_case
from ._state import current
from .ordinals import gender_of, ordinal
from .substitute import count_variable, layout_of, record_variable, suppressed

_ORDER = ("year", "month", "day")
_PART_ATTRIBUTES = (
    "form",
    "range-delimiter",
    "strip-periods",
    "text-case",
    "font-style",
    "font-variant",
    "font-weight",
    "text-decoration",
    "vertical-align",
)


def _season(date: Any) -> int | str | None:
    month = date.get("month")
    if isinstance(month, int) and 13 <= month <= 24:  # citeproc-js: 13-24 cycle through the seasons
        return (month - 13) % 4 + 1
    if month:
        return None
    season = date.get("season")
    if isinstance(season, int) or (isinstance(season, str) and season.strip().isdigit()):
        number = int(season)
        if 13 <= number <= 16:
            number -= 12
        elif 21 <= number <= 24:
            number -= 20
        return number if 1 <= number <= 4 else None
    return season if isinstance(season, str) and season.strip() else None


def _month(date: Any) -> int | None:
    month = date.get("month")
    return month if isinstance(month, int) and 1 <= month <= 12 else None


def _value(date: Any, name: str) -> Any:
    """What a date has for one part (None when it has nothing)."""
    if name == "year":
        return date.get("year") or None
    if name == "month":
        return _month(date) or _season(date)
    day = date.get("day")
    return day if _month(date) and isinstance(day, int) and day > 0 else None


class YearSuffix:
    """The implicit year-suffix of one render: printed once, after the first year printed."""

    def __init__(self, text: str = "") -> None:
        self.text = text
        self.used = False

    def take(self) -> str:
        if not self.text or self.used:
            return ""
        self.used = True
        return self.text


class _Part:
    """One date-part: its name and merged attributes."""

    def __init__(self, name: str, attrib: dict[str, str]) -> None:
        self.name = name
        self.attrib = attrib

    def text(self, date: Any, element: Any, year_suffix: YearSuffix | None = None) -> str | None:
        value = _value(date, self.name)
        if value is None:
            return None
        form = self.attrib.get("form")
        letter = ""
        if self.name == "year":
            year = int(value)
            if form == "short":
                text = f"{abs(year) % 100:02d}"
            else:
                text = str(abs(year))
                if year < 0:
                    text += str(element.get_single_term("bc"))
                elif year < 1000:
                    text += str(element.get_single_term("ad"))
            if year_suffix is not None:
                letter = year_suffix.take()
        elif self.name == "month":
            if isinstance(value, str):
                text = value
            elif _month(date) is None:
                text = str(element.get_single_term(f"season-{value:02d}"))
            elif form == "numeric":
                text = str(value)
            elif form == "numeric-leading-zeros":
                text = f"{value:02d}"
            else:
                text = str(
                    element.get_single_term(f"month-{value:02d}", "short" if form == "short" else None)
                )
            if self.attrib.get("strip-periods", "false") == "true":
                text = text.replace(".", "")
        else:
            limit = str(element.get_locale_option("limit-day-ordinals-to-day-1") or "false").lower()
            if form == "ordinal" and not (limit == "true" and value > 1):
                month = _month(date)
                gender = gender_of(element, f"month-{month:02d}") if month else None
                text = ordinal(value, element, gender)
            elif form == "numeric-leading-zeros":
                text = f"{value:02d}"
            else:
                text = str(value)
        if not text:
            return None
        formatter = element.get_formatter()
        case = self.attrib.get("text-case")
        text = apply_formatting(apply_text_case(text, case), self.attrib, formatter)
        if letter:
            # citeproc-js's implicit year-suffix is a blob of its own made from the year
            # date-part: its affixes, formatting and text-case (`1957 a` for a year with
            # prefix=" "); the outer affixes come with the part (`_affixed`)
            letter = apply_formatting(apply_text_case(letter, case), self.attrib, formatter)
            text += self.attrib.get("suffix", "") + self.attrib.get("prefix", "") + letter
        return text


@functools.lru_cache(maxsize=4096)
def _parts(element: Any) -> tuple[tuple[_Part, ...], str, Any]:
    """The date-parts to render, the delimiter between them, and the element for affixes:
    facts of the compiled style, found once per `cs:date` (the parts are only read)."""
    form = element.get("form")
    own = {child.get("name"): child for child in element if str(child.tag).endswith("date-part")}
    if form is None:
        return (
            tuple(_Part(name, dict(child.attrib)) for name, child in own.items()),
            element.get("delimiter", ""),
            element,
        )
    localized = element.get_date(form)
    shown = (element.get("date-parts") or "year-month-day").split("-")
    parts = []
    for child in localized:
        name = child.get("name")
        if not str(child.tag).endswith("date-part") or name not in shown:
            continue
        attrib = dict(child.attrib)
        if name in own:
            attrib.update((k, v) for k, v in own[name].attrib.items() if k in _PART_ATTRIBUTES)
        parts.append(_Part(name, attrib))
    return tuple(parts), localized.get("delimiter", ""), localized


def _affixed(text: str, part: _Part, *, prefix: bool = True, suffix: bool = True) -> str:
    before = part.attrib.get("prefix", "") if prefix else ""
    after = part.attrib.get("suffix", "") if suffix else ""
    return before + text + after


def _seamed(pieces: Iterable[str], delimiter: str) -> str:
    """`delimiter.join(pieces)`, one space or period kept where two meet at a seam (a day's
    suffix "." and a month's prefix ".": `14.07.2009`, as citeproc-js)."""
    text = ""
    for index, piece in enumerate(pieces):
        for addition in (delimiter, piece) if index else (piece,):
            if text[-1:] in (" ", ".") and addition.startswith(text[-1:]):
                addition = addition[1:]
            text += addition
    return text


def _join(
    pieces: list[tuple[_Part, str]], delimiter: str, *, first_prefix: bool = True, last_suffix: bool = True
) -> str:
    out = []
    for index, (part, text) in enumerate(pieces):
        out.append(
            _affixed(
                text, part, prefix=first_prefix or index > 0, suffix=last_suffix or index < len(pieces) - 1
            )
        )
    return _seamed(out, delimiter)


def render_date(element: Any, value: Any, year_suffix: YearSuffix | None = None) -> str | None:
    """The text of `value` (a citeproc-py Date, DateRange or LiteralDate) in `element`'s form;
    `year_suffix` goes after the first year printed (of a range: its end, as citeproc-js)."""
    parts, delimiter, _ = _parts(element)
    if isinstance(value, LiteralDate):
        # printed where the year goes, with the year's affixes and formatting (citeproc-js
        # appends it as the year date-part); a cs:date of only month and day prints nothing
        # (citeproc-js; else "in press" came out twice in APA-like styles)
        year = next((p for p in parts if p.name == "year"), None)
        if year is None or not str(value.text):
            return None
        text = apply_formatting(str(value.text), year.attrib, element.get_formatter())
        return _join([(year, text)], delimiter)
    if isinstance(value, DateRange):
        begin, end = value.begin, value.get("end")
        if end is not None and not end.get("year"):  # an open range: "1987–"
            single = _join([(p, t) for p in parts if (t := p.text(begin, element, year_suffix))], delimiter)
            year = next((p for p in parts if p.name == "year"), None)
            return (
                single + ((year.attrib.get("range-delimiter") if year else None) or "–") if single else None
            )
    else:
        begin, end = value, None
    if end is not None:
        differing = [n for n in _ORDER if n in {p.name for p in parts} and _value(begin, n) != _value(end, n)]
        if differing:
            return _range(parts, delimiter, begin, end, differing[0], element, year_suffix)
    pieces = [(p, t) for p in parts if (t := p.text(begin, element, year_suffix))]
    return _join(pieces, delimiter) or None


def _range(
    parts: tuple[_Part, ...],
    delimiter: str,
    begin: Any,
    end: Any,
    largest: str,
    element: Any,
    year_suffix: YearSuffix | None = None,
) -> str | None:
    varying = set(_ORDER[_ORDER.index(largest) :])
    range_delimiter = next((p.attrib.get("range-delimiter") for p in parts if p.name == largest), None) or "–"
    out: list[str] = []
    block: list[_Part] = []

    def flush() -> None:
        if not block:
            return
        first = [(p, t) for p in block if (t := p.text(begin, element))]
        second = [(p, t) for p in block if (t := p.text(end, element, year_suffix))]
        text = range_delimiter.join(
            s
            for s in (
                _join(first, delimiter, last_suffix=False),
                _join(second, delimiter, first_prefix=False),
            )
            if s
        )
        out.append(text)
        block.clear()

    for part in parts:
        if part.name in varying:
            block.append(part)
            continue
        flush()
        text = part.text(begin, element, year_suffix)
        if text:
            out.append(_affixed(text, part))
    flush()
    return _seamed((o for o in out if o), delimiter) or None


def sort_key(element: Any, value: Any) -> str:
    """A date in a sort macro, as citeproc-js keys it: year (after a 1, or after a 0 and taken
    from 9999 before the common era), month and day as two digits, then the same for the end
    of a range; a part `element` does not print counts as 0 (a season is no month)."""
    shown = {p.name for p in _parts(element)[0]}
    begin, end = (value.begin, value.get("end")) if isinstance(value, DateRange) else (value, None)
    key = ""
    for date in (begin, end):
        for name in _ORDER:
            number = (date.get(name) if date is not None and name in shown else 0) or 0
            number = number if isinstance(number, int) else 0
            if name == "month" and not 1 <= number <= 12:
                number = 0
            if name == "year":
                key += f"0{9999 - abs(number)}" if number < 0 else f"1{number}"
            else:
                key += f"{number:02d}"
    return key


@functools.lru_cache(maxsize=128)
def _explicit_suffix(root: Any) -> bool:
    """Whether the style prints `year-suffix` itself (else it follows the issued year)."""
    return bool(root.xpath_search(".//cs:text[@variable='year-suffix']"))


@extend("date")
class DateElement:
    """A `cs:date` rendered by `render_date`, with its own affixes, formatting and text-case."""

    def process(
        self,
        item: Any,
        variable: str | None = None,
        show_parts: Any = None,
        context: Any = None,
        **kwargs: Any,
    ) -> Any:
        name = variable or self.get("variable")  # type: ignore[attr-defined]
        layout = layout_of(context if context is not None else self)
        if suppressed(layout, name):  # a cs:substitute has printed it
            count_variable(layout, rendered=False)
            return None
        try:
            value = item.reference[name.replace("-", "_")]
        except VariableError:
            count_variable(layout, rendered=False)
            raise
        count_variable(layout, rendered=bool(value))
        if not value:
            return None
        if current().sort_macro:  # a date in a sort macro (however nested): a key, as citeproc-js
            return String(sort_key(self, value)) if not isinstance(value, LiteralDate) else None
        # Once per entry or cite; a sort key (rendered outside one) always has its suffix.
        in_entry = bool(getattr(layout, "ck_collecting", False))
        suffix = YearSuffix()
        done = in_entry and bool(layout.ck_year_suffix_done)
        if item.reference.get("year_suffix") and not done and not _explicit_suffix(self.get_root()):  # type: ignore[attr-defined]
            suffix = YearSuffix(str(item.reference["year_suffix"]))
        text = render_date(self, value, suffix)
        if suffix.used and in_entry:
            layout.ck_year_suffix_done = True
        if not text:
            return None
        record_variable(layout, name)
        formatter = self.get_formatter()  # type: ignore[attr-defined]
        text = apply_text_case(text, self.get("text-case"))  # type: ignore[attr-defined]
        formatted = apply_formatting(text, self.attrib, formatter)  # type: ignore[attr-defined]
        return String(self.get("prefix", "") + formatted + self.get("suffix", ""))  # type: ignore[attr-defined]

    def markup(self, text: Any) -> Any:
        return text


def _prints_year_suffix(element: Any) -> bool:
    return str(element.get("variable")) == "year-suffix"


@extend("text", when=_prints_year_suffix)
class YearSuffixText:
    """A `cs:text variable="year-suffix"` in a sort key's macro prints nothing, as a date there
    is a key: the suffixes are decided after the sort, so a Document sorting again as records
    arrive must not order an item by the suffix an earlier decision gave it (`2002b` after a
    namesake's plain `2002`, where registering all at once, and citeproc-js, keep their order)."""

    def _variable(self, item: Any, context: Any) -> Any:
        if current().sort_macro:
            return None
        return super()._variable(item, context)  # type: ignore[misc]
