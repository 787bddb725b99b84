"""The BibTeX stash: what a Record keeps of its source entry, under `Record.extra["bibtex"]`.

    {"entrytype": "InCollection",              # as written
     "fields": [["author", "{Adams, Alice}"],  # every field, as written (delimiters, @string
                ["month", "feb"], ...],        #   names, `#`), in order, repeats included
     "others": ["author"],                     # name variables that ended in `and others`
     "inherited": ["container-title"],         # variables filled from crossref/xdata
     "key": ""}                                # only when the key is not the record id

Plain JSON, so it survives BibTeX -> CSL-JSON -> BibTeX. The writer re-reads the stashed
fields and writes them back verbatim wherever the CSL value is still what they give.
"""

from __future__ import annotations

from typing import Any

import attrs

from ..._json import JSON

STASH_KEY = "bibtex"


@attrs.frozen
class Stash:
    entrytype: str
    fields: tuple[tuple[str, str], ...]
    others: tuple[str, ...] = ()
    inherited: tuple[str, ...] = ()
    key: str | None = None

    def to_json(self) -> dict[str, JSON]:
        out: dict[str, JSON] = {"entrytype": self.entrytype, "fields": [list(f) for f in self.fields]}
        if self.others:
            out["others"] = list(self.others)
        if self.inherited:
            out["inherited"] = list(self.inherited)
        if self.key is not None:
            out["key"] = self.key
        return out

    @classmethod
    def from_json(cls, data: Any) -> Stash | None:
        """The stash, or None when `data` is not one (edited by hand, another tool's)."""
        if not isinstance(data, dict) or not isinstance(data.get("entrytype"), str):
            return None
        fields = data.get("fields")
        if not isinstance(fields, list) or not all(
            isinstance(f, list | tuple) and len(f) == 2 and all(isinstance(x, str) for x in f) for f in fields
        ):
            return None
        key = data.get("key")
        return cls(
            entrytype=data["entrytype"],
            fields=tuple((f[0], f[1]) for f in fields),
            others=tuple(x for x in data.get("others", ()) if isinstance(x, str)),
            inherited=tuple(x for x in data.get("inherited", ()) if isinstance(x, str)),
            key=key if isinstance(key, str) else None,
        )
