"""CSL `display` (block, left-margin, right-inline, indent) and `second-field-align`,
which citeproc-py ignores: the rendered element is wrapped in a marker that each output
writes in its own way (HTML divs like citeproc-js; text with a space or a line break).
The citation number is marked too, so a single-record rendering can leave it off. In a
citation, `display` is ignored, as citeproc-js ignores it there; so it is on an element
nested in a group or a macro: citeproc-js reads `display` only on the layout's own
elements (`CSL.Util.substituteStart`, at render nesting level 0), a cs:choose between them
not counting."""

from __future__ import annotations

import functools
from typing import Any

from .._markup import wrap
from ._elements import extend
from .conditions import in_bibliography

_BRANCHES = ("}choose", "}if", "}else-if", "}else")


def _top_level(element: Any) -> bool:
    """Whether `element` is one of the layout's own elements (perhaps in a cs:choose)."""
    parent = element.getparent()
    while parent is not None and parent.tag.endswith(_BRANCHES):
        parent = parent.getparent()
    return parent is not None and parent.tag.endswith("}layout")


def _display(element: Any) -> str | None:
    display = element.get("display")
    return str(display) if display and _top_level(element) else None


def _implied_display(element: Any) -> str | None:
    """With second-field-align, the layout's first element is in the left margin."""
    layout = element.getparent()
    if layout is None or not layout.tag.endswith("}layout") or element.getprevious() is not None:
        return None
    bibliography = layout.getparent()
    if bibliography is None or not bibliography.tag.endswith("}bibliography"):
        return None
    return "left-margin" if bibliography.get("second-field-align") else None


def _displayed(element: Any) -> bool:
    """Whether `element` can be displayed: a `display`, the citation number, or the first
    element of a bibliography layout with second-field-align (see `_implied_display`)."""
    return bool(
        _display(element)
        or element.get("variable") == "citation-number"
        or _implied_display(element) is not None
    )


@functools.lru_cache(maxsize=4096)
def _display_of(element: Any) -> str | None:
    """The display of a displayed element, its own or implied: a fact of the compiled style,
    found once per element (it walked the tree on every render)."""
    return _display(element) or _implied_display(element)


@extend("text", "group", "number", "date", "names", "label", when=_displayed)
class Display:
    def render(self, *args: Any, **kwargs: Any) -> Any:
        out = super().render(*args, **kwargs)  # type: ignore[misc]
        if out is None:
            return None
        if self.get("variable") == "citation-number":  # type: ignore[attr-defined]
            out = wrap("citation-number", str(out))
        display = _display_of(self)
        if display and not in_bibliography(kwargs.get("context") or self):
            return out  # citeproc-js ignores display= in citations
        return wrap(display, str(out)) if display else out
