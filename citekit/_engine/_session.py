"""A rendering session: every record registered up front (so numbering and disambiguation
see the whole set, as citeproc-js does), then citations and the bibliography on demand."""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from typing import Any

from citeproc import Citation, CitationItem, CitationStylesBibliography, Locator
from citeproc.source.json import CiteProcJSON

from .._cite import Cite
from .._errors import RenderError
from .._markup import MarkerFormatter
from . import quotes, substitute
from ._compile import CompiledStyle
from .disambiguation import disambiguate
from .richtext import prepare_item, rich_text
from .superscript import mark_superscripts


class Session:
    """Renders citations and a bibliography for a fixed list of engine items."""

    def __init__(self, compiled: CompiledStyle, items: Sequence[dict[str, Any]]) -> None:
        self.compiled = compiled
        self._key_of: dict[str, str] = {}
        self._id_of: dict[str, str] = {}
        engine_items = []
        for index, item in enumerate(items):
            key = f"k{index}"
            if item["id"] in self._key_of:
                continue  # a repeated id: the first record wins, as in citeproc-js
            self._key_of[item["id"]] = key
            self._id_of[key] = item["id"]
            engine_items.append(prepare_item({**item, "id": key}))
        self.style_name = compiled.style.id
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            source = CiteProcJSON(engine_items)
        self._bib = CitationStylesBibliography(compiled.tree, source, MarkerFormatter)
        term = compiled.term
        self._quotes = (
            (term("open-quote") or "“", term("close-quote") or "”"),
            (term("open-inner-quote") or "‘", term("close-inner-quote") or "’"),
        )
        if self._key_of:
            self._bib.register(Citation([CitationItem(k) for k in self._id_of]))
        if compiled.has_bibliography:
            try:
                self._bib.sort()
            except Exception as exc:
                raise RenderError(f"{self.style_name}: sorting the bibliography failed: {exc!r}") from exc
        if self._key_of:
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    disambiguate(self._bib, compiled.tree, lambda item: None)
            except Exception as exc:
                raise RenderError(f"{self.style_name}: disambiguating cites failed: {exc!r}") from exc

    def _finish(self, marked: str) -> str:
        """Engine output with citekit's own markers resolved (quotes, by nesting depth)."""
        return mark_superscripts(quotes.resolve(marked, *self._quotes))

    def key(self, record_id: str) -> str | None:
        return self._key_of.get(record_id)

    def cite(self, cites: Sequence[Cite]) -> str:
        """The marked citation text; unknown ids are rendered as `id?`."""
        self._bib.formatter = self.compiled.tree.root.formatter = MarkerFormatter
        items = []
        for cite in cites:
            options: dict[str, Any] = {}
            if cite.locator is not None:
                options["locator"] = Locator(cite.label or "page", cite.locator)
            if cite.prefix is not None:
                options["prefix"] = rich_text(cite.prefix)
            if cite.suffix is not None:
                options["suffix"] = rich_text(cite.suffix)
            items.append(CitationItem(self._key_of.get(cite.id, cite.id), **options))
        citation = Citation(items)
        self._bib.register(citation)

        def unknown(item: Any) -> str:
            return f"{self._id_of.get(item.key, item.key)}?"

        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                return self._finish(str(self._bib.cite(citation, unknown)))
        except Exception as exc:
            ids = ", ".join(c.id for c in cites)
            raise RenderError(f"{self.style_name}: citing {ids} failed: {exc!r}") from exc

    def bibliography(self, ids: Sequence[str] | None = None) -> list[tuple[str, str]]:
        """(id, marked entry) in the style's order; all records unless `ids` is given."""
        if not self.compiled.has_bibliography:
            return []
        self._bib.formatter = self.compiled.tree.root.formatter = MarkerFormatter
        wanted = None if ids is None else {self._key_of[i] for i in ids if i in self._key_of}
        substitute.reset(self.compiled.tree)
        out: list[tuple[str, str]] = []
        for item in self._bib.items:
            if wanted is not None and item.key not in wanted:
                continue
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    rendered = self.compiled.tree.render_bibliography([item])
            except Exception as exc:
                record_id = self._id_of[item.key]
                raise RenderError(f"{self.style_name}: item {record_id!r} failed: {exc!r}") from exc
            if rendered:
                out.append((self._id_of[item.key], self._finish(str(rendered[0]))))
        return out
