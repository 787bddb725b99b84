"""Unicode superscript characters (in ordinal terms such as `ᵉʳ`, `ª`, or in field text) are
marked as `unicode-sup` spans: the outputs with superscript formatting write them as that
formatting of the plain letter, as citeproc-js's HTML does; plain text keeps the character,
as citeproc-js's text output does (see `_writer`)."""

from __future__ import annotations

from .._markup import wrap
from .._superscripts import SUPERSCRIPTS

_TABLE = str.maketrans({char: wrap("unicode-sup", char) for char in SUPERSCRIPTS})
_ANY = frozenset(SUPERSCRIPTS)


def mark_superscripts(marked: str) -> str:
    if _ANY.isdisjoint(marked):
        return marked
    return marked.translate(_TABLE)
