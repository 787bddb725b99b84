"""Formatter: citations and bibliographies for a set of records in one style and output."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from . import _fixups
from ._cite import Cite
from ._csljson import engine_item
from ._engine import Session, compile_style
from ._library import Library
from ._markup import Node
from ._output import get_output
from ._record import Record
from ._styles import Style


@attrs.frozen
class Entry:
    """One bibliography entry: the record's id and the formatted text."""

    id: str
    text: str

    def __str__(self) -> str:
        return self.text


def _style(style: Style | str) -> Style:
    return style if isinstance(style, Style) else Style.load(style)


class Formatter:
    """Every record is registered up front, so numbering and disambiguation see them all.

    `output` is text, html, markdown, rst or latex; `locale` defaults to the style's own;
    `links` turns DOIs and URLs into links in the marked-up outputs; `block_breaks=False`
    runs a style's display="block" parts on after a space instead of a line break;
    `strip=False` keeps the spaces a style leaves at the ends of an entry or citation (as
    citeproc-js does; the CSL test suite checks them).
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
    ) -> None:
        self.records = tuple(records)
        self.style = _style(style)
        self.output = output
        self.links = links
        self.block_breaks = block_breaks
        self.strip = strip
        self._writer = get_output(output)
        compiled = compile_style(self.style, locale)
        self.locale = compiled.locale
        self._session = Session(compiled, [engine_item(r) for r in self.records])
        quotes = "".join(dict.fromkeys(compiled.term("close-quote") + compiled.term("close-inner-quote")))
        self._context = _fixups.Context(
            punctuation_in_quote=compiled.locale_option("punctuation-in-quote").lower() == "true",
            close_quotes=quotes or "”’",
            protected=_fixups.protected_text(r.to_csl() for r in self.records),
        )

    def cite(self, cites: Sequence[str | Cite]) -> str:
        """The in-text citation (or note text, in note styles) for these items."""
        return self._finish(self._session.cite([Cite(c) if isinstance(c, str) else c for c in cites]))

    def bibliography(self, ids: Iterable[str] | None = None, *, numbers: bool = True) -> list[Entry]:
        """Entries in the style's order: every record, or those in `ids`. `numbers=False`
        leaves off a numeric style's citation number (for a single record on its own)."""
        entries = self._session.bibliography(None if ids is None else list(ids))
        return [Entry(record_id, self._finish(marked, numbers=numbers)) for record_id, marked in entries]

    def _finish(self, marked: str, *, numbers: bool = True) -> str:
        tree = _fixups.finish(marked, self._context)
        if not numbers:
            tree = _without_numbers(tree)
        elif self.output == "html":
            tree = _margin_and_inline(tree)
        text = self._writer.write(tree, links=self.links, block_breaks=self.block_breaks)
        return text.strip() if self.strip else text


def _without_numbers(tree: Node) -> Node:
    """Drop the left-margin field (or a bare citation number) and what joins it to the rest."""
    children = list(tree.children)
    for index, child in enumerate(children):
        if isinstance(child, Node) and child.tag in ("left-margin", "citation-number"):
            rest = children[index + 1 :]
            if rest and isinstance(rest[0], str):
                rest[0] = rest[0].lstrip()
            return Node(tree.tag, children[:index] + rest)
        if isinstance(child, str) and child.strip():
            break
    return tree


def _margin_and_inline(tree: Node) -> Node:
    """As citeproc-js: after a left-margin field, the rest of the entry is right-inline."""
    children = tree.children
    if children and isinstance(children[0], Node) and children[0].tag == "left-margin":
        rest = children[1:]
        if rest and isinstance(rest[-1], str):  # citeproc-js trims the end of the right-inline part
            rest = [*rest[:-1], rest[-1].rstrip()] if rest[-1].rstrip() else rest[:-1]
        if rest and not (len(rest) == 1 and isinstance(rest[0], Node) and rest[0].tag == "right-inline"):
            return Node(tree.tag, [children[0], Node("right-inline", rest)])
    return tree


def format_bibliography(
    records: Iterable[Record] | Library, style: Style | str, output: str = "text", locale: str | None = None
) -> list[str]:
    """The bibliography of `records` in `style`, as a list of formatted entries."""
    return [entry.text for entry in Formatter(records, style, output, locale).bibliography()]
