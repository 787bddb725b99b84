"""Output formats: each is a table of how to write a formatting tag, one escape function,
and how to write a link. DOIs and URLs in the text become links in every marked-up format."""

from __future__ import annotations

import html
import re
from collections.abc import Callable

import attrs

from ._markup import Node

_URL = re.compile(r"(?:https?://|doi:\s?10\.)[^\s<>\"]*[^\s<>\".,;:)\]]")


def _doi_href(text: str) -> str:
    if text.lower().startswith("doi:"):
        return "https://doi.org/" + text[4:].strip()
    return text


@attrs.frozen
class OutputFormat:
    name: str
    escape: Callable[[str], str]
    tags: dict[str, tuple[str, str]]
    link: Callable[[str, str], str] | None = None  # (href, escaped text) -> markup
    line_break: str = "\n"

    def write(self, tree: Node, *, links: bool = True, block_breaks: bool = True) -> str:
        """`block_breaks`: a display="block" part starts a new line (as in citeproc-js) or,
        when False, runs on after a space (for one-line text such as a "Cite this" box)."""
        return "".join(self._write(child, links, block_breaks) for child in tree.children)

    def _write(self, part: str | Node, links: bool, breaks: bool) -> str:
        if isinstance(part, str):
            return self._text(part, links)
        inner = "".join(self._write(child, links, breaks) for child in part.children)
        if part.tag in ("left-margin", "right-inline", "block", "indent", "citation-number"):
            return self._display(part.tag, inner, breaks)
        opening, closing = self.tags.get(part.tag or "", ("", ""))
        return f"{opening}{inner}{closing}" if inner else ""

    def _display(self, tag: str, inner: str, breaks: bool) -> str:
        if self.name == "html" and tag != "citation-number":
            return f'<div class="csl-{tag}">{inner.strip() if tag == "block" else inner}</div>'
        if tag == "left-margin":
            return inner + " "
        if tag == "block":
            return (self.line_break if breaks else " ") + inner.strip()
        return inner

    def _text(self, text: str, links: bool) -> str:
        if not links or self.link is None:
            return self.escape(text)
        out: list[str] = []
        last = 0
        for match in _URL.finditer(text):
            out.append(self.escape(text[last : match.start()]))
            out.append(self.link(_doi_href(match.group(0)), self.escape(match.group(0))))
            last = match.end()
        out.append(self.escape(text[last:]))
        return "".join(out)


def _escape_html(text: str) -> str:
    return html.escape(text, quote=False)


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")
_RST_SPECIAL = re.compile(r"([\\`*_|])")
_LATEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "%": r"\%",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_LATEX_RE = re.compile("|".join(re.escape(c) for c in _LATEX_SPECIAL))


def _escape_latex(text: str) -> str:
    return _LATEX_RE.sub(lambda m: _LATEX_SPECIAL[m.group(0)], text)


def _latex_url(href: str) -> str:
    return (
        href.replace("\\", r"\\")
        .replace("%", r"\%")
        .replace("#", r"\#")
        .replace("{", r"\{")
        .replace("}", r"\}")
    )


_PLAIN_TAGS: dict[str, tuple[str, str]] = {}

OUTPUTS: dict[str, OutputFormat] = {
    "text": OutputFormat("text", lambda t: t, _PLAIN_TAGS),
    "html": OutputFormat(
        "html",
        _escape_html,
        {
            "italic": ("<i>", "</i>"),
            "bold": ("<b>", "</b>"),
            "light": ('<span style="font-weight:lighter;">', "</span>"),
            "underline": ('<span style="text-decoration:underline;">', "</span>"),
            "sup": ("<sup>", "</sup>"),
            "sub": ("<sub>", "</sub>"),
            "smallcaps": ('<span style="font-variant:small-caps;">', "</span>"),
            "normal": ('<span style="font-style:normal;">', "</span>"),
            "normal-weight": ('<span style="font-weight:normal;">', "</span>"),
            "normal-variant": ('<span style="font-variant:normal;">', "</span>"),
        },
        link=lambda href, text: f'<a href="{html.escape(href)}">{text}</a>',
        line_break="<br>",
    ),
    "markdown": OutputFormat(
        "markdown",
        lambda t: _MD_SPECIAL.sub(r"\\\1", t),
        {"italic": ("*", "*"), "bold": ("**", "**"), "sup": ("<sup>", "</sup>"), "sub": ("<sub>", "</sub>")},
        link=lambda href, text: f"[{text}](<{href}>)",
        line_break="  \n",
    ),
    "rst": OutputFormat(
        "rst",
        lambda t: _RST_SPECIAL.sub(r"\\\1", t),
        {
            "italic": ("*", "*"),
            "bold": ("**", "**"),
            "sup": (r"\ :sup:`", r"`\ "),
            "sub": (r"\ :sub:`", r"`\ "),
        },
        link=lambda href, text: f"`{text} <{href}>`__",
    ),
    "latex": OutputFormat(
        "latex",
        _escape_latex,
        {
            "italic": (r"\textit{", "}"),
            "bold": (r"\textbf{", "}"),
            "smallcaps": (r"\textsc{", "}"),
            "sup": (r"\textsuperscript{", "}"),
            "sub": (r"\textsubscript{", "}"),
            "underline": (r"\underline{", "}"),
            "normal": (r"\textup{", "}"),
        },
        link=lambda href, text: rf"\href{{{_latex_url(href)}}}{{{text}}}",
        line_break=r"\\" + "\n",
    ),
}


def get_output(name: str) -> OutputFormat:
    try:
        return OUTPUTS[name]
    except KeyError:
        raise ValueError(f"unknown output {name!r} (known: {', '.join(OUTPUTS)})") from None
