"""Sort keys compared as citeproc-js compares them (a locale collation): without citekit's
markers, accents and case, and ignoring leading punctuation and quotes, so that `Álvarez`
sorts with the A's and `“A Title”` with the A's. citeproc-py compares code points."""

from __future__ import annotations

import unicodedata
from typing import Any

from .._markup import strip_markers
from ._elements import extend
from .quotes import QUOTE_MARKERS

_QUOTES = str.maketrans({ord(c): None for c in QUOTE_MARKERS})
_LEADING = "\"'“”‘’«»([{¿¡ "


def collation_key(value: str) -> str:
    text = strip_markers(value.translate(_QUOTES))
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return text.lstrip(_LEADING).casefold()


@extend("key")
class CollatedKey:
    def sort_keys(self, items: Any, context: Any) -> Any:
        keys = super().sort_keys(items, context)  # type: ignore[misc]
        return [k if k is None or isinstance(k, int) else _Collated(str(k)) for k in keys]


class _Collated(str):
    """A sort key string that citeproc-py's comparison lower()s and int()s as it likes."""

    def __new__(cls, text: str) -> _Collated:
        return super().__new__(cls, collation_key(text))

    def lower(self) -> str:
        return str(self)
