"""Unicode superscript characters (in ordinal terms such as `ᵉʳ`, `ª`, or in field text)
are written as superscript formatting of the plain letter, as citeproc-js does, so every
output can show them."""

from __future__ import annotations

from .._markup import wrap

_SUPERSCRIPTS = {
    "ª": "a",
    "º": "o",
    "¹": "1",
    "²": "2",
    "³": "3",
    "⁰": "0",
    "⁴": "4",
    "⁵": "5",
    "⁶": "6",
    "⁷": "7",
    "⁸": "8",
    "⁹": "9",
    "ʰ": "h",
    "ʲ": "j",
    "ʳ": "r",
    "ʷ": "w",
    "ʸ": "y",
    "ˡ": "l",
    "ˢ": "s",
    "ˣ": "x",
    "ᴬ": "A",
    "ᴮ": "B",
    "ᴰ": "D",
    "ᴱ": "E",
    "ᴳ": "G",
    "ᴴ": "H",
    "ᴵ": "I",
    "ᴶ": "J",
    "ᴷ": "K",
    "ᴸ": "L",
    "ᴹ": "M",
    "ᴺ": "N",
    "ᴼ": "O",
    "ᴾ": "P",
    "ᴿ": "R",
    "ᵀ": "T",
    "ᵁ": "U",
    "ᵂ": "W",
    "ᵃ": "a",
    "ᵇ": "b",
    "ᵈ": "d",
    "ᵉ": "e",
    "ᵍ": "g",
    "ᵏ": "k",
    "ᵐ": "m",
    "ᵒ": "o",
    "ᵖ": "p",
    "ᵗ": "t",
    "ᵘ": "u",
    "ᵛ": "v",
    "ᶜ": "c",
    "ᶠ": "f",
    "ᶻ": "z",
    "ⁱ": "i",
    "ⁿ": "n",
    "⁺": "+",
    "⁻": "−",
    "⁼": "=",
    "⁽": "(",
    "⁾": ")",
}
_TABLE = str.maketrans({char: wrap("sup", plain) for char, plain in _SUPERSCRIPTS.items()})
_ANY = frozenset(_SUPERSCRIPTS)


def mark_superscripts(marked: str) -> str:
    if _ANY.isdisjoint(marked):
        return marked
    return marked.translate(_TABLE)
