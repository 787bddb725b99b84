"""Which entries each bibliography lists, and in what order the build numbers records.

A list's options choose as sphinxcontrib-bibtex's do: `:filter:` (either language) when
given, else `:all:`, else what is cited (anywhere in the build, on the page, or not at all);
keys named in `:keys:` or the directive's content are added; files named as the directive's
argument limit it to their entries. Keys may carry the list's
`:keyprefix:` in citations (`a-knuth84` for the entry `knuth84` in a list with prefix `a-`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import citekit

from ._filter import FilterError
from ._model import BibliographyUse, CitationUse
from ._pyfilter import Context, Selector, compile_filter

Warn = Callable[[str, str, tuple[str, int | None]], None]


class Selection:
    """What the build cites, where, and the entries each list holds."""

    def __init__(
        self,
        records: dict[str, citekit.Record],
        uses: list[CitationUse],
        bibliographies: list[BibliographyUse],
        warn: Warn,
        files: Mapping[str, str] | None = None,
    ) -> None:
        self.records = records
        self.files = files or {}
        self.warn = warn
        prefixes = sorted({b.keyprefix for b in bibliographies if b.keyprefix}, key=len, reverse=True)
        # citation key -> record key: the keys themselves, and each with each list's prefix
        self.aliases: dict[str, str] = {}
        for use in uses:
            for cite in use.cites:
                record_key = self._resolve(cite.id, prefixes)
                if record_key is not None:
                    self.aliases[cite.id] = record_key
        # citation key -> pages citing it, in build order; a :footcite: is its page's footnote,
        # not a citation of the bibliographies (as in sphinxcontrib-bibtex)
        listed = [use for use in uses if not use.foot]
        self.pages: dict[str, dict[str, None]] = {}
        for use in listed:
            for cite in use.cites:
                self.pages.setdefault(cite.id, {})[use.docname] = None
        self.cited = list(
            dict.fromkeys(self.aliases[c.id] for u in listed for c in u.cites if c.id in self.aliases)
        )

    def _resolve(self, key: str, prefixes: list[str]) -> str | None:
        if key in self.records:
            return key
        for prefix in prefixes:
            if key.startswith(prefix) and key[len(prefix) :] in self.records:
                return key[len(prefix) :]
        return None

    def record_key(self, citation_key: str) -> str | None:
        return self.aliases.get(citation_key)

    def select(self, use: BibliographyUse) -> list[str]:
        """The record keys this list holds, in order of first citation, then file order."""
        where = (use.docname, use.line)
        chosen: Selector | None = None
        if use.filter:
            try:
                chosen = compile_filter(use.filter)
            except FilterError:  # reported when the directive was read
                chosen = None
        keys: list[str] = []
        failed = False
        for key, record in self.records.items():
            if use.bibfiles and self.files.get(key) not in use.bibfiles:
                continue
            pages = self.pages.get(use.keyprefix + key, {})
            if chosen is not None and not failed:
                try:
                    wanted = chosen(Context(record, use.docname, frozenset(pages)))
                except FilterError as exc:
                    self.warn(f"bad :filter: {exc}; listing what is cited", "bad-filter", where)
                    failed = True
                    wanted = bool(pages)
            elif failed:
                wanted = bool(pages)
            elif use.all:
                wanted = True
            else:
                wanted = {
                    "build": bool(pages),
                    "page": use.docname in pages,
                    "not": not pages,
                }.get(use.cited, False)
            if wanted:
                keys.append(key)
        for key in use.keys:
            if key in self.records:
                keys.append(key)
            else:
                self.warn(f"unknown citation key {key!r}", "unknown-key", where)
        first = {key: index for index, key in enumerate(self.cited)}
        at = {key: index for index, key in enumerate(dict.fromkeys(keys))}
        return sorted(at, key=lambda k: (first.get(k, len(first)), at[k]))

    def order(self, listed: list[list[str]]) -> list[str]:
        """Every record key: cited ones in order of first citation, then those only listed
        (in the order lists show them), then the rest in file order. Numeric styles number
        by it, so an entry added by `:keys:` follows the cited ones without a gap."""
        keys = dict.fromkeys(self.cited)
        for group in listed:
            keys.update(dict.fromkeys(group))
        keys.update(dict.fromkeys(self.records))
        return list(keys)
