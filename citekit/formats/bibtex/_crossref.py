"""crossref and xdata inheritance, resolved on CSL variables for rendering.

BibLaTeX's default rules (biblatex manual, appendix B): a child takes every field it lacks
from its parent under the same name, except that an in-type child (`@inbook`,
`@incollection`, `@inproceedings`, `@inreference`: CSL chapter, paper-conference, entry-*)
takes the parent's title as its `booktitle` (CSL container-title) and the parent's author as
its `bookauthor` (container-author) and, for a chapter, as its own author; it never takes the
parent's title or shorttitle as its own. @xdata copies every missing field as is.
The inherited variable names are listed in the stash, so the writer leaves them out and the
file keeps its `crossref`/`xdata` reference instead of a flattened copy.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..._record import FieldValue
from ._mapping import CONTAINED

_NEVER = frozenset({"title-short", "citation-key"})


def inherited(
    child_type: str, child: Mapping[str, FieldValue], parent: Mapping[str, FieldValue], *, xdata: bool
) -> dict[str, FieldValue]:
    """The variables the child gains from the parent."""
    gained: dict[str, FieldValue] = {}

    def take(target: str, value: FieldValue) -> None:
        if target not in child and target not in gained:
            gained[target] = value

    if xdata:
        for name, value in parent.items():
            take(name, value)
        return gained
    contained = child_type in CONTAINED
    for name, value in parent.items():
        if name in _NEVER:
            continue
        if contained and name == "title":
            take("container-title", value)
        elif contained and name == "author":
            take("container-author", value)
            if child_type == "chapter":
                take("author", value)
        else:
            take(name, value)
    return gained
