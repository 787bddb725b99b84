"""Two steps on doctrees. `PlaceNotes` (a transform, while a page is read) puts the footnotes
of a note style's citations into the page, before docutils numbers footnotes.
`resolve_citations` (on `doctree-resolved`, before a page is written) replaces the placeholders
with what the render step made: raw markup for HTML and LaTeX, plain text for every other
builder, citations linked to their entries."""

from __future__ import annotations

import html
import itertools
from typing import TYPE_CHECKING, Any, cast

from docutils import nodes
from sphinx.errors import NoUri
from sphinx.transforms import SphinxTransform
from sphinx.util import logging
from sphinx.util.nodes import make_refnode

from citekit import Cite

from . import _ids
from ._model import BibliographyUse, Link, Part, RenderedCitation, RenderedEntry, Rendering
from ._nodes import citekit_bibliography, citekit_citation, citekit_footnotes
from ._render import OUTPUTS
from ._roles import NOTES

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)

# markup that carries its own links: a citation holding one is not wrapped in another
_OWN_LINKS = {"html": "<a ", "latex": "\\href{"}


class PlaceNotes(SphinxTransform):
    """Puts each citation footnote at the first `footbibliography` after its reference
    (at the end of the page when there is none), and numbers the page's auto-numbered
    footnotes in the order of their references, so citation notes and the page's own
    `[#]_` notes interleave as they are read."""

    default_priority = 610  # docutils numbers footnotes at 620

    def apply(self, **kwargs: Any) -> None:
        notes = cast("list[nodes.footnote]", self.env.temp_data.pop(NOTES, []))
        markers = list(self.document.findall(citekit_footnotes))
        if notes:
            self.place(notes, markers)
        for marker in markers:
            marker.replace_self(marker.children or [])
        if notes:
            self.renumber()

    def place(self, notes: list[nodes.footnote], markers: list[citekit_footnotes]) -> None:
        by_name = {note["names"][0]: note for note in notes}
        pending: list[nodes.footnote] = []
        placed: set[str] = set()
        for node in list(self.document.findall(nodes.Element)):
            if not isinstance(node, nodes.footnote_reference | citekit_footnotes):
                continue
            if isinstance(node, citekit_footnotes):
                node.extend(pending)
                pending = []
            elif node.get("refname") in by_name and node["refname"] not in placed:
                placed.add(node["refname"])
                pending.append(by_name[node["refname"]])
        pending += [note for name, note in by_name.items() if name not in placed]
        if pending:
            sections = [child for child in self.document.children if isinstance(child, nodes.section)]
            (sections[-1] if sections else self.document).extend(pending)

    def renumber(self) -> None:
        """docutils numbers auto-numbered footnotes in the order they were noted; a
        citation's is noted where the citation stands and a page's own where its text
        stands (often the end), so put them in the order of their first reference."""
        document = self.document
        named = {name: note for note in document.autofootnotes for name in note["names"]}
        anonymous = [note for note in document.autofootnotes if not note["names"]]
        order: list[nodes.footnote] = []
        for reference in document.findall(nodes.footnote_reference):
            if not reference.get("auto"):
                continue
            if "refname" in reference:
                note = named.get(reference["refname"])
            else:
                note = anonymous.pop(0) if anonymous else None
            if note is not None and all(note is not seen for seen in order):
                order.append(note)
        rest = [note for note in document.autofootnotes if all(note is not seen for seen in order)]
        document.autofootnotes[:] = order + rest


def resolve_citations(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """`doctree-resolved`: put the rendered citations and entries in place of the placeholders."""
    Resolver(app.builder, app.env).run(doctree)


class Resolver:
    def __init__(self, builder: Builder, env: BuildEnvironment) -> None:
        self.builder = builder
        self.output = OUTPUTS.get(builder.format, "text")
        domain = env.get_domain("cite")
        self.rendering: Rendering | None = domain.data.get("rendering")
        self.uses: dict[tuple[str, int], BibliographyUse] = {
            (use.docname, use.serial): use
            for group in domain.data["bibliographies"].values()
            for use in group
        }
        self.counts = _ids.list_counts(self.uses.values())
        self.list_id: str | None = env.config.bibtex_bibliography_id or None

    def run(self, doctree: nodes.document) -> None:
        rendering = self.rendering
        for node in list(doctree.findall(citekit_citation)):
            rendered = rendering.citations.get((node["docname"], node["serial"])) if rendering else None
            node.replace_self(self.citation(node, rendered) if rendered else nodes.Text(node.rawsource))
        for bib in list(doctree.findall(citekit_bibliography)):
            entries = rendering.bibliographies.get((bib["docname"], bib["serial"]), ()) if rendering else ()
            bib.replace_self(self.bibliography(bib, entries))

    def citation(self, node: citekit_citation, rendered: RenderedCitation) -> nodes.inline:
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

    def bibliography(self, bib: citekit_bibliography, entries: tuple[RenderedEntry, ...]) -> nodes.Node:
        use = self.uses.get((bib["docname"], bib["serial"]))
        made = self.bibliography_id(use)
        listed = self.listed(use, entries)
        if made is not None:
            listed["ids"].append(made)
        return listed

    def bibliography_id(self, use: BibliographyUse | None) -> str | None:
        """The anchor `bibtex_bibliography_id` gives the list; a bad template is reported
        where the list stands."""
        if use is None or self.list_id is None:
            return None
        try:
            return _ids.template_id(
                "bibtex_bibliography_id",
                self.list_id,
                bibliography_count=self.counts.get((use.docname, use.serial), 1),
            )
        except _ids.TemplateError as exc:
            logger.warning(str(exc), type="citekit", subtype="bad-option", location=(use.docname, use.line))
            return None

    def listed(self, use: BibliographyUse | None, entries: tuple[RenderedEntry, ...]) -> nodes.Element:
        kind = use.list if use is not None else "citation"
        if kind != "citation" and use is not None:
            if kind == "bullet":
                items: nodes.Element = nodes.bullet_list(bullet="*", classes=["citekit-bibliography"])
            else:
                items = nodes.enumerated_list(enumtype=use.enumtype, prefix="", suffix=".")
                items["classes"].append("citekit-bibliography")
                start = self.rendering.starts.get((use.docname, use.serial), 1) if self.rendering else 1
                if start != 1:
                    items["start"] = start
            for entry in entries:
                items += nodes.list_item("", self.entry(entry, with_label=False), ids=[entry.anchor])
            return items
        body = nodes.container(classes=["citekit-bibliography", "csl-bib-body"])
        for entry in entries:
            body += self.entry(entry, with_label=True)
        return body

    def entry(self, entry: RenderedEntry, *, with_label: bool) -> nodes.Element:
        label = f"[{entry.label}] " if with_label and entry.label else ""
        if self.output == "html":
            markup = (
                entry.text
                if not label
                else f'<span class="citekit-label">{html.escape(label)}</span>{entry.text}'
            )
            return nodes.container(
                "", nodes.raw("", markup, format="html"), classes=["csl-entry"], ids=[entry.anchor]
            )
        if self.output == "latex":
            anchor = nodes.target("", "", ids=[entry.anchor])
            return nodes.paragraph(
                "", "", anchor, nodes.Text(label), nodes.raw("", entry.text, format="latex")
            )
        return nodes.paragraph("", label + entry.text, ids=[entry.anchor])


def any_reference(
    builder: Builder, env: BuildEnvironment, fromdocname: str, target: str
) -> nodes.Element | None:
    """What `:any:` naming a cite key resolves to, as sphinxcontrib-bibtex resolves it: the
    key's parenthetical citation, linked to the first list of the build that shows its entry
    (None when no list does: then the reference is another domain's, or unresolved). The
    citation's text is the one the build gave a plain citation of that key alone; a key only
    cited otherwise shows its list's label, else the key."""
    domain = env.get_domain("cite")
    rendering: Rendering | None = domain.data.get("rendering")
    if rendering is None:
        return None
    resolver = Resolver(builder, env)
    found: tuple[BibliographyUse, RenderedEntry] | None = None
    for where, entries in rendering.bibliographies.items():
        use = resolver.uses.get(where)
        if use is None or use.foot:
            continue
        entry = next((e for e in entries if use.keyprefix + e.key == target), None)
        if entry is not None:
            found = (use, entry)
            break
    if found is None:
        return None
    use, entry = found
    for uses in domain.data["citations"].values():
        for cited in uses:
            alone = len(cited.cites) == 1 and cited.cites[0] == Cite(target)
            rendered = rendering.citations.get((cited.docname, cited.serial))
            if alone and cited.mode in ("", "p") and not cited.note and rendered is not None:
                node = citekit_citation("", docname=fromdocname, serial=cited.serial)
                return resolver.citation(node, rendered)
    node = citekit_citation("", docname=fromdocname, serial=0)
    if entry.label:
        return resolver.citation(node, _labelled(target, entry.label, use.docname, entry.anchor, rendering))
    for rendered in rendering.citations.values():
        if target in rendered.links:  # cited with other keys: its own part, in the citation's brackets
            return resolver.citation(node, _alone(target, rendered))
    return None


def _labelled(target: str, label: str, docname: str, anchor: str, rendering: Rendering) -> RenderedCitation:
    titles = (r.links[target].title for r in rendering.citations.values() if target in r.links)
    return RenderedCitation(
        (Part("[", markup=False), Part(label, markup=False, key=target), Part("]", markup=False)),
        {target: Link(docname, anchor, next(titles, ""))},
    )


def _alone(target: str, rendered: RenderedCitation) -> RenderedCitation:
    """`target`'s parts of a citation of several keys, between the citation's opening and
    closing parts (its brackets) when it has them."""
    parts = rendered.parts
    opening = parts[:1] if parts and parts[0].key is None else ()
    closing = parts[-1:] if len(parts) > 1 and parts[-1].key is None else ()
    own = tuple(part for part in parts if part.key == target)
    return RenderedCitation((*opening, *own, *closing), {target: rendered.links[target]})
