"""Types for JSON values and a read-only mapping that records hold them in."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, TypeAlias, TypeVar

JSON: TypeAlias = Any
"""A value as json.loads gives it (mypy cannot express the recursive type usefully)."""

V = TypeVar("V")


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
    return value if isinstance(value, FrozenMap) else FrozenMap(value or {})


def _hashable(value: object) -> object:
    if isinstance(value, list | tuple):
        return tuple(_hashable(v) for v in value)
    if isinstance(value, dict):
        return frozenset((k, _hashable(v)) for k, v in value.items())
    return value
