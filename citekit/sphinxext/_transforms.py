"""Two steps on doctrees. `PlaceNotes` (a transform, while a page is read) puts the footnotes
of a note style's citations into the page, before docutils numbers footnotes.
`resolve_citations` (on `doctree-resolved`, before a page is written) replaces the placeholders
with what the render step made: raw markup for HTML and LaTeX, plain text for every other
builder, citations linked to their entries."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Any, cast

from docutils import nodes
from sphinx.errors import NoUri
from sphinx.transforms import SphinxTransform
from sphinx.util.nodes import make_refnode

from ._model import Part, RenderedCitation, RenderedEntry, Rendering
from ._nodes import citekit_bibliography, citekit_citation
from ._render import OUTPUTS
from ._roles import NOTES

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

# markup that carries its own links: a citation holding one is not wrapped in another
_OWN_LINKS = {"html": "<a ", "latex": "\\href{"}


class PlaceNotes(SphinxTransform):
    default_priority = 610  # docutils numbers footnotes at 620

    def apply(self, **kwargs: Any) -> None:
        notes = cast("list[nodes.footnote]", self.env.temp_data.pop(NOTES, []))
        if not notes:
            return
        sections = [child for child in self.document.children if isinstance(child, nodes.section)]
        (sections[-1] if sections else self.document).extend(notes)


def resolve_citations(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """`doctree-resolved`: put the rendered citations and entries in place of the placeholders."""
    Resolver(app.builder, app.env).run(doctree)


class Resolver:
    def __init__(self, builder: Builder, env: BuildEnvironment) -> None:
        self.builder = builder
        self.output = OUTPUTS.get(builder.format, "text")
        self.rendering: Rendering | None = env.get_domain("cite").data.get("rendering")

    def run(self, doctree: nodes.document) -> None:
        rendering = self.rendering
        for node in list(doctree.findall(citekit_citation)):
            rendered = rendering.citations.get((node["docname"], node["serial"])) if rendering else None
            node.replace_self(self.citation(node, rendered) if rendered else nodes.Text(node.rawsource))
        for bib in list(doctree.findall(citekit_bibliography)):
            entries = rendering.bibliographies.get((bib["docname"], bib["serial"]), ()) if rendering else ()
            bib.replace_self(self.bibliography(entries))

    def citation(self, node: citekit_citation, rendered: RenderedCitation) -> nodes.Node:
        """Runs of parts with the same key become one link to that key's entry; a part that
        carries links of its own (a DOI in a note) is not wrapped in another."""
        inline = nodes.inline("", "", classes=["citekit-citation"])
        for key, group in itertools.groupby(rendered.parts, key=lambda part: part.key):
            parts = list(group)
            content = [self.content(part) for part in parts]
            link = rendered.links.get(key) if key is not None else None
            marker = _OWN_LINKS.get(self.output)
            if link is None or (marker is not None and any(p.markup and marker in p.text for p in parts)):
                inline.extend(content)
                continue
            try:
                inline += make_refnode(
                    self.builder, node["docname"], link.docname, link.anchor, content, link.title or None
                )
            except NoUri:  # the entry's page is not part of this output (e.g. another LaTeX file)
                inline.extend(content)
        return inline

    def content(self, part: Part) -> nodes.Node:
        if part.markup and self.output in _OWN_LINKS:
            return nodes.raw("", part.text, format=self.output)
        return nodes.Text(part.text)

    def bibliography(self, entries: tuple[RenderedEntry, ...]) -> nodes.Node:
        body = nodes.container(classes=["citekit-bibliography", "csl-bib-body"])
        for entry in entries:
            if self.output == "html":
                item: nodes.Element = nodes.container(
                    "", nodes.raw("", entry.text, format="html"), classes=["csl-entry"], ids=[entry.anchor]
                )
            elif self.output == "latex":
                anchor = nodes.target("", "", ids=[entry.anchor])
                item = nodes.paragraph("", "", anchor, nodes.raw("", entry.text, format="latex"))
            else:
                item = nodes.paragraph("", entry.text, ids=[entry.anchor])
            body += item
        return body
