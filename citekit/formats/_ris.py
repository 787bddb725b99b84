"""RIS reader (and, from `_ris_write`, the writer): the format's entry in the registry.

Reading is two stages: `_ris_syntax.split` cuts the text into entries (TY ... ER) and unreadable
runs of lines, then `_build` maps one entry's tag lines to a Record through the tables in
`_ris_tags`, N1 "key: value" lines through `_ris_notes`.

Nothing is dropped. Every tag line that the Record's fields do not account for (an unknown tag,
a repeat of a one-value tag, an empty value, a date that disagrees with the first one, AU
initials beside AF full names, a Scopus/WoS document type) is kept in
`Record.extra["ris"]["tags"]` as [tag, value] pairs, and mirrored as a BibTeX stash
(`_ris_bibtex`) so that RIS -> BibTeX keeps it too; the writer puts them back after the mapped
tags, so read -> write -> read gives the same records and read -> write keeps every value.
`extra["ris"]` may also hold "type" (the TY read, when the CSL type alone would be written back
as another TY) and "id-tag" (true when the id came from an ID line).

Lossy by nature of RIS, when writing CSL records: markup (RIS is plain text); name particles
(joined to the family name, "de Gaulle, Charles") and commas inside a name part; a date range,
an approximate date or a raw date that is not one plain date (written as EDTF or the raw text,
read back as a raw date); an en dash in a page range (read back as "-"); numbers (read back
as text).
"""

from __future__ import annotations

import gc
from collections.abc import Callable

import attrs

from .._errors import InvalidRecordError, Location, Problem
from .._json import JSON, FrozenMap
from .._library import Library
from .._names import Name
from .._record import FieldValue, Record
from .._vocab import kind_of
from . import _ris_bibtex as bibtex
from . import _ris_notes as notes_
from . import _ris_tags as table
from . import _ris_values as values
from ._ris_syntax import EXTRA_KEY, Entry, Line, RisBlock, Unread, split
from ._ris_tags import DOCUMENT_TYPE_TAGS, Shape, Tag, entry_type
from ._ris_write import write

__all__ = ["EXTRA_KEY", "RisBlock", "entry_type", "read", "write"]


def _build(entry: Entry, number: int) -> tuple[Record, list[tuple[str, str, Line, str]]]:
    """The Record for one entry, and (kind, message, line, raw) for what was wrong with it."""
    ty = entry.tags[0].value
    csl_type = entry_type(ty, ((line.tag, line.value) for line in entry.tags[1:]))
    fields: dict[str, FieldValue] = {}
    names: dict[str, list[Name]] = {}
    full_names: list[Name] = []  # AF: Web of Science's full names, preferred to AU's initials
    author_lines: list[Line] = []
    keywords: dict[str, list[str]] = {}
    pages: dict[Shape, tuple[Tag, Line]] = {}
    notes: list[str] = []
    extra: dict[str, JSON] = {}
    left: list[Line] = []
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
        elif line.tag in DOCUMENT_TYPE_TAGS and table.document_type(line.value) is not None:
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
                Line(entry.line, "ER", ""),
                entry.raw,
            )
        )
    return record, problems


def _read_note(
    line: Line,
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
    items = split(text)
    total = sum(isinstance(item, Entry) for item in items)
    records: list[Record] = []
    problems: list[Problem] = []
    blocks: list[RisBlock] = []
    seen: set[str] = set()
    done = 0
    for item in items:
        if isinstance(item, Unread):
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
