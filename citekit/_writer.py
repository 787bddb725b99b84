"""How a marked tree is written in one output: the `OutputFormat` machinery. The formats
themselves (their tags, escapes and document shapes) are the table in `_output`.

Markdown and reST inline markup only works at word boundaries, so the tree is written in
two passes: first each child becomes text or a pending `_Span`, then the spans are written
knowing the characters before and after them (`OutputFormat.wrap`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import cast

import attrs

from ._links import find_links, href
from ._markup import STYLE_NEWLINE, Node, written_tag
from ._superscripts import SUPERSCRIPTS

_DISPLAY = frozenset(("left-margin", "right-inline", "block", "indent", "citation-number"))
# citeproc-js's HTML for each display (its `@display/...` formats): the line breaks and
# indents around the divs are part of the entry it prints (an entry's own ends are stripped).
_HTML_DISPLAY = {
    "block": ("\n\n    ", "\n"),
    "left-margin": ("\n    ", ""),
    "right-inline": ("", "\n  "),
    "indent": ("", "\n  "),
}


@attrs.frozen
class _Span:
    """A formatted span before its neighbours are known: `wrap` decides how to write it."""

    tag: str
    inner: str


Piece = str | _Span


def _same(text: str) -> str:
    return text


@attrs.frozen
class OutputFormat:
    """One output: `tags` maps a formatting tag to its (opening, closing) markup; `wrap`,
    when set, writes a span knowing the characters before and after it (for Markdown and
    reST, whose inline markup depends on them); `nest` False writes formatting inside
    formatting as plain text (reST cannot nest inline markup); `line_start` escapes what
    would start a block; `entry`, `body` and `separator` make a bibliography document;
    `literal` writes preformatted text (a BibTeX or RIS record) safely."""

    name: str
    escape: Callable[[str], str]
    tags: Mapping[str, tuple[str, str]]
    link: Callable[[str, str], str] | None = None  # (href, escaped text) -> markup
    line_break: str = "\n"
    wrap: Callable[[str, str, str, str, str], str] | None = None  # (opening, closing, inner, before, after)
    nest: bool = True
    line_start: Callable[[str], str] = attrs.field(default=_same)
    entry: tuple[str, str] = ("", "")
    body: tuple[str, str] = ("", "")
    separator: str = "\n"
    literal: Callable[[str], str] = attrs.field(default=_same)

    def write(self, tree: Node, *, links: bool = True, block_breaks: bool = True) -> str:
        """`block_breaks`: a display="block" part starts a new line (as in citeproc-js) or,
        when False, runs on after a space (for one-line text such as a "Cite this" box)."""
        pieces = self._pieces(tree.children, links, block_breaks, nested=False)
        text = self._join(pieces, "", "").replace(STYLE_NEWLINE, "\n")
        if "\n" not in text:
            return self.line_start(text)
        return "\n".join(self.line_start(line) for line in text.split("\n"))

    def document(self, entries: Iterable[str]) -> str:
        """Entries (each written by this format) as one bibliography document."""
        opening, closing = self.entry
        written = [f"{opening}{entry.strip()}{closing}" for entry in entries]
        if not written:
            return ""
        return self.body[0] + self.separator.join(written) + self.body[1]

    # -- the tree, in two passes: pieces, then joined with their neighbours known --

    def _pieces(self, children: Iterable[str | Node], links: bool, breaks: bool, nested: bool) -> list[Piece]:
        out: list[Piece] = []
        linked = links and self.link is not None and not (nested and not self.nest)
        for child in children:
            if isinstance(child, str):
                if linked:
                    out.extend(self._linked(child))
                else:
                    out.append(self.escape(child))
            else:
                out.extend(self._node(child, links, breaks, nested))
        return out

    def _node(self, node: Node, links: bool, breaks: bool, nested: bool) -> list[Piece]:
        if node.tag == "unicode-sup":
            if "sup" not in self.tags:  # plain text keeps the character, as citeproc-js's
                return self._pieces(node.children, links, breaks, nested)
            plain = "".join(SUPERSCRIPTS.get(c, c) for c in node.plain())
            node = Node("sup", [plain])
        tag = written_tag(node.tag or "")
        if tag in _DISPLAY:
            inner = self._join(self._pieces(node.children, links, breaks, nested), "", "")
            return [self._display(tag, inner, breaks)]
        if tag not in self.tags or (nested and not self.nest):
            return self._pieces(node.children, links, breaks, nested)
        opening, closing = self.tags[tag]
        inner = self._join(self._pieces(node.children, links, breaks, True), opening[-1:], closing[:1])
        if not inner:
            return []
        return [_Span(tag, inner)] if self.wrap else [f"{opening}{inner}{closing}"]

    def _join(self, pieces: list[Piece], before: str, after: str) -> str:
        if self.wrap is None:  # every piece is text already (only `wrap` makes spans)
            return "".join(cast("list[str]", pieces))
        out: list[str] = []
        last = before
        for index, piece in enumerate(pieces):
            if isinstance(piece, str):
                written = piece
            else:
                following = pieces[index + 1] if index + 1 < len(pieces) else None
                if following is None:
                    nxt = after
                elif isinstance(following, str):
                    nxt = following[:1] or after
                else:
                    nxt = "*"  # a span starts with markup punctuation whatever its form
                assert self.wrap is not None
                opening, closing = self.tags.get(piece.tag, ("", ""))  # a link is written already
                written = self.wrap(opening, closing, piece.inner, last, nxt)
            if written:
                out.append(written)
                last = written[-1]
        return "".join(out)

    def _display(self, tag: str, inner: str, breaks: bool) -> str:
        if self.name == "html" and tag in _HTML_DISPLAY:
            before, after = _HTML_DISPLAY[tag]
            return f'{before}<div class="csl-{tag}">{inner}</div>{after}'
        if tag == "left-margin":
            return inner + " "
        if tag == "block":
            return (self.line_break if breaks else " ") + inner
        return inner

    def _linked(self, text: str) -> list[Piece]:
        """Text with its DOIs and URLs as links (`link` is set)."""
        assert self.link is not None
        if ":" not in text:  # every link holds one (`://`, `doi:`): most text has none
            escaped = self.escape(text)
            return [escaped] if escaped else []
        out: list[Piece] = []
        last = 0
        for start, end in find_links(text):
            out.append(self.escape(text[last:start]))
            written = self.link(href(text[start:end]), self.escape(text[start:end]))
            out.append(_Span("link", written) if self.wrap else written)
            last = end
        out.append(self.escape(text[last:]))
        return [piece for piece in out if piece]
