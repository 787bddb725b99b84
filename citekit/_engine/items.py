"""Engine items as plain mappings: the references and cites a session hands citeproc-py.

citeproc-py's `Reference` and `CitationItem` are dicts whose every attribute read goes
through Python-level `__getattr__` and `__getitem__` (a `super()` call and a try/except
each), and a cite finds its reference through three such reads (`item.citation
.bibliography.source[item.key]`). A bibliography entry reads the item's fields some five
hundred times, so that plumbing was about a sixth of a whole job. The classes here behave
the same (a missing field still raises citeproc-py's `VariableError`) on the C dict look-up,
and a cite holds its session's source, so finding its reference is one look-up.
"""

from __future__ import annotations

from typing import Any

from citeproc import DATES, NAMES, CitationItem
from citeproc.source import Name, Reference, VariableError
from citeproc.source.json import CiteProcJSON
from citeproc.string import MixedString, String


def _missing(self: dict[str, Any], key: str) -> Any:
    raise VariableError


class EngineReference(Reference):  # type: ignore[misc]
    """A `Reference` whose field reads are the plain dict look-up."""

    __getitem__ = dict.__getitem__
    __getattr__ = dict.__getitem__
    __missing__ = _missing


class EngineSource(CiteProcJSON):  # type: ignore[misc]
    """citeproc-py's CSL-JSON source, holding `EngineReference`s.

    Read as citeproc-py reads it, without its plumbing: each reference and name is filled
    in directly (citeproc-py builds a `Reference` and a `Name` through a check of their
    fields against sets it makes anew for each one, only to warn of a field it does not
    know, a warning a session ignores), and a field with no `nocase` span becomes the one
    `String` citeproc-py's concatenation would make of it. A third of registering an IEEE
    job's records went to reading them (0.1 s per 2,000)."""

    def __init__(self, json_data: Any) -> None:
        for ref in json_data:
            reference = dict.__new__(EngineReference)
            fields: dict[str, Any] = {}
            for key, value in ref.items():
                python_key = key.replace("-", "_")
                if python_key == "id":
                    ref_key = str(value).lower()
                    continue
                if python_key == "type":
                    ref_type = value
                    continue
                if python_key == "key":  # as citeproc-py: it would clash with the item's key
                    continue
                if python_key == "shortTitle":
                    python_key = "title_short"
                if python_key in NAMES:
                    value = self.parse_names(value)
                elif python_key in DATES:
                    value = self.parse_date(value)
                elif key != "language":
                    value = self.parse_string(value)
                fields[python_key] = value
            dict.update(reference, key=ref_key, type=ref_type)
            dict.update(reference, fields)
            self[ref_key] = reference

    def parse_string(self, string: Any) -> Any:
        string = str(string)
        if self.start_tag in string.lower():
            return super().parse_string(string)
        return MixedString([String(string)] if string else [])

    def parse_names(self, json_data: Any) -> list[Any]:
        names = []
        for name_data in json_data:
            name = dict.__new__(Name)
            dict.update(name, name_data)
            names.append(name)
        return names


class KeyIndex:
    """A session's registered keys as a dict, for `number` and `is_bad`: citeproc-py finds
    both by scanning the bibliography's list of keys, once per cite and more, which made a
    whole job quadratic in the number of items. Rebuilt whenever that list is replaced
    (sorting) or grows (registering); one per session, never shared."""

    def __init__(self, bibliography: Any) -> None:
        self.bibliography = bibliography
        self._keys: list[str] | None = None
        self._size = -1
        self._numbers: dict[str, int] = {}

    def numbers(self) -> dict[str, int]:
        keys: list[str] = self.bibliography.keys
        if keys is not self._keys or len(keys) != self._size:
            self._numbers = {}
            for number, key in enumerate(keys, 1):
                self._numbers.setdefault(key, number)  # the first, as `list.index`
            self._keys, self._size = keys, len(keys)
        return self._numbers


class _SourceReference:
    """`item.reference` of a cite whose key the source does not hold (yet): looked up on
    each read, as citeproc-py does (a non-data descriptor, so a reference held in the
    item's own `__dict__` is read instead, without a call)."""

    def __get__(self, item: Any, owner: type | None = None) -> Any:
        return item._ck_index.bibliography.source[item._ck_key]


class EngineItem(CitationItem):  # type: ignore[misc]
    """A `CitationItem` of one session: its reference is found in that session's source,
    its number and registration in the session's `KeyIndex`.

    The reference is kept on the item when it is made (a reference is read some four
    hundred times per entry; the source never replaces one, it is changed in place)."""

    __getitem__ = dict.__getitem__
    __getattr__ = dict.__getitem__
    __missing__ = _missing
    reference = _SourceReference()

    def __init__(self, key: str, index: KeyIndex, **options: Any) -> None:
        super().__init__(key, **options)
        object.__setattr__(self, "_ck_index", index)
        object.__setattr__(self, "_ck_key", key.lower())  # as CitationItem keeps it
        reference = index.bibliography.source.get(self._ck_key)
        if reference is not None:
            object.__setattr__(self, "reference", reference)

    @property
    def number(self) -> int:
        try:
            number: int = self._ck_index.numbers()[self._ck_key]
            return number
        except KeyError:
            raise ValueError(f"{self._ck_key!r} is not in list") from None  # as list.index

    def is_bad(self) -> bool:
        return self._ck_key not in self._ck_index.numbers()
