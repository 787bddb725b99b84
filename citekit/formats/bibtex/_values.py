"""Raw field values as written (`{...}`, `"..."`, numbers, @string names joined by `#`) ->
the LaTeX text they stand for. The raw form is what the stash keeps and the writer puts back;
the resolved form is what gets decoded for rendering.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import NamedTuple

# BibTeX's predefined month macros (plain.bst and every standard style define them).
MONTH_MACROS: Mapping[str, str] = {
    m[:3].lower(): m
    for m in (
        [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ]
    )
}

_MARK = re.compile(r'(?<!\\)[{}"#]')
_BARE = re.compile(r"[^\s#{}\"]+")


EXPANSION_LIMIT = 100_000
"""The most characters @string names may expand a value to. Each @string can double the one
before (`@string{b = a # a}`), so 1.1 KB of such lines would build 134 million characters,
and 40 levels 4 GiB; past this limit a name is kept as written, and reported."""


class Resolved(NamedTuple):
    """A value's text, the @string names it used that are not defined, whether its braces
    balance, and the names not expanded because the value would pass EXPANSION_LIMIT. (A
    named tuple, not an attrs class: one is made per field read, and it is never kept.)"""

    text: str
    undefined: tuple[str, ...] = ()
    balanced: bool = True
    too_long: tuple[str, ...] = ()


# One brace group holding groups nested up to three deep (no backtracking: possessive).
_ONE_GROUP = re.compile(r"\{(?:[^{}]++|\{(?:[^{}]++|\{(?:[^{}]++|\{[^{}]*+\})*+\})*+\})*+\}")


def resolve(raw: str, strings: Mapping[str, str]) -> Resolved:
    """Join the pieces of `raw`, expanding @string names (case-insensitive keys in `strings`)."""
    raw = raw.strip()
    if raw[:1] == "{" and raw[-1:] == "}":
        inner = raw[1:-1]
        if (
            ("{" not in inner and "}" not in inner)
            or ("\\{" not in raw and "\\}" not in raw and _ONE_GROUP.fullmatch(raw))
            or _single_group(raw)
        ):
            return _plain(inner)
    if raw.isdigit():
        return _plain(raw)
    pieces: list[str] = []
    undefined: list[str] = []
    too_long: list[str] = []
    total = 0
    balanced = True
    pos = 0
    n = len(raw)
    while pos < n:
        char = raw[pos]
        if char.isspace() or char == "#":
            pos += 1
        elif char in '{"':
            end, ok = _closing(raw, pos)
            balanced = balanced and ok
            pieces.append(raw[pos + 1 : end])
            total += end - pos - 1
            pos = end + 1
        else:
            m = _BARE.match(raw, pos)
            if m is None:  # a stray closing brace
                balanced = False
                pos += 1
                continue
            word = m.group(0)
            pos = m.end()
            if word.isdigit():
                pieces.append(word)
            elif (value := strings.get(word.lower())) is not None:
                if total + len(value) > EXPANSION_LIMIT:
                    too_long.append(word)
                    value = word
                pieces.append(value)
            elif (month := MONTH_MACROS.get(word.lower())) is not None:
                pieces.append(month)
            else:
                undefined.append(word)
                pieces.append(word)
            total += len(pieces[-1])
    return Resolved("".join(pieces), tuple(undefined), balanced, tuple(too_long))


def _plain(text: str) -> Resolved:
    """Resolved(text), built the quick way (a named tuple's own __new__ is Python code)."""
    return tuple.__new__(Resolved, (text, (), True, ()))


def _single_group(raw: str) -> bool:
    depth = 0
    last = len(raw) - 1
    for m in _MARK.finditer(raw):
        char = m.group(0)
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return m.start() == last
            if depth < 0:
                return False
    return False


def _closing(raw: str, start: int) -> tuple[int, bool]:
    """Index of the delimiter closing the one at `start`, and whether braces balanced."""
    quote = raw[start] == '"'
    depth = 0 if quote else 1
    for m in _MARK.finditer(raw, start + 1):
        char = m.group(0)
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0 and not quote:
                return m.start(), True
            if depth < 0:
                return m.start(), False
        elif char == '"' and quote and depth == 0:
            return m.start(), True
    return len(raw), False


def braces_balance(text: str) -> bool:
    depth = 0
    for m in _MARK.finditer(text):
        char = m.group(0)
        depth += 1 if char == "{" else -1 if char == "}" else 0
        if depth < 0:
            return False
    return depth == 0
