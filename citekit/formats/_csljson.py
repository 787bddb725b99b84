"""CSL-JSON reader and writer. A bad item is reported with its line and kept for writing.

Nothing in the input aborts the read: bad JSON stops it where the decoder stopped, with the
items before kept; a bad item is a Problem and is written back as it was; a null field, a null
name or an empty date is dropped with a warning; an item nested absurdly deep is reported.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Callable, Iterable
from typing import Any

import attrs

from .._errors import InvalidRecordError, Location, Problem
from .._json import JSON
from .._library import Library
from .._record import Record
from .._vocab import ITEM_TYPES, Kind, kind_of


@attrs.frozen
class FailedItem:
    """An item that could not become a Record, kept to be written back where it stood."""

    index: int
    data: JSON


# Deeper than this, an item is no bibliographic data; Python's JSON decoder and encoder recurse
# and would raise RecursionError near 1,000 levels.
MAX_DEPTH = 64


class _Lines:
    """Line numbers of offsets met in increasing order, counted once: linear in the text
    (counting from the start for every item made a 32,000-item file take 46 s)."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._pos = 0
        self._line = 1

    def at(self, pos: int) -> int:
        if pos > self._pos:
            self._line += self._text.count("\n", self._pos, pos)
            self._pos = pos
        return self._line


def _decode_failure(exc: Exception, source: str | None, lines: _Lines, pos: int) -> Problem:
    """A Problem for what stopped the JSON decoder: bad syntax, a number too long for Python to
    convert (over 4,300 digits), or nesting deeper than the interpreter's recursion limit."""
    if isinstance(exc, json.JSONDecodeError):
        where = Location(file=source, line=exc.lineno, column=exc.colno)
        return Problem("syntax", f"not valid JSON: {exc.msg}", where)
    where = Location(file=source, line=lines.at(pos))
    if isinstance(exc, RecursionError):
        return Problem("syntax", "JSON nested too deeply to read", where)
    return Problem("syntax", f"not readable JSON: {exc}", where)


_MAX_DIGITS = 4000  # Python refuses to convert integers over 4,300 digits (ValueError)


def _int_or_text(digits: str) -> int | str:
    """A JSON integer as an int, or as its digits when Python would refuse to convert it."""
    return int(digits) if len(digits) <= _MAX_DIGITS else digits


def _items_with_lines(text: str, source: str | None) -> tuple[list[tuple[int, JSON]], list[Problem]]:
    decoder = json.JSONDecoder(parse_int=_int_or_text)
    lines = _Lines(text)
    pos = _skip_ws(text, 0)
    if text.startswith("{", pos):
        try:
            value, _ = decoder.raw_decode(text, pos)
        except (ValueError, RecursionError) as exc:
            return [], [_decode_failure(exc, source, lines, pos)]
        if isinstance(value, dict) and isinstance(value.get("items"), list):
            return [(lines.at(pos), v) for v in value["items"]], []
        return [(lines.at(pos), value)], []
    if not text.startswith("[", pos):
        where = Location(file=source, line=lines.at(pos))
        return [], [Problem("syntax", "CSL-JSON must be an array of items", where)]
    items: list[tuple[int, JSON]] = []
    pos = _skip_ws(text, pos + 1)
    if text.startswith("]", pos):
        return items, []
    while True:
        try:
            value, end = decoder.raw_decode(text, pos)
        except (ValueError, RecursionError) as exc:
            return items, [_decode_failure(exc, source, lines, pos)]
        items.append((lines.at(pos), value))
        pos = _skip_ws(text, end)
        if text.startswith(",", pos):
            pos = _skip_ws(text, pos + 1)
        elif text.startswith("]", pos):
            return items, []
        else:
            try:
                json.loads(text)
            except (ValueError, RecursionError) as exc:
                return items, [_decode_failure(exc, source, lines, pos)]
            return items, []


def _skip_ws(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\r\n\ufeff":
        pos += 1
    return pos


def _depth(value: JSON) -> int:
    """How deeply `value` nests lists and objects, without recursion."""
    if not isinstance(value, dict | list):
        return 0
    deepest = 0
    stack: list[tuple[JSON, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        deepest = max(deepest, depth)
        if deepest > MAX_DEPTH:
            break
        children = item.values() if isinstance(item, dict) else item
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return deepest


def _empty_date(value: JSON) -> bool:
    """A date object that says nothing ({"date-parts": [[]]}, as some exporters write for an
    undated item): citeproc engines fail on it; it is read as no date."""
    if not isinstance(value, dict) or set(value) - {"date-parts"}:
        return False
    parts = value.get("date-parts")
    return isinstance(parts, list) and all(
        isinstance(p, list) and all(n is None or n == "" for n in p) for p in parts
    )


def _cleaned(item: dict[str, JSON], source: str | None, line: int) -> tuple[dict[str, JSON], list[Problem]]:
    """The item without what carries nothing: null fields, null names and empty dates, each
    reported as a warning (a null used to invalidate its whole item)."""
    problems: list[Problem] = []
    out: dict[str, JSON] = {}

    def warn(kind: str, message: str, key: str) -> None:
        item_id = item.get("id")
        where = Location(file=source, line=line, item=None if item_id is None else str(item_id), field=key)
        problems.append(Problem(kind, message, where, severity="warning"))

    for key, value in item.items():
        if value is None and key not in ("id", "type"):
            warn("null-field", "null value ignored", key)
        elif isinstance(value, dict) and kind_of(key) is Kind.DATE and _empty_date(value):
            warn("empty-date", "date without parts read as no date", key)
        elif isinstance(value, list) and None in value and kind_of(key) is Kind.NAME:
            warn("null-field", "null name ignored", key)
            out[key] = [n for n in value if n is not None]
        else:
            out[key] = value
    return out, problems


def read(
    text: str,
    *,
    source: str | None = None,
    dialect: str = "",
    progress: Callable[[int, int], object] | None = None,
    **_: Any,
) -> Library:
    """Read CSL-JSON text: bad items are reported in `problems` and kept for writing back;
    `progress(done, total)` is called every 2,000 items, as the other readers do (the
    command line passes it on a terminal)."""
    collecting = gc.isenabled()
    gc.disable()  # the read only builds objects, no cycles; cycle checks cost a fifth of it
    try:
        return _read(text, source, progress)
    finally:
        if collecting:
            gc.enable()


def _read(text: str, source: str | None, progress: Callable[[int, int], object] | None) -> Library:
    items, problems = _items_with_lines(text, source)
    records: list[Record] = []
    blocks: list[FailedItem] = []
    seen: set[str] = set()
    for index, (line, item) in enumerate(items):
        if progress is not None and index % 2000 == 0:
            progress(index, len(items))
        item_id = item.get("id") if isinstance(item, dict) else None
        if _depth(item) > MAX_DEPTH:
            message = f"nested more than {MAX_DEPTH} levels deep; not read"
            here = Location(file=source, line=line, item=None if item_id is None else str(item_id))
            problems.append(Problem("invalid-record", message, here))
            continue
        if isinstance(item, dict):
            item, found = _cleaned(item, source, line)
            problems.extend(found)
        try:
            record = Record.from_csl(item)
        except InvalidRecordError as exc:
            where = attrs.evolve(exc.location, file=source, line=line)
            problems.append(Problem("invalid-record", exc.message, where, raw=json.dumps(item)))
            blocks.append(FailedItem(index, item))
            continue
        if record.key in seen:
            where = Location(file=source, line=line, item=record.key, field="id")
            problems.append(Problem("duplicate-id", "id used by an earlier item", where, severity="warning"))
        seen.add(record.key)
        if record.type not in ITEM_TYPES:
            where = Location(file=source, line=line, item=str(item_id), field="type")
            problems.append(
                Problem("unknown-type", f"{record.type!r} is not a CSL item type", where, severity="warning")
            )
        records.append(record)
    return Library(records=records, problems=problems, blocks=blocks, source=source, format="csljson")


def write(data: Library | Iterable[Record], *, dialect: str = "", indent: int | None = 2, **_: Any) -> str:
    records = list(data.records if isinstance(data, Library) else data)
    items: list[JSON] = [r.to_csl() for r in records]
    if isinstance(data, Library):
        for block in sorted((b for b in data.blocks if isinstance(b, FailedItem)), key=lambda b: b.index):
            items.insert(min(block.index, len(items)), block.data)
    return json.dumps(items, ensure_ascii=False, indent=indent) + "\n"
