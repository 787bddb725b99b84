"""The text of each citation form (the role's suffix: `p`, `t`, `year`, `label`, ...).

    p, ps          the style's citation: (Knuth, 1984), [1], [Knu84]
    alp, alps      the same without its outer brackets
    t, ts, ct, cts narrative: Knuth (1984), Knuth [1]; c capitalises the first letter
    author(s)      the names; cauthor(s) capitalised; authorpar(s) in parentheses
    year, yearpar  the year, as the style writes it in the citation (1984a)
    label(par)     the entry's label: its number in numeric styles, pybtex's alpha label
                   (Knu84) otherwise; labelpar in brackets
    empty          nothing shown: the entry is cited (listed, numbered) all the same

A citation in a footnote (note styles, :footcite:) holds the style's note, with positions
(ibid., short forms) counted within its page; a :footcite: in a style that is not a note
style holds the full entry, as sphinxcontrib-bibtex's footnotes do.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import attrs

import citekit

from ._citeparts import _inner, family, join, linked, short_names
from ._model import CitationUse, Part
from ._narrative import Narrative

if TYPE_CHECKING:
    from ._render import Renderer


def _capital(parts: list[Part]) -> list[Part]:
    """The first letter in upper case (`von Neumann` -> `Von Neumann`), for ct and cauthor."""
    for index, part in enumerate(parts):
        stripped = part.text.lstrip()
        if not stripped or stripped.startswith("<"):
            continue
        at = len(part.text) - len(stripped)
        parts[index] = Part(part.text[:at] + stripped[:1].upper() + stripped[1:], part.markup, part.key)
        break
    return parts


def _unbracketed(parts: list[Part]) -> list[Part]:
    """The citation without its outer brackets (`alp`, `alps`): from its first part's
    start and its last part's end, whether the items are one part or several."""
    if not parts:
        return parts
    if len(parts) == 1:
        return [Part(_inner(parts[0].text), parts[0].markup, parts[0].key)]
    first, last = parts[0].text, parts[-1].text
    if first[:1] in "([" and first[:1] and last[-1:] == {"(": ")", "[": "]"}[first[:1]]:
        parts = [
            attrs.evolve(parts[0], text=first[1:]),
            *parts[1:-1],
            attrs.evolve(parts[-1], text=last[:-1]),
        ]
    return [part for part in parts if part.text]


def _all_names(record: citekit.Record) -> str:
    names = record.names("author") or record.names("editor")
    families = [family(name) for name in names]
    return join(families) if families else record.text("title") or record.key


NAMED = frozenset(
    {"t", "ts", "ct", "cts", "author", "authors", "cauthor", "cauthors", "authorpar", "authorpars"}
)


class Forms:
    def __init__(self, renderer: Renderer) -> None:
        self.renderer = renderer
        self._narrative: Narrative | None = None
        # a page's notes are one Document: positions (ibid., short forms) run within the page
        self.pages: dict[str, citekit.Document] = {}
        self.in_notes: dict[tuple[str, int], tuple[citekit.Document, str]] = {}
        main = renderer.main
        self.note_style = main is not None and main.style.citation_format == "note"
        self.numeric = main is not None and main.style.citation_format == "numeric"
        # label and numeric styles cite in brackets; the partial forms follow them
        self.bracketed = main is not None and main.style.citation_format in ("numeric", "label")

    @property
    def main(self) -> citekit.Formatter:
        assert self.renderer.main is not None
        return self.renderer.main

    def parts(self, use: CitationUse, cites: list[citekit.Cite]) -> list[Part]:
        mode = use.mode
        if use.note:
            return self.note(use, cites)
        if mode == "empty":
            return []
        if mode in ("p", "ps", "alp", "alps"):
            text = self.main.cite(cites)
            parts = linked(self.main, text, cites, self.renderer.output)
            return _unbracketed(parts) if mode.startswith("alp") else parts
        if mode in ("t", "ts", "ct", "cts"):
            parts = list(self.narrative_parts(cites, full=mode.endswith("s")))
            return _capital(parts) if mode.startswith("c") else parts
        if mode.startswith(("author", "cauthor")):
            return self.names(cites, full=mode.endswith("s"), capital=mode.startswith("c"), par="par" in mode)
        if mode.startswith("year"):
            return self.wrapped([Part(self.year(cite), True, cite.id) for cite in cites], mode == "yearpar")
        if mode.startswith("label"):
            return self.wrapped(
                [Part(self.label(cite), False, cite.id) for cite in cites], mode == "labelpar"
            )
        return linked(self.main, self.main.cite(cites), cites, self.renderer.output)

    @property
    def narrative(self) -> Narrative:
        if self._narrative is None:
            keys = [c.id for u in self.renderer.uses if u.mode in NAMED for c in u.cites]
            self._narrative = Narrative(
                self.main,
                self.renderer.records,
                [k for key in keys if (k := self.renderer.selection.record_key(key))],
                self.renderer.output,
                self.renderer.settings.locale,
            )
        return self._narrative

    def narrative_parts(self, cites: list[citekit.Cite], *, full: bool) -> Iterator[Part]:
        """Each item's names and the rest of its citation; `full`: every author's name.
        Several items are joined by commas, as sphinxcontrib-bibtex joins them."""
        for index, cite in enumerate(cites):
            if index:
                yield Part(", ", False)
            parts = self.narrative.parts(cite)
            if full:
                names = Part(_all_names(self.renderer.records[cite.id]), False, cite.id)
                parts = (
                    [names, *parts[1:]]
                    if parts[0].markup
                    else [Part(names.text + " ", False, cite.id), *parts[1:]]
                )
            yield from parts

    def names(self, cites: list[citekit.Cite], *, full: bool, capital: bool, par: bool) -> list[Part]:
        records = self.renderer.records
        found: list[Part] = []
        for cite in cites:
            styled = None if full else self.narrative.names(cite)
            if styled is not None:
                found.append(Part(styled, True, cite.id))
            else:
                text = _all_names(records[cite.id]) if full else short_names(records[cite.id])
                found.append(Part(text, False, cite.id))
        parts = _capital(found) if capital else found
        return self.wrapped(parts, par, brackets="[]" if self.bracketed else "()")

    def year(self, cite: citekit.Cite) -> str:
        """The year as the style's narrative citation shows it (with a letter: 1984a)."""
        rest = self.narrative.rest(cite) if self.narrative.names_only else None
        if rest is not None:
            return _inner(rest)
        date = self.renderer.records[cite.id].date("issued")
        return str(date.year) if date is not None and date.year is not None else "n.d."

    def label(self, cite: citekit.Cite) -> str:
        if self.numeric:
            return _inner(self.main.cite([citekit.Cite(cite.id)]))
        return self.renderer.labels.get(cite.id, cite.id)

    def wrapped(self, parts: list[Part], par: bool, brackets: str = "[]") -> list[Part]:
        if not par:
            return list(self.joined(parts, ", "))
        opening, closing = brackets[0], brackets[1]
        return [Part(opening, False), *self.joined(parts, ", "), Part(closing, False)]

    @staticmethod
    def joined(parts: list[Part], between: str | None = None) -> Iterator[Part]:
        for index, part in enumerate(parts):
            if index:
                last = index == len(parts) - 1
                yield Part(between or (" and " if last else ", "), False)
            yield part

    def note(self, use: CitationUse, cites: list[citekit.Cite]) -> list[Part]:
        """A footnote's text: the style's note (positions within the page), or the full
        entries for a :footcite: in a style that is not a note style."""
        if use.foot and not self.note_style:
            entries = self.renderer.entries(
                self.main, [c.id for c in cites], (use.docname, use.line), numbers=False
            )
            texts = [entries[c.id] for c in cites if c.id in entries]
            return [Part("; ".join(texts), True, cites[0].id)]
        page = self.pages.get(use.docname)
        if page is None:
            page = self.pages[use.docname] = citekit.Document(
                self.renderer.everything,
                self.main.style,
                self.renderer.output,
                self.renderer.settings.locale,
                links=self.main.links,
            )
        citation = page.cite(cites, note=len(page.citations) + 1)
        self.in_notes[use.docname, use.serial] = (page, citation.id)
        return [Part(citation.text, True, cites[0].id)]

    def final_notes(self) -> Iterator[tuple[tuple[str, int], str]]:
        """((page, serial), text) of every note whose text a later note of its page changed
        (disambiguation), as each page's Document has it at the end."""
        for where, (page, citation_id) in self.in_notes.items():
            for citation in page.citations:
                if citation.id == citation_id:
                    yield where, citation.text
