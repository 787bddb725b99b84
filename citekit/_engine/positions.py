"""Cite positions (CSL 1.0.2 `position` tests and `first-reference-note-number`), computed from
a document's citations in order, as citeproc-js does (its `processCitationCluster` position
pass), instead of citeproc-py's guess from the cites it happened to render on a shared element.

Citations in running text (note 0) and citations in footnotes are two separate streams: each
has its own record of what was cited, so an item first cited in the text is `first` again in
its first footnote. Within a stream:

- `first`: the item is cited for the first time; `subsequent`: every later cite of it;
- `ibid` (citeproc-js's three cases):
  1. a citation's first cite, in a later note than the citation before it: that citation is
     in the note just before (or the same note number), is the only cite in its note, and its
     (first) cite is of the same item; so a note without citations between them breaks ibid;
  2. a cite after a cite of the same item in the same citation;
  3. a citation's first cite, in the same note as the citation before it (or both in running
     text): the last cite of that citation is of the same item;
  then the locators decide, against the preceding cite (for cases 1 and 3 citeproc-js takes
  the *first* cite of the citation before): none after a locator is only `subsequent`; the
  same locator (or none twice) is `ibid`; another is `ibid-with-locator` (which also tests
  true for `ibid`);
- `near-note`: a subsequent cite whose note is at most `near-note-distance` notes after the
  last note citing the item (always, in running text);
- `first-reference-note-number`: the note of the item's first cite, unless that is this
  cite's own note (citeproc-js leaves the variable empty then: AGLC prints no `(n 8)`).

A note number lower than the one before starts the note stream again, as in citeproc-js.
"""

from __future__ import annotations

import collections
from collections.abc import Sequence

import attrs


@attrs.frozen
class Position:
    first: bool = True
    ibid: bool = False
    ibid_with_locator: bool = False
    near_note: bool = False
    first_note: int | None = None  # the note of the item's first cite, if another note

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
    """(ibid, ibid-with-locator) for a cite that follows a cite of the same item; citeproc-js
    compares locator and label as one string."""
    if current.locator is None:
        return previous.locator is None, False
    if previous.locator is not None and (previous.locator, previous.label or "") == (
        current.locator,
        current.label or "",
    ):
        return True, False
    return False, True


class _Stream:
    """What one stream (running text, or footnotes) has seen so far."""

    def __init__(self) -> None:
        self.reset()
        self.previous: Sequence[CiteRef] = ()  # the citation before, in this stream
        self.previous_note = 0

    def reset(self) -> None:
        self.first_note: dict[str, int] = {}
        self.last_note: dict[str, int] = {}
        self.cites_in_note: collections.Counter[int] = collections.Counter()

    def preceding(self, cites: Sequence[CiteRef], index: int, note: int) -> CiteRef | None:
        """The cite `cites[index]` is ibid of, if any (its locator decides which ibid)."""
        cite, previous = cites[index], self.previous
        if index > 0:
            return cites[index - 1] if cites[index - 1].id == cite.id else None
        if not previous:
            return None
        if self.previous_note != note:
            consecutive = self.previous_note >= note - 1 and self.cites_in_note[self.previous_note] == 1
            return previous[0] if consecutive and previous[0].id == cite.id else None
        return previous[0] if previous[-1].id == cite.id else None


class Tracker:
    """Positions of the cites of a document, one citation after another (so appending costs
    the same at any length)."""

    def __init__(self, near_note_distance: int) -> None:
        self.distance = near_note_distance
        self.text = _Stream()
        self.notes = _Stream()

    def add(self, cites: Sequence[CiteRef], note: int) -> list[Position]:
        """The positions of the next citation's cites (note 0: a citation in running text)."""
        stream = self.text if note == 0 else self.notes
        if note and stream.previous and stream.previous_note > note:
            stream.reset()
        stream.cites_in_note[note] += len(cites)
        row: list[Position] = []
        for index, cite in enumerate(cites):
            if cite.id not in stream.last_note:
                row.append(FIRST)
                stream.first_note[cite.id] = note
            else:
                before = stream.preceding(cites, index, note)
                ibid, with_locator = _ibid(cite, before) if before is not None else (False, False)
                near = note - stream.last_note[cite.id] <= self.distance
                first_note = stream.first_note[cite.id]
                row.append(
                    Position(False, ibid, with_locator, near, None if first_note == note else first_note)
                )
            stream.last_note[cite.id] = note
        stream.previous, stream.previous_note = cites, note
        return row


def compute(
    citations: Sequence[tuple[Sequence[CiteRef], int]], near_note_distance: int
) -> list[list[Position]]:
    """The position of every cite of `citations` ((cites, note number), in document order)."""
    tracker = Tracker(near_note_distance)
    return [tracker.add(cites, note) for cites, note in citations]
