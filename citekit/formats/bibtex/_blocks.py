"""What a .bib file holds besides entries, kept so a BibTeX writer can put it back."""

from __future__ import annotations

from typing import Literal

import attrs

BlockKind = Literal["string", "preamble", "comment", "text", "failed", "xdata"]


@attrs.frozen
class BibBlock:
    """A non-entry block, verbatim, and where it stood.

    `position` is the number of records read before it, so the writer can interleave blocks
    and records in the original order. Kinds: `string` (@string; `key` and `value` as
    written), `preamble`, `comment` (@comment), `text` (anything between blocks), `failed`
    (a block that could not be read, or a second entry with a key already used), `xdata`
    (a BibLaTeX @xdata entry, not a record of its own, used for inheritance).
    """

    kind: BlockKind
    raw: str
    position: int
    line: int | None = None
    key: str | None = None
    value: str | None = None
