"""Variables written in an item's `note`, one `key: value` per line at its start (Zotero's
"Extra" convention), read as citeproc-js reads them (`CSL.parseNoteFieldHacks`, on by
default there), so a style sees them as the record's own variables.

- a line opens with a CSL variable name in lower case (`container-title:`) or capitals
  (`ISBN:`); a blank line is skipped, and the first other line ends the fields (a first
  line of plain text is skipped over);
- `type:` sets the type; a date variable (`event-date: 2004-10-01/2004-10-14`) is parsed and
  wins over the record's own; any other variable is taken only when the record has none;
- a name variable is `Family || Given`, or a literal name; repeated lines make a list;
- the lines taken are removed from the note.
"""

from __future__ import annotations

import re
from typing import Any

from .._dates import Date
from .._vocab import Kind, variables_of

_FIELD = re.compile(r"^([\-_a-z]+|[A-Z]+):\s*([^}]+)$")
_DATES = variables_of(Kind.DATE)
_NAMES = variables_of(Kind.NAME)


def note_fields(item: dict[str, Any]) -> dict[str, Any]:
    """`item` with the variables its note holds set (a new dict; the item is not changed)."""
    note = item.get("note")
    if not isinstance(note, str) or ":" not in note:
        return item
    out = dict(item)
    lines = note.split("\n")
    names: dict[str, list[dict[str, str]]] = {}
    for index, line in enumerate(lines):
        match = _FIELD.match(line)
        if not line.strip():
            continue
        if not match:
            if index == 0:
                continue
            break
        key, value = match.group(1), match.group(2).strip()
        base = key.removeprefix("alt-")
        if key == "type":
            out["type"] = value
        elif base in _DATES:
            out[key] = Date.parse(value).resolved().to_csl()
        elif not out.get(key):
            if base in _NAMES:
                parts = re.split(r"\s*\|\|\s*", value)
                if len(parts) == 1:
                    names.setdefault(key, []).append({"literal": parts[0]})
                elif len(parts) == 2:
                    names.setdefault(key, []).append({"family": parts[0], "given": parts[1]})
            else:
                out[key] = value
        else:
            continue
        lines[index] = ""
    out.update(names)
    out["note"] = "\n".join(lines).strip()
    return out
