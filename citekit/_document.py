"""Document: the citations of one paper, in order, as a word processor or a Sphinx build makes
them; the stateful counterpart of the stateless `Formatter`.

The contract (the same as citeproc-js's `processCitationCluster`):

- Only records that are cited (plus those passed as `uncited` to `bibliography`) take part in
  numbering (in order of first citation) and disambiguation; the others are only available.
- Each citation has positions (`first`, `subsequent`, `ibid`, `ibid-with-locator`,
  `near-note`) computed from the citations before it; `note` is the footnote number of a
  citation in a footnote (positions, `near-note`, `first-reference-note-number`), None for
  one in running text. In-text styles print no note numbers; as in citeproc-js, citations
  in running text and in footnotes are separate streams for `ibid`, in every style.
- `cite` appends and returns the new `Citation`; `insert`, `edit` and `remove` return every
  Citation whose text changed (the new or edited one included), so a caller redraws only those.
- A citation's text is redone only when something it depends on changed: its positions, or
  the number or disambiguation of one of its records. Appending costs about the same at any
  length of document (a record cited for the first time re-runs disambiguation, which grows
  with the number of different records cited, not with the number of citations).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from ._cite import Cite
from ._engine.positions import CiteRef, Position, Tracker, compute
from ._errors import InputError
from ._formatter import Entry, Rendering, as_cites
from ._library import Library
from ._record import Record
from ._styles import Style


@attrs.frozen
class Citation:
    """One citation of a Document: its id (for `edit`/`remove`), cites, note and current text."""

    id: str
    cites: tuple[Cite, ...]
    note: int | None
    text: str

    def __str__(self) -> str:
        return self.text


@attrs.define
class _Slot:
    id: str
    cites: tuple[Cite, ...]
    note: int | None
    refs: tuple[CiteRef, ...]
    positions: list[Position] = attrs.Factory(list)
    text: str = ""

    def citation(self) -> Citation:
        return Citation(self.id, self.cites, self.note, self.text)


class Document:
    """The citations of one document in one style and output (same options as `Formatter`).

    `uncited` records are registered before any citation (citeproc-js's
    `updateUncitedItems` before the first citation): they take part in disambiguation from
    the first citation on (a namesake only in the bibliography gives a cite its initial) and
    are in the bibliography; as in citeproc-js, they are numbered after the cited records.

    >>> doc = Document(records, "chicago-notes", output="html")
    >>> c = doc.cite(["a", Cite("b", locator="12", label="page")], note=1)
    >>> changed = doc.insert(0, ["b"], note=1)   # every Citation whose text changed
    >>> doc.citations                            # in document order, with current texts
    >>> doc.bibliography(uncited=["x"])          # cited records (plus uncited), style order
    """

    def __init__(
        self,
        records: Iterable[Record] | Library,
        style: Style | str,
        output: str = "text",
        locale: str | None = None,
        *,
        links: bool = True,
        block_breaks: bool = True,
        strip: bool = True,
        csl_aliases: bool = True,
        uncited: Iterable[str] = (),
    ) -> None:
        self._rendering = Rendering(
            records,
            style,
            output,
            locale,
            links=links,
            block_breaks=block_breaks,
            strip=strip,
            csl_aliases=csl_aliases,
        )
        r = self._rendering
        self.records, self.style, self.output, self.locale = r.records, r.style, r.output, r.locale
        self._session = r.session(register_all=False)
        self._session.render_as_word_processor()
        self._session.first_notes(self._first_note)
        self._registered: list[str] = []  # registration order: see `_wanted_registration`
        self._known: set[str] = set()  # the same, as a set
        self._uncited: list[str] = []
        self._uncited_first = list(dict.fromkeys(uncited))
        self._rendering.check_ids(self._session, [Cite(i) for i in self._uncited_first])
        self._order: list[str] = []
        self._slots: dict[str, _Slot] = {}
        self._citing: dict[str, list[str]] = {}  # record id -> ids of the citations citing it
        self._tracker = Tracker(r.near_note_distance)
        self._count = 0
        if self._uncited_first:
            self._sync_registration()

    # -- the public operations ------------------------------------------------------------

    @property
    def citations(self) -> list[Citation]:
        """Every citation in document order, with its current text."""
        return [self._slots[cid].citation() for cid in self._order]

    def cite(self, cites: Sequence[str | Cite], note: int | None = None) -> Citation:
        """Append a citation; -> the new Citation (earlier ones whose text changed, through
        disambiguation or numbering, are updated in `citations`)."""
        slot = self._slot(cites, note)
        self._order.append(slot.id)
        self._slots[slot.id] = slot
        self._index(slot)
        slot.positions = self._tracker.add(slot.refs, self._note(slot))
        changed = self._sync_registration(appended=slot)
        redo = {cid for rid in changed for cid in self._citing.get(rid, ())} | {slot.id}
        self._redo(redo)
        return slot.citation()

    def insert(self, index: int, cites: Sequence[str | Cite], note: int | None = None) -> list[Citation]:
        """Insert a citation before the one at `index` (as `list.insert`); -> every Citation
        whose text changed, the new one included, in document order."""
        slot = self._slot(cites, note)
        self._order.insert(index, slot.id)
        self._slots[slot.id] = slot
        self._index(slot)
        return self._refresh({slot.id})

    def edit(self, citation_id: str, cites: Sequence[str | Cite], note: int | None = None) -> list[Citation]:
        """Replace the cites (and note) of a citation; -> every Citation whose text changed,
        the edited one included, in document order."""
        old = self._get(citation_id)
        new = self._slot(cites, note, citation_id=citation_id)
        self._unindex(old)
        self._slots[citation_id] = new
        self._index(new)
        return self._refresh({citation_id})

    def remove(self, citation_id: str) -> list[Citation]:
        """Remove a citation; -> every remaining Citation whose text changed."""
        slot = self._get(citation_id)
        self._unindex(slot)
        self._order.remove(citation_id)
        del self._slots[citation_id]
        return self._refresh(set())

    def bibliography(self, uncited: Iterable[str] = ()) -> list[Entry]:
        """The entries of the cited records, plus the `uncited` ones, in the style's order.
        Uncited records are registered as citeproc-js's `updateUncitedItems` does: they take
        part in numbering and disambiguation (citations they change are updated)."""
        wanted = list(dict.fromkeys(uncited))
        self._rendering.check_ids(self._session, [Cite(i) for i in wanted])
        if wanted != self._uncited:
            self._uncited = wanted
            self._refresh(set())
        return self._rendering.entries(self._session.bibliography())

    # -- internals ------------------------------------------------------------------------

    def _slot(self, cites: Sequence[str | Cite], note: int | None, citation_id: str | None = None) -> _Slot:
        chosen = tuple(as_cites(cites))
        if not chosen:
            raise InputError("a citation needs at least one cite")
        if note is not None and (isinstance(note, bool) or not isinstance(note, int) or note < 0):
            raise InputError(f"note must be a footnote number (0 or more), not {note!r}")
        self._rendering.check_ids(self._session, chosen)
        if citation_id is None:
            self._count += 1
            citation_id = f"c{self._count}"
        refs = tuple(CiteRef(c.id, c.locator, c.label) for c in chosen)
        return _Slot(citation_id, chosen, note, refs)

    def _get(self, citation_id: str) -> _Slot:
        try:
            return self._slots[citation_id]
        except KeyError:
            raise InputError(f"no citation with id {citation_id!r} in this document") from None

    def _note(self, slot: _Slot) -> int:
        return slot.note or 0

    def _index(self, slot: _Slot) -> None:
        for rid in dict.fromkeys(c.id for c in slot.cites):
            self._citing.setdefault(rid, []).append(slot.id)

    def _unindex(self, slot: _Slot) -> None:
        for rid in dict.fromkeys(c.id for c in slot.cites):
            self._citing[rid].remove(slot.id)

    def _wanted_registration(self) -> list[str]:
        """Registration order: records made known before any citation (`uncited=` of the
        constructor), then cited records in order of first citation, then the `uncited` of
        `bibliography`. Numbers follow it, except that every uncited record is numbered
        after the cited ones (`Session.register`), as in citeproc-js."""
        first = (c.id for cid in self._order for c in self._slots[cid].cites)
        return list(dict.fromkeys([*self._uncited_first, *first, *self._uncited]))

    def _first_note(self, record_id: str) -> int | None:
        """The footnote of the record's first cite in a footnote, if any."""
        return self._tracker.notes.first_note.get(record_id)

    def _all_uncited(self) -> list[str]:
        return [*self._uncited_first, *self._uncited]

    def _sync_registration(self, appended: _Slot | None = None) -> set[str]:
        """Register what the document now cites; -> the records whose number or
        disambiguation changed (every record, when the session had to be rebuilt). After an
        append only the new citation's records can be new (no walk over the document), and
        the session redoes only the disambiguation they take part in."""
        if appended is not None and not self._uncited:
            new = [i for i in dict.fromkeys(c.id for c in appended.cites) if i not in self._known]
            if not new:
                return set()
            changed = self._session.register(new, self._uncited_first)
            self._registered += new
            self._known.update(new)
            return changed
        wanted = self._wanted_registration()
        if wanted[: len(self._registered)] == self._registered:
            if len(wanted) == len(self._registered):
                return set()
            changed = self._session.register(wanted[len(self._registered) :], self._all_uncited())
        else:  # a record is no longer cited, or first cited earlier: start again
            before = self._session.decisions()
            self._session = self._rendering.session(register_all=False)
            self._session.render_as_word_processor()
            self._session.first_notes(self._first_note)
            self._session.register(wanted, self._all_uncited())
            after = self._session.decisions()
            changed = {rid for rid, decision in after.items() if before.get(rid) != decision}
        self._registered = wanted
        self._known = set(wanted)
        return changed

    def _refresh(self, touched: set[str]) -> list[Citation]:
        """After an insert, edit or remove: positions and registration from scratch, then
        every citation whose inputs changed is redone; -> those whose text changed."""
        slots = [self._slots[cid] for cid in self._order]
        rows = compute([(s.refs, self._note(s)) for s in slots], self._rendering.near_note_distance)
        self._tracker = Tracker(self._rendering.near_note_distance)
        redo = set(touched)
        for slot, row in zip(slots, rows, strict=True):
            self._tracker.add(slot.refs, self._note(slot))
            if row != slot.positions:
                slot.positions = row
                redo.add(slot.id)
        changed = self._sync_registration()
        redo |= {cid for rid in changed for cid in self._citing.get(rid, ())}
        before = {cid: self._slots[cid].text for cid in redo if cid in self._slots}
        self._redo(redo)
        return [
            self._slots[cid].citation()
            for cid in self._order
            if cid in touched or (cid in before and before[cid] != self._slots[cid].text)
        ]

    def _redo(self, ids: set[str]) -> None:
        for cid in ids:
            slot = self._slots.get(cid)
            if slot is not None:
                marked = self._session.cite(slot.cites, slot.positions)
                slot.text = self._rendering.finish(marked)
