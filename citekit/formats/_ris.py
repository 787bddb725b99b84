"""RIS reader and writer.

Reading is two stages: `_split` cuts the text into entries (TY ... ER) and unreadable runs of
lines, then `_build` maps one entry's tag lines to a Record through the tables in `_ris_tags`.

Nothing is dropped. Every tag line that the Record's fields do not account for (an unknown tag,
a repeat of a one-value tag, an empty value, a date that disagrees with the first one) is kept in
`Record.extra["ris"]["tags"]` as [tag, value] pairs and written back after the mapped tags, so
read -> write -> read gives the same records and read -> write keeps every value. `extra["ris"]`
may also hold "type" (the TY read, when the CSL type alone would be written back as another TY)
and "id-tag" (true when the id came from an ID line, so that the writer writes one back).

Lossy by nature of RIS, when writing CSL records: CSL variables with no row in the table; name
particles (folded into family and given) and commas inside a name part; a date range, an
approximate date or a raw date that is not one plain date (written as one DA line of EDTF or the
raw text, read back as a raw date); an en dash in a page range (read back as "-").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs

from .._dates import Date
from .._errors import InvalidRecordError, Location, Problem
from .._json import JSON
from .._library import Library
from .._names import Name
from .._record import FieldValue, Record
from . import _ris_tags as table
from . import _ris_values as values
from ._ris_tags import Shape, Tag

EXTRA_KEY = "ris"

_TAG_LINE = re.compile(r"([A-Z][A-Z0-9])  -(?: (.*))?")
_LOOSE_TAG_LINE = re.compile(r"[ \t]*([A-Z][A-Z0-9])(?: +- ?| ?- +)(.*)")
_TAG_NAME = re.compile(r"[A-Z][A-Z0-9]")
_BLANKS = " \t"


@attrs.frozen
class RisBlock:
    """Lines that are no readable record (no TY line, or text between records), kept to be
    written back where they stood: after the first `index` records. `line` is where they began."""

    index: int
    line: int
    raw: str


@attrs.frozen
class _Line:
    number: int
    tag: str
    value: str


@attrs.frozen
class _Entry:
    """One TY ... ER run, continuation lines joined to their values; `loose` are the lines read
    although not in the `XX  - value` form."""

    line: int
    raw: str
    tags: tuple[_Line, ...]
    ended: bool
    loose: tuple[_Line, ...] = ()


@attrs.frozen
class _Unread:
    line: int
    raw: str
    tagged: bool


def _parse_line(line: str) -> tuple[str, str, bool] | None:
    """(tag, value, loose) for a tag line, None for any other line."""
    if m := _TAG_LINE.fullmatch(line.rstrip(_BLANKS)):
        return m.group(1), (m.group(2) or "").strip(_BLANKS), False
    if m := _LOOSE_TAG_LINE.fullmatch(line.rstrip(_BLANKS)):
        return m.group(1), m.group(2).strip(_BLANKS), True
    return None


def _split(text: str) -> list[_Entry | _Unread]:
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    items: list[_Entry | _Unread] = []
    i = 0
    while i < len(lines):
        parsed = _parse_line(lines[i])
        if not lines[i].strip():
            i += 1
        elif parsed is not None and parsed[0] == "TY":
            i = _read_entry(lines, i, items)
        else:
            i = _read_unread(lines, i, items)
    return items


def _read_entry(lines: list[str], start: int, items: list[_Entry | _Unread]) -> int:
    """Read TY ... ER from `start` into `items`; the index of the next line to read."""
    tags: list[_Line] = []
    loose: list[_Line] = []
    blank, i, ended = 0, start, False
    while i < len(lines):
        parsed = _parse_line(lines[i])
        if parsed is None:
            if lines[i].strip(_BLANKS):
                last = tags[-1]
                value = last.value + "\n" * (blank + 1) + lines[i].rstrip(_BLANKS)
                tags[-1], blank = attrs.evolve(last, value=value), 0
            else:
                blank += 1
            i += 1
            continue
        tag, value, is_loose = parsed
        if tag == "TY" and i > start:
            break
        if is_loose:
            loose.append(_Line(i + 1, tag, lines[i]))
        if tag == "ER":
            ended, i = True, i + 1
            break
        tags.append(_Line(i + 1, tag, value))
        blank, i = 0, i + 1
    raw = "\n".join(lines[start:i]).rstrip()
    items.append(_Entry(start + 1, raw, tuple(tags), ended, tuple(loose)))
    return i


def _read_unread(lines: list[str], start: int, items: list[_Entry | _Unread]) -> int:
    """Keep lines outside a record up to an ER (included) or a TY (not)."""
    i, tagged = start, False
    while i < len(lines):
        parsed = _parse_line(lines[i])
        if parsed is not None and parsed[0] == "TY":
            break
        i += 1
        if parsed is not None and parsed[0] == "ER":
            break
        tagged = tagged or parsed is not None
    kept = lines[start:i]
    while not kept[-1].strip():
        kept.pop()
    items.append(_Unread(start + 1, "\n".join(kept), tagged))
    return i


def _build(entry: _Entry, number: int) -> tuple[Record, list[tuple[str, str, _Line, str]]]:
    """The Record for one entry, and (kind, message, line, raw) for what was wrong with it."""
    ty = entry.tags[0].value
    csl_type = table.csl_type(ty) or "document"
    fields: dict[str, FieldValue] = {}
    names: dict[str, list[Name]] = {}
    keywords: dict[str, list[str]] = {}
    pages: dict[Shape, tuple[Tag, _Line]] = {}
    left: list[_Line] = []
    record_id: str | None = None
    for line in entry.tags[1:]:
        row = table.row_for_tag(csl_type, line.tag)
        if line.tag == "ID" and record_id is None and line.value:
            record_id = line.value
        elif row is None or not line.value:
            left.append(line)
        elif row.shape is Shape.NAMES and (name := values.read_name(line.value)) is not None:
            names.setdefault(row.variable, []).append(name)
        elif row.shape is Shape.KEYWORDS and (found := values.keywords(line.value)):
            keywords.setdefault(row.variable, []).extend(found)
        elif row.shape in (Shape.YEAR, Shape.DATE) and (
            (merged := values.merge_dates(fields.get(row.variable), values.read_date(line.value))) is not None
        ):
            fields[row.variable] = merged
        elif row.shape in (Shape.PAGE_START, Shape.PAGE_END) and row.shape not in pages:
            pages[row.shape] = (row, line)
        elif row.shape is Shape.TEXT and row.variable not in fields:
            fields[row.variable] = line.value
        else:
            left.append(line)
    fields.update((variable, tuple(found)) for variable, found in names.items())
    fields.update((variable, ", ".join(found)) for variable, found in keywords.items())
    start, end = pages.get(Shape.PAGE_START), pages.get(Shape.PAGE_END)
    if start is not None:
        joined = values.join_pages(start[1].value, end[1].value if end is not None else None)
        fields[start[0].variable] = start[1].value if joined is None else joined
        end = end if joined is None else None
    if end is not None:
        left.append(end[1])
    ris: dict[str, JSON] = {}
    if table.ris_type(csl_type) != ty:
        ris["type"] = ty
    if record_id is not None:
        ris["id-tag"] = True
    if left:
        ris["tags"] = [[line.tag, line.value] for line in sorted(left, key=lambda line: line.number)]
    extra = {EXTRA_KEY: ris} if ris else {}
    record = Record(id=record_id or f"ris-{number}", type=csl_type, fields=fields, extra=extra)
    notes = [
        ("syntax", f"not in the 'XX  - value' form; read as {line.tag}", line, line.value)
        for line in entry.loose
    ]
    if table.csl_type(ty) is None:
        message = f"{ty!r} is not an RIS type citekit knows; read as document"
        notes.append(("unknown-type", message, entry.tags[0], entry.raw))
    if not entry.ended:
        notes.append(
            (
                "syntax",
                "record has no ER line; read up to the next TY or the end",
                _Line(entry.line, "ER", ""),
                entry.raw,
            )
        )
    return record, notes


def read(
    text: str,
    *,
    source: str | None = None,
    dialect: str = "",
    progress: Callable[[int, int], object] | None = None,
) -> Library:
    """Read RIS text. Bad input is reported in `problems` and kept; the rest still reads."""
    items = _split(text)
    total = sum(isinstance(item, _Entry) for item in items)
    records: list[Record] = []
    problems: list[Problem] = []
    blocks: list[RisBlock] = []
    seen: set[str] = set()
    done = 0
    for item in items:
        if isinstance(item, _Unread):
            blocks.append(RisBlock(len(records), item.line, item.raw))
            where = Location(file=source, line=item.line, field="TY" if item.tagged else None)
            message = "record has no TY line" if item.tagged else "text outside a record"
            severity = "error" if item.tagged else "warning"
            problems.append(Problem("syntax", message, where, raw=item.raw, severity=severity))
            continue
        done += 1
        try:
            record, notes = _build(item, done)
        except InvalidRecordError as exc:  # a mapping bug; keep the text rather than lose it
            blocks.append(RisBlock(len(records), item.line, item.raw))
            where = attrs.evolve(exc.location, file=source, line=item.line)
            problems.append(Problem("invalid-record", exc.message, where, raw=item.raw))
            continue
        for kind, message, line, raw in notes:
            where = Location(file=source, line=line.number, item=record.key, field=line.tag)
            problems.append(Problem(kind, message, where, raw=raw, severity="warning"))
        if record.key in seen:
            where = Location(file=source, line=item.line, item=record.key, field="ID")
            problems.append(
                Problem("duplicate-id", "id used by an earlier record", where, severity="warning")
            )
        seen.add(record.key)
        records.append(record)
        if progress is not None:
            progress(done, total)
    return Library(records=records, problems=problems, blocks=blocks, source=source, format="ris")


def _text_lines(row: Tag, value: FieldValue, csl_type: str) -> list[tuple[str, str]]:
    return [] if isinstance(value, tuple | Date) else [(row.tag, str(value))]


def _name_lines(row: Tag, value: FieldValue, csl_type: str) -> list[tuple[str, str]]:
    names = value if isinstance(value, tuple) else ()
    return [(row.tag, text) for text in map(values.name_text, names) if text]


def _keyword_lines(row: Tag, value: FieldValue, csl_type: str) -> list[tuple[str, str]]:
    return [] if isinstance(value, tuple | Date) else [(row.tag, k) for k in values.keywords(str(value))]


def _page_lines(row: Tag, value: FieldValue, csl_type: str) -> list[tuple[str, str]]:
    first, last = values.split_pages(str(value))
    end = table.row_for_variable(csl_type, row.variable, Shape.PAGE_END)
    if last is not None and end is not None:
        return [(row.tag, first), (end.tag, last)]
    return _text_lines(row, value, csl_type)


def _date_lines(row: Tag, value: FieldValue, csl_type: str) -> list[tuple[str, str]]:
    if not isinstance(value, Date):
        return []
    date = values.written_date(value)
    # PY holds the year alone; the full date, or text that is no RIS date, goes on a DA line.
    full = table.row_for_variable(csl_type, row.variable, Shape.DATE) if row.shape is Shape.YEAR else row
    full = full or row
    if isinstance(date, str):
        return [(full.tag, date)] if date else []
    if full is row:
        return [(row.tag, values.ris_date(date))]
    lines = [(row.tag, f"{date.start[0]:04d}")]
    if len(date.start) > 1 or date.season is not None:
        lines.append((full.tag, values.ris_date(date)))
    return lines


_WRITERS: Mapping[Shape, Callable[[Tag, FieldValue, str], list[tuple[str, str]]]] = {
    Shape.TEXT: _text_lines,
    Shape.NAMES: _name_lines,
    Shape.KEYWORDS: _keyword_lines,
    Shape.YEAR: _date_lines,
    Shape.DATE: _date_lines,
    Shape.PAGE_START: _page_lines,
    Shape.PAGE_END: _text_lines,
}


def _record_text(record: Record, ids: bool | None) -> str:
    ris = record.extra.get(EXTRA_KEY)
    ris = ris if isinstance(ris, Mapping) else {}
    kept_type = ris.get("type")
    if isinstance(kept_type, str) and (table.csl_type(kept_type) or "document") == record.type:
        lines = [("TY", kept_type)]
    else:
        lines = [("TY", table.ris_type(record.type))]
    if ids or (ids is None and ris.get("id-tag") is True):
        lines.append(("ID", record.key))
    for row in table.TAGS:
        value = record.fields.get(row.variable)
        if value is not None and table.row_for_variable(record.type, row.variable) is row:
            lines.extend(_WRITERS[row.shape](row, value, record.type))
    for pair in ris.get("tags") or ():
        if (
            isinstance(pair, list | tuple)
            and len(pair) == 2
            and all(isinstance(p, str) for p in pair)
            and _TAG_NAME.fullmatch(pair[0])
            and pair[0] not in ("TY", "ER")
        ):
            lines.append((pair[0], pair[1]))
    return "".join(f"{tag}  - {value}\n" for tag, value in lines) + "ER  - \n"


def write(data: Library | Iterable[Record], *, dialect: str = "", ids: bool | None = None, **_: Any) -> str:
    """RIS text, one blank line between records. `ids`: write ID lines always (True), never
    (False), or for records read from RIS with one (None). A Library's unreadable blocks are
    written back where they stood."""
    records = list(data.records if isinstance(data, Library) else data)
    blocks = [b for b in data.blocks if isinstance(b, RisBlock)] if isinstance(data, Library) else []
    pieces: list[str] = []
    for index, record in enumerate(records):
        pieces.extend(b.raw + "\n" for b in blocks if b.index == index)
        pieces.append(_record_text(record, ids))
    pieces.extend(b.raw + "\n" for b in blocks if b.index >= len(records))
    return "\n".join(pieces)
