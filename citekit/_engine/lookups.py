"""Cached style look-ups: citeproc-py finds a macro by XPath on every use (the largest single
cost of rendering) and asks every macro whether it calls a variable on every render. Both
answers are fixed for a parsed style, so they are computed once per element (for `cs:text`,
`cs:group`, `cs:macro` and the parts of `cs:choose`)."""

from __future__ import annotations

import functools
from typing import Any

from ._elements import extend


@functools.lru_cache(maxsize=256)
def _macros(root: Any) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for macro in root.xpath_search("cs:macro"):
        found.setdefault(macro.get("name"), macro)
    return found


@functools.lru_cache(maxsize=65536)
def _calls_variable(element: Any) -> bool:
    return bool(element.ck_uncached_calls_variable())


def _macro_call(element: Any) -> bool:
    return "macro" in element.attrib


@extend("key", "group", "macro", "choose", "if", "else-if", "else")
@extend("text", when=_macro_call)  # no other cs:text looks a macro up
class CachedLookups:
    def get_macro(self, name: str) -> Any:
        macros = _macros(self.get_root())  # type: ignore[attr-defined]
        if name not in macros:
            raise IndexError(f"no macro named {name!r}")
        return macros[name]


# `cs:group` asks each child whether it calls a variable, twice per render; a `cs:choose`
# (or macro) answers by asking all of its descendants, so a group holding a large choose
# walked it on every render (about 1.3 million calls in an APA job of 10,000 items).
@extend("text", "group", "macro", "choose", "if", "else-if", "else")
class CachedCallsVariable:
    def calls_variable(self) -> bool:
        return _calls_variable(self)

    def ck_uncached_calls_variable(self) -> bool:
        return bool(super().calls_variable())  # type: ignore[misc]
