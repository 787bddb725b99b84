"""Records (and a Library's other blocks) -> BibTeX/BibLaTeX text.

A record with a stash (it came from a .bib file, perhaps through CSL-JSON) is written from the
stash: the stashed fields are read again and every one whose CSL value the record still
holds is written back verbatim (key, entry type, @string names, month macros, unknown fields,
order). Fields behind a changed variable are dropped and the variable is written from CSL,
after them. Inherited (crossref/xdata) variables are never written: the reference stays.
A record without a stash is written from CSL alone (see _tobib); its id becomes the key, with
characters that would break a BibTeX key (space, comma, braces, quotes, #, %, =, ~, backslash)
written as "_".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from ..._library import Library
from ..._record import FieldValue, Record
from ._blocks import BibBlock
from ._case import SentenceCase
from ._mapping import CLASSIC_TYPES, TO_BIBLATEX_TYPES, foreign_to
from ._stash import STASH_KEY, Stash
from ._tobib import entry_type, to_fields
from ._tocsl import Mapped, to_csl
from ._values import resolve

# Characters that end or break a key in BibTeX; a CSL-JSON id holding them is written with "_".
_UNSAFE_KEY = re.compile(r"[\s,{}()\"#%'=\\~]")


def _strings(blocks: Iterable[BibBlock]) -> dict[str, str]:
    strings: dict[str, str] = {}
    for block in blocks:
        if block.kind == "string" and block.key is not None and block.value is not None:
            strings[block.key.lower()] = resolve(block.value, strings).text
    return strings


def _format(bib_type: str, key: str, fields: list[tuple[str, str]]) -> str:
    lines = [f"@{bib_type}{{{key},"]
    lines.extend(f"  {name} = {value}," for name, value in fields)
    lines.append("}")
    return "\n".join(lines)


def entry_text(
    record: Record,
    dialect: str,
    strings: Mapping[str, str],
    convert: bool = False,
    self_contained: bool = False,
) -> str:
    """One record as one entry. With `convert`, an entry read from the other dialect has
    its entry type and fields rewritten for this one (see `_converted`). With
    `self_contained`, a crossref/xdata child is written with what it inherited and without
    the reference (a "Cite this" box shows one entry, not its parent)."""
    stash = Stash.from_json(record.extra.get(STASH_KEY))
    if stash is None:
        bib_type, head = entry_type(record.type, record.fields, dialect)
        key = record.fields.get("citation-key")  # Zotero 7's key is the BibTeX key
        if isinstance(key, str) and key.strip():
            fields = to_fields(record.type, record.fields, dialect, bib_type=bib_type, skip={"citation-key"})
            return _format(bib_type, _UNSAFE_KEY.sub("_", key.strip()), head + fields)
        fields = to_fields(record.type, record.fields, dialect, bib_type=bib_type)
        return _format(bib_type, _UNSAFE_KEY.sub("_", record.key), head + fields)
    case: SentenceCase = "always" if stash.case == "always" else "never" if stash.case == "never" else "guess"
    derived = to_csl(
        stash.entrytype.lower(), [(k.lower(), resolve(v, strings).text) for k, v in stash.fields], case
    )
    inherited = () if self_contained else stash.inherited
    own: dict[str, FieldValue] = {k: v for k, v in record.fields.items() if k not in inherited}
    bib_type = stash.entrytype
    type_fields: list[tuple[str, str]] = []
    if derived.type != record.type:
        bib_type, type_fields = entry_type(record.type, own, dialect)
        changed = set(own) | set(derived.fields)
        dropped = {"csl-type", "entrysubtype"}
    else:
        changed = {v for v in set(own) | set(derived.fields) if own.get(v) != derived.fields.get(v)}
        dropped = set()
        if convert:
            bib_type, type_fields, more = _converted(stash, record, own, derived, dialect)
            changed |= more
            dropped |= {"csl-type", "entrysubtype"} if type_fields else set()
    for variable in changed:
        dropped.update(derived.sources.get(variable, ()))
    if self_contained and stash.inherited:
        dropped |= {"crossref", "xdata"}
    kept = [(k, v) for k, v in stash.fields if k.lower() not in dropped]
    new = to_fields(
        record.type,
        {k: v for k, v in own.items() if k in changed},
        dialect,
        et_al=stash.others,
        taken=[k for k, _ in kept] + [k for k, _ in type_fields],
        bib_type=bib_type.lower(),
    )
    key = stash.key if stash.key is not None else record.key
    return _format(bib_type, key, kept + type_fields + new)


def _converted(
    stash: Stash, record: Record, own: Mapping[str, FieldValue], derived: Mapped, dialect: str
) -> tuple[str, list[tuple[str, str]], set[str]]:
    """BibTeX <-> BibLaTeX for an entry read in the other dialect: (entry type, fields the
    type needs, variables to write again from CSL). The variables come from fields only the
    other dialect writes (`journal` -> `journaltitle`, `date` -> `year`/`month`); the type
    changes when the target dialect would not print it (`@online` for BibTeX, `@phdthesis`
    -> `@thesis` for BibLaTeX), and then the variables it implied (a thesis genre) too."""
    changed = {
        variable
        for variable, sources in derived.sources.items()
        if variable in own and any(foreign_to(dialect, name) for name in sources)
    }
    bib_type = stash.entrytype
    lower = bib_type.lower()
    if (dialect == "bibtex" and lower not in CLASSIC_TYPES) or (
        dialect == "biblatex" and lower in TO_BIBLATEX_TYPES
    ):
        bib_type, type_fields = entry_type(record.type, own, dialect)
        implied = {v for v, sources in derived.sources.items() if not sources and v in own}
        if bib_type == "misc" and "URL" in own:
            implied.add("URL")  # written again, with `howpublished` for classic styles
        return bib_type, type_fields, changed | implied
    return bib_type, [], changed


def write(
    data: Library | Iterable[Record],
    *,
    dialect: str = "bibtex",
    convert: bool | None = None,
    self_contained: bool = False,
    **options: Any,
) -> str:
    """Write records; a Library's @string, @preamble, @comment, text between entries and
    unreadable blocks go back where they stood. Entries read from a .bib file are written
    back as they were, unless `convert` (by default: when the Library was read in the other
    dialect, so `--from biblatex --to bibtex` or a .bib file `--to biblatex`), which rewrites
    entry types and fields the target dialect does not know."""
    dialect = "biblatex" if dialect == "biblatex" else "bibtex"  # `self_contained`: see entry_text
    if convert is None:
        source = data.format if isinstance(data, Library) else None
        convert = source in ("bibtex", "biblatex") and source != dialect
    if isinstance(data, Library):
        records = list(data.records)
        blocks = sorted((b for b in data.blocks if isinstance(b, BibBlock)), key=lambda b: b.position)
    else:
        records = list(data)
        blocks = []
    strings = _strings(blocks)
    out: list[str] = []
    pending = iter(blocks)
    block = next(pending, None)
    for index, record in enumerate(records):
        while block is not None and block.position <= index:
            out.append(block.raw)
            block = next(pending, None)
        out.append(entry_text(record, dialect, strings, convert, self_contained))
    while block is not None:
        out.append(block.raw)
        block = next(pending, None)
    return "\n\n".join(part for part in out if part) + "\n" if out else ""
