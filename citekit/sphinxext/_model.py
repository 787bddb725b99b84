"""What the extension keeps in the build environment: the citations and bibliographies each
document uses (read in parallel, merged by the domain) and the rendering of the last build."""

from __future__ import annotations

import attrs

import citekit


@attrs.frozen
class CitationUse:
    """One citation role: `mode` is "" (the style's own citation), "p" or "t" (narrative);
    `note` is true when the citation stands in a footnote (note styles)."""

    docname: str
    serial: int
    mode: str
    cites: tuple[citekit.Cite, ...]
    line: int | None = None
    note: bool = False


@attrs.frozen
class BibliographyUse:
    """One bibliography directive and its options."""

    docname: str
    serial: int
    style: str | None = None
    cited: bool = False
    all: bool = False
    keys: tuple[str, ...] = ()
    filter: str | None = None
    scope: str = "document"
    line: int | None = None


@attrs.frozen
class Part:
    """A piece of a citation: markup from the Formatter, or plain text (names, unknown keys)
    that the writer escapes; `key` names the entry the piece links to."""

    text: str
    markup: bool = True
    key: str | None = None


@attrs.frozen
class Link:
    """Where an entry is shown (page and anchor), and its text as hover title."""

    docname: str
    anchor: str
    title: str = ""


@attrs.frozen
class RenderedCitation:
    parts: tuple[Part, ...]
    links: dict[str, Link] = attrs.field(factory=dict)


@attrs.frozen
class RenderedEntry:
    key: str
    anchor: str
    text: str


@attrs.frozen
class Rendering:
    """The result of one rendering pass: `signature` says what it was made from, so an
    unchanged build reuses it; `fingerprints` (per document) decide which pages to rewrite."""

    signature: str
    output: str
    citations: dict[tuple[str, int], RenderedCitation] = attrs.field(factory=dict)
    bibliographies: dict[tuple[str, int], tuple[RenderedEntry, ...]] = attrs.field(factory=dict)
    fingerprints: dict[str, str] = attrs.field(factory=dict)
