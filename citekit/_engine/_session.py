"""A rendering session: the records it may cite, the ones registered so far (numbering and
disambiguation see only those, as citeproc-js sees only the items it has been given), and
one `RenderState` that holds everything rendering learns. A Formatter registers every record
up front; a Document registers records as they are cited.

Every call makes the session's state the current one (`RenderState.active`) and holds the
session's lock, so one session is safe to share between threads and any number of sessions
render at once over the same compiled style.
"""

from __future__ import annotations

import threading
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from citeproc import Citation, CitationStylesBibliography, Locator

from .._cite import Cite
from .._errors import RenderError
from .._markup import MarkerFormatter
from . import quotes, substitute
from ._compile import CompiledStyle
from ._state import RenderState
from .collapse import NO_PRINTED_FORM, number_slot, numbers_only
from .disambiguation import CONDITION, GIVEN, NAMES, SUFFIX, Disambiguation
from .gcpause import paused
from .items import EngineItem, EngineSource, KeyIndex
from .positions import FIRST, Position
from .richtext import locale_quotes, prepare_item, rich_text
from .superscript import mark_superscripts


class Session:
    """Renders citations and a bibliography for a fixed set of engine items."""

    def __init__(
        self, compiled: CompiledStyle, items: Sequence[dict[str, Any]], *, register_all: bool = True
    ) -> None:
        self.compiled = compiled
        self._key_of: dict[str, str] = {}
        self._id_of: dict[str, str] = {}
        self._state = RenderState()
        self._lock = threading.RLock()
        self._decided: dict[str, tuple[Any, ...]] = {}  # key -> what its cites depend on
        self._last: set[str] = set()  # keys of uncited records: numbered after the others
        # A lone first cite's marked text around its number, where only the number differs
        # from record to record (`collapse.numbers_only`): learnt from the first such cite.
        self._number_slot: tuple[str, str] | None = None
        with paused():
            self._build(items, register_all)

    def _build(self, items: Sequence[dict[str, Any]], register_all: bool) -> None:
        compiled = self.compiled
        engine_items = []
        self._quotes = locale_quotes(compiled.tree.root)
        for index, item in enumerate(items):
            key = f"k{index}"
            if item["id"] in self._key_of:
                continue  # a repeated id: the first record wins, as in citeproc-js
            self._key_of[item["id"]] = key
            self._id_of[key] = item["id"]
            engine_items.append(prepare_item({**item, "id": key}, self._quotes))
        self.style_name = compiled.style.id
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            source = EngineSource(engine_items)
        with self._active():
            self._bib = CitationStylesBibliography(compiled.tree, source, MarkerFormatter)
        self._index = KeyIndex(self._bib)
        keys = self._index
        self._disambiguation = Disambiguation.for_style(
            compiled.tree, compiled.cites_numbers, lambda key: EngineItem(key, keys)
        )
        if register_all:
            self.register(list(self._key_of))

    def first_notes(self, lookup: Callable[[str], int | None]) -> None:
        """Where disambiguation finds the footnote of a record's first cite (a Document's
        positions): citeproc-js tells later cites apart by it (`Kim (n 4)`, `Kim (n 1)`)."""
        id_of = self._id_of
        self._disambiguation.first_note = lambda key: lookup(id_of[key])

    def render_as_word_processor(self) -> None:
        """Render as citeproc-js's processCitationCluster does (what a Document is measured
        against): a citation with nothing to print is the bare `[NO_PRINTED_FORM]`."""
        self._state.word_processor = True
        self._number_slot = None  # learnt again in this mode

    @contextmanager
    def _active(self) -> Iterator[None]:
        with self._lock, self._state.active():
            yield

    @contextmanager
    def _busy(self) -> Iterator[None]:
        """`_active`, for a call that registers many records: without cycle collection
        (see `gcpause`)."""
        with paused(), self._active():
            yield

    @property
    def ids(self) -> list[str]:
        """Every record id this session can cite, in the order given."""
        return list(self._key_of)

    @property
    def registered(self) -> list[str]:
        """The ids registered so far, in the style's bibliography order (numbering order)."""
        return [self._id_of[key] for key in self._bib.keys]

    def known(self, record_id: str) -> bool:
        return record_id in self._key_of

    def register(self, record_ids: Iterable[str], uncited: Iterable[str] = ()) -> set[str]:
        """Register these records (in this order, after those already registered), then sort
        and disambiguate again; -> the ids whose cites may now read differently: the new
        ones and those whose number or disambiguation changed (none: nothing was new).
        `uncited` records are numbered after all the others, as citeproc-js numbers the
        items of `updateUncitedItems` after the cited ones."""
        new = [self._key_of[i] for i in dict.fromkeys(record_ids) if i in self._key_of]
        new = [key for key in new if key not in self._decided]
        last = {self._key_of[i] for i in uncited if i in self._key_of}
        if not new and last <= self._last:
            return set()
        self._last |= last
        with self._busy():
            self._append(Citation([EngineItem(k, self._index) for k in new]))
            if self._last:
                items = self._bib.items
                self._bib.items = [i for i in items if i.key not in self._last]
                self._bib.items += [i for i in items if i.key in self._last]
                self._bib.keys = [item.key for item in self._bib.items]
            if self.compiled.has_bibliography:
                # the names sort keys render count in given-name disambiguation (every key is rendered)
                self._state.sorting = self._disambiguation.options.registers_names
                try:
                    self._bib.sort()
                except Exception as exc:
                    raise RenderError(f"{self.style_name}: sorting the bibliography failed: {exc!r}") from exc
                finally:
                    self._state.sorting = False
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    touched = self._disambiguation.update(self._bib, new)
            except Exception as exc:
                raise RenderError(f"{self.style_name}: disambiguating cites failed: {exc!r}") from exc
        changed = set()
        for key in touched:
            decision = self._decision(key)
            if self._decided.get(key) != decision:
                self._decided[key] = decision
                changed.add(self._id_of[key])
        return changed

    def _append(self, citation: Citation) -> None:
        """citeproc-py's `register`, without its scan of the key list for every item (which
        made registering n records take n² / 2 comparisons: seconds at 10,000)."""
        bib = self._bib
        citation.bibliography = bib
        seen = set(bib.keys)
        for item in citation.cites:
            if item.key in bib.source and item.key not in seen:
                seen.add(item.key)
                bib.keys.append(item.key)
                bib.items.append(item)

    def decisions(self) -> dict[str, tuple[Any, ...]]:
        """Every registered record's number and disambiguation (see `_decision`)."""
        return {self._id_of[key]: decision for key, decision in self._decided.items()}

    def _decision(self, key: str) -> tuple[Any, ...]:
        """What a cite of this record depends on besides its own data: its number and its
        disambiguation (a citation whose records' decisions change must be redone)."""
        reference = self._bib.source[key]
        given = reference.get(GIVEN)
        return (
            self._disambiguation.numbers.get(key, 0),
            reference.get(NAMES),
            tuple(sorted(given.items())) if given else None,
            reference.get(CONDITION),
            reference.get(SUFFIX),
        )

    def _finish(self, marked: str) -> str:
        """Engine output with citekit's own markers resolved (quotes, by nesting depth)."""
        return mark_superscripts(quotes.resolve(marked, *self._quotes))

    def cite(self, cites: Sequence[Cite], positions: Sequence[Position] | None = None) -> str:
        """The marked citation text. Every id must be registered; `positions` (one per cite,
        from the document) default to `first`."""
        items = []
        for index, cite in enumerate(cites):
            options: dict[str, Any] = {}
            if cite.locator is not None:
                options["locator"] = Locator(cite.label or "page", rich_text(cite.locator, self._quotes))
            if cite.prefix is not None:
                options["prefix"] = rich_text(cite.prefix, self._quotes)
            if cite.suffix is not None:
                options["suffix"] = rich_text(cite.suffix, self._quotes)
            item = EngineItem(self._key_of[cite.id], self._index, **options)
            item.ck_position = positions[index] if positions is not None else FIRST
            item.ck_suppress_author = cite.suppress_author
            item.ck_author_only = cite.author_only
            items.append(item)
        citation = Citation(items)
        with self._active():
            citation.bibliography = self._bib
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    for item in items:
                        self._note_number(item)
                    alone = _alone(cites, items)
                    marked = self._rendered_alone(items[0]) if alone else None
                    if marked is None:
                        marked = str(self.compiled.tree.render_citation(citation, [], _unknown))
                        if alone and self._number_slot is None and self._numbers_only(items[0]):
                            self._number_slot = number_slot(marked, items[0].number)
                    return self._finish(marked)
            except Exception as exc:
                ids = ", ".join(c.id for c in cites)
                raise RenderError(f"{self.style_name}: citing {ids} failed: {exc!r}") from exc

    def _rendered_alone(self, item: Any) -> str | None:
        """The marked text of a lone first cite with nothing added to it, if the session
        knows it without rendering: the cite disambiguation rendered (a Formatter cites
        each record so), or, in a style whose such cites differ only by their number
        (`numbers_only`), another record's cite with this one's number put in."""
        known = self._disambiguation.rendered(item.key, self._bib.source[item.key])
        if known is None and self._number_slot is not None and not item.is_bad():
            before, after = self._number_slot
            return f"{before}{item.number}{after}"
        return known

    def _numbers_only(self, item: Any) -> bool:
        return numbers_only(self.compiled.tree.root) and not item.is_bad()

    def _note_number(self, item: Any) -> None:
        """`first-reference-note-number` for this cite (none for a first cite)."""
        reference = self._bib.source[item.key]
        note = item.ck_position.first_note
        if item.ck_position.first or note is None:
            reference.pop("first_reference_note_number", None)
        else:
            reference["first_reference_note_number"] = str(note)

    def bibliography(
        self, ids: Sequence[str] | None = None, progress: Callable[[int, int], None] | None = None
    ) -> list[tuple[str, str | Exception]]:
        """(id, marked entry) in the style's order, for every registered record or those in
        `ids`; an entry that fails is given as its exception, so the others still render.
        `progress(done, total)` is called after each entry (a command line's bar)."""
        if not self.compiled.has_bibliography:
            return []
        wanted = None if ids is None else {self._key_of[i] for i in ids if i in self._key_of}
        items = [item for item in self._bib.items if wanted is None or item.key in wanted]
        out: list[tuple[str, str | Exception]] = []
        with self._active():
            substitute.reset(self.compiled.tree)
            for done, item in enumerate(items, 1):
                if progress is not None:
                    progress(done - 1, len(items))
                record_id = self._id_of[item.key]
                try:
                    with warnings.catch_warnings():
                        warnings.simplefilter("ignore")
                        rendered = self.compiled.tree.render_bibliography([item])
                except Exception as exc:
                    out.append(
                        (record_id, RenderError(f"{self.style_name}: item {record_id!r} failed: {exc!r}"))
                    )
                    continue
                if rendered:
                    out.append((record_id, self._finish(str(rendered[0]))))
                elif self.compiled.numeric_citations:  # as citeproc-js: numbered, not dropped
                    out.append((record_id, f"{len(out) + 1}. {NO_PRINTED_FORM}"))
            if progress is not None:
                progress(len(items), len(items))
        return out


def _alone(cites: Sequence[Cite], items: list[Any]) -> bool:
    """Whether this is a lone first cite with nothing added to it: its text depends only on
    the record, its number and its disambiguation."""
    if len(cites) != 1:
        return False
    cite, position = cites[0], items[0].ck_position
    if cite.locator is not None or cite.prefix is not None or cite.suffix is not None:
        return False
    return not (cite.suppress_author or cite.author_only or not position.first or position.near_note)


def _unknown(item: Any) -> str:
    return f"{item.key}?"
