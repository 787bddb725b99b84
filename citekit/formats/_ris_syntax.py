"""RIS syntax: text cut into entries (TY ... ER, continuation lines joined to their values) and
the runs of lines that are no entry. The first stage of reading; `_ris` maps entries to Records.
"""

from __future__ import annotations

import re

import attrs

EXTRA_KEY = "ris"

_TAG_LINE = re.compile(r"([A-Z][A-Z0-9])  -(?: (.*))?")
_LOOSE_TAG_LINE = re.compile(r"[ \t]*([A-Z][A-Z0-9])(?: +- ?| ?- +)(.*)")
TAG_NAME = re.compile(r"[A-Z][A-Z0-9]")
BLANKS = " \t"


@attrs.frozen
class RisBlock:
    """Lines that are no readable record (no TY line, or text between records), kept to be
    written back where they stood: after the first `index` records. `line` is where they began."""

    index: int
    line: int
    raw: str


@attrs.frozen
class Line:
    number: int
    tag: str
    value: str


@attrs.frozen
class Entry:
    """One TY ... ER run, continuation lines joined to their values; `loose` are the lines read
    although not in the `XX  - value` form."""

    line: int
    raw: str
    tags: tuple[Line, ...]
    ended: bool
    loose: tuple[Line, ...] = ()


@attrs.frozen
class Unread:
    line: int
    raw: str
    tagged: bool


def parse_line(line: str) -> tuple[str, str, bool] | None:
    """(tag, value, loose) for a tag line, None for any other line."""
    if m := _TAG_LINE.fullmatch(line.rstrip(BLANKS)):
        return m.group(1), (m.group(2) or "").strip(BLANKS), False
    if m := _LOOSE_TAG_LINE.fullmatch(line.rstrip(BLANKS)):
        return m.group(1), m.group(2).strip(BLANKS), True
    return None


def split(text: str) -> list[Entry | Unread]:
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    items: list[Entry | Unread] = []
    i = 0
    while i < len(lines):
        parsed = parse_line(lines[i])
        if not lines[i].strip():
            i += 1
        elif parsed is not None and parsed[0] == "TY":
            i = _read_entry(lines, i, items)
        else:
            i = _read_unread(lines, i, items)
    return items


def _read_entry(lines: list[str], start: int, items: list[Entry | Unread]) -> int:
    """Read TY ... ER from `start` into `items`; the index of the next line to read.
    A value's continuation lines are gathered in a list and joined once, so a value of many
    lines costs time in proportion to its length."""
    tags: list[tuple[int, str, list[str]]] = []
    loose: list[Line] = []
    blank, i, ended = 0, start, False
    while i < len(lines):
        parsed = parse_line(lines[i])
        if parsed is None:
            if lines[i].strip(BLANKS):
                pieces = tags[-1][2]
                pieces.extend([""] * blank)
                pieces.append(lines[i].rstrip(BLANKS))
                blank = 0
            else:
                blank += 1
            i += 1
            continue
        tag, value, is_loose = parsed
        if tag == "TY" and i > start:
            break
        if is_loose:
            loose.append(Line(i + 1, tag, lines[i]))
        if tag == "ER":
            ended, i = True, i + 1
            break
        tags.append((i + 1, tag, [value]))
        blank, i = 0, i + 1
    raw = "\n".join(lines[start:i]).rstrip()
    joined = tuple(Line(number, tag, "\n".join(pieces)) for number, tag, pieces in tags)
    items.append(Entry(start + 1, raw, joined, ended, tuple(loose)))
    return i


def _read_unread(lines: list[str], start: int, items: list[Entry | Unread]) -> int:
    """Keep lines outside a record up to an ER (included) or a TY (not)."""
    i, tagged = start, False
    while i < len(lines):
        parsed = parse_line(lines[i])
        if parsed is not None and parsed[0] == "TY":
            break
        i += 1
        if parsed is not None and parsed[0] == "ER":
            break
        tagged = tagged or parsed is not None
    kept = lines[start:i]
    while not kept[-1].strip():
        kept.pop()
    items.append(Unread(start + 1, "\n".join(kept), tagged))
    return i
