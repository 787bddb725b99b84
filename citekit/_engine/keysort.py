"""Sorting by `cs:key`s, rendering a key only for the items it can order.

citeproc-py's `Sort.sort` renders every key of every item before it sorts, though its
comparison reads a key only when every earlier key of the two items compared is equal. A
bibliography sort key is usually a macro (author, title, container: a good part of an
entry's rendering), and most items are told apart by the first key or two: at 1,000 items
chicago-notes-bibliography's eight keys were a quarter of a whole job.

Here the first key is rendered for every item, and each later key only for the items that
still tie with another on all the earlier keys (grouped by the equality the comparison
uses); a lone item (one record's bibliography, a cite of one item) renders none. Every pair
of items the sort compares is compared on exactly the keys it was compared on before, by
the same comparison, so the order (and any error a comparison raises) is citeproc-py's.
Each key is made comparable once (lowered, and read as an integer where it is one), not on
every comparison.

Under a global given-name rule the names the sort renders count in disambiguation, so a key
that can render a name is rendered for every item; the others stay lazy (APA's ten keys
were all rendered for every item: 9 % of a whole job of 1,000 items, under cProfile).
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Sequence
from functools import cmp_to_key
from typing import Any

import citeproc

from ._elements import extend
from ._state import current


def _comparable(value: Any) -> Any:
    """A value citeproc-py's comparison holds equal exactly when it holds the keys equal:
    None; or the key lowered, as an integer when it parses as one, else as it is."""
    if value is None:
        return (0, None)
    try:
        lowered = str(value.lower())
    except AttributeError:
        lowered = value
    try:
        return (1, int(str(lowered)))
    except ValueError:
        return (2, lowered)


def _split(groups: list[list[int]], column: list[Any]) -> list[list[int]]:
    """The groups of items (indices) that still tie after this key: only they need the next."""
    out: list[list[int]] = []
    for group in groups:
        by_value: dict[Any, list[int]] = {}
        try:
            for index in group:
                by_value.setdefault(_comparable(column[index]), []).append(index)
        except TypeError:  # an unhashable key: keep the group whole (more keys, same order)
            out.append(group)
            continue
        out.extend(tied for tied in by_value.values() if len(tied) > 1)
    return out


def _prepared(value: Any) -> tuple[Any, int | None] | None:
    """What citeproc-py's comparison makes of one key, made once: the key lowered (when it
    can be) and, when that parses as an integer, the integer (used only when the other
    key's parses too)."""
    if value is None:
        return None
    with contextlib.suppress(AttributeError):
        value = str(value.lower())
    try:
        return value, int(str(value))
    except ValueError:
        return value, None


def _compare(columns: Sequence[tuple[list[Any], bool]]) -> Any:
    """citeproc-py's comparison (`Sort.sort`'s `mycmp`), on item indices: None keys last."""
    prepared = [([_prepared(value) for value in column], descending) for column, descending in columns]

    def compare(left: int, right: int) -> int:
        for column, descending in prepared:
            left_key, right_key = column[left], column[right]
            if left_key is not None and right_key is not None:
                if left_key[1] is not None and right_key[1] is not None:
                    a, b = left_key[1], right_key[1]
                else:
                    a, b = left_key[0], right_key[0]
                result: int = (a > b) - (a < b)
                if result:
                    return -1 * result if descending else result
            elif left_key is not None:
                return -1
            elif right_key is not None:
                return 1
        return 0

    return compare


@functools.lru_cache(maxsize=4096)
def shows_names(key: Any) -> bool:
    """Whether a `cs:key` can render a name: a name variable, or a macro from which a
    `cs:names` can be reached (through the macros it calls). Only such keys add to the
    names a session's sort registers (`disambiguation.saw_sort_names`)."""
    variable = key.get("variable")
    if variable is not None:
        return str(variable).replace("-", "_") in citeproc.NAMES
    name = key.get("macro")
    if name is None:
        return False
    macros = {str(m.get("name")): m for m in key.get_root().xpath_search("cs:macro")}
    seen: set[str] = set()
    todo = [str(name)]
    while todo:
        macro = macros.get(todo.pop())
        if macro is None:
            continue
        for element in macro.iter():
            if str(element.tag).endswith("}names"):
                return True
            called = element.get("macro")
            if called is not None and called not in seen:
                seen.add(called)
                todo.append(str(called))
    return False


@extend("sort")
class LazyKeySort:
    def sort(self, items: Sequence[Any], context: Any) -> list[Any]:
        items = list(items)
        columns: list[tuple[list[Any], bool]] = []
        everything = list(range(len(items)))
        # A lone item needs no key. But where the session sorts its bibliography under a
        # global given-name rule, the names the keys render count in disambiguation
        # (citeproc-js's name registry): a key that can render a name is then rendered for
        # every item; the other keys still only for the items tied on all earlier keys.
        eager = current().sorting
        groups = [everything] if len(items) > 1 else []
        for key in self.findall("cs:key", self.nsmap):  # type: ignore[attr-defined]
            every = eager and shows_names(key)
            if not groups and not every:
                if eager:
                    continue  # a later key may still render names
                break
            descending = key.get("sort", "ascending").lower() == "descending"
            column: list[Any] = [None] * len(items)
            needed = everything if every else sorted(index for group in groups for index in group)
            values = key.sort_keys([items[index] for index in needed], context)
            for index, value in zip(needed, values, strict=True):
                column[index] = value
            columns.append((column, descending))
            groups = _split(groups, column)
        order = sorted(range(len(items)), key=cmp_to_key(_compare(columns)))
        return [items[index] for index in order]
