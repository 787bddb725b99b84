"""Formatting as citeproc-js writes it where citeproc-py writes nothing or too much:

- `text-decoration="none"` and `vertical-align="baseline"` are written (HTML: a
  `text-decoration:none` span and citeproc-js's `<span style="baseline">`), not dropped;
- a `cs:text` whose own string has no Latin, Greek, Cyrillic, Hebrew, Arabic or Thai letter
  or digit (a Chinese or Japanese title) is not italicised: citeproc-js drops a string's
  `font-style` when the string matches none of its "romanesque" characters. Formatting of
  the group or macro around it stays;
- `font-style="normal"` (and `font-weight`, `font-variant`) on an element inside one that
  sets it is written as a reset (`<i><span style="font-style:normal;">…</span></i>`), and
  nothing at the top level, as citeproc-js writes it. What is "around" is the style's
  element tree: a macro called from inside italics does not see them (as `names._set_around`).
"""

from __future__ import annotations

import contextvars
import re
from typing import Any

from .._markup import strip_markers, wrap
from ._elements import extend

# citeproc-js's CSL.ROMANESQUE_REGEXP (2.4.63).
_ROMANESQUE = re.compile(
    "[-0-9a-zA-Z\u0e01-\u0e5b\u00c0-\u017f\u0370-\u03ff\u0400-\u052f\u0590-\u05d4\u05d6-\u05ff"
    "\u1f00-\u1fff\u0600-\u06ff\u200c\u200d\u200e\u0218\u0219\u021a\u021b\u202a-\u202e]"
)


def romanesque(text: str) -> bool:
    """Whether citeproc-js would keep a font-style on `text`."""
    return bool(_ROMANESQUE.search(strip_markers(text)))


# Set while a cs:names prints its cs:substitute: citeproc-js does not decorate that output.
_SUBSTITUTED: contextvars.ContextVar[bool] = contextvars.ContextVar("substituted", default=False)


@extend("names")
class SubstitutedUndecorated:
    def render(self, item: Any, *args: Any, **kwargs: Any) -> Any:
        roles = str(self.get("variable", "")).split()  # type: ignore[attr-defined]
        found = any(role.replace("-", "_") in item.reference for role in roles)
        token = _SUBSTITUTED.set(not found)
        try:
            return super().render(item, *args, **kwargs)  # type: ignore[misc]
        finally:
            _SUBSTITUTED.reset(token)


def _explicit(element: Any) -> bool:
    return bool(element.get("text-decoration") == "none" or element.get("vertical-align") == "baseline")


_DECORATED = ("text", "group", "number", "date", "date-part", "names", "name", "label", "layout", "et-al")


@extend(*_DECORATED, when=_explicit)
class ExplicitDecorations:
    def _decorates(self) -> bool:
        return not (_SUBSTITUTED.get() and self.tag.endswith("}names"))  # type: ignore[attr-defined]

    def text_decoration(self, text: Any) -> Any:
        if self.get("text-decoration") == "none" and self._decorates():  # type: ignore[attr-defined]
            return wrap("no-decoration", str(text)) if text else text
        return super().text_decoration(text)  # type: ignore[misc]

    def vertical_align(self, text: Any) -> Any:
        if self.get("vertical-align") == "baseline" and self._decorates():  # type: ignore[attr-defined]
            return wrap("baseline", str(text)) if text else text
        return super().vertical_align(text)  # type: ignore[misc]


def _styled(element: Any) -> bool:
    return element.get("font-style") is not None and "macro" not in element.attrib


@extend("text", when=_styled)
class UprightNonRoman:
    def font_style(self, text: Any) -> Any:
        if "macro" not in self.attrib and text and not romanesque(str(text)):  # type: ignore[attr-defined]
            return text
        return super().font_style(text)  # type: ignore[misc]


RESETS = {"font-style": "normal", "font-weight": "normal-weight", "font-variant": "normal-variant"}


def _set_above(element: Any, attribute: str) -> bool:
    """Whether an element around `element` sets `attribute` (not to normal)."""
    for ancestor in element.iterancestors():
        value = ancestor.get(attribute)
        if value is not None:
            return bool(value != "normal")
    return False


def _resets(element: Any) -> bool:
    return any(element.get(attribute) == "normal" for attribute in RESETS)


# An element with no formatting attribute formats nothing: citeproc-py's `format` and its five
# steps (each looking up the formatter and an attribute) are skipped.
FORMATTING = ("font-style", "font-variant", "font-weight", "text-decoration", "vertical-align")


def _unformatted(element: Any) -> bool:
    return not any(attribute in element.attrib for attribute in FORMATTING)


def _unformatted_text(string: Any) -> Any:
    return str(string) if isinstance(string, int | float) else string


@extend("text", "group", "number", "date", "names", "label", "layout", when=_unformatted)
class Unformatted:
    def format(self, string: Any) -> Any:
        return _unformatted_text(string)


def _plain(element: Any) -> bool:
    """Whether `element`'s markup is only its affixes: no formatting, no strip-periods, no
    quotes (a `cs:text`'s), no text-case (on a macro call, text-case changes nothing: see
    `textcase`)."""
    attrib = element.attrib
    if not _unformatted(element) or "strip-periods" in attrib:
        return False
    if "text-case" in attrib and not (element.tag.endswith("}text") and "macro" in attrib):
        return False
    return not (element.tag.endswith("}text") and "quotes" in attrib)


@extend("text", "number", "label", when=_plain)
class PlainMarkup:
    """citeproc-py's markup of a `cs:text`, `cs:number` or `cs:label`, where each step but
    the affixes (strip-periods, text-case, formatting, quotes) leaves the text as it is."""

    def markup(self, text: Any, language: Any = None) -> Any:
        return self.wrap(_unformatted_text(text)) if text else None  # type: ignore[attr-defined]


@extend("text", "group", "number", "date", "label", "layout", when=_resets)
class Resets:
    def format(self, string: Any) -> Any:
        text = super().format(string)  # type: ignore[misc]
        if not str(text):
            return text
        for attribute, tag in RESETS.items():
            if self.get(attribute) == "normal" and _set_above(self, attribute):  # type: ignore[attr-defined]
                text = wrap(tag, str(text))
        return text
