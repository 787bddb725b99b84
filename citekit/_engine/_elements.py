"""A registry of mixins that extend citeproc-py's CSL element classes.

Feature modules call `extend("text", "group", ...)` on a mixin class; `element_classes`
builds, once, a subclass per CSL element with every mixin registered for it in front. The
order in which the mixins wrap each other is `FEATURE_ORDER`, one list, not the order in
which Python happened to import the modules: a mixin of a later module wraps (runs before,
and calls `super()` into) those of earlier ones.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from citeproc import model

# Innermost first. `_state` only adds properties (where render state lives); `tables` answers
# citeproc-py's own look-ups from compile-time tables, under every override; `substitute` and
# `collapse` must see citeproc-py's own rendering before the formatting features wrap it.
FEATURE_ORDER: tuple[str, ...] = (
    "_state",
    "tables",
    "substitute",
    "collapse",
    "conditions",
    "dates",
    "decorations",
    "display",
    "labels",
    "lookups",
    "names",
    "subsequent",
    "pages",
    "ordinals",
    "punctuation",
    "quotes",
    "terms",
    "textcase",
    "richtext",
    "sorting",
    "sortcache",
    "keysort",
)

_MIXINS: dict[str, list[type]] = {}


def extend(*elements: str) -> Callable[[type], type]:
    def register(mixin: type) -> type:
        feature = mixin.__module__.rpartition(".")[2]
        if feature not in FEATURE_ORDER:
            raise RuntimeError(f"engine feature module {feature!r} is missing from FEATURE_ORDER")
        for element in elements:
            _MIXINS.setdefault(element, []).append(mixin)
        element_classes.cache_clear()
        return mixin

    return register


def _base_classes() -> dict[str, type]:
    return {
        cls.__name__.replace("_", "-").lower(): cls for cls in model.CitationStylesElement.__subclasses__()
    }


def _rank(mixin: type) -> int:
    return FEATURE_ORDER.index(mixin.__module__.rpartition(".")[2])


@functools.cache
def element_classes() -> dict[str, Any]:
    classes: dict[str, Any] = _base_classes()
    for element, mixins in _MIXINS.items():
        base = classes[element]
        ordered = sorted(mixins, key=_rank)  # stable: a module's own mixins keep their order
        classes[element] = type(f"Citekit{base.__name__}", (*reversed(ordered), base), {})
    return classes
