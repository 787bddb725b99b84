"""CSL `if` / `else-if` tests that citeproc-py gets wrong.

`disambiguate="true"` is ignored by citeproc-py, so the branch is always taken (MLA then
adds the title to every citation). Here it is true only for the items `disambiguation`
found still ambiguous after names and given names.
"""

from __future__ import annotations

from typing import Any

from citeproc.model import ConditionFailed

from ._elements import extend
from .disambiguation import CONDITION


@extend("if", "else-if")
class Conditions:
    def render(self, item: Any, context: Any = None, delimiter: str = "", **kwargs: Any) -> Any:
        if str(self.get("disambiguate", "")).lower() == "true":  # type: ignore[attr-defined]
            wanted = bool(item.reference.get(CONDITION))
            if not wanted and self.get("match", "all") == "all":  # type: ignore[attr-defined]
                raise ConditionFailed
            if wanted and self.get("match") == "any":  # type: ignore[attr-defined]
                return self.render_children(item, context=context, delimiter=delimiter, **kwargs)  # type: ignore[attr-defined]
        return super().render(item, context=context, delimiter=delimiter, **kwargs)  # type: ignore[misc]


@extend("style")
class StyleOptions:
    """`near-note-distance` is a citation option; citeproc-py asks the style root (KeyError)."""

    def get_option(self, name: str) -> Any:
        if name == "near-note-distance":
            citation = self.citation  # type: ignore[attr-defined]
            return int(citation.get(name, 5) if citation is not None else 5)
        return super().get_option(name)  # type: ignore[misc]
