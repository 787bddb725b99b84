"""Cycle collection paused while a session builds or renders many records at once.

A session keeps a few dozen container objects per registered record (its engine reference,
name dicts, disambiguation memos, sort keys), so the heap grows with the records, and every
full collection the interpreter starts while it grows walks all of it. At 10,000 records
those walks were a tenth of a whole job, and the share grows with the number of records
(the one cost of a whole job that did). Registering and rendering make little cyclic
garbage, so the collector is paused for the call and left as it was found, as the readers
in `formats` do; memory is still freed by reference counting as usual.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """No automatic cycle collection inside the block (only turned back on if it was on)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
