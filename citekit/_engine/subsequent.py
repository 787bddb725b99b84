"""What a name looks like the second time: per-name `subsequent-author-substitute` rules, and
`et-al-subsequent-min` / `et-al-subsequent-use-first`.

`substitute.SubsequentAuthorSubstitute` renders each bibliography entry once while the first
`cs:names` of the entry records each name it renders (`LayoutState.name_parts`); it then
decides, by the rule, which names to replace and renders again with `replace_each` set, and
`SubsequentName` prints the substitute for those names:

- `complete-each`: every name, when all names read as in the entry before;
- `partial-each`: the names that read as those before, from the first, until one differs;
- `partial-first`: the first name only, when it reads as the first name before.

A subsequent cite (position not `first`) of a style with `et-al-subsequent-min` or
`et-al-subsequent-use-first` uses them in place of `et-al-min` / `et-al-use-first`.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

from .._styles import CSL_NS
from ._elements import extend
from ._state import current
from .conditions import position_of


def replacements(rule: str, parts: list[str], previous: list[str] | None) -> dict[int, bool]:
    """The indexes of the names to replace under `rule` (none for complete-all: the whole
    names are replaced elsewhere)."""
    if not parts or not previous:
        return {}
    if rule == "complete-each":
        return dict.fromkeys(range(len(parts)), True) if parts == previous else {}
    if rule == "partial-first":
        return {0: True} if parts[0] == previous[0] else {}
    if rule == "partial-each":
        out: dict[int, bool] = {}
        for index, (mine, theirs) in enumerate(zip(parts, previous, strict=False)):
            if mine != theirs:
                break
            out[index] = True
        return out
    return {}


_NAME_PARTS = ("non-dropping-particle", "family", "given", "dropping-particle", "suffix", "literal")


def name_data(name: Any) -> str:
    """A name as citeproc-js's subsequent-author-substitute compares it (`setRenderedName`):
    its parts' data run together, whatever form the style renders it in."""
    return "".join([str(name.get(part) or "") for part in _NAME_PARTS])


@functools.lru_cache(maxsize=256)
def _substitutes(root: Any) -> bool:
    """Whether the style's bibliography has `subsequent-author-substitute`: only then are the
    names an entry renders compared with the entry before (and replaced)."""
    bibliography = next(root.iterchildren(f"{{{CSL_NS}}}bibliography"), None)
    return bibliography is not None and bibliography.get("subsequent-author-substitute") is not None


_SUBSEQUENT = {"et-al-min": "et-al-subsequent-min", "et-al-use-first": "et-al-subsequent-use-first"}


@extend("name")
class SubsequentName:
    def process(self, item: Any, variable: str, context: Any = None, **kwargs: Any) -> Any:
        state = current()
        outer = state.subsequent_cite
        state.subsequent_cite = not position_of(item).first if hasattr(item, "get") else False
        try:
            return super().process(item, variable, context=context, **kwargs)  # type: ignore[misc]
        finally:
            state.subsequent_cite = outer

    def _options(self, context: Any, sort_options: Any) -> Mapping[str, Any]:
        options: Mapping[str, Any] = super()._options(context, sort_options)  # type: ignore[misc]
        if sort_options or not current().subsequent_cite:
            return options
        later = {name: options[it] for name, it in _SUBSEQUENT.items() if options.get(it) is not None}
        return {**options, **later} if later else options

    def _one(self, name: Any, *args: Any, **kwargs: Any) -> tuple[str, bool]:
        text, inverted = super()._one(name, *args, **kwargs)  # type: ignore[misc]
        if not _substitutes(self.get_root()):  # type: ignore[attr-defined]
            return text, inverted
        entry = current().bibliography
        if entry.collecting and entry.names is None and entry.name_parts is not None:
            index = len(entry.name_parts)
            entry.name_parts.append(text)
            if entry.name_data is not None:
                entry.name_data.append(name_data(name))
            if entry.replace_each and index in entry.replace_each and entry.substitute is not None:
                return entry.substitute, inverted
        return text, inverted
