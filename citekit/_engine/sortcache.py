"""Bibliography sort keys remembered per session: a Document registers records one by one
and the bibliography is sorted again each time, and citeproc-py renders every key of every
item on every sort. A bibliography key depends only on the item's own data (a key on
`citation-number` is not remembered: numbers change as records are registered), so each is
rendered once per session and kept in its `RenderState`."""

from __future__ import annotations

import functools
from typing import Any

from ._elements import extend
from ._state import current


@functools.lru_cache(maxsize=4096)
def _cacheable(key: Any) -> bool:
    if key.get("variable") == "citation-number":
        return False
    return bool(key.xpath_search("./ancestor::cs:bibliography"))


@extend("key")
class RememberedSortKeys:
    def sort_keys(self, items: Any, context: Any) -> Any:
        if not _cacheable(self):
            return super().sort_keys(items, context)  # type: ignore[misc]
        cache = current().sort_keys.setdefault(id(self), {})
        missing = [item for item in items if item.key not in cache]
        if missing:
            for item, value in zip(missing, super().sort_keys(missing, context), strict=True):  # type: ignore[misc]
                cache[item.key] = value
        return [cache[item.key] for item in items]
