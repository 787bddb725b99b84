"""The BibTeX stash: what a Record keeps of its source entry, under `Record.extra["bibtex"]`.

    {"entrytype": "InCollection",            # as written
     "fields": ["author", "{Adams, Alice}",  # every field, name then value as written
                "month", "feb", ...],        #   (delimiters, @string names, `#`), in order,
                                             #   repeats included
     "others": ["author"],                   # name variables that ended in `and others`
     "inherited": ["container-title"],       # variables filled from crossref/xdata
     "key": "",                              # only when the key is not the record id
     "case": "never"}                        # only when the reader's sentence_case was not
                                             #   "guess" (the writer maps fields the same way)

Plain JSON, so it survives BibTeX -> CSL-JSON -> BibTeX. The writer re-reads the stashed
fields and writes them back verbatim wherever the CSL value is still what they give.
`fields` is one flat list rather than a list of pairs because every record read from a file
holds one: a pair list costs ~90 bytes a field, a third of a 50,000-entry read's memory over
bibtexparser's own. The pair form (`[["author", "{...}"], ...]`) is still read.
"""

from __future__ import annotations

from typing import Any

import attrs

from ..._json import JSON, FrozenMap

STASH_KEY = "bibtex"


@attrs.frozen
class Stash:
    entrytype: str
    fields: tuple[tuple[str, str], ...]
    others: tuple[str, ...] = ()
    inherited: tuple[str, ...] = ()
    key: str | None = None
    case: str = "guess"

    def to_json(self) -> dict[str, JSON]:
        out: dict[str, JSON] = {"entrytype": self.entrytype, "fields": [x for f in self.fields for x in f]}
        if self.others:
            out["others"] = list(self.others)
        if self.inherited:
            out["inherited"] = list(self.inherited)
        if self.key is not None:
            out["key"] = self.key
        if self.case != "guess":
            out["case"] = self.case
        return out

    @classmethod
    def from_json(cls, data: Any) -> Stash | None:
        """The stash, or None when `data` is not one (edited by hand, another tool's)."""
        if not isinstance(data, dict) or not isinstance(data.get("entrytype"), str):
            return None
        fields = _pairs(data.get("fields"))
        if fields is None:
            return None
        key = data.get("key")
        case = data.get("case")
        return cls(
            entrytype=data["entrytype"],
            fields=fields,
            others=tuple(x for x in data.get("others", ()) if isinstance(x, str)),
            inherited=tuple(x for x in data.get("inherited", ()) if isinstance(x, str)),
            key=key if isinstance(key, str) else None,
            case=case if case in ("always", "never") else "guess",
        )


def _pairs(fields: Any) -> tuple[tuple[str, str], ...] | None:
    """(name, value) pairs from the flat list (or the older list of pairs), or None."""
    if not isinstance(fields, list | tuple):
        return None
    if all(isinstance(x, str) for x in fields):
        if len(fields) % 2:
            return None
        return tuple(zip(fields[::2], fields[1::2], strict=True))
    if all(
        isinstance(f, list | tuple) and len(f) == 2 and all(isinstance(x, str) for x in f) for f in fields
    ):
        return tuple((f[0], f[1]) for f in fields)
    return None


def stashed_fields(stash: Any) -> list[tuple[str, str]]:
    """A stash's (name, value) pairs, or none when it is not one."""
    pairs = _pairs(stash.get("fields")) if isinstance(stash, dict | FrozenMap) else None
    return list(pairs or ())
