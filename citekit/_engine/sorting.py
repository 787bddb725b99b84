"""Sort keys compared as citeproc-js compares them: a locale collation.

citeproc-js compares sort keys with the locale's `localeCompare` (the style's
`default-locale-sort`, else the rendering locale): the Unicode Collation Algorithm with that
locale's tailoring, at the primary level (accents and case do not count). Spaces and
punctuation still count, before digits and letters (`A kasernes` before `Ab Delrahman`,
`O'Connor` before `Olsen`: the CSL suite's sort_LeadingA and sort_DaleDalebout), and digits
compare as text (the suite's date_NegativeDateSortViaMacro). citeproc-py compares code
points, so `Łukasz` and `Østergaard` sorted after `Z`.

With PyICU installed (`pip install citekit[icu]`) the key is ICU's own sort key, as in
citeproc-js (which runs on V8's ICU). Without it, a documented fallback: the text decomposed
and stripped of accents, the letters the UCA does not decompose (`Ł Ø Æ Đ Œ ß Þ ı`) spelled
with their base letters, punctuation and spaces kept ahead of digits and letters, the ʻokina
sorted between `h` and `i` as the UCA has it, and a small table of tailorings for the
languages whose alphabets put letters elsewhere (Danish and Norwegian `æ ø å` after `z`,
Swedish and Finnish `å ä ö`, Polish `ą ć ę ł ń ó ś ź ż` after their base letters, Czech,
Slovak, Turkish, Spanish `ñ`). Citekit's markers and leading quotes never count.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any

import citeproc

from .._markup import strip_markers
from ._elements import extend
from ._state import current
from .quotes import QUOTE_MARKERS

try:  # optional: the real UCA with CLDR tailorings
    import icu
except ImportError:  # pragma: no cover - depends on the environment
    icu = None

_QUOTES = str.maketrans({ord(c): None for c in QUOTE_MARKERS})
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Letters the UCA sorts with a base letter but Unicode does not decompose.
_BASE = str.maketrans(
    {"ł": "l", "ø": "o", "æ": "ae", "đ": "d", "œ": "oe", "ß": "ss", "þ": "th", "ı": "i", "ð": "d", "ŀ": "l"}
)
# The Hawaiian ʻokina (U+02BB) is a letter of its own between h and i in the UCA.
_OKINA = {"ʻ": "h~"}
# Tailorings: a letter sorted after its base letter (or after z) at the primary level. The
# characters after the base are above every letter in code-point order.
_AFTER = "{|}~"
_NORDIC = {"æ": "z{", "ä": "z{", "ø": "z|", "ö": "z|", "å": "z}"}
_SWEDISH = {"å": "z{", "ä": "z|", "æ": "z|", "ö": "z}", "ø": "z}"}
_POLISH = {c: c2 + "{" for c, c2 in zip("ąćęłńóśź", "acelnosz", strict=True)} | {"ż": "z|"}
_CZECH = {"č": "c{", "ř": "r{", "š": "s{", "ž": "z{"}
_TURKISH = {"ç": "c{", "ğ": "g{", "ı": "h{", "ö": "o{", "ş": "s{", "ü": "u{"}
_TAILORING: dict[str, dict[str, str]] = {
    "da": _NORDIC,
    "nb": _NORDIC,
    "nn": _NORDIC,
    "no": _NORDIC,
    "sv": _SWEDISH,
    "fi": _SWEDISH,
    "pl": _POLISH,
    "cs": _CZECH,
    "sk": _CZECH,
    "tr": _TURKISH,
    "es": {"ñ": "n{"},
}
_LEADING = "\"'“”‘’«»([{¿¡ "


def _strip(value: str) -> str:
    """The key without markers, leading quotes and brackets, or punctuation: citeproc-js
    compares with `ignorePunctuation` (`Simple title, here A` before `Simple title here B`,
    the CSL suite's sort_Quotes). Spaces still count (see the module docstring)."""
    text = strip_markers(value.translate(_QUOTES)).lstrip(_LEADING)
    if text.isascii():
        return text.translate(_ASCII_PUNCTUATION)
    return "".join(char for char in text if not _punctuation(char))


def _punctuation(char: str) -> bool:
    return unicodedata.category(char).startswith("P")


_ASCII_PUNCTUATION = str.maketrans({chr(c): None for c in range(128) if _punctuation(chr(c))})


@functools.lru_cache(maxsize=64)
def _collator(locale: str) -> Any:
    collator = icu.Collator.createInstance(icu.Locale(locale.replace("-", "_")))
    collator.setStrength(icu.Collator.PRIMARY)
    return collator


def fallback_key(value: str, locale: str = "en-US") -> str:
    """The collation key without ICU (see the module docstring)."""
    text = _strip(value).casefold()
    if text.isascii():  # most keys: one table look-up per character
        return text.translate(_ASCII_KEY)
    tailoring = _TAILORING.get(locale.split("-")[0].lower(), {})
    return "".join(tailoring.get(char) or _OKINA.get(char) or _key_char(char) for char in text)


def _key_char(char: str) -> str:
    out: list[str] = []
    for base in unicodedata.normalize("NFKD", char.translate(_BASE)):
        if base.isalnum() and not unicodedata.combining(base):
            out.append(base)
        elif not unicodedata.combining(base):
            out.append(base if base < "0" else " ")  # before digits and letters
    return "".join(out)


_ASCII_KEY = str.maketrans({chr(c): _key_char(chr(c)) for c in range(128)})


def collation_key(value: str, locale: str = "en-US", *, use_icu: bool = True) -> str:
    """A string whose code-point order is the locale's collation order of `value`. It never
    parses as an integer (citeproc-py tries `int()` on sort keys)."""
    if icu is not None and use_icu:
        key: bytes = _collator(locale).getSortKey(_strip(value))
        return "k" + key.hex()
    return "f" + fallback_key(value, locale)


def collation_locale(root: Any) -> str:
    """The style's `default-locale-sort`, else the locale it renders in (citeproc-js)."""
    chosen = root.get("default-locale-sort")
    if chosen:
        return str(chosen)
    for locale in getattr(root, "locales", ()):
        lang = locale.get(_XML_LANG)
        if lang:
            return str(lang)
    return "en-US"


@extend("key")
class CollatedKey:
    def sort_keys(self, items: Any, context: Any) -> Any:
        state = current()
        before, state.sort_macro = state.sort_macro, "macro" in self.attrib  # type: ignore[attr-defined]
        try:
            keys = super().sort_keys(items, context)  # type: ignore[misc]
        finally:
            state.sort_macro = before
        variable = str(self.get("variable") or "").replace("-", "_")  # type: ignore[attr-defined]
        if variable == "page_first":  # citeproc-js takes it from the page (`page-first` is rare)
            keys = [_first_page(item) or key for item, key in zip(items, keys, strict=True)]
        if variable in citeproc.DATES:
            return keys  # citeproc-py's fixed-width date keys compare as they are
        locale = collation_locale(self.get_root())  # type: ignore[attr-defined]
        return [k if k is None or isinstance(k, int) else _Collated(str(k), locale) for k in keys]


def _first_page(item: Any) -> str | None:
    page = item.reference.get("page")
    return re.split(r"\s*(?:&|, |-|–)\s*", str(page).strip())[0] or None if page else None


class _Collated(str):
    """A sort key string that citeproc-py's comparison lower()s and int()s as it likes."""

    def __new__(cls, text: str, locale: str) -> _Collated:
        return super().__new__(cls, collation_key(text, locale))

    def lower(self) -> str:
        return str(self)
