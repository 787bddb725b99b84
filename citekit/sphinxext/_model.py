"""What the extension keeps in the build environment: the citations and bibliographies each
document uses (read in parallel, merged by the domain) and the rendering of the last build."""

from __future__ import annotations

import re

import attrs

import citekit


@attrs.frozen
class CitationUse:
    """One citation role: `mode` is "" or "p" (the style's own citation), "t" (narrative),
    or another of sphinxcontrib-bibtex's forms (see `_roles.MODES`); `note` is true when the
    citation stands in a footnote (note styles, and :footcite:); `foot` marks :footcite:,
    whose footnote holds the full entry in styles that are not note styles."""

    docname: str
    serial: int
    mode: str
    cites: tuple[citekit.Cite, ...]
    line: int | None = None
    note: bool = False
    foot: bool = False


@attrs.frozen
class BibliographyUse:
    """One bibliography (or footbibliography) directive and its options.

    `cited` is "build" (cited anywhere: sphinxcontrib-bibtex's `:cited:` and the default),
    "page" (cited on this page: `:scope: document` or `:cited-here:`), "not" (`:notcited:`)
    or "" (only `:keys:`, `:all:` or `:filter:` choose)."""

    docname: str
    serial: int
    style: str | None = None
    cited: str = "build"
    all: bool = False
    keys: tuple[str, ...] = ()
    filter: str | None = None
    scope: str = ""
    line: int | None = None
    list: str = "citation"
    enumtype: str = "arabic"
    start: int = 1  # -1: continue the numbers of the list before
    labelprefix: str = ""
    keyprefix: str = ""
    foot: bool = False
    # the files named as the directive's argument (relative to the source folder): the
    # list holds only their entries; empty: every configured file
    bibfiles: tuple[str, ...] = ()

    @property
    def per_page(self) -> bool:
        """A list of this page's own (its anchors name the page)."""
        by_page = self.filter is not None and re.search(r"\bdocname\b", self.filter) is not None
        return self.scope == "document" or self.cited == "page" or self.foot or by_page


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
    label: str = ""  # the list's own label ([A1], Knu84) when the entry text has none


@attrs.frozen
class Rendering:
    """The result of one rendering pass: `signature` says what it was made from, so an
    unchanged build reuses it; `fingerprints` (per document) decide which pages to rewrite."""

    signature: str
    output: str
    citations: dict[tuple[str, int], RenderedCitation] = attrs.field(factory=dict)
    bibliographies: dict[tuple[str, int], tuple[RenderedEntry, ...]] = attrs.field(factory=dict)
    starts: dict[tuple[str, int], int] = attrs.field(factory=dict)  # first number of enumerated lists
    fingerprints: dict[str, str] = attrs.field(factory=dict)
    # for rendering again after an edit (see _incremental): the signature of everything
    # but the records, and per record a digest and the names and title it can print
    structure: str = ""
    digests: dict[str, str] = attrs.field(factory=dict)
    tokens: dict[str, frozenset[str]] = attrs.field(factory=dict)
    # key -> entry text of every cited record, in the style's order (a numeric style's
    # numbering): the links' hover texts
    hover: dict[str, str] = attrs.field(factory=dict)
