"""Record <-> CSL-JSON: lossless both ways, plus the engine-facing view for rendering."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ._dates import Date
from ._errors import InvalidRecordError, Location
from ._json import JSON, FrozenMap, frozen_json
from ._names import TEXT_PARTS, Name
from ._record import FieldValue, Record, check_id
from ._vocab import Kind, kind_of

# CSL-JSON keys that predate CSL 1.0 or come from Zotero; kept verbatim in `extra`, and
# given to the engine under their CSL names when the CSL name is absent.
LEGACY_ALIASES: Mapping[str, str] = {
    "journalAbbreviation": "container-title-short",
    "shortTitle": "title-short",
}


def record_from_csl(item: Mapping[str, JSON]) -> Record:
    if not isinstance(item, Mapping):
        raise InvalidRecordError(f"an item must be an object, not {type(item).__name__}")
    item_id = item.get("id")
    where = str(item_id) if item_id is not None else None
    if item_id is None:
        raise InvalidRecordError("item has no id", Location(field="id"))
    item_type = item.get("type")
    if not isinstance(item_type, str) or not item_type:
        raise InvalidRecordError("item has no type", Location(item=where, field="type"))
    fields: dict[str, FieldValue] = {}
    extra: dict[str, JSON] = {}
    for key, value in item.items():
        if key in ("id", "type"):
            continue
        kind = kind_of(key)
        if kind is None:
            extra[key] = value
        elif type(value) is str and (kind is Kind.TEXT or kind is Kind.NUMBER):  # most fields: text as it is
            fields[key] = value
        else:
            try:
                fields[key] = _field_from_csl(kind, value)
            except TypeError as exc:
                raise InvalidRecordError(str(exc), Location(item=where, field=key)) from None
    check_id(item_id)
    # Every field is a CSL variable holding a value of its kind (`_field_from_csl` made it
    # so): the checks `Record(...)` would run again are done.
    return Record._trusted(item_id, item_type, FrozenMap(fields), frozen_json(extra))


def _field_from_csl(kind: Kind, value: JSON) -> FieldValue:
    if kind is Kind.NAME:
        if isinstance(value, Mapping):
            value = [value]  # a lone name object: accepted, written back as a list
        if not isinstance(value, list):
            raise TypeError(f"expected a list of names, got {type(value).__name__}")
        return tuple(Name.from_csl(n) for n in value)
    if kind is Kind.DATE:
        return Date.from_csl(value)
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise TypeError(f"expected text or a number, got {type(value).__name__}")
    return value


def record_to_csl(record: Record) -> dict[str, JSON]:
    out: dict[str, JSON] = {"id": record.id, "type": record.type}
    for key, value in record.fields.items():
        out[key] = _field_to_csl(value)
    out.update(record.extra)
    return out


def csl_values(record: Record) -> Iterator[JSON]:
    """The values `record_to_csl(record)` holds (keys aside), names and dates opened into
    their parts, without building it: the text of a Formatter's records is scanned once,
    and converting 10,000 records' names cost more than the scan. A name, date or record
    with `extra` keys (which override the keys beside them) is converted as it is."""
    if record.extra:
        yield record_to_csl(record)
        return
    yield record.id
    yield record.type
    for value in record.fields.values():
        if isinstance(value, tuple):
            for name in value:
                if name.extra:
                    yield name.to_csl()
                else:  # the flags are no text
                    yield from (getattr(name, attr) for attr in TEXT_PARTS.values())
        elif isinstance(value, Date):
            if value.extra:
                yield value.to_csl()
            else:  # the date-parts are numbers
                yield from (value.season, value.circa, value.literal, value.raw)
        else:
            yield value


def _field_to_csl(value: FieldValue) -> JSON:
    if isinstance(value, tuple):
        return [n.to_csl() for n in value]
    if isinstance(value, Date):
        return value.to_csl()
    return value


def engine_item(record: Record) -> dict[str, Any]:
    """The CSL-JSON an engine should see: raw dates parsed, numbers as text, legacy keys mapped.
    (CSL variable aliases such as `event`/`event-title` are a rendering option: `_engine.aliases`.)"""
    out: dict[str, Any] = {"id": record.key, "type": record.type}
    for legacy, name in LEGACY_ALIASES.items():
        value = record.extra.get(legacy)
        if isinstance(value, str) and name not in record.fields:
            out[name] = value
    for key, value in record.fields.items():
        if isinstance(value, tuple):
            out[key] = [n.to_csl() for n in value]
        elif isinstance(value, Date):
            out[key] = value.resolved().to_csl()
        else:
            out[key] = value if isinstance(value, str) else _number_text(value)
    # BibTeX's `and others` (kept aside by the reader): a trailing "others" name, which the
    # engine writes as the style's et-al term, as pandoc does.
    stash = record.extra.get("bibtex")
    others = stash.get("others") if isinstance(stash, dict) else None
    for variable in others if isinstance(others, list) else ():
        if isinstance(variable, str) and isinstance(out.get(variable), list):
            out[variable] = [*out[variable], {"literal": "others"}]
    return out


def _number_text(value: int | float) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
