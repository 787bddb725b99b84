"""Cite positions (CSL 1.0.2 `position` tests and `first-reference-note-number`), computed from
a document's citations in order, as citeproc-js does, instead of citeproc-py's guess from
the cites it happened to render on a shared element.

- `first`: the item is cited for the first time; `subsequent`: every later cite of it;
- `ibid`: the cite follows a cite of the same item in the same citation, or opens a citation
  that follows a citation made of one cite of that item; a cite without a locator after
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
    cited, in which notes, and the citation before (so appending costs the same at any length)."""

    def __init__(self, near_note_distance: int) -> None:
        self.distance = near_note_distance
        self.first_note: dict[str, int] = {}
        self.last_note: dict[str, int] = {}
        self.previous: Sequence[CiteRef] = ()

    def add(self, cites: Sequence[CiteRef], note: int) -> list[Position]:
        """The positions of the next citation's cites (note 0: a citation in running text)."""
        row: list[Position] = []
        for index, cite in enumerate(cites):
            if cite.id not in self.last_note:
                row.append(FIRST)
            else:
                if index > 0:
                    before: CiteRef | None = cites[index - 1] if cites[index - 1].id == cite.id else None
                else:
                    single = len(self.previous) == 1 and self.previous[0].id == cite.id
                    before = self.previous[0] if single else None
                ibid, with_locator = _ibid(cite, before) if before is not None else (False, False)
                near = note - self.last_note[cite.id] <= self.distance
                row.append(Position(False, ibid, with_locator, near, self.first_note.get(cite.id)))
            self.first_note.setdefault(cite.id, note)
            self.last_note[cite.id] = note
        self.previous = cites
        return row


def compute(
    citations: Sequence[tuple[Sequence[CiteRef], int]], near_note_distance: int
) -> list[list[Position]]:
    """The position of every cite of `citations` ((cites, note number), in document order)."""
    tracker = Tracker(near_note_distance)
    return [tracker.add(cites, note) for cites, note in citations]
