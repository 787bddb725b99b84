"""The engine's output before it becomes text, HTML, Markdown, reST or LaTeX.

citeproc-py is given a formatter whose "tags" are private-use characters, so one rendering
serves every output: `parse` turns the marked string into a small tree, fixups work on it,
and `_output` writes it out with each format's escaping.
"""

from __future__ import annotations

import re

import attrs

CLOSE = "\ue000"
# Formatting and structure that citeproc-py's formatter protocol and citekit's layer emit.
_TAGS = {
    "italic": "\ue001",
    "bold": "\ue002",
    "light": "\ue003",
    "underline": "\ue004",
    "sup": "\ue005",
    "sub": "\ue006",
    "smallcaps": "\ue007",
    "nocase": "\ue008",
    "left-margin": "\ue009",
    "right-inline": "\ue00a",
    "block": "\ue00b",
    "indent": "\ue00c",
    "citation-number": "\ue00d",
    "normal": "\ue00e",
    "normal-weight": "\ue00f",
    "normal-variant": "\ue011",
    "quote": "\ue014",  # a resolved quote, glyphs included (see _engine.quotes, _fixups)
    "quote-held": "\ue018",  # the same, with punctuation of its own string after it
    # Formatting written in a field value or a style's `value` (`<i>`, `<b>`, `<sc>`): it
    # flips against the formatting around it, where a style's own nested formatting does not.
    "rich-italic": "\ue019",
    "rich-bold": "\ue01a",
    "rich-smallcaps": "\ue01b",
    "no-decoration": "\ue01c",  # text-decoration="none", written by HTML as citeproc-js does
    "baseline": "\ue01d",  # vertical-align="baseline"
    "nodecor": "\ue01e",  # field text that undoes the formatting around it (see flip_flop)
    # An affix's mark that stays where it is: no quote before it takes it in (written as is).
    "kept": "\ue01f",
    # A Unicode superscript character (`ᵉ`, `º`): superscript of its plain letter where an
    # output has superscript, the character itself in plain text (see `_writer`).
    "unicode-sup": "\ue020",
    # An element's explicit `quotes="false"`: gone once quotes are resolved (see _engine.quotes).
    "unquoted": "\ue021",
}
# A line break a style writes (`prefix=",&#10;"`): printed as one, as citeproc-js prints it,
# where a newline in field text is a space in plain text (see `_output`). Not a span.
STYLE_NEWLINE = "\ue022"
OPEN = {tag: char for tag, char in _TAGS.items()}
_TAG_OF = {char: tag for tag, char in _TAGS.items()}
MARKERS = frozenset((CLOSE, *_TAGS.values()))
_STRIP = str.maketrans({ord(c): None for c in MARKERS})


def wrap(tag: str, text: str) -> str:
    return f"{OPEN[tag]}{text}{CLOSE}"


def strip_markers(text: str) -> str:
    return text.translate(_STRIP)


@attrs.define
class Node:
    """A span of output: `tag` None for the root; children are text or nodes."""

    tag: str | None
    children: list[str | Node] = attrs.field(factory=list)

    def plain(self) -> str:
        return "".join(c if isinstance(c, str) else c.plain() for c in self.children)


_FLIPS = {"italic": "normal", "bold": "normal-weight", "smallcaps": "normal-variant"}
_FLIP_ORDER = tuple(_FLIPS)
_RICH = {"rich-italic": "italic", "rich-bold": "bold", "rich-smallcaps": "smallcaps"}


def written_tag(tag: str) -> str:
    """The formatting a tag is written as (rich text's `<i>` is italic like a style's)."""
    return _RICH.get(tag, tag)


def flip_flop(node: Node, active: frozenset[str] = frozenset()) -> Node:
    """Rich text's formatting nested in the same formatting flips back to normal (an `<i>`
    in an italic title is upright), as citeproc-js writes it. A style's formatting nested in
    its own stays as it is (bold in bold is `<b><b>`, as in citeproc-js). A `nodecor` span
    flips back all that is active."""
    tag = node.tag
    if tag == "nodecor":
        inner = Node(None, [c if isinstance(c, str) else flip_flop(c) for c in node.children])
        for undone in sorted(active, key=_FLIP_ORDER.index):
            inner = Node(_FLIPS[undone], [inner])
        return inner
    plain = _RICH.get(tag or "", tag)
    if tag in _RICH and plain in active:
        tag, active = _FLIPS[plain], active - {plain}
    elif plain in _FLIPS:
        tag, active = plain, active | {plain}
    children: list[str | Node] = [c if isinstance(c, str) else flip_flop(c, active) for c in node.children]
    return Node(tag, children)


# Deeper nesting than this is flattened: every later stage (flip-flop, the writers) walks
# the tree recursively, and no real citation nests formatting a dozen deep, let alone 330
# `<i>` in a title (which once raised RecursionError).
MAX_DEPTH = 32


def parse(marked: str) -> Node:
    """Turn a marked string into a tree (unbalanced markers are tolerated; nesting deeper
    than `MAX_DEPTH` keeps its text but not its formatting)."""
    root = Node(None)
    stack = [root]
    flattened = 0  # opening markers ignored below MAX_DEPTH, still to be closed
    # One C-level split instead of a Python loop over every character: the odd pieces are
    # the markers, the even ones the text between them (empty where markers touch).
    pieces = _SPLIT(marked)
    text = pieces[0]
    if text:
        root.children.append(text)
    for at in range(1, len(pieces), 2):
        char = pieces[at]
        if char == CLOSE:
            if flattened:
                flattened -= 1
            elif len(stack) > 1:
                stack.pop()
        elif len(stack) > MAX_DEPTH:
            flattened += 1
        else:
            node = Node(_TAG_OF[char])
            stack[-1].children.append(node)
            stack.append(node)
        text = pieces[at + 1]
        if text:
            stack[-1].children.append(text)
    return root


_SPLIT = re.compile(f"([{''.join(sorted(MARKERS))}])").split


class _Wrapper(str):
    """citeproc-py's formatter protocol: a str subclass per formatting, built from the text."""

    tag = "normal"

    def __new__(cls, text: object) -> _Wrapper:
        return super().__new__(cls, wrap(cls.tag, str(text)))


class MarkerFormatter:
    """A formatter "module" for citeproc-py that marks formatting instead of writing it."""

    class Italic(_Wrapper):
        tag = "italic"

    class Oblique(_Wrapper):
        tag = "italic"

    class Bold(_Wrapper):
        tag = "bold"

    class Light(_Wrapper):
        tag = "light"

    class Underline(_Wrapper):
        tag = "underline"

    class Superscript(_Wrapper):
        tag = "sup"

    class Subscript(_Wrapper):
        tag = "sub"

    class SmallCaps(_Wrapper):
        tag = "smallcaps"

    class NoDecoration(_Wrapper):
        tag = "no-decoration"

    class Baseline(_Wrapper):
        tag = "baseline"

    @staticmethod
    def preformat(text: object) -> str:
        return str(text)
