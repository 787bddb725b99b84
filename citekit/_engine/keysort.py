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
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from functools import cmp_to_key
from typing import Any

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


def _compare(columns: Sequence[tuple[list[Any], bool]]) -> Any:
    """citeproc-py's comparison (`Sort.sort`'s `mycmp`), on item indices: None keys last."""

    def compare(left: int, right: int) -> int:
        for column, descending in columns:
            left_key, right_key = column[left], column[right]
            if left_key is not None and right_key is not None:
                try:
                    left_key = str(left_key.lower())
                    right_key = str(right_key.lower())
                except AttributeError:
                    pass
                with contextlib.suppress(ValueError):
                    left_key, right_key = (int(str(left_key)), int(str(right_key)))
                result: int = (left_key > right_key) - (left_key < right_key)
                if result:
                    return -1 * result if descending else result
            elif left_key is not None:
                return -1
            elif right_key is not None:
                return 1
        return 0

    return compare


@extend("sort")
class LazyKeySort:
    def sort(self, items: Sequence[Any], context: Any) -> list[Any]:
        items = list(items)
        columns: list[tuple[list[Any], bool]] = []
        everything = [list(range(len(items)))]
        # A lone item needs no key, except where the session sorts its bibliography under a
        # global given-name rule: the names every key renders count in disambiguation
        # (citeproc-js's name registry), so every key is rendered for every item.
        eager = current().sorting
        groups = everything if len(items) > 1 or (eager and items) else []
        for key in self.findall("cs:key", self.nsmap):  # type: ignore[attr-defined]
            if not groups:
                break
            descending = key.get("sort", "ascending").lower() == "descending"
            column: list[Any] = [None] * len(items)
            needed = sorted(index for group in groups for index in group)
            values = key.sort_keys([items[index] for index in needed], context)
            for index, value in zip(needed, values, strict=True):
                column[index] = value
            columns.append((column, descending))
            groups = everything if eager else _split(groups, column)
        order = sorted(range(len(items)), key=cmp_to_key(_compare(columns)))
        return [items[index] for index in order]
