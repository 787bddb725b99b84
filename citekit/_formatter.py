"""Formatter: citations and bibliographies for a set of records in one style and output."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Sequence

import attrs

from . import _fixups
from ._cite import Cite
from ._csljson import csl_values, engine_item
from ._engine import Session, compile_style
from ._engine.aliases import with_aliases
from ._engine.positions import CiteRef, compute
from ._errors import Location, Problem, UnknownRecordError
from ._library import Library
from ._markup import Node
from ._output import get_output
from ._record import Record
from ._styles import Style


@attrs.frozen
class Entry:
    """One bibliography entry: the record's id and the formatted text. An entry the engine
    could not render has empty text and the `problem` saying why (the others still render)."""

    id: str
    text: str
    problem: Problem | None = None

    def __str__(self) -> str:
        return self.text


def _style(style: Style | str) -> Style:
    return style if isinstance(style, Style) else Style.load(style)


def as_cites(cites: Sequence[str | Cite]) -> list[Cite]:
    return [Cite(c) if isinstance(c, str) else c for c in cites]


class Rendering:
    """What a Formatter and a Document share: the compiled style, the output writer and the
    options, and turning the engine's marked text into finished output."""

    def __init__(
        self,
        records: Iterable[Record] | Library,
        style: Style | str,
        output: str,
        locale: str | None,
        *,
        links: bool,
        block_breaks: bool,
        strip: bool,
        csl_aliases: bool,
    ) -> None:
        self.records = tuple(records)
        self.style = _style(style)
        self.output = output
        self.links = links
        self.block_breaks = block_breaks
        self.strip = strip
        self.csl_aliases = csl_aliases
        self._writer = get_output(output)
        self.compiled = compile_style(self.style, locale)
        self.locale = self.compiled.locale
        quotes = "".join(
            dict.fromkeys(self.compiled.term("close-quote") + self.compiled.term("close-inner-quote"))
        )
        self._context = _fixups.Context(
            punctuation_in_quote=self.compiled.locale_option("punctuation-in-quote").lower() == "true",
            close_quotes=quotes or "”’",
            protected=_fixups.protected_text(value for r in self.records for value in csl_values(r)),
        )
        citation = self.compiled.tree.root.citation
        self.near_note_distance = int(citation.get("near-note-distance", 5)) if citation is not None else 5
        self.note_style = self.compiled.tree.root.get("class") == "note"

    def session(self, *, register_all: bool) -> Session:
        items = [engine_item(r) for r in self.records]
        if self.csl_aliases:
            items = [with_aliases(item) for item in items]
        return Session(self.compiled, items, register_all=register_all)

    def check_ids(self, session: Session, cites: Sequence[Cite]) -> None:
        """An id no record has is an error naming the nearest ids (it used to print `id?`)."""
        for cite in cites:
            if not session.known(cite.id):
                near = difflib.get_close_matches(cite.id, session.ids, n=3, cutoff=0.5)
                raise UnknownRecordError(cite.id, tuple(near))

    def entries(self, marked: Sequence[tuple[str, str | Exception]], *, numbers: bool = True) -> list[Entry]:
        out = []
        for record_id, text in marked:
            if isinstance(text, Exception):
                problem = Problem("render", str(text), Location(item=record_id))
                out.append(Entry(record_id, "", problem))
            else:
                out.append(Entry(record_id, self.finish(text, numbers=numbers)))
        return out

    def finish(self, marked: str, *, numbers: bool = True) -> str:
        tree = _fixups.finish(marked, self._context)
        if not numbers:
            tree = _without_numbers(tree)
        elif self.output == "html":
            tree = _margin_and_inline(tree)
        text = self._writer.write(tree, links=self.links, block_breaks=self.block_breaks)
        return text.strip() if self.strip else text


class Formatter:
    """Every record is registered up front, so numbering and disambiguation see them all.

    `output` is text, html, markdown, rst or latex; `locale` defaults to the style's own;
    `links` turns DOIs and URLs into links in the marked-up outputs; `block_breaks=False`
    runs a style's display="block" parts on after a space instead of a line break;
    `strip=False` keeps the spaces a style leaves at the ends of an entry or citation (as
    citeproc-js does; the CSL test suite checks them); `csl_aliases=False` turns off
    citekit's CSL variable aliases (a style asking for `event` gets the record's
    `event-title`, and the other way round; citeproc-js has no such alias).

    A Formatter keeps no state between calls: it is safe to share between threads, and
    each `cite` is a citation on its own (see `Document` for a paper's worth of citations).
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
        self.links, self.block_breaks, self.strip, self.csl_aliases = links, block_breaks, strip, csl_aliases
        self._session = r.session(register_all=True)

    def cite(self, cites: Sequence[str | Cite]) -> str:
        """The in-text citation (or note text, in note styles) for these items.

        Stateless: every call is the first citation of its items, as if it were the only
        citation of a document (so never `ibid.` or a short note form from an earlier call).
        Numbering and disambiguation are those of all the Formatter's records. An unknown id
        raises `UnknownRecordError` naming the closest ids."""
        chosen = as_cites(cites)
        self._rendering.check_ids(self._session, chosen)
        refs = [CiteRef(c.id, c.locator, c.label) for c in chosen]
        (positions,) = compute([(refs, 0)], self._rendering.near_note_distance)
        return self._rendering.finish(self._session.cite(chosen, positions))

    def bibliography(
        self,
        ids: Iterable[str] | None = None,
        *,
        numbers: bool = True,
        progress: Callable[[int, int], None] | None = None,
    ) -> list[Entry]:
        """Entries in the style's order: every record, or those in `ids`. `numbers=False`
        leaves off a numeric style's citation number (for a single record on its own). A
        record the engine cannot render gives an Entry with its `problem`, not an exception.
        `progress(done, total)` is called as each entry renders (a command line's bar)."""
        marked = self._session.bibliography(None if ids is None else list(ids), progress)
        return self._rendering.entries(marked, numbers=numbers)


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
        rest, after = children[1:], []
        if rest and isinstance(rest[-1], str):  # citeproc-js's right-inline part ends before
            trailing = rest[-1][len(rest[-1].rstrip()) :]  # the entry's trailing space
            rest = [*rest[:-1], rest[-1].rstrip()] if rest[-1].rstrip() else rest[:-1]
            after = [trailing] if trailing else []
        if rest and not (len(rest) == 1 and isinstance(rest[0], Node) and rest[0].tag == "right-inline"):
            return Node(tree.tag, [children[0], Node("right-inline", rest), *after])
    return tree


def format_bibliography(
    records: Iterable[Record] | Library, style: Style | str, output: str = "text", locale: str | None = None
) -> list[str]:
    """The bibliography of `records` in `style`, as a list of formatted entries."""
    return [entry.text for entry in Formatter(records, style, output, locale).bibliography()]
