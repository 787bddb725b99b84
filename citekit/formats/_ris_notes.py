"""N1 lines of the form "key: value": where RIS carries what it has no tag for.

RIS has tags for some forty CSL variables; the rest (PMID, version, original-date, event-*,
a Zotero export's `file` or `citation-key`...) would be lost. They are written as N1 lines of
"variable: value", the convention Zotero and citeproc-js already read in a record's Extra field,
so a reference manager shows them as notes and citekit reads them back into the same fields.

A key is read as a field only when it is a CSL variable (exact spelling: "PMID", "event-title"),
or else, into `Record.extra`, when it starts with a lower-case letter (`file`, `arxiv`,
`journalAbbreviation`): a note such as "Funding: NSF" or Scopus's "Cited By: 5" stays a note.
"""

from __future__ import annotations

import json
import re

from .._dates import Date
from .._json import JSON
from .._names import Name
from .._record import FieldValue
from .._vocab import Kind, kind_of
from . import _ris_values as values

_KEY_VALUE = re.compile(r"([A-Za-z][A-Za-z0-9_-]*): (.*)", re.DOTALL)
_EXTRA_KEY = re.compile(r"[a-z][A-Za-z0-9_-]*")
# Keys a note never sets: the record's own identity, and the per-format stashes in `extra`.
RESERVED = frozenset(("id", "type", "ris", "bibtex"))


def split(text: str) -> tuple[str, str] | None:
    """("key", "value") when an N1 value is a "key: value" line citekit reads back, else None."""
    m = _KEY_VALUE.fullmatch(text)
    if m is None or m.group(1) in RESERVED:
        return None
    key = m.group(1)
    if kind_of(key) is None and not _EXTRA_KEY.fullmatch(key):
        return None
    return key, m.group(2)


def read_value(key: str, text: str) -> FieldValue | Name | None:
    """The value of a CSL variable from its note text (one Name for a name variable)."""
    kind = kind_of(key)
    if kind is Kind.NAME:
        return values.read_name(text)
    if kind is Kind.DATE:
        return values.read_date(text)
    return text


def field_lines(variable: str, value: FieldValue) -> list[str]:
    """The N1 values for a CSL variable RIS has no tag for: a name a line, a date in RIS form
    (or its own text when RIS has no form for it), text flattened to plain text."""
    if isinstance(value, tuple):
        return [f"{variable}: {text}" for text in map(values.name_text, value) if text]
    if isinstance(value, Date):
        date = values.written_date(value)
        text = date if isinstance(date, str) else values.ris_date(date)
        return [f"{variable}: {text}"] if text else []
    return [f"{variable}: {values.plain_text(str(value))}"]


def extra_lines(key: str, value: JSON) -> list[str]:
    """The N1 value for a key of `Record.extra` (JSON text when the value is not a string)."""
    if key in RESERVED or not re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*", key) or value is None:
        return []
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return [f"{key}: {text}"]


def note_text(note: str) -> str:
    """The N1 value for the note itself: prefixed "note: " when it would read as another key."""
    return f"note: {note}" if split(note) is not None else note
