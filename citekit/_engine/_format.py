"""Formatting attributes (font-style, font-variant, font-weight, text-decoration,
vertical-align) and simple text-case, for elements citekit renders itself."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

_FORMATTING = (
    ("font-style", {"italic": "Italic", "oblique": "Oblique", "normal": None}),
    ("font-variant", {"small-caps": "SmallCaps", "normal": None}),
    ("font-weight", {"bold": "Bold", "light": "Light", "normal": None}),
    ("text-decoration", {"underline": "Underline", "none": "NoDecoration"}),
    ("vertical-align", {"sup": "Superscript", "sub": "Subscript", "baseline": "Baseline"}),
)


def apply_formatting(text: str, attrib: Mapping[str, str], formatter: Any) -> str:
    for attribute, classes in _FORMATTING:
        name = classes.get(attrib.get(attribute, ""))
        if name is not None:
            text = str(getattr(formatter, name)(text))
    return text


def apply_text_case(text: str, case: str | None) -> str:
    """lowercase, uppercase and capitalize-first/-all for short generated text (dates, terms)."""
    if case == "lowercase":
        return text.lower()
    if case == "uppercase":
        return text.upper()
    if case in ("capitalize-first", "sentence") and text:
        return text[0].upper() + text[1:]
    if case in ("capitalize-all", "title"):
        return " ".join(w[:1].upper() + w[1:] for w in text.split(" "))
    return text


def sentence_case(text: str) -> str:
    """citeproc-js's `sentence` text-case for a string that is not a title (a name part): the
    first word's first letter upper case, every later word lower case (`National research
    council` for an institution under `<name-part name="family" text-case="sentence"/>`)."""
    words = text.split(" ")
    first = True
    for index, word in enumerate(words):
        if not word:
            continue
        words[index] = word[:1].upper() + word[1:] if first else word.lower()
        first = False
    return " ".join(words)
