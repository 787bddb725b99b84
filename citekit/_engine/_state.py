"""Per-render state: everything a render learns or keeps while it runs, in one typed object.

A compiled style tree is shared by every Formatter and Document that uses the style, and by
every thread. citeproc-py and the feature mixins used to keep their scratch state on the
lxml elements of that tree (the layout's `repressed` variables, the names a cite reported,
the citation's list of earlier cites, the formatter), which broke as soon as two renders
ran at once, and lost state whenever lxml dropped and recreated an element proxy. Now the
elements only *read* the state of the render in progress through `current()`, a context
variable that each session sets for the duration of one call (`RenderState.active`); the
properties of `BibliographyLayout`, `CitationLayout` and friends redirect the old attribute names to it, so
citeproc-py's own code keeps working unchanged.
"""

from __future__ import annotations

import contextlib
import contextvars
import operator
from collections.abc import Iterator
from typing import Any

import attrs

from .._markup import MarkerFormatter
from ._elements import extend


@attrs.define
class LayoutState:
    """Scratch state of one layout (citation or bibliography) while one entry or cite renders."""

    repressed: dict[str, list[str]] = attrs.Factory(dict)  # citeproc-py's substituted variables
    collecting: bool = False  # inside an entry or cite: names and terms are reported
    names: str | None = None  # the text of the first names rendered in the entry or cite
    names_text: Any = None  # the same, as rendered (an author-only cite prints it)
    names_key: str | None = None  # the same without its label (subsequent-author-substitute)
    suppress: bool = False  # leave out the first names (cite grouping: author already shown)
    replace: str | None = None  # print this instead of the first names (subsequent-author-substitute)
    terms: list[str] = attrs.Factory(list)  # terms rendered in the cite (to capitalise `ibid.`)
    suppressed: set[str] = attrs.Factory(set)  # variables a cs:substitute has used
    recording: list[set[str]] | None = None  # variables rendered inside each open cs:substitute
    variables: list[int] | None = None  # [variables tried, variables rendered], for implicit groups
    year_suffix_done: bool = False  # the implicit year-suffix has been printed in this entry or cite
    previous: str | None = None  # the previous entry's names (subsequent-author-substitute)
    name_parts: list[str] | None = None  # each name the entry's first cs:names rendered
    name_data: list[str] | None = None  # the same names' data, as citeproc-js compares them
    previous_parts: list[str] | None = None  # the same, for the previous entry
    replace_each: dict[int, bool] | None = None  # names to print as `substitute` (per-name rules)
    substitute: str | None = None  # the style's subsequent-author-substitute text


@attrs.define
class RenderState:
    """The state of one session (a Formatter or a Document): never shared between sessions."""

    citation: LayoutState = attrs.Factory(LayoutState)
    bibliography: LayoutState = attrs.Factory(LayoutState)
    cites: list[Any] = attrs.Factory(list)  # citeproc-py's `cs:citation` cites list (unused by citekit)
    subsequent_cite: bool = False  # the name being rendered is in a cite that is not `first`
    sort_keys: dict[int, dict[str, Any]] = attrs.Factory(dict)  # bibliography keys: id(cs:key) -> item -> key
    sort_macro: bool = False  # a sort key's macro is rendering (its dates render as keys)
    # The personal names each item's sort keys rendered: item key -> (variable, index) -> name.
    # citeproc-js registers them in its global given-name registry (disambiguation.py).
    sort_names: dict[str, dict[tuple[str, int], Any]] = attrs.Factory(dict)
    sorting: bool = False  # the session is sorting its bibliography (names are sort keys)
    # A Document renders as citeproc-js's processCitationCluster does, which marks a citation
    # with nothing to print `[NO_PRINTED_FORM]`, without the layout's affixes (the CSL suite's
    # form is `[CSL STYLE ERROR: reference with no printed form.]`, kept elsewhere).
    word_processor: bool = False
    # What a group or macro call did for items that hold none of the variables it could
    # print: nothing, the same way for each (`substitute.render_blank` replays it).
    blanks: dict[tuple[Any, ...], Any] = attrs.Factory(dict)

    @contextlib.contextmanager
    def active(self) -> Iterator[RenderState]:
        """Make this the state the style tree's elements see, in this thread or task."""
        token = _CURRENT.set(self)
        try:
            yield self
        finally:
            _CURRENT.reset(token)


def fingerprint(state: RenderState) -> tuple[Any, ...]:
    """What a render has left in `state`, but for the variables counted and the terms
    reported: a render that leaves it unchanged has printed nothing and recorded nothing."""
    layouts = tuple(
        repr(attrs.astuple(section, recurse=False, filter=lambda field, _: field.name not in _COUNTED))
        for section in (state.citation, state.bibliography)
    )
    sizes = (len(state.cites), len(state.sort_keys), len(state.sort_names))
    return (*layouts, *sizes, state.subsequent_cite, state.sort_macro, state.sorting)


_COUNTED = frozenset(("variables", "terms"))


_CURRENT: contextvars.ContextVar[RenderState | None] = contextvars.ContextVar("citekit_render", default=None)


def current() -> RenderState:
    """The state of the render in progress (a throwaway one outside any session: sorting a
    style's bibliography keys before a session exists still works, but keeps nothing)."""
    state = _CURRENT.get()
    if state is None:
        state = RenderState()
        _CURRENT.set(state)
    return state


# The layout's scratch attributes (element attribute -> `LayoutState` field).
_LAYOUT_FIELDS = {
    "repressed": "repressed",
    "ck_collecting": "collecting",
    "ck_names": "names",
    "ck_names_text": "names_text",
    "ck_names_key": "names_key",
    "ck_suppress": "suppress",
    "ck_replace": "replace",
    "ck_terms": "terms",
    "ck_suppressed": "suppressed",
    "ck_recording": "recording",
    "ck_variables": "variables",
    "ck_year_suffix_done": "year_suffix_done",
    "ck_previous": "previous",
}


def _bibliography_layout(layout: Any) -> bool:
    parent = layout.getparent()
    return parent is not None and str(parent.tag).endswith("}bibliography")


def _other_layout(layout: Any) -> bool:
    return not _bibliography_layout(layout)


def _redirect_to(section: str, field: str) -> property:
    """A property for `LayoutState.field` of the render in progress, in the section
    (citation or bibliography) of the layout, known when the style is compiled."""
    read = operator.attrgetter(f"{section}.{field}")

    def get(self: Any) -> Any:
        return read(current())

    def put(self: Any, value: Any) -> None:
        setattr(getattr(current(), section), field, value)

    return property(get, put, doc=f"`LayoutState.{field}` of the render in progress.")


def _layout_mixin(name: str, section: str, doc: str) -> type:
    fields = {attribute: _redirect_to(section, field) for attribute, field in _LAYOUT_FIELDS.items()}
    return type(name, (), {"__module__": __name__, "__doc__": doc, **fields})


BibliographyLayout = extend("layout", when=_bibliography_layout)(
    _layout_mixin("BibliographyLayout", "bibliography", "The bibliography layout's scratch attributes.")
)
CitationLayout = extend("layout", when=_other_layout)(
    _layout_mixin("CitationLayout", "citation", "The citation layout's scratch attributes.")
)


def _get_cites(self: Any) -> list[Any]:
    return current().cites


def _set_cites(self: Any, value: list[Any]) -> None:
    current().cites = value


@extend("citation")
class StatefulCitation:
    """citeproc-py keeps the document's earlier cites on the `cs:citation` element."""

    cites = property(_get_cites, _set_cites)


def _get_formatter(self: Any) -> type:
    return MarkerFormatter


def _set_formatter(self: Any, value: Any) -> None:
    """citeproc-py assigns its formatter to the style root; citekit always uses MarkerFormatter."""


@extend("style")
class FixedFormatter:
    formatter = property(_get_formatter, _set_formatter)
