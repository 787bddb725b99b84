"""The citation roles.

`:cite:` and `:cite:X:` for every form of sphinxcontrib-bibtex 2.x (`MODES`), and
`:footcite:` / `:footcite:X:` (`FOOT_MODES`). Each records what it cites in the domain and
leaves a placeholder. A citation that stands in a footnote (any citation in a note style,
every :footcite:) becomes an auto-numbered footnote here; `_transforms.PlaceNotes` puts the
footnote in the page and numbers it in turn with the page's own footnotes.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, cast

from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxRole

import citekit

from . import _ids
from ._citesyntax import CiteSyntaxError, parse_cites
from ._config import main_style, style_source
from ._model import CitationUse
from ._nodes import citekit_citation

if TYPE_CHECKING:
    from docutils.nodes import Node, system_message

    from ._domain import CiteDomain

logger = logging.getLogger(__name__)
NOTES = "citekit_notes"  # env.temp_data key: footnotes waiting to be placed (see _transforms)
FOOTCITES = "citekit_footcites"  # env.temp_data key: the page's :footcite: footnotes by what they cite

# role suffix -> what it shows (see _render.Renderer.citation)
MODES = {
    "": "p",
    "p": "p",
    "ps": "ps",
    "alp": "alp",
    "alps": "alps",
    "t": "t",
    "ts": "ts",
    "ct": "ct",
    "cts": "cts",
    "label": "label",
    "labelpar": "labelpar",
    "year": "year",
    "yearpar": "yearpar",
    "author": "author",
    "authors": "authors",
    "authorpar": "authorpar",
    "authorpars": "authorpars",
    "cauthor": "cauthor",
    "cauthors": "cauthors",
    "empty": "empty",
}
FOOT_MODES = ("", "p", "ps", "t", "ts", "ct", "cts")
NARRATIVE = frozenset({"t", "ts", "ct", "cts"})
# forms that a note style puts in a footnote (the others stay in the text)
IN_NOTES = frozenset({"p", "ps", "alp", "alps"})


@functools.lru_cache(maxsize=32)
def _is_note(source: str) -> bool:
    try:
        return citekit.Style.load(source).citation_format == "note"
    except citekit.CitekitError:
        return False  # an unusable style is reported later, by the render step


def is_note_style(name: str, srcdir: str) -> bool:
    return _is_note(style_source(name, srcdir))


@functools.lru_cache(maxsize=32)
def _prints_locators(source: str) -> bool:
    try:
        return b'variable="locator"' in citekit.Style.load(source).xml
    except citekit.CitekitError:
        return True


def prints_locators(name: str, srcdir: str) -> bool:
    """Whether the style shows locators (`p. 12`) at all; when not, a post-text stays text."""
    return _prints_locators(style_source(name, srcdir))


class CiteRole(SphinxRole):
    def __init__(self, mode: str = "", foot: bool = False) -> None:
        self.mode = MODES.get(mode, "p")
        self.foot = foot

    def run(self) -> tuple[list[Node], list[system_message]]:
        style = main_style(self.config)
        try:
            cites = tuple(parse_cites(self.text, locators=prints_locators(style, str(self.env.srcdir))))
        except CiteSyntaxError as exc:
            logger.warning("%s", exc, type="citekit", subtype="syntax", location=self.get_location())
            return [nodes.literal(self.rawtext, self.text)], []
        docname = self.env.docname
        note_style = is_note_style(style, str(self.env.srcdir))
        if self.foot and not note_style:
            return self._footcite(cites), []
        note = self.foot or (note_style and self.mode in IN_NOTES | NARRATIVE)
        serial = self.env.new_serialno("citekit-citation")
        domain: CiteDomain = self.env.get_domain("cite")  # type: ignore[assignment]
        mode = "p" if note else self.mode
        domain.add_citation(CitationUse(docname, serial, mode, cites, self.lineno, note, self.foot))
        placeholder = citekit_citation(self.rawtext, nodes.Text(self.text), docname=docname, serial=serial)
        self.set_source_info(placeholder)
        if not note:
            return [placeholder], []
        return self._footnote(placeholder, serial, cites), []

    def _footcite(self, cites: tuple[citekit.Cite, ...]) -> list[Node]:
        """A :footcite: outside note styles: one footnote per entry, as sphinxcontrib-bibtex
        makes them ([2][3]; narrative forms "Ap[2], Be and Ci[3]")."""
        found: list[Node] = []
        for index, cite in enumerate(cites):
            if index and self.mode in NARRATIVE:
                found.append(nodes.Text(", "))
            found.extend(self._footcite_one((cite,)))
        return found

    def _footnote_name(self, serial: int, cites: tuple[citekit.Cite, ...]) -> str:
        """`bibtex_footcite_id` made from the entry's key, else citekit's own name."""
        try:
            made = _ids.template_id(
                "bibtex_footcite_id",
                self.config.bibtex_footcite_id,
                key=cites[0].id,
                footbibliography_count=int(self.env.temp_data.get(_ids.FOOTBIBLIOGRAPHIES) or 0) + 1,
            )
        except _ids.TemplateError as exc:
            logger.warning(str(exc), type="citekit", subtype="bad-option", location=self.get_location())
            made = None
        if made is not None and made in self.inliner.document.ids:
            logger.warning(
                f"duplicate citation id {made!r} (bibtex_footcite_id)",
                type="citekit",
                subtype="duplicate-id",
                location=self.get_location(),
            )
            made = None
        return made or f"citekit-note-{serial}"

    def _footcite_one(self, cites: tuple[citekit.Cite, ...]) -> list[Node]:
        """One entry's footnote: it holds the entry, so a page citing the same entry again
        refers to the same footnote (as sphinxcontrib-bibtex does), and only the first
        makes one."""
        ids = tuple(cite.id for cite in cites)
        names = cast("dict[tuple[str, ...], str]", self.env.temp_data.setdefault(FOOTCITES, {}))
        name = names.get(ids)
        if name is None:
            serial = self.env.new_serialno("citekit-citation")
            domain: CiteDomain = self.env.get_domain("cite")  # type: ignore[assignment]
            domain.add_citation(CitationUse(self.env.docname, serial, "p", cites, self.lineno, True, True))
            placeholder = citekit_citation(
                self.rawtext, nodes.Text(self.text), docname=self.env.docname, serial=serial
            )
            self.set_source_info(placeholder)
            names[ids] = self._footnote_name(serial, cites)
            return self._footnote(placeholder, serial, cites, names[ids])
        reference = nodes.footnote_reference("", "", auto=1, refname=name)
        document = self.inliner.document
        document.note_autofootnote_ref(reference)
        document.note_footnote_ref(reference)
        if self.mode not in NARRATIVE:
            return [reference]
        return [self._names(cites), reference]

    def _footnote(
        self,
        placeholder: citekit_citation,
        serial: int,
        cites: tuple[citekit.Cite, ...],
        name: str | None = None,
    ) -> list[Node]:
        """A footnote reference here; the footnote itself is placed by a transform."""
        document = self.inliner.document
        name = name or f"citekit-note-{serial}"
        reference = nodes.footnote_reference("", "", auto=1, refname=name)
        document.note_autofootnote_ref(reference)
        document.note_footnote_ref(reference)
        footnote = nodes.footnote("", nodes.paragraph("", "", placeholder), auto=1, names=[name])
        self.set_source_info(footnote)
        document.note_autofootnote(footnote)
        document.note_explicit_target(footnote, footnote)
        waiting = cast("list[nodes.footnote]", self.env.temp_data.setdefault(NOTES, []))
        waiting.append(footnote)
        if self.mode not in NARRATIVE:
            return [reference]
        return [self._names(cites), reference]

    def _names(self, cites: tuple[citekit.Cite, ...]) -> Node:
        """A narrative note citation's author names, in the text before the note."""
        names = self.env.new_serialno("citekit-citation")
        domain: CiteDomain = self.env.get_domain("cite")  # type: ignore[assignment]
        mode = "cauthor" if self.mode.startswith("c") else "author"
        mode += "s" if self.mode.endswith("s") else ""
        # a :footcite:'s names are part of the footnote citation: they do not make the entry
        # cited for the bibliographies (as sphinxcontrib-bibtex has it)
        domain.add_citation(CitationUse(self.env.docname, names, mode, cites, self.lineno, foot=self.foot))
        inline = citekit_citation(self.rawtext, nodes.Text(self.text), docname=self.env.docname, serial=names)
        self.set_source_info(inline)
        return inline
