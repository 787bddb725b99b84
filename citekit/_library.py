"""Library: the records of one read, with the problems found on the way."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import attrs

from ._errors import Problem
from ._record import Record


def _records(value: Iterable[Record]) -> tuple[Record, ...]:
    return tuple(value)


def _problems(value: Iterable[Problem]) -> tuple[Problem, ...]:
    return tuple(value)


def _blocks(value: Iterable[object]) -> tuple[object, ...]:
    return tuple(value)


@attrs.frozen
class Library:
    """Records in input order, problems reported (never raised unless strict), and `blocks`:
    format-specific material other than entries (BibTeX @string, @preamble, @comment, failed
    blocks' raw text) that a writer of the same format puts back where it was.
    """

    records: tuple[Record, ...] = attrs.field(default=(), converter=_records)
    problems: tuple[Problem, ...] = attrs.field(default=(), converter=_problems)
    blocks: tuple[object, ...] = attrs.field(default=(), converter=_blocks, eq=False, repr=False)
    source: str | None = None
    format: str | None = None

    def __iter__(self) -> Iterator[Record]:
        return iter(self.records)

    def __len__(self) -> int:
        return len(self.records)

    def __getitem__(self, key: str) -> Record:
        for record in self.records:
            if record.key == key:
                return record
        raise KeyError(key)

    def get(self, key: str) -> Record | None:
        return next((r for r in self.records if r.key == key), None)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(r.key for r in self.records)

    @property
    def ok(self) -> bool:
        """True when nothing was reported at error level."""
        return not any(p.severity == "error" for p in self.problems)

    @classmethod
    def of(cls, records: Iterable[Record]) -> Library:
        return cls(records=tuple(records))
