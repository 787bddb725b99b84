"""Cite positions (CSL 1.0.2 `position` tests and `first-reference-note-number`), computed from
a document's citations in order, as citeproc-js does, instead of citeproc-py's guess from
the cites it happened to render on a shared element.

- `first`: the item is cited for the first time; `subsequent`: every later cite of it;
- `ibid`: the cite follows a cite of the same item in the same citation, or opens a citation
  whose predecessor (see `Tracker`) cites only that item; a cite without a locator after
  one with a locator is only `subsequent`; with the same locator (or none twice) it is
  `ibid`, with another locator `ibid-with-locator` (which also tests true for `ibid`);
- `near-note`: a subsequent cite whose note is at most `near-note-distance` notes after the
  last note citing the item.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs


@attrs.frozen
class Position:
    first: bool = True
    ibid: bool = False
    ibid_with_locator: bool = False
    near_note: bool = False
    first_note: int | None = None  # the note of the item's first cite (note styles)

    def test(self, name: str) -> bool:
        if name == "first":
            return self.first
        if name == "subsequent":
            return not self.first
        if name == "ibid":
            return self.ibid or self.ibid_with_locator
        if name == "ibid-with-locator":
            return self.ibid_with_locator
        if name == "near-note":
            return self.near_note
        return False


FIRST = Position()


@attrs.frozen
class CiteRef:
    """What positions depend on: the cited item and its locator (label included)."""

    id: str
    locator: str | None = None
    label: str | None = None


def _ibid(current: CiteRef, previous: CiteRef) -> tuple[bool, bool]:
    """(ibid, ibid-with-locator) for a cite that follows a cite of the same item."""
    if current.locator is None:
        return previous.locator is None, False
    if previous.locator is not None and (previous.locator, previous.label) == (
        current.locator,
        current.label,
    ):
        return True, False
    return False, True


class Tracker:
    """Positions of the cites of a document, one citation after another: what has been
    cited, in which notes, and the citations before (so appending costs the same at any
    length). As in citeproc-js, citations in running text (note 0) and in notes are two
    streams for `ibid`: an in-text cite looks back at the last in-text citation; the first
    cite of a note looks back at the whole previous note (every citation in it), the first
    cite of a further citation in the same note at the citation just before."""

    def __init__(self, near_note_distance: int) -> None:
        self.distance = near_note_distance
        self.first_note: dict[str, int] = {}
        self.last_note: dict[str, int] = {}
        self.in_text: Sequence[CiteRef] = ()  # the last citation in running text
        self.note = 0  # the note of the last citation in a note
        self.note_cites: list[CiteRef] = []  # every cite of that note
        self.in_note: Sequence[CiteRef] = ()  # the last citation in that note

    def _before(self, note: int) -> Sequence[CiteRef]:
        if note == 0:
            return self.in_text
        return self.in_note if note == self.note else self.note_cites

    def add(self, cites: Sequence[CiteRef], note: int) -> list[Position]:
        """The positions of the next citation's cites (note 0: a citation in running text)."""
        row: list[Position] = []
        group = self._before(note)
        for index, cite in enumerate(cites):
            if cite.id not in self.last_note:
                row.append(FIRST)
            else:
                before: CiteRef | None = None
                if index > 0:
                    before = cites[index - 1] if cites[index - 1].id == cite.id else None
                elif group and all(c.id == cite.id for c in group):
                    before = group[-1]
                ibid, with_locator = _ibid(cite, before) if before is not None else (False, False)
                near = note - self.last_note[cite.id] <= self.distance
                row.append(Position(False, ibid, with_locator, near, self.first_note.get(cite.id)))
            self.first_note.setdefault(cite.id, note)
            self.last_note[cite.id] = note
        if note == 0:
            self.in_text = cites
        else:
            if note != self.note:
                self.note, self.note_cites = note, []
            self.note_cites.extend(cites)
            self.in_note = cites
        return row


def compute(
    citations: Sequence[tuple[Sequence[CiteRef], int]], near_note_distance: int
) -> list[list[Position]]:
    """The position of every cite of `citations` ((cites, note number), in document order)."""
    tracker = Tracker(near_note_distance)
    return [tracker.add(cites, note) for cites, note in citations]
