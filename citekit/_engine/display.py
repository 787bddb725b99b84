"""CSL `display` (block, left-margin, right-inline, indent) and `second-field-align`,
which citeproc-py ignores: the rendered element is wrapped in a marker that each output
writes in its own way (HTML divs like citeproc-js; text with a space or a line break).
The citation number is marked too, so a single-record rendering can leave it off. In a
citation, `display` is ignored, as citeproc-js ignores it there."""

from __future__ import annotations

from typing import Any

from .._markup import wrap
from ._elements import extend
from .conditions import in_bibliography


def _displayed(element: Any) -> bool:
    """Whether `element` can be displayed: a `display`, the citation number, or the first
    element of a bibliography layout with second-field-align (see `_implied_display`)."""
    if element.get("display") or element.get("variable") == "citation-number":
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
        display = self.get("display") or self._implied_display()  # type: ignore[attr-defined]
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
