"""CSL 1.0.2 variables citeproc-py does not know, made known to it.

citeproc-py 0.11 has CSL 1.0.1's lists of name and date variables (`citeproc.NAMES`,
`citeproc.DATES`). Its JSON source parses only those as names and dates, so `director`,
`compiler`, `curator` ... and `available-date` reached the engine as strings, and the first
style that asked for one (a film with a director in APA) made the whole bibliography raise.
Its sort keys consult the same lists. Both modules hold references to the same list
objects, so the missing CSL 1.0.2 variables (taken from citekit's own table, `_vocab`) are
appended to them once, on import: a fact about the CSL vocabulary, the same for every style
and render, not render state.
"""

from __future__ import annotations

import citeproc

from .._vocab import Kind, variables_of


def _known(kind: Kind, into: list[str]) -> tuple[str, ...]:
    missing = sorted(v.replace("-", "_") for v in variables_of(kind))
    added = tuple(v for v in missing if v not in into)
    into.extend(added)
    return added


ADDED_NAMES = _known(Kind.NAME, citeproc.NAMES)
ADDED_DATES = _known(Kind.DATE, citeproc.DATES)
