"""Quotes: `quotes="true"` and quoted phrases in field values, alternating when nested.

citeproc-py writes the locale's outer quotes around a quoted element whatever surrounds
it, and leaves quotes in field values alone. citeproc-js reads a field's straight quotes
and the locale's own quote marks (`open-quote`/`close-quote`, `open-inner-quote`/
`close-inner-quote`) as quotes (`CSL.Util.FlipFlopper`): each is a level, outer or inner,
written with the locale's marks. Here they become quote markers (`QUOTE`, `OUTER`,
`INNER` … `CLOSE`) and `resolve` writes each level: a quote inside another takes the other
level; one inside nothing takes its own (`QUOTE` and `OUTER` the outer quotes, `INNER` the
inner ones), and one inside an element with an explicit `quotes="false"` (`UNQUOTED`) the
outer quotes, as citeproc-js flips `false` to `true`.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from .._markup import CLOSE, MARKERS, OPEN
from ._elements import extend

QUOTE = "\ue010"  # a quoted span in the locale's quotes (`quotes="true"`, straight quotes)
OUTER = "\ue012"  # a phrase in the locale's outer quote marks in field text
INNER = "\ue013"  # a phrase in the locale's inner quote marks in field text
# The same quotes, "held": their text is followed by a `.` or `,` of the same string, which
# stays outside them whatever the locale's punctuation-in-quote (as citeproc-js keeps `‘God
# willing’.` in one field); see `hold`.
HELD = {QUOTE: "\ue015", OUTER: "\ue016", INNER: "\ue017"}
_UNHELD = {held: base for base, held in HELD.items()}
QUOTE_MARKERS = frozenset((QUOTE, OUTER, INNER, *HELD.values()))
# An element with `quotes="false"` written out: no quotes, but a quote in it is outer.
UNQUOTED = OPEN["unquoted"]
# A resolved quote stays a span (its glyphs inside it) until the punctuation rules have run:
# see `_fixups`, which tells it from an apostrophe by that.
QUOTED = OPEN["quote"]
QUOTED_HELD = OPEN["quote-held"]

Pair = tuple[str, str]
_STRAIGHT = frozenset({'"', "'", ""})
# A phrase in curly single quotes: an apostrophe (`dog’s`) neither opens nor closes it.
_CURLY_SINGLE = re.compile(r"(?:(?<=^)|(?<=[\s(\[\u2014\u201c\ue010\ue012\ue013-]))‘([^‘’]*?\S)’(?![\w])")


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


@functools.lru_cache(maxsize=32)
def _pattern(pair: Pair) -> re.Pattern[str] | None:
    opening, closing = pair
    if opening in _STRAIGHT or closing in _STRAIGHT:
        return None  # straight quotes are read as such (citeproc-js registers no others)
    if pair == ("‘", "’"):
        return _CURLY_SINGLE
    marks = re.escape(opening) + ("" if closing == opening else re.escape(closing))
    return re.compile(f"{re.escape(opening)}((?:(?!{re.escape(closing)})[^{marks}])*){re.escape(closing)}")


def mark_locale_quotes(text: str, outer: Pair, inner: Pair) -> str:
    """Phrases in the locale's own quote marks as quote markers of their level, innermost
    first (`“b “c” d”`: both are quotes)."""
    for pair, marker in ((outer, OUTER), (inner, INNER)):
        pattern = _pattern(pair)
        if pattern is None or pair[0] not in text:
            continue
        replacement = marker + r"\1" + CLOSE
        count = 1
        while count:
            text, count = pattern.subn(replacement, text)
    return text


# The characters `resolve` acts on (the text between them is copied as it is).
_SPANS = re.compile("[" + "".join(re.escape(char) for char in sorted(MARKERS | QUOTE_MARKERS)) + "]")


def resolve(marked: str, outer: Pair, inner: Pair) -> str:
    """Quote markers written as quotes, each in a `quote` span: a quote inside another takes
    the other level, one inside nothing its own (see the module docstring)."""
    if QUOTE_MARKERS.isdisjoint(marked) and UNQUOTED not in marked:
        return marked
    pairs = {"outer": outer, "inner": inner}
    out: list[str] = []
    stack: list[str | None] = []  # per open span: its quote level, "false", or None
    position = 0
    for match in _SPANS.finditer(marked):
        out.append(marked[position : match.start()])
        position = match.end()
        char = match.group()
        if char in QUOTE_MARKERS:
            parent = next((p for p in reversed(stack) if p is not None), None)
            opening = QUOTED_HELD if char in _UNHELD else QUOTED
            char = _UNHELD.get(char, char)
            if parent is None:
                level = "inner" if char == INNER else "outer"
            else:
                level = "inner" if parent == "outer" else "outer"
            stack.append(level)
            out.append(opening + pairs[level][0])
        elif char == UNQUOTED:
            stack.append("false")
        elif char == CLOSE:
            closing = stack.pop() if stack else None
            if closing in pairs:
                out.append(pairs[closing][1] + CLOSE)
            elif closing != "false":
                out.append(char)
        else:  # any other span
            stack.append(None)
            out.append(char)
    out.append(marked[position:])
    return "".join(out)


@extend("text")
class QuotedText:
    def quote(self, string: Any) -> Any:
        quotes = str(self.get("quotes", "")).lower()  # type: ignore[attr-defined]
        if quotes == "true":
            return QUOTE + string + CLOSE
        if quotes == "false" and string and not QUOTE_MARKERS.isdisjoint(str(string)):
            return UNQUOTED + string + CLOSE
        return string
