"""CSL `if` / `else-if` tests that citeproc-py gets wrong.

`disambiguate="true"` is ignored by citeproc-py, so the branch is always taken (MLA then
adds the title to every citation). Here it is true only for the items `disambiguation`
found still ambiguous after names and given names.

`position` tests read the cite's `positions.Position`, which the session computed from the
document (a cite rendered outside a document, or in the bibliography, is `first`).
`is-numeric` also tests the locator, and takes ranges and lists of numbers (`12-15`, `2, 4`,
`2 & 4`, `L2d`) and roman numerals (`xii`) as numeric, as citeproc-js does (`page-first`
is set from `page` on every item where items are prepared, `richtext.prepare_item`). A
`type` list is one test, true for any of its types, also under `match="all"` (citeproc-js:
`<else-if type="broadcast post post-weblog">` is taken by a blog post).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

from citeproc.model import ConditionFailed

from ._elements import extend
from .disambiguation import CONDITION
from .positions import FIRST, Position

# A roman numeral (all lower or all upper case) counts as a number, as in citeproc-js: the
# locator `xii` of a verse or chapter is numeric, so its label is printed.
_NUMBER = r"(?:[A-Za-z]*\d+[A-Za-z]*|[ivxlcdm]+|[IVXLCDM]+)"
_NUMERIC = re.compile(rf"^\s*{_NUMBER}(?:\s*(?:[-–,&]|and)\s*{_NUMBER})*\s*$")


def position_of(item: Any) -> Position:
    position = item.get("ck_position")
    return position if isinstance(position, Position) else FIRST


def is_numeric(value: object) -> bool:
    return bool(_NUMERIC.match(str(value).replace("\\-", "-")))


# The tests a branch may have and still be evaluated by `PlainConditions`.
_PLAIN_TESTS = frozenset(("type", "variable", "match"))


def _plain(element: Any) -> bool:
    return _PLAIN_TESTS.issuperset(element.attrib.keys())


def _special(element: Any) -> bool:
    return not _plain(element)


@extend("if", "else-if", when=_special)
class Conditions:
    def render(self, item: Any, context: Any = None, delimiter: str = "", **kwargs: Any) -> Any:
        if str(self.get("disambiguate", "")).lower() == "true":  # type: ignore[attr-defined]
            wanted = bool(item.reference.get(CONDITION))
            if not wanted and self.get("match", "all") == "all":  # type: ignore[attr-defined]
                raise ConditionFailed
            if wanted and self.get("match") == "any":  # type: ignore[attr-defined]
                return self.render_children(item, context=context, delimiter=delimiter, **kwargs)  # type: ignore[attr-defined]
        return super().render(item, context=context, delimiter=delimiter, **kwargs)  # type: ignore[misc]

    def _position(self, item: Any, context: Any = None) -> list[bool]:
        if in_bibliography(context if context is not None else self):
            return [False]
        position = position_of(item)
        return [position.test(name) for name in str(self.get("position")).split()]  # type: ignore[attr-defined]

    def _type(self, item: Any) -> list[bool]:
        """One test however many types are listed: the item is of one of them (citeproc-js
        always matches a `type` list as "any"; `match` combines it with the other tests)."""
        return [any(super()._type(item))]  # type: ignore[misc]

    def _is_numeric(self, item: Any) -> list[bool]:
        out = []
        for variable in str(self.get("is-numeric")).split():  # type: ignore[attr-defined]
            if variable == "locator":
                value = item.locator.identifier if item.has_locator else None
            else:
                value = item.reference.get(variable.replace("-", "_"))
            out.append(value is not None and is_numeric(value))
        return out


@functools.lru_cache(maxsize=4096)
def _types(value: str) -> frozenset[str]:
    return frozenset(name.lower() for name in value.split())


@functools.lru_cache(maxsize=4096)
def _variables(value: str) -> tuple[str, ...]:
    return tuple(name.replace("-", "_") for name in value.split())


@functools.lru_cache(maxsize=65536)
def _compiled_test(branch: Any) -> Callable[[Any], bool]:
    """The tests of a `PlainConditions` branch as one function of the item, its attribute
    values parsed and its `match` resolved once: a branch testing only the type (most of
    them) is a look-up in a frozenset."""
    types = branch.get("type")
    wanted = _types(types) if types is not None else None
    variables = branch.get("variable")
    names = _variables(variables) if variables is not None else ()
    match = branch.get("match")
    if wanted is not None and not names:
        if not wanted:  # `type=""`: a test that fails
            return (lambda item: True) if match == "none" else (lambda item: False)
        if match == "none":
            return lambda item: item.reference.get("type") not in wanted
        return lambda item: item.reference.get("type") in wanted

    def results(item: Any) -> list[bool]:
        out = [] if wanted is None else [bool(wanted) and item.reference.get("type") in wanted]
        reference = item.reference
        out += [("locator" in item) if name == "locator" else (name in reference) for name in names]
        return out

    if match == "any":
        return lambda item: any(results(item))
    if match == "none":
        return lambda item: not any(results(item))
    return lambda item: all(results(item))


@extend("if", "else-if", when=_plain)
class PlainConditions:
    """A branch testing only `type` and `variable` (most of them): the tests of citeproc-py's
    `If.render` and `Conditions._type` in one step, compiled once (`_compiled_test`)."""

    def render(self, item: Any, context: Any = None, delimiter: str = "", **kwargs: Any) -> Any:
        if not _compiled_test(self)(item):
            raise ConditionFailed
        return self.render_children(item, context=context, delimiter=delimiter, **kwargs)  # type: ignore[attr-defined]


@functools.lru_cache(maxsize=65536)
def _branches(choose: Any) -> tuple[tuple[Any, Callable[[Any], bool] | None], ...]:
    """A `cs:choose`'s branches, each with its compiled test if it is a `PlainConditions` one."""
    return tuple(
        (child, _compiled_test(child) if isinstance(child, PlainConditions) else None)
        for child in choose.iterchildren()
    )


@extend("choose")
class PlainChoose:
    """citeproc-py's `Choose.render`, with a `PlainConditions` branch tested in place instead
    of raising `ConditionFailed` when it does not hold (most branches of a long choose)."""

    def render(self, item: Any, context: Any = None, delimiter: str = "", **kwargs: Any) -> Any:
        for child, test in _branches(self):
            if test is not None:
                if test(item):
                    return child.render_children(item, context=context, delimiter=delimiter, **kwargs)
                continue
            try:
                return child.render(item, context=context, delimiter=delimiter, **kwargs)
            except ConditionFailed:
                continue
        return None


@functools.lru_cache(maxsize=65536)
def in_bibliography(element: Any) -> bool:
    return bool(element.xpath_search("./ancestor::cs:bibliography"))


@extend("style")
class StyleOptions:
    """`near-note-distance` is a citation option; citeproc-py asks the style root (KeyError)."""

    def get_option(self, name: str) -> Any:
        if name == "near-note-distance":
            citation = self.citation  # type: ignore[attr-defined]
            return int(citation.get(name, 5) if citation is not None else 5)
        return super().get_option(name)  # type: ignore[misc]
