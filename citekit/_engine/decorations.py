"""Formatting that undoes formatting, which citeproc-py ignores: `font-style="normal"`
(and `font-weight`, `font-variant`) on an element inside one that sets it, and
`vertical-align="baseline"`.

citeproc-js writes a reset only where there is something to reset (`<i><span
style="font-style:normal;">…</span></i>`, but nothing for `normal` at the top level), and
`baseline` always, as a span of its own. What is "around" is the style's element tree: a
macro called from inside italics does not see them (as `names._set_around`).
"""

from __future__ import annotations

from typing import Any

from .._markup import wrap
from ._elements import extend

RESETS = {"font-style": "normal", "font-weight": "normal-weight", "font-variant": "normal-variant"}


def _set_above(element: Any, attribute: str) -> bool:
    """Whether an element around `element` sets `attribute` (not to normal)."""
    for ancestor in element.iterancestors():
        value = ancestor.get(attribute)
        if value is not None:
            return bool(value != "normal")
    return False


@extend("text", "group", "number", "date", "label", "layout")
class Resets:
    def format(self, string: Any) -> Any:
        text = super().format(string)  # type: ignore[misc]
        if not str(text):
            return text
        if self.get("vertical-align") == "baseline":  # type: ignore[attr-defined]
            text = wrap("baseline", str(text))
        for attribute, tag in RESETS.items():
            if self.get(attribute) == "normal" and _set_above(self, attribute):  # type: ignore[attr-defined]
                text = wrap(tag, str(text))
        return text
