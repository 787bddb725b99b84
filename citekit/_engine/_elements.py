"""A registry of mixins that extend citeproc-py's CSL element classes.

Feature modules call `extend("text", "group", ...)` on a mixin class; each element of a
compiled style gets a subclass of citeproc-py's class with the mixins registered for its tag
in front. The order in which the mixins wrap each other is `FEATURE_ORDER`, one list, not the
order in which Python happened to import the modules: a mixin of a later module wraps (runs
before, and calls `super()` into) those of earlier ones.

A mixin registered `when=` a predicate is put in front of an element only where the predicate
holds for it: the predicate reads the element's tag, attributes and place in the tree once,
when the style is compiled (the tree never changes afterwards), so an element pays only for
the features it uses (a `cs:text` with no `display` renders without the display layer).
Predicates see lxml's read-only element proxy: `tag`, `attrib`, `get`, `getparent`,
`getprevious`, `getnext`; they keep no reference to it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from citeproc import model
from lxml import etree

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
    "periods",
    "punctuation",
    "quotes",
    "terms",
    "textcase",
    "richtext",
    "sorting",
    "sortcache",
    "keysort",
)

Predicate = Callable[[Any], bool]

_MIXINS: dict[str, list[tuple[type, Predicate | None]]] = {}


def extend(*elements: str, when: Predicate | None = None) -> Callable[[type], type]:
    """Register a mixin on the CSL elements named, on those of them `when` holds for if given."""

    def register(mixin: type) -> type:
        feature = mixin.__module__.rpartition(".")[2]
        if feature not in FEATURE_ORDER:
            raise RuntimeError(f"engine feature module {feature!r} is missing from FEATURE_ORDER")
        for element in elements:
            _MIXINS.setdefault(element, []).append((mixin, when))
        _ordered.cache_clear()
        element_classes.cache_clear()
        return mixin

    return register


@functools.cache
def _base_classes() -> dict[str, type]:
    return {
        cls.__name__.replace("_", "-").lower(): cls for cls in model.CitationStylesElement.__subclasses__()
    }


def _rank(entry: tuple[type, Predicate | None]) -> int:
    return FEATURE_ORDER.index(entry[0].__module__.rpartition(".")[2])


@functools.cache
def _ordered(element: str) -> tuple[tuple[type, Predicate | None], ...]:
    """The mixins of `element`, outermost first (stable: a module's own keep their order)."""
    return tuple(reversed(sorted(_MIXINS.get(element, ()), key=_rank)))


@functools.cache
def _subclass(element: str, mixins: tuple[type, ...]) -> Any:
    base = _base_classes()[element]
    return type(f"Citekit{base.__name__}", (*mixins, base), {}) if mixins else base


@functools.cache
def element_classes() -> dict[str, Any]:
    """Every element's class with every mixin registered for it (whatever `when` says)."""
    classes: dict[str, Any] = dict(_base_classes())
    for element in _MIXINS:
        classes[element] = _subclass(element, tuple(mixin for mixin, _ in _ordered(element)))
    return classes


def element_class(element: str, proxy: Any) -> Any:
    """The class of one element of a style: its tag's mixins whose `when` holds for it."""
    if element not in _base_classes():
        return None
    chosen = tuple(mixin for mixin, when in _ordered(element) if when is None or when(proxy))
    return _subclass(element, chosen)


class ElementLookup(etree.PythonElementClassLookup):
    """lxml's class lookup for the elements of one namespace (the CSL one): each element's
    class is chosen by `element_class`; other nodes go to `fallback`."""

    def __init__(self, namespace: str, fallback: Any) -> None:
        super().__init__(fallback)
        self._prefix = f"{{{namespace}}}"

    def lookup(self, document: Any, element: Any) -> Any:
        tag = element.tag
        if not isinstance(tag, str) or not tag.startswith(self._prefix):
            return None
        return element_class(tag[len(self._prefix) :], element)
