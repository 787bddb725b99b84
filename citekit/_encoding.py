"""Bytes of an input file -> text: which encoding, and what to tell the user about it.

Real exports are not all UTF-8: JabRef writes `% Encoding: ISO8859_1` or `windows-1252`,
BibDesk `%% Saved with string encoding ...`, older tools Latin-1 with an Emacs
`-*- coding: latin-1 -*-` line, some UTF-16 with or without a byte-order mark. Refusing such a
file loses every entry in it for one byte, so the decision is made here, once, for every
format's `read`, in this order:

1. the encoding the caller names (`read(path, encoding=...)`, `--encoding`): strict, since
   the user said so; a byte it cannot decode is a ParseError naming the line;
2. a byte-order mark (UTF-8, UTF-16 and UTF-32, either byte order);
3. the pattern of NUL bytes of UTF-16/32 text without a mark (ASCII-range characters have
   zero high bytes, so one NUL in every 2 or 4 bytes on one side tells the width and order);
4. a header naming the encoding (JabRef, BibDesk, Emacs), when the bytes decode in it;
5. UTF-8;
6. Windows-1252 (which Latin-1 text also reads as, but for the C1 controls that no real
   file holds), with ONE warning naming the first line that is not UTF-8. The five bytes
   Windows-1252 leaves undefined are read as Latin-1, so this step never fails.
"""

from __future__ import annotations

import codecs
import re

import attrs

from ._errors import Location, ParseError, Problem

# BOMs, longest first: the UTF-32-LE mark starts with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_HEAD = 4096  # bytes looked at for NUL patterns and encoding headers
# `% Encoding: X` (JabRef), `%% Saved with string encoding Name (X)` (BibDesk),
# `-*- coding: X -*-` (Emacs), each in the file's first lines.
_DECLARED = re.compile(
    rb"^%+\s*Encoding:\s*([A-Za-z0-9_.:-]+)"
    rb"|^%+\s*Saved with string encoding\s+([^\r\n]*?)\s*$"
    rb"|-\*-.*?\bcoding:\s*([A-Za-z0-9_.-]+)",
    re.MULTILINE | re.IGNORECASE,
)
# BibDesk names encodings as macOS does; the ones it writes, by their display names.
_BIBDESK = {
    "unicode (utf-8)": "utf-8",
    "western (iso latin 1)": "latin-1",
    "western (windows latin 1)": "cp1252",
    "western (mac os roman)": "mac-roman",
    "central european (iso latin 2)": "iso8859-2",
    "non-lossy ascii": "ascii",
}
# Spellings Java (JabRef) and Emacs use that Python's codec registry does not know.
_ALIASES = {
    "latin-9": "iso8859-15",
    "latin9": "iso8859-15",
    "latin-2": "iso8859-2",
    "latin-0": "iso8859-15",
    "x-mac-roman": "mac-roman",
    "macroman": "mac-roman",
}
# Windows-1252's undefined bytes, as `surrogateescape` hands them back -> their Latin-1 chars.
_UNDEFINED_1252 = {0xDC00 + b: chr(b) for b in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}


@attrs.frozen
class Decoded:
    """Text, the encoding it was read in, and what to report (at most one warning)."""

    text: str
    encoding: str
    problems: tuple[Problem, ...] = ()


def decode(data: bytes, *, encoding: str | None = None, source: str | None = None) -> Decoded:
    """Decode a whole input file; see the module docstring for the order of the guesses."""
    if encoding is not None:
        name = _codec(encoding)
        if name is None:
            raise ParseError(f"unknown encoding {encoding!r}", Location(file=source))
        bom = next((mark for mark, codec in _BOMS if codec == name and data.startswith(mark)), b"")
        try:
            return Decoded(data[len(bom) :].decode(name), name)
        except UnicodeDecodeError as exc:
            line = _line_of(data, exc.start)
            message = f"not {encoding} text ({exc.reason})"
            raise ParseError(message, Location(file=source, line=line)) from None
    for mark, name in _BOMS:
        if data.startswith(mark):
            return _lenient(data[len(mark) :], name, source)
    wide = _by_nuls(data[:_HEAD])
    if wide is not None:
        return _lenient(data, wide, source)
    declared = _declared(data[:_HEAD])
    if declared is not None:
        try:
            return Decoded(data.decode(declared), declared)
        except UnicodeDecodeError:
            pass  # a wrong header (JabRef writes UTF-8 over Windows-1252 text): guess on
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        line = _line_of(data, exc.start)
    text = data.decode("cp1252", errors="surrogateescape")
    if any(0xDC80 <= ord(c) <= 0xDCFF for c in text):
        text = text.translate(_UNDEFINED_1252)
    said = f" (it declares {declared})" if declared is not None else ""
    problem = Problem(
        "encoding",
        f"not UTF-8{said}: read as Windows-1252 from this line on; name the encoding if that is wrong",
        Location(file=source, line=line),
        severity="warning",
    )
    return Decoded(text, "cp1252", (problem,))


def _codec(name: str) -> str | None:
    """Python's name for an encoding as Java, Emacs or a user spells it, or None."""
    name = name.strip().strip('"').lower()
    for suffix in ("-unix", "-dos", "-mac"):  # Emacs's end-of-line variants
        name = name.removesuffix(suffix)
    name = _ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _declared(head: bytes) -> str | None:
    """The encoding the file's first lines declare, when Python knows it."""
    for m in _DECLARED.finditer(head):
        jabref, bibdesk, emacs = m.groups()
        if bibdesk is not None:
            spelled = bibdesk.decode("ascii", "replace").strip().lower()
            name = _BIBDESK.get(spelled)
            inner = re.search(r"\(([^()]+)\)", spelled)
            if name is None and inner is not None:
                name = _codec(inner.group(1))
        else:
            name = _codec((jabref or emacs).decode("ascii", "replace"))
        if name is not None:
            return name
    return None


def _by_nuls(head: bytes) -> str | None:
    """UTF-16/32 without a BOM, told by where the NUL bytes are; None for 8-bit text."""
    if b"\x00" not in head:
        return None
    n = len(head) - len(head) % 4
    quads = [head[i : i + 4] for i in range(0, n, 4)]
    if quads and all(q[3] == 0 and q[2] <= 0x10 for q in quads):  # code points <= U+10FFFF
        return "utf-32-le"
    if quads and all(q[0] == 0 and q[1] <= 0x10 for q in quads):
        return "utf-32-be"
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    pairs = len(head) // 2
    if pairs and odd >= pairs * 0.4 and even < odd / 4:
        return "utf-16-le"
    if pairs and even >= pairs * 0.4 and odd < even / 4:
        return "utf-16-be"
    return None


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _lenient(data: bytes, encoding: str, source: str | None) -> Decoded:
    """Decode in an encoding a mark or NUL pattern chose; units that do not decode become
    U+FFFD, with one warning naming the first one's line."""
    try:
        return Decoded(data.decode(encoding), encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].decode(encoding, errors="replace").count("\n") + 1
    message = f"bytes that are not {encoding} text replaced by U+FFFD"
    problem = Problem("encoding", message, Location(file=source, line=line), severity="warning")
    return Decoded(data.decode(encoding, errors="replace"), encoding, (problem,))
