"""CSL `display` (block, left-margin, right-inline, indent) and `second-field-align`,
which citeproc-py ignores: the rendered element is wrapped in a marker that each output
writes in its own way (HTML divs like citeproc-js; text with a space or a line break).
The citation number is marked too, so a single-record rendering can leave it off. In a
citation, `display` is ignored, as citeproc-js ignores it there; so it is on an element
nested in a group or a macro: citeproc-js reads `display` only on the layout's own
elements (`CSL.Util.substituteStart`, at render nesting level 0), a cs:choose between them
not counting."""

from __future__ import annotations

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


def _displayed(element: Any) -> bool:
    """Whether `element` can be displayed: a `display`, the citation number, or the first
    element of a bibliography layout with second-field-align (see `_implied_display`)."""
    if _display(element) or element.get("variable") == "citation-number":
        return True
    layout = element.getparent()
    if layout is None or not layout.tag.endswith("}layout") or element.getprevious() is not None:
        return False
    bibliography = layout.getparent()
    return bool(
        bibliography is not None
        and bibliography.tag.endswith("}bibliography")
        and bibliography.get("second-field-align")
    )


@extend("text", "group", "number", "date", "names", "label", when=_displayed)
class Display:
    def render(self, *args: Any, **kwargs: Any) -> Any:
        out = super().render(*args, **kwargs)  # type: ignore[misc]
        if out is None:
            return None
        if self.get("variable") == "citation-number":  # type: ignore[attr-defined]
            out = wrap("citation-number", str(out))
        display = _display(self) or self._implied_display()
        if display and not in_bibliography(kwargs.get("context") or self):
            return out  # citeproc-js ignores display= in citations
        return wrap(display, str(out)) if display else out

    def _implied_display(self) -> str | None:
        """With second-field-align, the layout's first element is in the left margin."""
        layout = self.getparent()  # type: ignore[attr-defined]
        if layout is None or not layout.tag.endswith("}layout"):
            return None
        bibliography = layout.getparent()
        if bibliography is None or not bibliography.tag.endswith("}bibliography"):
            return None
        if not bibliography.get("second-field-align"):
            return None
        first = next(iter(layout.iterchildren()), None)
        return "left-margin" if first is self else None
