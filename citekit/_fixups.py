"""Corrections applied to the engine's marked output where citeproc-py and citeproc-js (the
reference) differ. One ordered list of small named functions over the marked string; each
treats citekit's markers as transparent. Fixes that belong in citeproc-py itself are listed
in the README's design notes."""

from __future__ import annotations

import re
from collections.abc import Callable

import attrs

from ._markup import CLOSE, MARKERS

_M = "[" + "".join(sorted(MARKERS)) + "]*"
_CLOSE = re.escape(CLOSE)


@attrs.frozen
class Context:
    """What a fixup may need to know about the style and locale."""

    punctuation_in_quote: bool = False
    close_quotes: str = "”’"


def _collapse_doubled_punctuation(text: str, ctx: Context) -> str:
    """`go?.` -> `go?`, `etc..` -> `etc.`: a period after terminal punctuation at a join.
    An ellipsis is left alone (the period must not itself follow a period)."""
    follow = "(?=$|\\s|[" + re.escape(ctx.close_quotes) + "\"')\\]]|" + "[" + "".join(sorted(MARKERS)) + "])"
    return re.sub(f"((?<!\\.)\\.|[?!])({_M})\\.{follow}", r"\1\2", text)


def _punctuation_inside_quotes(text: str, ctx: Context) -> str:
    """American style: a period or comma after a closing quote goes inside it."""
    if not ctx.punctuation_in_quote:
        return text
    quotes = "[" + re.escape(ctx.close_quotes) + "]"
    moved = re.sub(f"({quotes})((?:{_CLOSE})*)([.,])", r"\3\1\2", text)
    # `?.”` -> `?”`: the moved period is absorbed by terminal punctuation before it.
    return re.sub(f"([?!.])({_M})\\.({quotes})", r"\1\2\3", moved)


FIXUPS: tuple[Callable[[str, Context], str], ...] = (
    _punctuation_inside_quotes,
    _collapse_doubled_punctuation,
)


def apply(text: str, ctx: Context) -> str:
    for fixup in FIXUPS:
        text = fixup(text, ctx)
    return text
