"""RIS tag lines that no CSL variable holds, carried through BibTeX.

A record read from RIS keeps such lines (Scopus's AD affiliations, Web of Science's UT, J9 and
AU initials, a DA that is no date...) in `extra["ris"]`, which only the RIS writer reads. So that
RIS -> BibTeX keeps them too, they are also given as a BibTeX stash (see
`formats/bibtex/_stash.py`: the BibTeX writer writes the fields it finds there): one field a tag,
named as Scopus and Web of Science name them in their own BibTeX (`affiliation`, `unique-id`) or
else `ris-` and the tag (`ris-j9`). A repeated tag is one field, its values a line each. BibTeX
-> RIS reads those fields back into tag lines. The stash's entry type is "misc", which says
nothing: the BibTeX writer then takes the entry type from the CSL type.

Values are written in braces with the three characters that could break them (backslash and
braces) as LaTeX text macros, and read back by undoing exactly that.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from .._json import JSON

STASH_KEY = "bibtex"
_NAMED = {"AD": "affiliation", "UT": "unique-id"}
_TAG_FOR = {field: tag for tag, field in _NAMED.items()}
_PREFIX = "ris-"
_ESCAPES = {"\\": r"\textbackslash{}", "{": r"\textbraceleft{}", "}": r"\textbraceright{}"}
_UNESCAPES = {macro: char for char, macro in _ESCAPES.items()}
_ESCAPE = re.compile(r"[\\{}]")
_UNESCAPE = re.compile("|".join(re.escape(m) for m in _UNESCAPES))
_TAG = re.compile(r"[A-Z][A-Z0-9]")


def field_name(tag: str) -> str:
    return _NAMED.get(tag, _PREFIX + tag.lower())


def stash(tags: Iterable[tuple[str, str]]) -> dict[str, JSON] | None:
    """A BibTeX stash holding these tag lines, or None when there are none."""
    grouped: dict[str, list[str]] = {}
    for tag, value in tags:
        grouped.setdefault(field_name(tag), []).append(value)
    if not grouped:
        return None
    fields: list[str] = []
    for name, found in grouped.items():
        fields += [name, "{" + _ESCAPE.sub(lambda m: _ESCAPES[m.group()], "\n".join(found)) + "}"]
    return {"entrytype": "misc", "fields": fields}


def tags(data: JSON) -> list[tuple[str, str]]:
    """The tag lines a BibTeX stash carries (none when it is no stash or carries none)."""
    if not isinstance(data, Mapping):
        return []
    fields = data.get("fields")
    if not isinstance(fields, list) or len(fields) % 2 or not all(isinstance(f, str) for f in fields):
        return []
    out: list[tuple[str, str]] = []
    for name, raw in zip(fields[::2], fields[1::2], strict=True):
        lower = name.lower()
        tag = _TAG_FOR.get(lower) or (lower[len(_PREFIX) :].upper() if lower.startswith(_PREFIX) else "")
        if not _TAG.fullmatch(tag) or not (raw.startswith("{") and raw.endswith("}")):
            continue
        text = _UNESCAPE.sub(lambda m: _UNESCAPES[m.group()], raw[1:-1])
        out.extend((tag, value) for value in text.split("\n"))
    return out
