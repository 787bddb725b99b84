"""Record: one bibliographic item, with every CSL variable typed and anything else kept."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeAlias

import attrs

from ._dates import Date
from ._errors import InvalidRecordError, Location
from ._json import JSON, FrozenMap, frozen_json
from ._names import Name
from ._vocab import Kind, kind_of

FieldValue: TypeAlias = str | int | float | tuple[Name, ...] | Date


def _fields(value: Mapping[str, Any] | None) -> FrozenMap[FieldValue]:
    if isinstance(value, FrozenMap):
        return value
    out: dict[str, FieldValue] = {}
    for key, item in (value or {}).items():
        out[key] = tuple(item) if isinstance(item, list) else item
    return FrozenMap(out)


def check_id(id: object) -> None:
    """InvalidRecordError unless `id` is a non-empty string or a number (not a bool)."""
    if not isinstance(id, str | int) or isinstance(id, bool) or id == "":
        raise InvalidRecordError("id must be a non-empty string or a number", Location(field="id"))


def _check_value(kind: Kind, value: object) -> str | None:
    """Why `value` does not fit a variable of `kind`, or None when it does."""
    if kind is Kind.NAME:
        if isinstance(value, tuple) and all(isinstance(n, Name) for n in value):
            return None
        return "expected a list of names"
    if kind is Kind.DATE:
        return None if isinstance(value, Date) else "expected a date"
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return "expected text or a number"
    return None


@attrs.frozen
class Record:
    """One bibliographic item.

    `fields` holds CSL variables only, each checked against the CSL vocabulary (text and
    number variables as str or number, names as a tuple of Name, dates as Date). `extra` holds
    every other key verbatim (legacy CSL-JSON keys, custom data), so nothing is dropped.
    """

    id: str | int
    type: str
    fields: FrozenMap[FieldValue] = attrs.field(factory=FrozenMap, converter=_fields)
    extra: FrozenMap[JSON] = attrs.field(factory=FrozenMap, converter=frozen_json, hash=False)

    def __attrs_post_init__(self) -> None:
        check_id(self.id)
        where = str(self.id)
        if not isinstance(self.type, str) or not self.type:
            raise InvalidRecordError("type must be a non-empty string", Location(item=where, field="type"))
        for name, value in self.fields.items():
            kind = kind_of(name)
            if kind is None:
                raise InvalidRecordError(
                    "not a CSL variable (keep it in `extra`)", Location(item=where, field=name)
                )
            if (why := _check_value(kind, value)) is not None:
                raise InvalidRecordError(f"{why}, got {value!r}", Location(item=where, field=name))

    @classmethod
    def _trusted(
        cls, id: str | int, type: str, fields: FrozenMap[FieldValue], extra: FrozenMap[JSON]
    ) -> Record:
        """A Record built without the checks in `__attrs_post_init__`, for readers only.

        Private: a reader calls it in its hot loop after it has itself guaranteed what those
        checks would (a non-empty id and type; every field a CSL variable holding a value of
        its kind, as its mapping table does by construction and a test checks row by row).
        Everything public (`Record(...)`, `from_csl`, `evolve`) still validates (`from_csl`
        as it converts each value, with the same checks and messages).
        """
        record = object.__new__(cls)
        _set = object.__setattr__  # the class is frozen; this is how attrs itself sets slots
        _set(record, "id", id)
        _set(record, "type", type)
        _set(record, "fields", fields)
        _set(record, "extra", extra)
        return record

    @classmethod
    def from_csl(cls, item: Mapping[str, JSON]) -> Record:
        """Build a Record from one CSL-JSON item; InvalidRecordError names the bad field."""
        from ._csljson import record_from_csl

        return record_from_csl(item)

    def to_csl(self) -> dict[str, JSON]:
        """The CSL-JSON item: what from_csl was given, key for key."""
        from ._csljson import record_to_csl

        return record_to_csl(self)

    @property
    def key(self) -> str:
        """The id as text (citation keys are compared as text)."""
        return str(self.id)

    def __getitem__(self, variable: str) -> FieldValue:
        return self.fields[variable]

    def __contains__(self, variable: object) -> bool:
        return variable in self.fields

    def get(self, variable: str, default: Any = None) -> Any:
        return self.fields.get(variable, default)

    def text(self, variable: str) -> str | None:
        """A text or number variable as a string, or None when absent."""
        value = self.fields.get(variable)
        if value is None or isinstance(value, tuple | Date):
            return None
        return str(value)

    def names(self, variable: str = "author") -> tuple[Name, ...]:
        value = self.fields.get(variable)
        return value if isinstance(value, tuple) else ()

    def date(self, variable: str = "issued") -> Date | None:
        value = self.fields.get(variable)
        return value if isinstance(value, Date) else None

    def evolve(self, **changes: Any) -> Record:
        """A copy with `id`, `type`, `fields` or `extra` replaced."""
        return attrs.evolve(self, **changes)

    def with_fields(self, values: Mapping[str, FieldValue | None]) -> Record:
        """A copy with these variables set (None removes one)."""
        fields: dict[str, FieldValue] = dict(self.fields)
        for name, value in values.items():
            if value is None:
                fields.pop(name, None)
            else:
                fields[name] = value
        return attrs.evolve(self, fields=fields)

    def without(self, names: Iterable[str]) -> Record:
        drop = set(names)
        return attrs.evolve(self, fields={k: v for k, v in self.fields.items() if k not in drop})


if TYPE_CHECKING:  # keep the names importable for type checkers only
    __all__ = ["FieldValue", "Record"]
