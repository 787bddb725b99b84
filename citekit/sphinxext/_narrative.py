"""Narrative and partial citations from the style: the names are an author-only citation
(`Cooley and Tukey`), what follows them a suppress-author citation (`(1965, p. 3)`), as a
word processor makes `Cooley and Tukey (1965)`. Nothing is written in English by hand.

A style that joins names with a symbol in its citations (APA's `Cooley & Tukey, 1965`) is
read through a copy of it whose names join with the locale's word ("and"), the form such
manuals give for names in running text; the copy changes only that attribute of the XML.
Styles whose citations hold no names (numeric, label) give no author-only form: their
narrative forms are the names from the record before the style's citation
(`Knuth [Knu84]`), as sphinxcontrib-bibtex writes them.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs
from lxml import etree

import citekit

from ._citeparts import short_names
from ._model import Part

# the processors' marks for a cite with nothing to print (citeproc-py's, citeproc-js's)
_NO_FORM = ("[CSL STYLE ERROR", "[NO_PRINTED_FORM]")


def _printed(text: str) -> str | None:
    """The text, or None when the processor printed nothing usable."""
    return None if not text.strip() or any(mark in text for mark in _NO_FORM) else text


def running_text_style(style: citekit.Style) -> citekit.Style | None:
    """The style with `and="symbol"` made `and="text"` on its names; None when it has none."""
    root = etree.fromstring(style.xml)
    changed = False
    for element in root.iter():
        if element.get("and") == "symbol":
            element.set("and", "text")
            changed = True
    return citekit.Style.load(etree.tostring(root, encoding="unicode")) if changed else None


class Narrative:
    """Author-only and suppress-author citations of one style, for the records cited in
    running text; built once per render."""

    def __init__(
        self,
        main: citekit.Formatter,
        records: dict[str, citekit.Record],
        narrative_keys: Iterable[str],
        output: str,
        locale: str | None,
    ) -> None:
        self.main = main
        self.records = records
        self.names_only = main.style.citation_format not in ("numeric", "label")
        self.names_formatter = main
        keys = [key for key in dict.fromkeys(narrative_keys) if key in records]
        variant = running_text_style(main.style) if self.names_only and keys else None
        if variant is not None:
            self.names_formatter = citekit.Formatter(
                [records[key] for key in keys], variant, output, locale, links=main.links
            )

    def names(self, cite: citekit.Cite) -> str | None:
        """The author-only citation's text (markup), or None where the style gives none."""
        if not self.names_only:
            return None
        try:
            return _printed(self.names_formatter.cite([citekit.Cite(cite.id, author_only=True)]))
        except citekit.CitekitError:
            return None

    def rest(self, cite: citekit.Cite) -> str | None:
        """The suppress-author citation's text: `(1965, p. 3)`, or None."""
        return _printed(self.main.cite([attrs.evolve(cite, suppress_author=True)]))

    def parts(self, cite: citekit.Cite) -> list[Part]:
        """`Names (1965)`; `Names [1]` where the style prints no names in its citations."""
        names = self.names(cite)
        rest = self.rest(cite) if names is not None else None
        if names is None:
            return [Part(short_names(self.records[cite.id]) + " ", False, cite.id), *self.whole(cite)]
        parts = [Part(names, True, cite.id)]
        if rest is not None:
            parts += [Part(" ", False, cite.id), Part(rest, True, cite.id)]
        return parts

    def whole(self, cite: citekit.Cite) -> list[Part]:
        return [Part(self.main.cite([cite]), True, cite.id)]
