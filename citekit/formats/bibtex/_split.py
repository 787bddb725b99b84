"""BibTeX text -> bibtexparser v2's blocks, split a piece at a time.

The text is fed to bibtexparser's Splitter in pieces of about PIECE characters, each cut just
before a line that starts a block, and the blocks are handed out one by one, each freed once
read: only one piece's blocks are ever alive. The splitter itself always starts a new block at
such a line (it aborts any block still open there), so the pieces give the blocks of one whole
run; test_bibtex_pieces checks it on the corpus. A block still open at the end of a piece (it
ran into the cut) is not handed out: the next piece starts with it, so that it ends at the
next block's line with the same error as in one run.

Lines are counted here, from where each block starts: the splitter's own count skips a
newline after a backslash (`\\TeX\\` at a line end) and drifts from there on. Each block
comes with the number to add to its `start_line` (and its fields') to get its 0-based line
in the whole text.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator

from bibtexparser.model import (
    Block,
    DuplicateBlockKeyBlock,
    DuplicateFieldKeyBlock,
    ImplicitComment,
    ParsingFailedBlock,
)
from bibtexparser.splitter import Splitter

PIECE = 1 << 16  # characters per piece fed to the splitter (about 150 entries)
# A line that starts a block, as the splitter sees one (its _BLOCK_START, at a line start).
_BLOCK_LINE = re.compile(r"\n(?=[ \t]*@\w*[ \t]*[{(])")


def split(text: str) -> Iterator[tuple[Block, int]]:
    """Each block of `text`, with the lines to add to its start_line."""
    start = end = lines = 0
    n = len(text)
    while start < n:
        cut = max(start + PIECE, end)
        m = _BLOCK_LINE.search(text, cut) if cut < n else None
        end = m.end() if m is not None else n
        piece = text[start:end]
        blocks = _split(piece)
        read_to = len(piece)
        if end < n and blocks:
            last, at = blocks[-1]
            error = getattr(last, "error", None)
            if at is not None and getattr(error, "end_index", None) == len(piece) + 1:
                blocks.pop()  # it ran to the end of the piece: split it again with the next
                read_to = at
        blocks.reverse()
        line = lines
        cursor = 0
        while blocks:  # popped, so that each block is freed once it is read
            block, at = blocks.pop()
            if at is not None:
                line += piece.count("\n", cursor, at)
                cursor = at
            start_line = block.start_line or 0
            yield block, (line if at is not None else lines + start_line) - start_line
        lines += piece.count("\n", 0, read_to)
        start += read_to


def _split(text: str) -> list[tuple[Block, int | None]]:
    """bibtexparser's blocks, each with where it starts in `text` (None if not found), and
    with each failed block extended over the text that follows it up to the next block, so
    that writing its raw text back reads the same way again."""
    logger = logging.getLogger("bibtexparser.splitter")
    level = logger.level
    logger.setLevel(logging.CRITICAL)  # its warnings become Problems here
    try:
        blocks = Splitter(text).split().blocks
    finally:
        logger.setLevel(level)
    out: list[tuple[Block, int | None]] = []
    cursor = 0
    for block in blocks:
        raw = block.raw or ""
        start = -1
        if raw and out and isinstance(out[-1][0], _Failed) and out[-1][1] is not None:
            # Two block starts on one line (`@article{@article{a, ...}`): the splitter gives
            # the failed block a raw text running into the next block's `@article`. Cut it
            # there, or each read -> write cycle would add one more `@article` line.
            failed, failed_at = out[-1]
            assert isinstance(failed, _Failed) and failed_at is not None
            at = text.rfind("@", failed_at + 1, cursor)
            while at > failed_at:
                if text.startswith(raw, at):
                    failed.cut(text[failed_at:at].rstrip(), at)
                    start = at
                    break
                at = text.rfind("@", failed_at + 1, at)
        if start < 0:
            start = text.find(raw, cursor) if raw else -1
        if start < 0:
            out.append((block, None))
            continue
        end = start + len(raw)
        previous = out[-1][0] if out else None
        if isinstance(block, ImplicitComment) and isinstance(previous, _Failed):
            previous.extend(text[previous.end : end], end)
        elif isinstance(block, ParsingFailedBlock) and not isinstance(
            block, DuplicateBlockKeyBlock | DuplicateFieldKeyBlock
        ):
            out.append((_Failed(block, end), start))
        else:
            out.append((block, start))
        cursor = end
    return out


class _Failed(ParsingFailedBlock):
    """A failed block that can grow over the unread text after it."""

    def __init__(self, block: ParsingFailedBlock, end: int) -> None:
        super().__init__(error=block.error, start_line=block.start_line, raw=block.raw)
        self.end = end

    def cut(self, raw: str, end: int) -> None:
        self._raw = raw
        self.end = end

    def extend(self, more: str, end: int) -> None:
        self._raw = (self._raw or "") + more
        self.end = end
