"""BibTeX/BibLaTeX text -> Library: bibtexparser's splitter, then citekit's own stages.

Pipeline: split (bibtexparser v2's Splitter, no middleware) -> per block: @string values
resolved in order, entries' fields resolved (@string names, `#`) and mapped (_tocsl) ->
crossref/xdata inheritance (_crossref) -> Library. Each problem is reported with its file,
line (1-based), entry key and field; nothing stops the read.

The splitter runs on one piece of the text at a time (_split), and each piece's blocks become
records before the next piece is split, so a read's peak memory is the records plus one
piece's blocks, not plus the whole file's. What bibtexparser's Library would do across
pieces (duplicate keys) is done here.
"""

from __future__ import annotations

import gc
import re
import sys
from collections.abc import Callable

from bibtexparser.model import (
    Block,
    DuplicateBlockKeyBlock,
    DuplicateFieldKeyBlock,
    Entry,
    ExplicitComment,
    Field,
    ImplicitComment,
    ParsingFailedBlock,
    Preamble,
    String,
)

from ..._errors import InputError, InvalidRecordError, Location, Problem
from ..._json import JSON, FrozenMap
from ..._library import Library
from ..._record import FieldValue, Record
from ._blocks import BibBlock
from ._case import SENTENCE_CASE_VALUES, SentenceCase
from ._crossref import inherited
from ._split import split
from ._stash import STASH_KEY, stashed_fields
from ._tocsl import Mapped, to_csl
from ._values import EXPANSION_LIMIT, Resolved, resolve

# Possessive: `\\def` followed by 160k spaces and no name must not backtrack (it took 23 s).
_DEFINES = re.compile(r"\\(?:(?:re)?newcommand\*?|providecommand\*?|def)\s*+(?:\{\s*+)?\\([A-Za-z@]+)")
_TYPE_AS_WRITTEN = re.compile(r"@\s*([^\s{(]+)")


class _Reader:
    """State for one read: strings seen so far, records, blocks, problems."""

    def __init__(self, source: str | None, sentence_case: SentenceCase = "guess") -> None:
        self.source = source
        self.sentence_case = sentence_case
        self.strings: dict[str, str] = {}
        self.records: list[Record] = []
        self.xdata: dict[str, Mapped] = {}
        self.blocks: list[BibBlock] = []
        self.problems: list[Problem] = []
        self.unnamed = 0
        self.lines: list[int | None] = []
        self.defined: set[str] = set()  # commands a @preamble defines
        self.children: list[int] = []  # records with a crossref or xdata field
        self.offset = 0  # the current block's line in the file minus its line as split
        self.entry_keys: set[str] = set()  # as bibtexparser's Library keys them, across pieces
        self.string_keys: set[str] = set()

    def line(self, start_line: int | None) -> int | None:
        """A 0-based line as the splitter counted it in the current block -> the 1-based line
        in the file."""
        return None if start_line is None else start_line + 1 + self.offset

    def report(
        self,
        kind: str,
        message: str,
        line: int | None,
        item: str | None = None,
        field: str | None = None,
        raw: str | None = None,
        severity: str = "error",
    ) -> None:
        where = Location(file=self.source, line=line, item=item, field=field)
        self.problems.append(Problem(kind, message, where, raw=raw, severity=severity))

    def keep(self, kind: str, block: Block, **more: str) -> None:
        line = self.line(block.start_line)
        self.blocks.append(BibBlock(kind, (block.raw or "").strip(), len(self.records), line, **more))  # type: ignore[arg-type]

    def block(self, block: Block) -> None:
        if type(block) is Entry and block.key not in self.entry_keys:  # most blocks: quickly
            self.entry_keys.add(block.key)
            self.entry(block)
            return
        line = self.line(block.start_line)
        if isinstance(block, Entry | String):  # a key first used in an earlier piece
            keys = self.entry_keys if isinstance(block, Entry) else self.string_keys
            if block.key in keys:
                self.duplicate(block, block, line)
                return
            keys.add(block.key)
        if isinstance(block, DuplicateBlockKeyBlock):
            self.duplicate(block, block.ignore_error_block, line)
        elif isinstance(block, DuplicateFieldKeyBlock):
            entry = block.ignore_error_block
            assert isinstance(entry, Entry)
            for key in sorted(block.duplicate_keys):
                self.report(
                    "duplicate-field",
                    f"field {key!r} given more than once; the first counts",
                    line,
                    item=entry.key,
                    field=key,
                )
            self.entry(entry)
        elif isinstance(block, ParsingFailedBlock):
            reason = getattr(block.error, "abort_reason", None) or str(block.error)
            self.report("syntax", f"cannot read this block: {reason}", line, raw=block.raw)
            self.keep("failed", block)
        elif isinstance(block, Entry):
            self.entry(block)
        elif isinstance(block, String):
            self.string(block)
        elif isinstance(block, Preamble):
            self.defined.update("\\" + name for name in _DEFINES.findall(block.value))
            self.keep("preamble", block)
        elif isinstance(block, ExplicitComment):
            self.keep("comment", block)
        elif isinstance(block, ImplicitComment):
            self.keep("text", block)

    def duplicate(self, block: Block, inner: Block | None, line: int | None) -> None:
        """A second @string with a name already defined (it counts from here on), or a second
        entry with a key already used (kept as text)."""
        if isinstance(inner, String):
            self.report(
                "duplicate-string",
                f"@string {inner.key!r} defined again",
                line,
                item=inner.key,
                severity="warning",
            )
            self.string(inner)
            return
        key = getattr(block, "key", None)
        self.report(
            "duplicate-key",
            f"key {key!r} already used; entry kept as text",
            line,
            item=key,
            raw=block.raw,
        )
        self.keep("failed", block)

    def string(self, block: String) -> None:
        line = self.line(block.start_line)
        resolved = resolve(block.value, self.strings)
        for name in resolved.undefined:
            self.report(
                "undefined-string",
                f"@string {name!r} is not defined",
                line,
                item=block.key,
                severity="warning",
            )
        self.too_long(resolved, line, block.key)
        self.strings[block.key.lower()] = resolved.text
        self.keep("string", block, key=block.key, value=block.value)

    def entry(self, entry: Entry) -> None:
        line = self.line(entry.start_line)
        m = _TYPE_AS_WRITTEN.match(entry.raw or "")
        written_type = sys.intern(m.group(1) if m else entry.entry_type)
        key = entry.key
        strings = self.strings
        raw: list[JSON] = []  # the stash's fields, as written: name, value, name, value...
        present: dict[str, str] = {}  # lowercase name -> resolved text; the first counts
        for f in entry.fields:
            name = sys.intern(f.key)  # "author" kept once, not once per entry
            text = f.value
            raw += (name, text)
            inner = text[1:-1]
            if text[:1] == "{" and text[-1:] == "}" and "{" not in inner and "}" not in inner:
                pass  # most values: one brace group, nothing to resolve (resolve's fast path)
            else:
                value = resolve(text, strings)
                if value.undefined or not value.balanced or value.too_long:
                    self.unresolved(f, value, key)
                inner = value.text
            present.setdefault(name.lower(), inner)
        mapped = to_csl(entry.entry_type, present, self.sentence_case)
        for note in mapped.notes:
            if note.command is not None and note.command in self.defined:
                continue  # defined in the file's @preamble: kept as written, not unknown
            self.report(note.kind, note.message, line, item=key, field=note.field, severity=note.severity)
        stash: dict[str, JSON] = {"entrytype": written_type, "fields": raw}
        if self.sentence_case != "guess":
            stash["case"] = self.sentence_case  # so a writer maps the fields back the same way
        if mapped.et_al:
            stash["others"] = list(mapped.et_al)
        if entry.entry_type == "xdata":
            self.xdata[key] = mapped
            self.keep("xdata", entry, key=key)
            return
        record_id = key
        if not key:
            self.unnamed += 1
            record_id = f"nokey-{self.unnamed}"
            stash["key"] = key
            self.report("empty-key", f"entry has no key; called {record_id!r} here", line, severity="warning")
        if mapped.type:
            # The id and type are not empty, and _tocsl only makes CSL variables holding
            # values of their kind (test_bibtex_mapping checks every row): no checks needed.
            record = Record._trusted(
                record_id, mapped.type, FrozenMap(mapped.fields), FrozenMap({STASH_KEY: stash})
            )
        else:
            try:
                record = Record(
                    id=record_id, type=mapped.type, fields=mapped.fields, extra={STASH_KEY: stash}
                )
            except InvalidRecordError as exc:
                self.report(
                    "invalid-record", exc.message, line, item=key, field=exc.location.field, raw=entry.raw
                )
                self.keep("failed", entry)
                return
        if "crossref" in mapped.present or "xdata" in mapped.present:
            self.children.append(len(self.records))
        self.records.append(record)
        self.lines.append(line)

    def unresolved(self, f: Field, value: Resolved, key: str) -> None:
        """Report a field's undefined @string names and unbalanced braces."""
        fline = self.line(f.start_line)
        for name in value.undefined:
            self.report(
                "undefined-string",
                f"@string {name!r} is not defined; kept as text",
                fline,
                item=key,
                field=f.key,
                severity="warning",
            )
        if not value.balanced:
            self.report("syntax", "braces do not balance", fline, item=key, field=f.key, raw=f.value)
        self.too_long(value, fline, key, f.key)

    def too_long(self, value: Resolved, line: int | None, item: str, field: str | None = None) -> None:
        for name in dict.fromkeys(value.too_long):
            message = f"@string {name!r} not expanded: the value would pass {EXPANSION_LIMIT:,} characters"
            self.report("string-too-long", message, line, item=item, field=field)

    def inherit(self) -> None:
        """Fill crossref/xdata fields in from parents (parents' own inheritance first)."""
        if not self.children:
            return
        by_key: dict[str, int] = {}
        for index, record in enumerate(self.records):
            by_key.setdefault(record.key, index)
            by_key.setdefault(record.key.lower(), index)
        done: dict[int, dict[str, FieldValue]] = {}
        for child in self.children:
            # Walk up the crossref chain to an entry already done or without a parent, then
            # resolve back down: a loop, not recursion, so a chain of any length is fine.
            chain: list[tuple[int, int | None]] = []  # (index, its crossref parent's index)
            on_chain: set[int] = set()
            at: int | None = child
            while at is not None and at not in done:
                on_chain.add(at)
                parent = self._parent(at, by_key)
                if parent is not None and parent in on_chain:
                    self._missing(at, "crossref", self._crossref(at))  # a loop
                    parent = None
                chain.append((at, parent))
                at = parent
            for index, parent in reversed(chain):
                done[index] = self._resolve(index, None if parent is None else done[parent])

    def _crossref(self, index: int) -> str:
        return self._links(index).get("crossref", "").strip()

    def _links(self, index: int) -> dict[str, str]:
        return {k.lower(): v for k, v in _links(self.records[index], self.strings)}

    def _parent(self, index: int, by_key: dict[str, int]) -> int | None:
        """The index of the entry a record's crossref names; None (reported) when none does."""
        ckey = self._crossref(index)
        if not ckey:
            return None
        parent = by_key.get(ckey, by_key.get(ckey.lower()))
        if parent is None or parent == index:
            self._missing(index, "crossref", ckey)
            return None
        return parent

    def _resolve(self, index: int, parent_fields: dict[str, FieldValue] | None) -> dict[str, FieldValue]:
        """Fill one record in from its xdata and its (already resolved) crossref parent."""
        record = self.records[index]
        fields = dict(record.fields)
        gained: dict[str, FieldValue] = {}
        for xkey in (k.strip() for k in self._links(index).get("xdata", "").split(",")):
            xparent = self.xdata.get(xkey)
            if xkey and xparent is None:
                self._missing(index, "xdata", xkey)
            elif xparent is not None:
                gained.update(inherited(record.type, fields | gained, xparent.fields, xdata=True))
        if parent_fields is not None:
            gained.update(inherited(record.type, fields | gained, parent_fields, xdata=False))
        if gained:
            stash = dict(record.extra[STASH_KEY])
            stash["inherited"] = list(gained)
            self.records[index] = record.evolve(
                fields=fields | gained, extra={**record.extra, STASH_KEY: stash}
            )
        return fields | gained

    def _missing(self, index: int, field: str, key: str) -> None:
        self.report(
            "missing-crossref",
            f"{field} {key!r} names no entry in this file (or a loop)",
            self.lines[index],
            item=self.records[index].key,
            field=field,
            severity="warning",
        )


def _links(record: Record, strings: dict[str, str]) -> list[tuple[str, str]]:
    """The record's crossref and xdata fields, resolved."""
    out: list[tuple[str, str]] = []
    for name, raw in stashed_fields(record.extra[STASH_KEY]):
        if name.lower() in ("crossref", "xdata"):
            out.append((name, resolve(raw, strings).text))
    return out


def read(
    text: str,
    *,
    source: str | None = None,
    dialect: str = "bibtex",
    progress: Callable[[int, int], None] | None = None,
    sentence_case: SentenceCase = "guess",
) -> Library:
    """Read BibTeX or BibLaTeX text. `progress(done, total)` is called every 2,000 blocks
    (`total` is estimated from the lines that start a block, and never less than `done`).
    `sentence_case` says which English titles become CSL's sentence case: "guess" (those
    that look like Title Case), "always" or "never" (see _case)."""
    if sentence_case not in SENTENCE_CASE_VALUES:
        choices = ", ".join(SENTENCE_CASE_VALUES)
        raise InputError(f"sentence_case must be one of {choices}, not {sentence_case!r}")
    if text.startswith("\ufeff"):
        text = text[1:]
    reader = _Reader(source, sentence_case)
    total = text.count("\n@") + 1 if progress is not None else 0
    done = 0
    collecting = gc.isenabled()
    gc.disable()  # the read only builds objects; cycle checks in mid-build cost a third of it
    try:
        for block, offset in split(text):
            if progress is not None and done % 2000 == 0:
                total = max(total, done)
                progress(done, total)
            reader.offset = offset
            reader.block(block)
            done += 1
        if progress is not None:
            progress(done, done)
        reader.inherit()
    finally:
        if collecting:
            gc.enable()
    return Library(
        records=reader.records,
        problems=reader.problems,
        blocks=reader.blocks,
        source=source,
        format="biblatex" if dialect == "biblatex" else "bibtex",
    )
