"""The text of one citation, cut into parts that each link to their own entry.

A citation of several items, `(Werner et al., 2018; Kumar, 1975)`, is rendered once by the
Formatter; each item is then found in it by its own rendering (without the outer brackets),
so every item links to its entry. When an item cannot be found exactly, or the pieces would
split markup, the whole citation links to the first item's entry instead. Narrative
citations are `_narrative`'s.
"""

from __future__ import annotations

import re

import citekit

from ._model import Part

_BRACKETS = {"(": ")", "[": "]"}
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)>")


def short_names(record: citekit.Record) -> str:
    """'Werner', 'Werner and Weich' or 'Werner et al.', for narrative citations."""
    names = record.names("author") or record.names("editor")
    families = [family(name) for name in names]
    if not families:
        return record.text("title") or record.key
    if len(families) <= 2:
        return join(families)
    return f"{families[0]} et al."


def family(name: citekit.Name) -> str:
    """The family name with every particle ('von Neumann'), as sphinxcontrib-bibtex shows it."""
    words = (name.dropping_particle, name.non_dropping_particle, name.family)
    return " ".join(word for word in words if word) or name.literal or str(name)


def join(items: list[str]) -> str:
    """'A', 'A and B', 'A, B, and C' (pybtex's joining of names)."""
    if len(items) < 3:
        return " and ".join(items)
    return ", ".join(items[:-1]) + ", and " + items[-1]


def _balanced(text: str, output: str) -> bool:
    """Whether cutting here keeps markup whole: every tag (HTML) or brace (LaTeX) closed."""
    if output == "latex":
        depth = 0
        for char in re.sub(r"\\[{}]", "", text):
            depth += {"{": 1, "}": -1}.get(char, 0)
            if depth < 0:
                return False
        return depth == 0
    if output == "html":
        stack: list[str] = []
        for closing, tag, empty in _TAG.findall(text):
            if empty or tag.lower() in ("br", "img"):
                continue
            if not closing:
                stack.append(tag.lower())
            elif not stack or stack.pop() != tag.lower():
                return False
        return not stack
    return True


def _inner(text: str) -> str:
    if len(text) > 2 and _BRACKETS.get(text[0]) == text[-1]:
        return text[1:-1]
    return text


def linked(formatter: citekit.Formatter, text: str, cites: list[citekit.Cite], output: str) -> list[Part]:
    """The citation `text` (already rendered for all of `cites`) with each item's part keyed."""
    whole = [Part(text, True, cites[0].id)]
    if len(cites) < 2:
        return whole
    found: list[tuple[int, int, str]] = []
    pieces = [(_inner(formatter.cite([cite])), cite.id) for cite in cites]
    for piece, key in sorted(pieces, key=lambda p: -len(p[0])):  # longest first: "12" before "1"
        start = text.find(piece)
        while start >= 0 and any(start < end and start + len(piece) > begin for begin, end, _ in found):
            start = text.find(piece, start + 1)
        if not piece or start < 0:
            return whole
        found.append((start, start + len(piece), key))
    parts: list[Part] = []
    position = 0
    for begin, end, key in sorted(found):
        parts.extend([Part(text[position:begin]), Part(text[begin:end], True, key)])
        position = end
    parts.append(Part(text[position:]))
    if not all(_balanced(part.text, output) for part in parts):
        return whole
    return [part for part in parts if part.text]
