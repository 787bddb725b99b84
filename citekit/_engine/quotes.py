"""Quotes: `quotes="true"` and quoted phrases in field values, alternating when nested.

citeproc-py writes the locale's outer quotes around a quoted element whatever surrounds
it, and leaves straight quotes in field values alone. Here both become a quote marker
(`QUOTE` … `CLOSE`), and `resolve` writes each with the locale's `open-quote`/`close-quote`
at even depth and `open-inner-quote`/`close-inner-quote` at odd depth, as citeproc-js does.
"""

from __future__ import annotations

from typing import Any

from .._markup import CLOSE, MARKERS, OPEN
from ._elements import extend

QUOTE = "\ue010"  # a quoted span in the locale's quotes (`quotes="true"`)
DOUBLE = "\ue012"  # a phrase in double quotes in field text
SINGLE = "\ue013"  # a phrase in single quotes in field text
# The same quotes, "held": their text is followed by a `.` or `,` of the same string, which
# stays outside them whatever the locale's punctuation-in-quote (as citeproc-js keeps `‘God
# willing’.` in one field); see `hold`.
HELD = {QUOTE: "\ue015", DOUBLE: "\ue016", SINGLE: "\ue017"}
_UNHELD = {held: base for base, held in HELD.items()}
QUOTE_MARKERS = frozenset((QUOTE, DOUBLE, SINGLE, *HELD.values()))
_GLYPHS = {DOUBLE: ("“", "”"), SINGLE: ("‘", "’")}
# A resolved quote stays a span (its glyphs inside it) until the punctuation rules have run:
# see `_fixups`, which tells it from an apostrophe by that.
QUOTED = OPEN["quote"]
QUOTED_HELD = OPEN["quote-held"]


def hold(marked: str) -> str:
    """Quotes in one string (a field, a prefix) directly followed by `.` or `,` in it, held."""
    if CLOSE not in marked or not ("." in marked or "," in marked):
        return marked
    chars = list(marked)
    stack: list[int | None] = []
    for index, char in enumerate(chars):
        if char in HELD:
            stack.append(index)
        elif char in MARKERS and char != CLOSE:
            stack.append(None)
        elif char == CLOSE and stack:
            opened = stack.pop()
            if opened is not None and marked[index + 1 : index + 2] in (".", ","):
                chars[opened] = HELD[chars[opened]]
    return "".join(chars)


def _flip(pair: tuple[str, str], parent: tuple[str, str] | None, other: tuple[str, str]) -> tuple[str, str]:
    return other if parent == pair else pair


def resolve(marked: str, outer: tuple[str, str], inner: tuple[str, str]) -> str:
    """Quote markers written as quotes, each in a `quote` span; a span quoted like the span
    around it flips to the other quotes (outer/inner for the locale's, double/single for a
    field's own)."""
    if QUOTE_MARKERS.isdisjoint(marked):
        return marked
    out: list[str] = []
    stack: list[tuple[str, str] | None] = []
    for char in marked:
        if char in QUOTE_MARKERS:
            parent = next((p for p in reversed(stack) if p is not None), None)
            opening = QUOTED_HELD if char in _UNHELD else QUOTED
            char = _UNHELD.get(char, char)
            if char == QUOTE:
                pair = _flip(outer, parent, inner)
            else:
                pair = _GLYPHS[char]
                pair = _flip(pair, parent, _GLYPHS[SINGLE if char == DOUBLE else DOUBLE])
            stack.append(pair)
            out.append(opening + pair[0])
        elif char == CLOSE:
            closing = stack.pop() if stack else None
            out.append(char if closing is None else closing[1] + CLOSE)
        else:
            if char in MARKERS:
                stack.append(None)
            out.append(char)
    return "".join(out)


@extend("text")
class QuotedText:
    def quote(self, string: Any) -> Any:
        if str(self.get("quotes", "false")).lower() == "true":  # type: ignore[attr-defined]
            return QUOTE + string + CLOSE
        return string
