"""A registry of mixins that extend citeproc-py's CSL element classes.

Feature modules call `extend("text", "group", ...)` on a mixin class; `element_classes`
builds, once, a subclass per CSL element with every mixin registered for it in front.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from citeproc import model

_MIXINS: dict[str, list[type]] = {}


def extend(*elements: str) -> Callable[[type], type]:
    def register(mixin: type) -> type:
        for element in elements:
            _MIXINS.setdefault(element, []).append(mixin)
        element_classes.cache_clear()
        return mixin

    return register


def _base_classes() -> dict[str, type]:
    return {
        cls.__name__.replace("_", "-").lower(): cls for cls in model.CitationStylesElement.__subclasses__()
    }


@functools.cache
def element_classes() -> dict[str, Any]:
    classes: dict[str, Any] = _base_classes()
    for element, mixins in _MIXINS.items():
        base = classes[element]
        classes[element] = type(f"Citekit{base.__name__}", (*reversed(mixins), base), {})
    return classes
