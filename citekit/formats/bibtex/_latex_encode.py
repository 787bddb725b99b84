"""Unicode CSL rich text -> LaTeX, the inverse of _latex.decode.

`ascii=True` (the `bibtex` dialect) writes every character that has a LaTeX form as that form
(`{\\"o}`, `--`, `$\\alpha$`) and leaves the rest as UTF-8, which BibTeX copies through;
`ascii=False` (the `biblatex` dialect) escapes only LaTeX's special characters. Markup tags
that open and close in order become commands, nocase spans become braces; anything else is
text. Doubled `-`, `'` are split with `{}` so that they do not read back as dashes or quotes.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from pylatexenc.latexencode import _uni2latexmap

from ._latex import Mode, decode
from ._latex_tables import (
    ACCENT_OF,
    NOCASE_OPEN,
    SMALLCAPS_OPEN,
    WORDS,
)

_ASCII_ESCAPES = {
    "\\": "\\textbackslash{}",
    "{": "\\{",
    "}": "\\}",
    "&": "\\&",
    "%": "\\%",
    "$": "\\$",
    "#": "\\#",
    "_": "\\_",
    "~": "\\textasciitilde{}",
    "^": "\\textasciicircum{}",
    "`": "\\textasciigrave{}",
    "\u00a0": "~",
    "@": "{\\char64}",
}
_TAGS = {
    "<i>": ("\\textit{", "</i>"),
    "<b>": ("\\textbf{", "</b>"),
    "<sup>": ("\\textsuperscript{", "</sup>"),
    "<sub>": ("\\textsubscript{", "</sub>"),
    SMALLCAPS_OPEN: ("\\textsc{", "</span>"),
    NOCASE_OPEN: ("{", "</span>"),
}
_TAG = re.compile(
    r"<(?:i|b|sup|sub)>|</(?:i|b|sup|sub|span)>|" + re.escape(NOCASE_OPEN) + "|" + re.escape(SMALLCAPS_OPEN)
)
_NEEDS_WORK = re.compile(r"[^A-Za-z0-9 ,.;:!?()\[\]/+=*|<>\"'-]|--|''|<")


@functools.cache
def _encode_table() -> dict[str, str]:
    """Character -> LaTeX for the ASCII-safe dialect, only where decoding gives it back."""
    table: dict[str, str] = {}
    for code, latex in _uni2latexmap.uni2latex.items():
        char = chr(code)
        if code < 128 or unicodedata.combining(char):
            continue
        m = re.fullmatch(r"\\([A-Za-z]+)|\\ensuremath\{\\([A-Za-z]+)\}", latex)
        if m is None:
            continue
        candidate = f"{{\\{m.group(1)}}}" if m.group(1) else f"${latex[12:-1]}$"
        if decode(candidate, Mode.PLAIN)[0] == char:
            table[char] = candidate
    for name, text in WORDS.items():
        if len(text) == 1 and ord(text) > 127:
            table.setdefault(text, f"{{\\{name}}}")
    table.update({"–": "--", "—": "---", "“": "``", "”": "''", "‘": "`", "\u2009": "\\,"})
    return table


def _encode_char(char: str, ascii: bool) -> str:
    if char in _ASCII_ESCAPES:
        return _ASCII_ESCAPES[char]
    if not ascii or ord(char) < 128:
        return char
    if (known := _encode_table().get(char)) is not None:
        return known
    decomposed = unicodedata.normalize("NFD", char)
    base, marks = decomposed[0], decomposed[1:]
    if marks and ord(base) < 128 and base.isalpha() and all(m in ACCENT_OF for m in marks):
        out = {"i": "\\i", "j": "\\j"}.get(base, base)
        for mark in marks:
            name = ACCENT_OF[mark]
            out = f"\\{name}{{{out}}}" if name.isalpha() else f"\\{name}{out}"
        if decode("{" + out + "}", Mode.PLAIN)[0] == char:
            return "{" + out + "}"
    return char


def _encode_plain(text: str, ascii: bool) -> str:
    out: list[str] = []
    last = ""
    for char in text:
        piece = _encode_char(char, ascii) if char not in "-'<>\"" else char
        if last in ("-", "'", "`") and piece.startswith(last):
            # keep "--" and "''" from turning into dashes and quotes, also where a character's
            # own LaTeX starts with the mark ("-" then "–" is "-{}--", not "---", an em dash)
            out.append("{}")
        out.append(piece)
        last = piece[-1:] or last
    return "".join(out)


def encode(text: str, *, ascii: bool = True, markup: bool = True) -> str:
    """CSL rich text -> LaTeX for a field value (without the outer braces)."""
    if not _NEEDS_WORK.search(text):
        return text
    if not markup or "<" not in text:
        return _encode_plain(text, ascii)
    out: list[str] = []
    pos = 0
    for start, end, piece in _balanced_tags(text):
        out.append(_encode_plain(text[pos:start], ascii))
        out.append(piece)
        pos = end
    out.append(_encode_plain(text[pos:], ascii))
    return "".join(out)


def _balanced_tags(text: str) -> list[tuple[int, int, str]]:
    """Markup tags that open and close in order, as (start, end, LaTeX) spans."""
    stack: list[tuple[int, str]] = []
    pairs: list[tuple[int, int, str]] = []
    for m in _TAG.finditer(text):
        tag = m.group(0)
        if tag in _TAGS:
            stack.append((len(pairs), tag))
            pairs.append((m.start(), m.end(), _TAGS[tag][0]))
        elif stack and _TAGS[stack[-1][1]][1] == tag:
            stack.pop()
            pairs.append((m.start(), m.end(), "}"))
        else:
            break
    if stack:  # unbalanced: treat every tag as text
        return []
    return pairs
