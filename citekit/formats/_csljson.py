"""CSL-JSON reader and writer. A bad item is reported with its line and kept for writing."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

import attrs

from .._errors import InvalidRecordError, Location, Problem
from .._json import JSON
from .._library import Library
from .._record import Record
from .._vocab import ITEM_TYPES


@attrs.frozen
class FailedItem:
    """An item that could not become a Record, kept to be written back where it stood."""

    index: int
    data: JSON


def _items_with_lines(text: str, source: str | None) -> tuple[list[tuple[int, JSON]], list[Problem]]:
    decoder = json.JSONDecoder()

    def fail(exc: json.JSONDecodeError) -> tuple[list[tuple[int, JSON]], list[Problem]]:
        where = Location(file=source, line=exc.lineno, column=exc.colno)
        return [], [Problem("syntax", f"not valid JSON: {exc.msg}", where, raw=None)]

    pos = _skip_ws(text, 0)
    if text.startswith("{", pos):
        try:
            value, _ = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            return fail(exc)
        if isinstance(value, dict) and isinstance(value.get("items"), list):
            return [(text.count("\n", 0, pos) + 1, v) for v in value["items"]], []
        return [(text.count("\n", 0, pos) + 1, value)], []
    if not text.startswith("[", pos):
        where = Location(file=source, line=text.count("\n", 0, pos) + 1)
        return [], [Problem("syntax", "CSL-JSON must be an array of items", where)]
    items: list[tuple[int, JSON]] = []
    pos = _skip_ws(text, pos + 1)
    if text.startswith("]", pos):
        return items, []
    while True:
        try:
            value, end = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            return items, fail(exc)[1]
        items.append((text.count("\n", 0, pos) + 1, value))
        pos = _skip_ws(text, end)
        if text.startswith(",", pos):
            pos = _skip_ws(text, pos + 1)
        elif text.startswith("]", pos):
            return items, []
        else:
            try:
                json.loads(text)
            except json.JSONDecodeError as exc:
                return items, fail(exc)[1]
            return items, []


def _skip_ws(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\r\n\ufeff":
        pos += 1
    return pos


def read(
    text: str,
    *,
    source: str | None = None,
    dialect: str = "",
    progress: Callable[[int, int], object] | None = None,
) -> Library:
    """Read CSL-JSON text; `progress(done, total)` is called every 2,000 items, as the other
    readers do (the command line passes it on a terminal)."""
    items, problems = _items_with_lines(text, source)
    records: list[Record] = []
    blocks: list[FailedItem] = []
    seen: set[str] = set()
    for index, (line, item) in enumerate(items):
        if progress is not None and index % 2000 == 0:
            progress(index, len(items))
        item_id = item.get("id") if isinstance(item, dict) else None
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
