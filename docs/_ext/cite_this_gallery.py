"""A directive for these docs only: ``.. cite-this:: path`` shows the first record of a file in
every "Cite this" format, through `citekit.cite_this`. Styles are shown as formatted text,
BibTeX and RIS as code."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective

import citekit

TITLES = {
    "apa": "APA",
    "author": "Author",
    "bibtex": "BibTeX",
    "harvard": "Harvard",
    "standard": "Standard",
    "ris": "RIS",
    "vancouver": "Vancouver",
}


class CiteThis(SphinxDirective):
    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        path = Path(self.env.srcdir, self.arguments[0]).resolve()
        self.env.note_dependency(str(path))
        library = citekit.read(path)
        record = library.records[0]
        as_html = citekit.cite_this(record, output="html")
        out: list[nodes.Node] = []
        for name, text in citekit.cite_this(record, output="text").items():
            section = nodes.section(ids=[f"cite-this-{name}"], names=[f"cite-this-{name}"])
            section += nodes.title("", TITLES.get(name, name))
            if citekit.PORTAL_FORMATS[name][0] == "writer":
                section += nodes.literal_block(text, text, language="bibtex" if name == "bibtex" else "text")
            else:  # formatted for HTML builders, plain text for the others
                section += nodes.raw("", f'<p class="cite-this">{as_html[name]}</p>', format="html")
                plain = addnodes.only(expr="not html")
                plain += nodes.paragraph("", text)
                section += plain
            out.append(section)
        return out


def setup(app: Any) -> dict[str, Any]:
    app.add_directive("cite-this", CiteThis)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
