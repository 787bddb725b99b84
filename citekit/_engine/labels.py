"""CSL `label`: a term whose number (singular, plural) follows its variable.

citeproc-js treats a label as a term, not as a variable: it prints even when its variable
is empty (in the singular: `666 p.` for a book's `number-of-pages` followed by a page label),
and it neither makes a group render nor keeps one from being suppressed (a group whose only
variable is empty is left out, label and all). The CSL spec says a label of an empty
variable is not rendered; citekit follows citeproc-js, the reference processor.
"""

from __future__ import annotations

import contextvars
import re
from typing import Any

from ._elements import extend
from .pages import ROMAN

# citeproc-js's number joiners: `&`, a hyphen or dash, `and`, and `,` or `;` only before a
# space (`5,251,517` is one number).
_SEVERAL = re.compile(r"(\w+)(\s*[-–&]\s*|\s*[,;]\s+|\s+and\s+)(\w+)")


def _numbers(match: re.Match[str]) -> bool:
    """Whether a pair of `_SEVERAL` counts: words joined by a hyphen are one thing
    (`Michaelson-Morely`), numbers or roman numerals are a range (citeproc-js)."""
    if match.group(2).strip() not in ("-", "–"):
        return True
    words = (match.group(1), match.group(3))
    return all(any(c.isdigit() for c in word) or ROMAN.match(word) for word in words)


# The labels a `cs:names` renders (collapse.ReportedNames reads them: the names without their
# label are what subsequent-author-substitute compares and replaces).
NAME_LABELS: contextvars.ContextVar[list[Any] | None] = contextvars.ContextVar("name_labels", default=None)


@extend("label")
class VariableLabel:
    def calls_variable(self) -> bool:
        return False  # a term for group suppression (citeproc-js)

    def process(
        self, item: Any, variable: str | None = None, plural: Any = None, context: Any = None, **kwargs: Any
    ) -> Any:
        if variable is not None and kwargs.get("sort_options") is not None:
            return None  # a sort key has no name label ("Doe, John ed." sorts as "Doe, John")
        if variable is None:
            name = self.get("variable")  # type: ignore[attr-defined]
            if name == "locator":
                empty = not item.has_locator
            else:
                empty = name is None or not item.reference.get(name.replace("-", "_"))
            if plural is None and name is not None:
                plural = False if empty else self._plural(item, name)
            if name == "locator" and empty:
                variable = "page"  # citeproc-js: a locator label without a locator is "page"
        return super().process(item, variable, plural, context, **kwargs)  # type: ignore[misc]

    def render(self, item: Any, *args: Any, **kwargs: Any) -> Any:
        out = super().render(item, *args, **kwargs)  # type: ignore[misc]
        seen = NAME_LABELS.get()
        if args and args[0] is not None and out and seen is not None:  # a label of cs:names
            seen.append(out)
        return out

    def _plural(self, item: Any, name: str) -> bool:
        """Plural when the value lists or ranges several numbers (`1-3`, `i–ix`, `2 & 5`,
        `2, 5`), or a `number-of-*` count is above one."""
        if name == "locator":
            value = str(item.locator.identifier)
        else:
            value = str(item.reference.get(name.replace("-", "_")) or "")
        if name.startswith("number-of"):
            return value.strip().isdigit() and int(value) > 1
        value = value.replace("\\-", "")  # an escaped hyphen is part of one number
        conjunction = str(self.get_single_term("and") or "and")  # type: ignore[attr-defined]
        return any(_numbers(m) for m in _SEVERAL.finditer(value)) or f" {conjunction} " in value
