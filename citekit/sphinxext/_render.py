"""Rendering a build's citations and lists with citekit (`Renderer`).

The records come in order of first citation across the build; each style gets one
`citekit.Formatter`, and every citation and bibliography is rendered in the builder's output.
`_build` decides when this runs in full and when only in part.
"""

from __future__ import annotations

import functools
import hashlib
import html
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

import attrs
from docutils.nodes import make_id
from sphinx.util import logging

import citekit

from . import _ids, _labels, _pybtex
from ._config import Settings, style_source
from ._forms import Forms
from ._model import BibliographyUse, CitationUse, Link, Part, RenderedCitation, RenderedEntry, Rendering
from ._select import Selection

if TYPE_CHECKING:
    pass

logger = logging.getLogger(__name__)

# builder format -> citekit output; every other builder (text, man, texinfo, ...) gets text
OUTPUTS = {"html": "html", "latex": "latex"}
FALLBACK_STYLE = "apa"
_TAG = re.compile(r"<[^>]*>")
_BLOCKS = re.compile(r"</div>\s*<div[^>]*>")


def warn(message: str, subtype: str, location: str | tuple[str, int | None] | None) -> None:
    logger.warning(message, type="citekit", subtype=subtype, location=location)


def plain(text: str, output: str) -> str:
    """Hover text from an entry: the HTML entry without its tags ("[1] Werner…" where the
    number and the text stand in blocks side by side)."""
    if output != "html":
        return text
    return html.unescape(_TAG.sub("", _BLOCKS.sub(" ", text))).strip()


class Renderer:
    def __init__(
        self,
        settings: Settings,
        output: str,
        selection: Selection,
        uses: list[CitationUse],
        bibliographies: list[BibliographyUse],
        srcdir: str,
    ) -> None:
        self.settings = settings
        self.srcdir = srcdir
        self.output = output
        self.selection = selection
        self.uses = uses
        self.bibliographies = bibliographies
        self.selections = [(use, selection.select(use)) for use in bibliographies]
        self.counts = _ids.list_counts(bibliographies)  # each list's place on its page
        self.template_reported = False
        main_lists = [keys for use, keys in self.selections if self.in_main_style(use)]
        records = selection.records
        # the main Formatter holds what is cited, listed or footnoted, nothing else: only
        # those take part in numbering and disambiguation (Knuth 1984 is not "1984a" because
        # an uncited Knuth 1984 is in the file)
        footnoted = [key for u in uses if u.foot for c in u.cites if (key := selection.record_key(c.id))]
        shown = {*selection.cited, *(key for group in main_lists for key in group), *footnoted}
        # alpha labels are each list's own (pybtex labels one bibliography at a time)
        self.alpha: dict[int, dict[str, str]] = {
            index: _labels.alpha_labels(self.pybtex_style(use), [records[key] for key in keys])
            for index, (use, keys) in enumerate(self.selections)
            if self.alpha_list(use)
        }
        self._shown = [*selection.cited, *footnoted]
        self.records = _pybtex.with_labels(records, self.labels) if self.needs_labels() else records
        self.ordered = [self.records[key] for key in selection.order(main_lists) if key in shown]
        self.everything = [self.records[key] for key in selection.order(main_lists)]
        self._formatters: dict[tuple[str, tuple[str, ...] | None], citekit.Formatter | None] = {}
        self._entries: dict[tuple[int, frozenset[str], bool], dict[str, str]] = {}
        self.labelled = any(use.labelprefix for use in bibliographies)  # see `style`
        self.main = self.formatter(settings.style, None) or self.formatter(FALLBACK_STYLE, None)
        self.forms = Forms(self)
        self.hover: dict[str, str] = {}
        # anchor -> the label citations going to that entry show instead of the build's
        self.prefixed: dict[str, _labels.Relabel] = {}
        # anchor -> (the list's place in the build, the entry's place in the list)
        self.places: dict[str, tuple[int, int]] = {}

    def in_main_style(self, use: BibliographyUse) -> bool:
        return not use.style or _pybtex.list_style(use.style) == self.settings.style

    def pybtex_style(self, use: BibliographyUse) -> str | None:
        """The pybtex label style (alpha, unsrtalpha) a list is in, if any: its `:style:`,
        else the project's `bibtex_default_style` when that chose the label style."""
        if use.style:
            style = _pybtex.builtin(use.style)
            return style if style in ("alpha", "unsrtalpha") else None
        return self.settings.pybtex if self.settings.labels == "alpha" and self.settings.pybtex else None

    @functools.cached_property
    def labels(self) -> dict[str, str]:
        """key -> the pybtex alpha label citations show (made only when a label is asked for)."""
        return _labels.build_labels(self.selection.records, self._shown, self.alpha.values())

    def alpha_list(self, use: BibliographyUse) -> bool:
        """Whether a list shows pybtex's alpha labels: its own `:style:` is alpha or
        unsrtalpha, or it has none and the project's style is a label style."""
        return self.pybtex_style(use) is not None or (not use.style and self.settings.labels == "alpha")

    def needs_labels(self) -> bool:
        """Label styles (alpha) print `citation-label`: records without one get pybtex's."""
        styles = {self.settings.style, *(_pybtex.list_style(u.style) for u, _ in self.selections if u.style)}
        for style in styles:
            try:
                if citekit.Style.load(style_source(style, self.srcdir)).citation_format == "label":
                    return True
            except citekit.CitekitError:
                continue
        return False

    def formatter(
        self,
        style: str,
        where: tuple[str, int | None] | None,
        keys: tuple[str, ...] | None = None,
    ) -> citekit.Formatter | None:
        """One Formatter per style over every record (numbers follow the build); a list in
        another style gets one over its own records (numbered within the list)."""
        cache_key = (style, keys)
        if cache_key not in self._formatters:
            records = self.ordered if keys is None else [self.records[key] for key in keys]
            try:
                self._formatters[cache_key] = citekit.Formatter(
                    records,
                    self.style(style),
                    self.output,
                    self.settings.locale,
                    links=self.settings.link_urls,
                )
            except citekit.StyleError as exc:
                warn(str(exc), "unknown-style", where)
                self._formatters[cache_key] = None
            except citekit.CitekitError as exc:
                warn(f"style {style!r}: {exc}", "render-error", where)
                self._formatters[cache_key] = None
        return self._formatters[cache_key]

    def style(self, name: str) -> citekit.Style:
        """The style, without ranges of citation numbers when a list of the build prints its
        own labels (`:labelprefix:`): [A1, A2, A3] as sphinxcontrib-bibtex prints them, never
        [1–3], whose numbers are not the labels."""
        style = citekit.Style.load(style_source(name, self.srcdir))
        if not self.labelled or b'collapse="citation-number"' not in style.xml:
            return style
        return citekit.Style.load(_pybtex.without_number_ranges(style.xml.decode("utf-8")))

    def render(self, signature: str) -> Rendering:
        rendering = Rendering(signature, self.output)
        if self.main is None:
            return rendering
        used: set[str] = set()  # anchors are unique in the whole build, for singlehtml and LaTeX
        targets: dict[str, list[tuple[BibliographyUse, dict[str, str]]]] = {}
        # hover texts are the entries; without the style's numbers when a list shows labels
        # of its own (A1), which the numbers are not (sphinxcontrib-bibtex's show no label)
        self.hover = self.entries(self.main, self.selection.cited, None, numbers=not self.labelled)
        number = 0
        for index, (use, keys) in enumerate(self.selections):
            placed: dict[str, str] = {}
            rendered: list[RenderedEntry] = []
            alpha = self.alpha.get(index)
            # a list whose alpha labels are not the build's shows its own beside each entry
            own = alpha is not None and any(alpha[key] != self.labels[key] for key in keys)
            # a list in another numeric style is numbered within itself ([1] there, whatever
            # label the build's style gives the work), and citations going to it say so
            # (where the build's citations show labels at all: numeric and label styles)
            apart = use.list == "citation" and self.forms.bracketed and self.numbered_apart(use, keys)
            numbered = use.list != "citation" or bool(use.labelprefix) or own or apart
            texts = self.list_entries(use, keys, numbers=not numbered)
            pybtex = self.pybtex_style(use)
            if pybtex is not None:  # sphinxcontrib-bibtex's order, not the CSL style's
                listed = _pybtex.list_order(pybtex, [self.records[key] for key in keys])
                texts = {key: texts[key] for key in listed if key in texts}
            for key, text in texts.items():
                cite_key = use.keyprefix + key
                placed[cite_key] = self.templated(cite_key, use, used) or self.anchor(cite_key, use, used)
                label = alpha[key] if numbered and alpha is not None else ""
                rendered.append(RenderedEntry(key, placed[cite_key], text, label))
            start = number + 1 if use.start < 0 else use.start
            if use.list == "enumerated":
                rendering.starts[use.docname, use.serial] = start
                number = start + len(rendered) - 1
            if (use.labelprefix or apart) and use.list == "citation":
                rendered = [
                    attrs.evolve(entry, label=f"{use.labelprefix}{entry.label or start + position}")
                    for position, entry in enumerate(rendered)
                ]
            if use.list == "citation" and self.forms.bracketed:
                self.relabel(rendered)
            for position, entry in enumerate(rendered):
                self.places[entry.anchor] = (index, position)
            rendering.bibliographies[use.docname, use.serial] = tuple(rendered)
            targets.setdefault(use.docname, []).append((use, placed))
        for cite_use in self.uses:
            rendering.citations[cite_use.docname, cite_use.serial] = self.citation(cite_use, targets)
        for where, text in self.forms.final_notes():
            note = rendering.citations[where]
            if len(note.parts) == 1 and note.parts[0].text != text:
                rendering.citations[where] = attrs.evolve(
                    note, parts=(attrs.evolve(note.parts[0], text=text),)
                )
        return attrs.evolve(rendering, hover=dict(self.hover))

    def relabel(self, entries: list[RenderedEntry]) -> None:
        """Citations going to these entries show the list's labels where they are not the
        ones the build's Formatter prints ([A1] for a `:labelprefix: A` list)."""
        for entry in entries:
            plain = self.forms.label(citekit.Cite(entry.key)) if entry.label else ""
            if plain and plain != entry.label:
                markup = html.escape(entry.label) if self.output == "html" else entry.label
                if self.output == "latex":
                    markup = re.sub(r"([&%$#_{}])", r"\\\1", entry.label)
                self.prefixed[entry.anchor] = _labels.Relabel(plain, entry.label, markup)

    def numbered_apart(self, use: BibliographyUse, keys: list[str]) -> bool:
        """Whether a list is in a numeric style other than the build's (its own Formatter)."""
        if not use.style or self.in_main_style(use) or self.alpha_list(use):
            return False
        formatter = self.formatter(_pybtex.list_style(use.style), (use.docname, use.line), tuple(keys))
        return formatter is not None and formatter.style.citation_format == "numeric"

    def list_entries(self, use: BibliographyUse, keys: list[str], *, numbers: bool) -> dict[str, str]:
        """key -> entry text, in the style's order."""
        where = (use.docname, use.line)
        formatter = self.main
        if use.style and not self.in_main_style(use):
            formatter = self.formatter(_pybtex.list_style(use.style), where, tuple(keys)) or self.main
        assert formatter is not None
        return self.entries(formatter, keys, where, numbers=numbers)

    def entries(
        self,
        formatter: citekit.Formatter,
        keys: list[str],
        where: tuple[str, int | None] | None,
        *,
        numbers: bool = True,
    ) -> dict[str, str]:
        """key -> entry, in the style's order; one rendering per formatter and set of keys
        (the hover texts and a list of everything cited share it)."""
        if not keys:
            return {}
        wanted = frozenset(keys)
        cache_key = (id(formatter), wanted, numbers)
        if cache_key not in self._entries:
            try:
                found = formatter.bibliography(
                    [r.key for r in formatter.records if r.key in wanted], numbers=numbers
                )
            except citekit.CitekitError as exc:
                warn(f"the bibliography failed: {exc}", "render-error", where)
                found = []
            self._entries[cache_key] = {entry.id: entry.text for entry in found}
        return self._entries[cache_key]

    def templated(self, key: str, use: BibliographyUse, used: set[str]) -> str | None:
        """The anchor `bibtex_cite_id` gives an entry, when it is set and the anchor is free
        (else citekit's own, with a warning, where sphinxcontrib-bibtex gives none)."""
        try:
            made = _ids.template_id(
                "bibtex_cite_id",
                self.settings.cite_id,
                key=key,
                bibliography_count=self.counts[use.docname, use.serial],
            )
        except _ids.TemplateError as exc:
            if not self.template_reported:  # once: every entry would say the same
                warn(str(exc), "bad-option", (use.docname, use.line))
            self.template_reported = True
            return None
        if made is not None and made in used:
            warn(f"duplicate citation id {made!r} (bibtex_cite_id)", "duplicate-id", (use.docname, use.line))
            return None
        if made is not None:
            used.add(made)
        return made

    @staticmethod
    def anchor(key: str, use: BibliographyUse, used: set[str]) -> str:
        """`citekit-KEY` in a build-wide list, `citekit-PAGE-KEY` in a page's own: stable,
        and unique in the whole build (singlehtml and LaTeX put every page in one file)."""
        page = f"{make_id(use.docname) or 'page'}-" if use.per_page else ""
        base = f"citekit-{page}{make_id(key) or 'entry'}"
        anchor, number = base, 1
        while anchor in used:
            number += 1
            anchor = f"{base}-{number}"
        used.add(anchor)
        return anchor

    @staticmethod
    def target(
        use: CitationUse, key: str, targets: dict[str, list[tuple[BibliographyUse, dict[str, str]]]]
    ) -> tuple[str, str] | None:
        """The entry a citation links to: its own page's list first, then a build-wide
        one, then any list that holds the key (documents in build order)."""
        for _bib, placed in targets.get(use.docname, []):
            if key in placed:
                return use.docname, placed[key]
        everywhere = [(bib, placed) for group in targets.values() for bib, placed in group]
        for wanted_page in (False, True):
            for bib, placed in everywhere:
                if key in placed and bib.per_page == wanted_page:
                    return bib.docname, placed[key]
        return None

    def citation(
        self, use: CitationUse, targets: dict[str, list[tuple[BibliographyUse, dict[str, str]]]]
    ) -> RenderedCitation:
        known = [
            attrs.evolve(cite, id=key)
            for cite in use.cites
            if (key := self.selection.record_key(cite.id)) is not None
        ]
        if not known:
            return RenderedCitation((Part(", ".join(f"{c.id}?" for c in use.cites), False),))
        links: dict[str, Link] = {}
        for cite, original in zip(
            known, [c for c in use.cites if self.selection.record_key(c.id)], strict=True
        ):
            if not self.settings.link_citations or (use.foot and not self.forms.note_style):
                break
            target = self.target(use, original.id, targets)
            if target is not None:
                title = plain(self.hover.get(cite.id, ""), self.output) if self.settings.tooltips else ""
                links[cite.id] = Link(*target, title=title)
        try:
            parts = self.forms.parts(use, known)
        except citekit.CitekitError as exc:
            warn(str(exc), "render-error", (use.docname, use.line))
            return RenderedCitation((Part(", ".join(f"{c.id}?" for c in known), False),))
        if self.prefixed or (self.settings.labels == "alpha" and len(known) > 1):
            parts = self.relabelled(use, known, parts, targets)
        return RenderedCitation(tuple(parts), links)

    def relabelled(
        self,
        use: CitationUse,
        known: list[citekit.Cite],
        parts: list[Part],
        targets: dict[str, list[tuple[BibliographyUse, dict[str, str]]]],
    ) -> list[Part]:
        """A citation of an entry listed with labels of its own (a `:labelprefix:`, alpha
        letters counted within the list) shows that list's label, as sphinxcontrib-bibtex's
        does; citations of the same work that go to another list keep theirs. The label is
        one field of the part that stands for that entry, so only that part is touched.
        Labelled items follow the order of the lists they go to, this page's first, as
        sphinxcontrib-bibtex gives them ([Fiv, Fou] whatever order the keys were written in)."""
        relabels: dict[str, _labels.Relabel] = {}
        places: dict[str, tuple[int, int, int]] = {}
        originals = [c for c in use.cites if self.selection.record_key(c.id)]
        for cite, original in zip(known, originals, strict=True):
            target = self.target(use, original.id, targets)
            if target is None:
                continue
            if target[1] in self.prefixed:
                relabels[cite.id] = self.prefixed[target[1]]
            if target[1] in self.places:
                places[cite.id] = (int(target[0] != use.docname), *self.places[target[1]])
        ordered = bool(relabels) or self.settings.labels == "alpha"
        return _labels.relabel(parts, relabels, places if ordered else {})

    @staticmethod
    def fingerprints(rendering: Rendering) -> Iterator[tuple[str, str]]:
        per_doc: dict[str, list[object]] = {}
        for (docname, serial), citation in sorted(rendering.citations.items()):
            per_doc.setdefault(docname, []).append((serial, citation))
        for (docname, serial), entries in sorted(rendering.bibliographies.items()):
            per_doc.setdefault(docname, []).append((serial, entries, rendering.starts.get((docname, serial))))
        for docname, items in per_doc.items():
            yield docname, hashlib.sha256(repr(items).encode()).hexdigest()
