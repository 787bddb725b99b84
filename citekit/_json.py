"""Types for JSON values and a read-only mapping that records hold them in."""

from __future__ import annotations

from collections.abc import ItemsView, Iterator, KeysView, Mapping, ValuesView
from typing import Any, TypeAlias, TypeVar, overload

JSON: TypeAlias = Any
"""A value as json.loads gives it (mypy cannot express the recursive type usefully)."""

V = TypeVar("V")
T = TypeVar("T")


class FrozenMap(Mapping[str, V]):
    """An immutable mapping that keeps insertion order and compares like a dict."""

    __slots__ = ("_data", "_hash")

    def __init__(self, data: Mapping[str, V] | None = None) -> None:
        self._data: dict[str, V] = dict(data or {})
        self._hash: int | None = None

    def __getitem__(self, key: str) -> V:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    # The dict's own methods: Mapping's mixins go through `__getitem__` (and a KeyError for
    # every absent key), and records are read in every hot loop.
    def __contains__(self, key: object) -> bool:
        return key in self._data

    @overload
    def get(self, key: str) -> V | None: ...
    @overload
    def get(self, key: str, default: V | T) -> V | T: ...
    def get(self, key: str, default: object = None) -> object:
        return self._data.get(key, default)

    def keys(self) -> KeysView[str]:
        return self._data.keys()

    def values(self) -> ValuesView[V]:
        return self._data.values()

    def items(self) -> ItemsView[str, V]:
        return self._data.items()

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FrozenMap):
            return self._data == other._data
        if isinstance(other, Mapping):
            return self._data == dict(other)
        return NotImplemented

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(frozenset((k, _hashable(v)) for k, v in self._data.items()))
        return self._hash

    def __repr__(self) -> str:
        return f"FrozenMap({self._data!r})"


def frozen_json(value: Mapping[str, JSON] | None) -> FrozenMap[JSON]:
    """attrs converter: any mapping of JSON values to a FrozenMap (None to an empty one)."""
    if type(value) is not dict and isinstance(value, FrozenMap):  # dict: no ABC isinstance
        return value
    # Most names, dates and records have no extra keys: they share one empty map (immutable),
    # which spares the collector two objects each.
    return FrozenMap(value) if value else _EMPTY


_EMPTY: FrozenMap[Any] = FrozenMap()


def _hashable(value: object) -> object:
    if isinstance(value, list | tuple):
        return tuple(_hashable(v) for v in value)
    if isinstance(value, dict):
        return frozenset((k, _hashable(v)) for k, v in value.items())
    return value
