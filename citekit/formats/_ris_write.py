"""RIS writer: Records (and a Library's unreadable blocks) as RIS text for reference managers.

Every tag line holds plain text (CSL rich text flattened); ID holds the key; each CSL variable
with a tag is written under it, and every other one (and each key of `Record.extra`) as an N1
"key: value" line (`_ris_notes`); the tag lines a reader kept aside follow, from `extra["ris"]`
or, for a record that went through BibTeX, from its BibTeX stash (`_ris_bibtex`). No value can
break the file: a continuation line that would read as a tag line is joined to the one before.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs

from .._dates import Date
from .._json import JSON
from .._library import Library
from .._record import FieldValue, Record
from .._vocab import ITEM_TYPES
from . import _ris_bibtex as bibtex
from . import _ris_notes as notes_
from . import _ris_tags as table
from . import _ris_values as values
from ._ris_syntax import BLANKS, EXTRA_KEY, TAG_NAME, RisBlock, parse_line
from ._ris_tags import DOCUMENT_TYPE_TAGS, Shape, Tag, entry_type

_GENERATED_ID = re.compile(r"ris-[0-9]+")


def _text_lines(row: Tag, value: FieldValue, csl_type: str) -> list[tuple[str, str]]:
    if isinstance(value, tuple | Date):
        return []
    text = values.plain_text(str(value))
    if row.tag in DOCUMENT_TYPE_TAGS and table.document_type(text) is not None:
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
        if parse_line(line) is None:
            out.append(line)
            continue
        while len(out) > 1 and not out[-1].strip(BLANKS):
            out.pop()
        out[-1] = f"{out[-1]} {line.strip(BLANKS)}"
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
        and TAG_NAME.fullmatch(pair[0])
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
