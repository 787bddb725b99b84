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

import gc
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs

from .._dates import Date
from .._errors import InvalidRecordError, Location, Problem
from .._json import JSON, FrozenMap
from .._library import Library
from .._names import Name
from .._record import FieldValue, Record
from .._vocab import ITEM_TYPES, kind_of
from . import _ris_bibtex as bibtex
from . import _ris_notes as notes_
from . import _ris_tags as table
from . import _ris_values as values
from ._ris_tags import Shape, Tag

EXTRA_KEY = "ris"

_TAG_LINE = re.compile(r"([A-Z][A-Z0-9])  -(?: (.*))?")
_LOOSE_TAG_LINE = re.compile(r"[ \t]*([A-Z][A-Z0-9])(?: +- ?| ?- +)(.*)")
_TAG_NAME = re.compile(r"[A-Z][A-Z0-9]")
_BLANKS = " \t"
_DOCUMENT_TYPE_TAGS = ("M3", "DT")
_GENERATED_ID = re.compile(r"ris-[0-9]+")
_CSL_TYPE_NOTE = re.compile(r"type: ([a-z_-]+)")


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
    """Read TY ... ER from `start` into `items`; the index of the next line to read.
    A value's continuation lines are gathered in a list and joined once, so a value of many
    lines costs time in proportion to its length."""
    tags: list[tuple[int, str, list[str]]] = []
    loose: list[_Line] = []
    blank, i, ended = 0, start, False
    while i < len(lines):
        parsed = _parse_line(lines[i])
        if parsed is None:
            if lines[i].strip(_BLANKS):
                pieces = tags[-1][2]
                pieces.extend([""] * blank)
                pieces.append(lines[i].rstrip(_BLANKS))
                blank = 0
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
        tags.append((i + 1, tag, [value]))
        blank, i = 0, i + 1
    raw = "\n".join(lines[start:i]).rstrip()
    joined = tuple(_Line(number, tag, "\n".join(pieces)) for number, tag, pieces in tags)
    items.append(_Entry(start + 1, raw, joined, ended, tuple(loose)))
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


def entry_type(ty: str, tags: Iterable[tuple[str, str]]) -> str:
    """The CSL type of an entry: its TY's, or, when TY says no more than "document", the type a
    Scopus M3 or Web of Science DT line names."""
    csl = table.csl_type(ty)
    if csl not in (None, "document"):
        return csl
    found: str | None = None
    for tag, value in tags:
        if tag == "N1" and (m := _CSL_TYPE_NOTE.fullmatch(value)) and m.group(1) in ITEM_TYPES:
            return m.group(1)  # a CSL type RIS has no TY for, written by citekit
        if tag in _DOCUMENT_TYPE_TAGS and found is None:
            found = table.document_type(value)
    return found or csl or "document"


def _build(entry: _Entry, number: int) -> tuple[Record, list[tuple[str, str, _Line, str]]]:
    """The Record for one entry, and (kind, message, line, raw) for what was wrong with it."""
    ty = entry.tags[0].value
    csl_type = entry_type(ty, ((line.tag, line.value) for line in entry.tags[1:]))
    fields: dict[str, FieldValue] = {}
    names: dict[str, list[Name]] = {}
    full_names: list[Name] = []  # AF: Web of Science's full names, preferred to AU's initials
    author_lines: list[_Line] = []
    keywords: dict[str, list[str]] = {}
    pages: dict[Shape, tuple[Tag, _Line]] = {}
    notes: list[str] = []
    extra: dict[str, JSON] = {}
    left: list[_Line] = []
    record_id: str | None = None
    for line in entry.tags[1:]:
        row = table.row_for_tag(csl_type, line.tag)
        if line.tag == "ID" and record_id is None and line.value:
            record_id = line.value
        elif line.tag == "N1" and line.value == f"type: {csl_type}" and table.ris_type(csl_type) == "GEN":
            continue
        elif line.tag == "N1" and line.value:
            if not _read_note(line, csl_type, fields, names, notes, extra):
                left.append(line)
        elif line.tag in _DOCUMENT_TYPE_TAGS and table.document_type(line.value) is not None:
            left.append(line)  # a database's document type: it set the CSL type, it is no genre
        elif row is None or not line.value:
            left.append(line)
        elif row.shape is Shape.NAMES and (name := values.read_name(line.value)) is not None:
            if line.tag == "AF":
                full_names.append(name)
            else:
                names.setdefault(row.variable, []).append(name)
                if row.variable == "author":
                    author_lines.append(line)
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
    ris: dict[str, JSON] = {}
    if full_names:
        names["author"] = full_names
        left.extend(author_lines)
    fields.update((variable, tuple(found)) for variable, found in names.items())
    fields.update((variable, ", ".join(found)) for variable, found in keywords.items())
    if notes:
        fields["note"] = "\n".join(notes)
    start, end = pages.get(Shape.PAGE_START), pages.get(Shape.PAGE_END)
    if start is not None:
        joined = values.join_pages(start[1].value, end[1].value if end is not None else None)
        fields[start[0].variable] = start[1].value if joined is None else joined
        end = end if joined is None else None
    if end is not None:
        left.append(end[1])
    if table.ris_type(csl_type) != ty:
        ris["type"] = ty
    if record_id is not None:
        ris["id-tag"] = True
    if left:
        left.sort(key=lambda line: line.number)
        ris["tags"] = [[line.tag, line.value] for line in left]
        extra[bibtex.STASH_KEY] = bibtex.stash((line.tag, line.value) for line in left)
    if ris:
        extra[EXTRA_KEY] = ris
    # Trusted: the id and type are non-empty text, and every field is a CSL variable holding a
    # value of its kind (the table's rows, checked by a test, and _ris_notes.read_value).
    record = Record._trusted(record_id or f"ris-{number}", csl_type, FrozenMap(fields), FrozenMap(extra))
    problems = [
        ("syntax", f"not in the 'XX  - value' form; read as {line.tag}", line, line.value)
        for line in entry.loose
    ]
    if table.csl_type(ty) is None:
        message = f"{ty!r} is not an RIS type citekit knows; read as {csl_type}"
        problems.append(("unknown-type", message, entry.tags[0], entry.raw))
    if not entry.ended:
        problems.append(
            (
                "syntax",
                "record has no ER line; read up to the next TY or the end",
                _Line(entry.line, "ER", ""),
                entry.raw,
            )
        )
    return record, problems


def _read_note(
    line: _Line,
    csl_type: str,
    fields: dict[str, FieldValue],
    names: dict[str, list[Name]],
    notes: list[str],
    extra: dict[str, JSON],
) -> bool:
    """Read one N1 line into a field, `extra` or the note; False when it is to be kept as a tag
    line (a second value for a field that has one)."""
    pair = notes_.split(line.value)
    if pair is None or pair[0] == "note":
        notes.append(line.value if pair is None else pair[1])
        return True
    key, text = pair
    if kind_of(key) is None:
        if key in extra:
            return False
        extra[key] = text
        return True
    value = notes_.read_value(key, text)
    if isinstance(value, Name):
        names.setdefault(key, []).append(value)
        return True
    if value is None or key in fields or key in names:
        return False
    fields[key] = value
    return True


def read(
    text: str,
    *,
    source: str | None = None,
    dialect: str = "",
    progress: Callable[[int, int], object] | None = None,
) -> Library:
    """Read RIS text. Bad input is reported in `problems` and kept; the rest still reads."""
    collecting = gc.isenabled()
    gc.disable()  # the read only builds objects, no cycles; cycle checks would cost a fifth of it
    try:
        return _read(text, source, progress)
    finally:
        if collecting:
            gc.enable()


def _read(text: str, source: str | None, progress: Callable[[int, int], object] | None) -> Library:
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
    if isinstance(value, tuple | Date):
        return []
    text = values.plain_text(str(value))
    if row.tag in _DOCUMENT_TYPE_TAGS and table.document_type(text) is not None:
        return [("N1", f"{row.variable}: {text}")]  # a genre that M3 would say is a document type
    return [(row.tag, notes_.note_text(text) if row.tag == "N1" else text)]


def _name_lines(row: Tag, value: FieldValue, csl_type: str) -> list[tuple[str, str]]:
    names = value if isinstance(value, tuple) else ()
    return [(row.tag, text) for text in map(values.name_text, names) if text]


def _keyword_lines(row: Tag, value: FieldValue, csl_type: str) -> list[tuple[str, str]]:
    if isinstance(value, tuple | Date):
        return []
    return [(row.tag, k) for k in values.keywords(values.plain_text(str(value)))]


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


def _safe(value: str) -> str:
    """A value whose continuation lines cannot be read as tag lines: such a line (a title that
    holds "\nER  - \nTY  - JOUR", say) is joined to the line before with a space, so no value
    can end its record or start another."""
    if "\n" not in value and "\r" not in value:
        return value
    lines = value.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    out = [lines[0]]
    for line in lines[1:]:
        if _parse_line(line) is None:
            out.append(line)
            continue
        while len(out) > 1 and not out[-1].strip(_BLANKS):
            out.pop()
        out[-1] = f"{out[-1]} {line.strip(_BLANKS)}"
    return "\n".join(out)


def _writes_id(record: Record, ris: Mapping[str, JSON], ids: bool | None) -> bool:
    if ids is not None:
        return ids
    return ris.get("id-tag") is True or not _GENERATED_ID.fullmatch(record.key)


def _key(record: Record) -> str:
    """The ID to write: the id, or Zotero 7's citation-key when the id is an item URI or a
    number (what Zotero's CSL-JSON has as id), which no reference manager takes for a key."""
    key = record.text("citation-key")
    if key and key.strip() and (isinstance(record.id, int) or "://" in record.key):
        return key
    return record.key


def _record_text(record: Record, ids: bool | None) -> str:
    ris = record.extra.get(EXTRA_KEY)
    ris = ris if isinstance(ris, Mapping) else {}
    kept = [
        (pair[0], pair[1])
        for pair in ris.get("tags") or ()
        if isinstance(pair, list | tuple)
        and len(pair) == 2
        and all(isinstance(p, str) for p in pair)
        and _TAG_NAME.fullmatch(pair[0])
        and pair[0] not in ("TY", "ER")
    ]
    if not kept and EXTRA_KEY not in record.extra:  # perhaps read from BibTeX that RIS wrote
        kept = bibtex.tags(record.extra.get(bibtex.STASH_KEY))
    kept_type = ris.get("type")
    if isinstance(kept_type, str) and entry_type(kept_type, kept) == record.type:
        lines = [("TY", kept_type)]
    else:
        lines = [("TY", table.ris_type(record.type))]
    if table.ris_type(record.type) == "GEN" and record.type != "document" and record.type in ITEM_TYPES:
        lines.append(("N1", f"type: {record.type}"))  # RIS has no TY for it; GEN is read as document
    if _writes_id(record, ris, ids):
        # Zotero 7 puts the citation key in citation-key and a URI in id: the key is the key.
        lines.append(("ID", _key(record)))
    # Author lines kept aside mean the names came from AF (Web of Science's full names).
    full_names = any(tag in ("AU", "A1") for tag, _ in kept)
    for row in table.TAGS:
        value = record.fields.get(row.variable)
        if value is not None and table.row_for_variable(record.type, row.variable) is row:
            if full_names and row.tag == "AU":
                row = attrs.evolve(row, tag="AF")
            lines.extend(_WRITERS[row.shape](row, value, record.type))
    # What RIS has no tag for: N1 "key: value" lines (see _ris_notes).
    for variable, value in record.fields.items():
        if table.row_for_variable(record.type, variable) is None:
            lines.extend(("N1", text) for text in notes_.field_lines(variable, value))
    short = table.row_for_variable(record.type, "container-title-short")
    for key, value in record.extra.items():
        # Zotero's CSL-JSON names the journal abbreviation the pre-CSL 1.0 way; RIS has J2 for it.
        if (
            key == "journalAbbreviation"
            and isinstance(value, str)
            and short
            and "container-title-short" not in record
        ):
            lines.append((short.tag, values.plain_text(value)))
            continue
        if key not in (EXTRA_KEY, bibtex.STASH_KEY):
            lines.extend(("N1", text) for text in notes_.extra_lines(key, value))
    lines.extend(kept)
    return "".join(f"{tag}  - {_safe(value)}\n" for tag, value in lines) + "ER  - \n"


def write(data: Library | Iterable[Record], *, dialect: str = "", ids: bool | None = None, **_: Any) -> str:
    """RIS text, one blank line between records. `ids`: write ID lines always (True), never
    (False), or (None) for every record but those read from RIS without one (whose ids citekit
    made up). A Library's unreadable blocks are written back where they stood."""
    records = list(data.records if isinstance(data, Library) else data)
    blocks: dict[int, list[RisBlock]] = {}
    if isinstance(data, Library):
        for block in data.blocks:
            if isinstance(block, RisBlock):
                blocks.setdefault(min(block.index, len(records)), []).append(block)
    pieces: list[str] = []
    for index, record in enumerate(records):
        pieces.extend(b.raw + "\n" for b in blocks.get(index, ()))
        pieces.append(_record_text(record, ids))
    pieces.extend(b.raw + "\n" for b in blocks.get(len(records), ()))
    return "\n".join(pieces)
