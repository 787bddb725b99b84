"""The citation roles: `:cite:` (the style's own citation), `:cite:p:` (parenthetical) and
`:cite:t:` (narrative). Each records what it cites in the domain and leaves a placeholder; in
a note style the citation becomes an auto-numbered footnote, as the style intends."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, cast

from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxRole

import citekit

from ._citesyntax import CiteSyntaxError, parse_cites
from ._config import style_path
from ._model import CitationUse
from ._nodes import citekit_citation

if TYPE_CHECKING:
    from docutils.nodes import Node, system_message

    from ._domain import CiteDomain

logger = logging.getLogger(__name__)
NOTES = "citekit_notes"  # env.temp_data key: footnotes waiting to be placed (see _transforms)


@functools.cache
def is_note_style(name: str) -> bool:
    """True for a note style; an unusable style is reported later, by the render step."""
    try:
        return citekit.Style.load(name).citation_format == "note"
    except citekit.CitekitError:
        return False


class CiteRole(SphinxRole):
    def __init__(self, mode: str = "") -> None:
        self.mode = mode

    def run(self) -> tuple[list[Node], list[system_message]]:
        try:
            cites = tuple(parse_cites(self.text))
        except CiteSyntaxError as exc:
            logger.warning("%s", exc, type="citekit", subtype="syntax", location=self.get_location())
            return [nodes.literal(self.rawtext, self.text)], []
        docname = self.env.docname
        note = is_note_style(style_path(self.config.citekit_style, str(self.env.srcdir)))
        serial = self.env.new_serialno("citekit-citation")
        domain: CiteDomain = self.env.get_domain("cite")  # type: ignore[assignment]
        domain.add_citation(CitationUse(docname, serial, self.mode, cites, self.lineno, note))
        placeholder = citekit_citation(self.rawtext, nodes.Text(self.text), docname=docname, serial=serial)
        self.set_source_info(placeholder)
        if not note:
            return [placeholder], []
        return self._footnote(placeholder, serial, cites), []

    def _footnote(
        self, placeholder: citekit_citation, serial: int, cites: tuple[citekit.Cite, ...]
    ) -> list[Node]:
        """A footnote reference here; the footnote itself is placed by a transform."""
        document = self.inliner.document
        name = f"citekit-note-{serial}"
        reference = nodes.footnote_reference("", "", auto=1, refname=name)
        document.note_autofootnote_ref(reference)
        document.note_footnote_ref(reference)
        footnote = nodes.footnote("", nodes.paragraph("", "", placeholder), auto=1, names=[name])
        self.set_source_info(footnote)
        document.note_autofootnote(footnote)
        document.note_explicit_target(footnote, footnote)
        waiting = cast("list[nodes.footnote]", self.env.temp_data.setdefault(NOTES, []))
        waiting.append(footnote)
        if self.mode != "t":
            return [reference]
        # narrative in a note style: the author names in the text, the note after them
        names = self.env.new_serialno("citekit-citation")
        domain: CiteDomain = self.env.get_domain("cite")  # type: ignore[assignment]
        domain.add_citation(CitationUse(self.env.docname, names, "names", cites, self.lineno))
        inline = citekit_citation(self.rawtext, nodes.Text(self.text), docname=self.env.docname, serial=names)
        self.set_source_info(inline)
        return [inline, reference]
