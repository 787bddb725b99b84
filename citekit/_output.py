"""Output formats as a table: each names how to write a formatting tag, one escape
function, how to write a link, and how entries make a document (`write_bibliography`).
The machinery that writes a marked tree with these is `_writer.OutputFormat`.

Every format makes field text inert, so nothing from a record (a `<script>` in a title,
a `javascript:` URL, `*` or `_`, `%` or `^^`) becomes markup:
- HTML escapes `& < >`; links are `<a href>` with a percent-encoded target.
- Markdown backslash-escapes its markup characters (and `&`, so no entity is read), turns
  newlines into spaces (field text never makes a new block), and escapes what would start
  a block at the start of a line (`1.`, `-`, `+`, `=`). Formatting is `*…*`/`**…**` where
  CommonMark's flanking rules let it work, else `<em>`/`<strong>`.
- reST does the same with its characters; an escaped space `\\ ` (which renders as nothing)
  stands where inline markup needs a boundary, so `*10*\\ (1)` renders; a colon before a
  non-space is escaped so docutils makes no link of `javascript:`/`data:` text; a line
  starting with an enumerator (`J.`, `1.`, `(a)`) or punctuation is escaped, so an entry
  is never a list item, a comment or a literal block.
- LaTeX escapes its ten special characters and `< >`; `\\href` targets are percent-encoded
  (`^^` would otherwise be read as a character code).
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable
from typing import Protocol

from ._errors import UnknownFormatError
from ._writer import OutputFormat

# C0 and C1 controls (but tab and newline) and non-characters: invalid in HTML, unsafe in
# LaTeX, invisible everywhere. Field text may carry them (a RIS file, a stray form feed).
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]")


_NEWLINE = re.compile(r"[\n\r\v\f\u2028\u2029\x85]")
_NEWLINES = re.compile(rf"\s*{_NEWLINE.pattern}+\s*")


def _controls_to_spaces(text: str) -> str:
    return _CONTROLS.sub(" ", text.replace("\r\n", "\n")) if _CONTROLS.search(text) else text


def _is_space(char: str) -> bool:
    return not char or char.isspace()


def _category(char: str) -> str:
    return unicodedata.category(char) if char else ""


def _split_space(inner: str) -> tuple[str, str, str]:
    core = inner.strip()
    if not core:
        return inner, "", ""
    start = inner.index(core[0])
    return inner[:start], core, inner[start + len(core) :]


def _one_line(text: str) -> str:
    """Plain text as it is, but for newlines in field text: one entry stays one line."""
    # The search is a cheap scan; the substitution tries `\s*` at every position.
    return _NEWLINES.sub(" ", text) if _NEWLINE.search(text) else text


# -- HTML --


def _escape_html(text: str) -> str:
    return html.escape(_controls_to_spaces(text), quote=False)


def _html_link(target: str, text: str) -> str:
    return f'<a href="{html.escape(target)}">{text}</a>'


# -- Markdown (CommonMark) --

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#&~!])")
_MD_HTML = {"*": ("<em>", "</em>"), "**": ("<strong>", "</strong>")}
_MD_ORDERED = re.compile(r"^(\d{1,9})([.)])")


def _escape_markdown(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", _controls_to_spaces(_one_line(text)))


def _md_flanks(char: str, neighbour: str) -> bool:
    """A `*` delimiter next to `char` (inside) works when `neighbour` (outside) allows it."""
    if neighbour == "*":
        return False  # two spans touching would make a `**` run
    punct = _category(char)[:1] in "PS"
    return not punct or _is_space(neighbour) or _category(neighbour)[:1] in "PS"


def _md_wrap(opening: str, closing: str, inner: str, before: str, after: str) -> str:
    if opening not in _MD_HTML:
        return f"{opening}{inner}{closing}"  # HTML tags and links need no flanking
    lead, core, trail = _split_space(inner)
    if not core:
        return inner
    before, after = (lead[-1:] or before), (trail[:1] or after)
    if _md_flanks(core[0], before) and _md_flanks(core[-1], after):
        return f"{lead}{opening}{core}{closing}{trail}"
    tag_open, tag_close = _MD_HTML[opening]
    return f"{lead}{tag_open}{core}{tag_close}{trail}"


def _md_line_start(line: str) -> str:
    line = line.lstrip(" \t")
    if line[:1] in ("-", "+", "="):
        return "\\" + line
    return _MD_ORDERED.sub(r"\1\\\2", line, count=1)


def _md_literal(text: str) -> str:
    runs = re.findall(r"`+", text)
    fence = "`" * max(3, 1 + max((len(run) for run in runs), default=0))
    return f"{fence}\n{text.rstrip()}\n{fence}"


# -- reStructuredText --

_RST_SPECIAL = re.compile(r"([\\`*_|])|:(?=\S)|(?<=:):")
_RST_BEFORE = frozenset(" -:/'\"<([{")
_RST_AFTER = frozenset(" -.,:;!?\\/'\")]}>")
_RST_BLOCK = re.compile(r"^(?:\w+[.)]|#[.)]|\(\w+\))(?:\s|$)")


def _escape_rst(text: str) -> str:
    return _RST_SPECIAL.sub(lambda m: "\\" + m.group(0), _controls_to_spaces(_one_line(text)))


def _rst_wrap(opening: str, closing: str, inner: str, before: str, after: str) -> str:
    lead, core, trail = _split_space(inner) if opening else ("", inner, "")
    if not core:
        return inner
    before, after = (lead[-1:] or before), (trail[:1] or after)
    # docutils: ASCII neighbours from its lists only; other punctuation by Unicode category.
    start_ok = (
        _is_space(before)
        or before in _RST_BEFORE
        or (not before.isascii() and _category(before) in ("Ps", "Pi", "Pf", "Pd", "Po"))
    )
    end_ok = (
        _is_space(after)
        or after in _RST_AFTER
        or (not after.isascii() and _category(after) in ("Pe", "Pi", "Pf", "Pd", "Po"))
    )
    return "".join((lead, "" if start_ok else "\\ ", opening, core, closing, "" if end_ok else "\\ ", trail))


def _rst_link(target: str, text: str) -> str:
    if target.endswith("_"):
        target = target[:-1] + "%5F"  # a target ending in `_` would be a reference name
    # Inside a hyperlink reference docutils makes no link of its own: colons may stay.
    text = text.replace("\\:", ":").replace("<", "\\<")
    return f"`{text} <{target}>`__"


def _rst_line_start(line: str) -> str:
    line = line.lstrip(" \t")
    first = line[:1]
    if first and first not in "\\*`:" and not first.isalnum():  # `*` `` ` `` `:` here are markup
        return "\\" + line
    return "\\" + line if _RST_BLOCK.match(line) else line


def _rst_literal(text: str) -> str:
    lines = text.rstrip().split("\n")
    return "::\n\n" + "\n".join(f"    {line}" if line.strip() else "" for line in lines)


# -- LaTeX --

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
    "<": r"\textless{}",
    ">": r"\textgreater{}",
}
_LATEX_RE = re.compile("|".join(re.escape(c) for c in _LATEX_SPECIAL))


def _escape_latex(text: str) -> str:
    text = _controls_to_spaces(_one_line(text))
    return _LATEX_RE.sub(lambda m: _LATEX_SPECIAL[m.group(0)], text)


def _latex_link(target: str, text: str) -> str:
    # The target is percent-encoded already (no `\ { } ^ ~` or spaces); these two are
    # still read by TeX inside an argument.
    target = target.replace("%", "\\%").replace("#", "\\#")
    return rf"\href{{{target}}}{{{text}}}"


def _latex_literal(text: str) -> str:
    lines = [_escape_latex(line) for line in text.rstrip().split("\n")]
    return "{\\ttfamily\\raggedright\n" + "\\newline\n".join(lines) + "\\par}"


_HTML_TAGS = {
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
    "no-decoration": ('<span style="text-decoration:none;">', "</span>"),
    "baseline": ('<span style="baseline">', "</span>"),  # sic: citeproc-js 2.4.63's markup
}

OUTPUTS: dict[str, OutputFormat] = {
    "text": OutputFormat("text", _one_line, {}, body=("", "\n")),
    "html": OutputFormat(
        "html",
        _escape_html,
        _HTML_TAGS,
        link=_html_link,
        line_break="<br>",
        entry=('  <div class="csl-entry">', "</div>"),
        body=('<div class="csl-bib-body">\n', "\n</div>\n"),
        literal=_escape_html,
    ),
    "markdown": OutputFormat(
        "markdown",
        _escape_markdown,
        {"italic": ("*", "*"), "bold": ("**", "**"), "sup": ("<sup>", "</sup>"), "sub": ("<sub>", "</sub>")},
        link=lambda target, text: f"[{text}](<{target}>)",
        line_break="  \n",
        wrap=_md_wrap,
        line_start=_md_line_start,
        body=("", "\n"),
        separator="\n\n",
        literal=_md_literal,
    ),
    "rst": OutputFormat(
        "rst",
        _escape_rst,
        {"italic": ("*", "*"), "bold": ("**", "**"), "sup": (":sup:`", "`"), "sub": (":sub:`", "`")},
        link=_rst_link,
        wrap=_rst_wrap,
        nest=False,
        line_start=_rst_line_start,
        body=("", "\n"),
        separator="\n\n",
        literal=_rst_literal,
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
        link=_latex_link,
        line_break="\\newline\n",
        body=("", "\n"),
        separator="\n\n",
        literal=_latex_literal,
    ),
}


class _HasText(Protocol):
    @property
    def text(self) -> str: ...


def get_output(name: str) -> OutputFormat:
    """The output format called `name`; an unknown name is an `UnknownFormatError`."""
    try:
        return OUTPUTS[name]
    except KeyError:
        known = ", ".join(OUTPUTS)
        raise UnknownFormatError(f"unknown output format {name!r} (known: {known})") from None


def write_bibliography(entries: Iterable[str | _HasText], output: str = "text") -> str:
    """A whole bibliography as one document in `output`, from entries written in that same
    output (`Formatter(records, style, output).bibliography()`): HTML is a
    `<div class="csl-bib-body">` with one `<div class="csl-entry">` per entry, as
    citeproc-js writes it; Markdown, reST and LaTeX have one paragraph per entry (a blank
    line between); text has one line per entry. Ends with a newline; empty for no entries."""
    writer = get_output(output)
    return writer.document(entry if isinstance(entry, str) else entry.text for entry in entries)
