"""BibTeX/BibLaTeX text -> Library: bibtexparser's splitter, then citekit's own stages.

Pipeline: split (bibtexparser v2's Splitter, no middleware) -> per block: @string values
resolved in order, entries' fields resolved (@string names, `#`) and mapped (_tocsl) ->
crossref/xdata inheritance (_crossref) -> Library. Each problem is reported with its file,
line (1-based), entry key and field; nothing stops the read.
"""

from __future__ import annotations

import gc
import logging
import re
from collections.abc import Callable

from bibtexparser.model import (
    Block,
    DuplicateBlockKeyBlock,
    DuplicateFieldKeyBlock,
    Entry,
    ExplicitComment,
    ImplicitComment,
    ParsingFailedBlock,
    Preamble,
    String,
)
from bibtexparser.splitter import Splitter

from ..._errors import InvalidRecordError, Location, Problem
from ..._json import JSON
from ..._library import Library
from ..._record import FieldValue, Record
from ._blocks import BibBlock
from ._crossref import inherited
from ._stash import STASH_KEY
from ._tocsl import Mapped, to_csl
from ._values import resolve

_DEFINES = re.compile(r"\\(?:(?:re)?newcommand\*?|providecommand\*?|def)\s*\{?\s*\\([A-Za-z@]+)")
_TYPE_AS_WRITTEN = re.compile(r"@\s*([^\s{(]+)")


class _Reader:
    """State for one read: strings seen so far, records, blocks, problems."""

    def __init__(self, source: str | None) -> None:
        self.source = source
        self.strings: dict[str, str] = {}
        self.records: list[Record] = []
        self.xdata: dict[str, Mapped] = {}
        self.blocks: list[BibBlock] = []
        self.problems: list[Problem] = []
        self.unnamed = 0
        self.lines: list[int | None] = []
        self.defined: set[str] = set()  # commands a @preamble defines
        self.children: list[int] = []  # records with a crossref or xdata field

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
        line = None if block.start_line is None else block.start_line + 1
        self.blocks.append(BibBlock(kind, (block.raw or "").strip(), len(self.records), line, **more))  # type: ignore[arg-type]

    def block(self, block: Block) -> None:
        line = None if block.start_line is None else block.start_line + 1
        if isinstance(block, DuplicateBlockKeyBlock):
            inner = block.ignore_error_block
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
            self.report(
                "duplicate-key",
                f"key {block.key!r} already used; entry kept as text",
                line,
                item=block.key,
                raw=block.raw,
            )
            self.keep("failed", block)
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

    def string(self, block: String) -> None:
        line = None if block.start_line is None else block.start_line + 1
        resolved = resolve(block.value, self.strings)
        for name in resolved.undefined:
            self.report(
                "undefined-string",
                f"@string {name!r} is not defined",
                line,
                item=block.key,
                severity="warning",
            )
        self.strings[block.key.lower()] = resolved.text
        self.keep("string", block, key=block.key, value=block.value)

    def entry(self, entry: Entry) -> None:
        line = None if entry.start_line is None else entry.start_line + 1
        m = _TYPE_AS_WRITTEN.match(entry.raw or "")
        written_type = m.group(1) if m else entry.entry_type
        key = entry.key
        resolved: list[tuple[str, str]] = []
        for f in entry.fields:
            value = resolve(f.value, self.strings)
            if value.undefined or not value.balanced:
                fline = f.start_line + 1
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
            resolved.append((f.key.lower(), value.text))
        mapped = to_csl(entry.entry_type, resolved)
        for note in mapped.notes:
            if note.command is not None and note.command in self.defined:
                continue  # defined in the file's @preamble: kept as written, not unknown
            self.report(note.kind, note.message, line, item=key, field=note.field, severity=note.severity)
        stash: dict[str, JSON] = {
            "entrytype": written_type,
            "fields": [[f.key, f.value] for f in entry.fields],
        }
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
        try:
            record = Record(id=record_id, type=mapped.type, fields=mapped.fields, extra={STASH_KEY: stash})
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

    def inherit(self) -> None:
        """Fill crossref/xdata fields in from parents (parents' own inheritance first)."""
        if not self.children:
            return
        by_key: dict[str, int] = {}
        for index, record in enumerate(self.records):
            by_key.setdefault(record.key, index)
            by_key.setdefault(record.key.lower(), index)
        done: dict[int, dict[str, FieldValue]] = {}

        def resolved(index: int, trail: frozenset[int]) -> dict[str, FieldValue]:
            if index in done:
                return done[index]
            record = self.records[index]
            fields = dict(record.fields)
            present = {k.lower(): v for k, v in _links(record, self.strings)}
            gained: dict[str, FieldValue] = {}
            for xkey in (k.strip() for k in present.get("xdata", "").split(",")):
                parent = self.xdata.get(xkey)
                if xkey and parent is None:
                    self._missing(index, "xdata", xkey)
                elif parent is not None:
                    gained.update(inherited(record.type, fields | gained, parent.fields, xdata=True))
            ckey = present.get("crossref", "").strip()
            if ckey:
                parent_index = by_key.get(ckey, by_key.get(ckey.lower()))
                if parent_index is None or parent_index in trail or parent_index == index:
                    self._missing(index, "crossref", ckey)
                else:
                    parent_fields = resolved(parent_index, trail | {index})
                    gained.update(inherited(record.type, fields | gained, parent_fields, xdata=False))
            if gained:
                stash = dict(record.extra[STASH_KEY])
                stash["inherited"] = list(gained)
                self.records[index] = record.evolve(
                    fields=fields | gained, extra={**record.extra, STASH_KEY: stash}
                )
            done[index] = fields | gained
            return done[index]

        for index in self.children:
            resolved(index, frozenset())

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
    for name, raw in record.extra[STASH_KEY]["fields"]:
        if name.lower() in ("crossref", "xdata"):
            out.append((name, resolve(raw, strings).text))
    return out


def _split(text: str) -> list[Block]:
    """bibtexparser's blocks, with each failed block extended over the text that follows it
    up to the next block, so that writing its raw text back reads the same way again."""
    logger = logging.getLogger("bibtexparser.splitter")
    level = logger.level
    logger.setLevel(logging.CRITICAL)  # its warnings become Problems here
    try:
        blocks = Splitter(text).split().blocks
    finally:
        logger.setLevel(level)
    out: list[Block] = []
    cursor = 0
    for block in blocks:
        raw = block.raw or ""
        start = text.find(raw, cursor) if raw else -1
        if start < 0:
            out.append(block)
            continue
        end = start + len(raw)
        previous = out[-1] if out else None
        if isinstance(block, ImplicitComment) and isinstance(previous, _Failed):
            previous.extend(text[previous.end : end], end)
        elif isinstance(block, ParsingFailedBlock) and not isinstance(
            block, DuplicateBlockKeyBlock | DuplicateFieldKeyBlock
        ):
            out.append(_Failed(block, end))
        else:
            out.append(block)
        cursor = end
    return out


class _Failed(ParsingFailedBlock):
    """A failed block that can grow over the unread text after it."""

    def __init__(self, block: ParsingFailedBlock, end: int) -> None:
        super().__init__(error=block.error, start_line=block.start_line, raw=block.raw)
        self.end = end

    def extend(self, more: str, end: int) -> None:
        self._raw = (self._raw or "") + more
        self.end = end


def read(
    text: str,
    *,
    source: str | None = None,
    dialect: str = "bibtex",
    progress: Callable[[int, int], None] | None = None,
) -> Library:
    """Read BibTeX or BibLaTeX text. `progress(done, total)` is called every 2,000 blocks."""
    if text.startswith("\ufeff"):
        text = text[1:]
    blocks: list[Block | None] = list(_split(text))
    reader = _Reader(source)
    total = len(blocks)
    collecting = gc.isenabled()
    gc.disable()  # the read only builds objects; cycle checks in mid-build cost a third of it
    try:
        for index in range(total):
            if progress is not None and index % 2000 == 0:
                progress(index, total)
            block = blocks[index]
            if block is not None:
                reader.block(block)
            blocks[index] = None  # free each parsed block once it has become a record
        reader.inherit()
    finally:
        if collecting:
            gc.enable()
    if progress is not None:
        progress(total, total)
    return Library(
        records=reader.records,
        problems=reader.problems,
        blocks=reader.blocks,
        source=source,
        format="biblatex" if dialect == "biblatex" else "bibtex",
    )
