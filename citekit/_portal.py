"""The research portal's "Cite this" box: seven formats for one record."""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._record import Record

# format name -> CSL style (rendered as text) or data format (written by a writer)
PORTAL_FORMATS = MappingProxyType(
    {
        "apa": ("style", "apa"),
        "author": ("style", "citekit-author"),
        "bibtex": ("writer", "bibtex"),
        "harvard": ("style", "harvard-cite-them-right"),
        "standard": ("style", "citekit-standard"),
        "ris": ("writer", "ris"),
        "vancouver": ("style", "vancouver-nlm"),
    }
)


def cite_this(record: Record, output: str = "text", formats: tuple[str, ...] | None = None) -> dict[str, str]:
    """The record in each portal format. A numeric style's citation number is left off: this
    is one record, not a list. BibTeX and RIS are preformatted text written safely in
    `output`: escaped in HTML (a `<script>` in a title must not run in the page that embeds
    it), a code block in Markdown, a literal block in reST, typewriter text in LaTeX."""
    from ._formatter import Formatter  # deferred: the engine loads on first render, not on import
    from ._io import dumps
    from ._output import get_output

    writer = get_output(output)
    out: dict[str, str] = {}
    for name in formats or tuple(PORTAL_FORMATS):
        kind, target = PORTAL_FORMATS[name]
        if kind == "writer":
            # BibTeX: a crossref child with the fields it inherits, not a dangling reference
            options = {"self_contained": True} if target == "bibtex" else {}
            out[name] = writer.literal(dumps([record], target, **options))
        else:
            formatter = Formatter([record], target, output, block_breaks=False)
            entries = formatter.bibliography(numbers=False)
            out[name] = entries[0].text if entries else ""
    return out
