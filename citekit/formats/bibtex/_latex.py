"""LaTeX field text -> Unicode CSL rich text.

Decoding is a small hand-written scanner rather than pylatexenc's walker: the walker builds a
node tree per value and is far too slow for 50,000-entry files, while most values need no
work at all (the fast path returns them after whitespace folding). pylatexenc still provides
the data: its Unicode -> LaTeX table gives the names of ~670 text and math symbols, inverted
here for decoding and used as is for encoding.

Three modes, chosen by the field table:
- PLAIN: text only (names, numbers, dates, pages); braces vanish, markup macros give their text.
- RICH: CSL rich text: `\\emph`/`\\textit` -> <i>, `\\textbf` -> <b>, `\\textsc` -> small caps,
  `\\textsuperscript`/`\\textsubscript` -> <sup>/<sub>.
- TITLE: RICH plus case protection: `{...}` at any depth -> <span class="nocase">...</span>
  (one span for the outermost group; a group that starts with a command, `{\\"o}`, `{\\em x}`,
  is a command, not protection).

As in LaTeX, a control word ends at the spaces after it (`\\TeX book` is "TeXbook"; write
`\\TeX{}` or `{\\TeX}` to keep the space). An unknown command is kept as written (with the
brace groups that follow it) and its name is returned so the reader can report it.
The inverse is in _latex_encode; the command tables in _latex_tables.
"""

from __future__ import annotations

import enum
import functools
import re
import unicodedata

from pylatexenc.latexencode import _uni2latexmap

from ... import latex as _user
from ._latex_tables import (
    ACCENTS,
    DROP_ARG,
    IGNORE,
    MATH_OPERATORS,
    NOCASE_OPEN,
    QUOTE_ARG,
    SPACE_ARG,
    STYLE_ARG,
    STYLE_SWITCH,
    SYMBOLS,
    TRANSPARENT_ARG,
    WORDS,
)


class Mode(enum.Enum):
    PLAIN = 0
    RICH = 1
    TITLE = 2


_MATH_OPEN = {"\\(": "\\)", "\\[": "\\]"}
_TAGS = re.compile(r"</?[a-z]+(?:\s[^<>]*)?>")  # rich text's tags, dropped in PLAIN mode
_SPECIAL = re.compile(r"[\\{}$~`']|--|\s\s|[\t\n\r]")
_TOKEN = re.compile(
    r"\\(?:[A-Za-z@]+\*?|.)|[{}$~^_]|---?|``|''|`|[ \t\n\r\f\v]+|[^\\{}$~^_\-`' \t\n\r\f\v]+|.", re.S
)
_WS = re.compile(r"[ \t\n\r\f\v]+")
_SPACE = frozenset(" \t\n\r\f\v")


@functools.cache
def _symbol_table() -> dict[str, str]:
    """Control word -> text, from pylatexenc's table plus ours (ours wins)."""
    table: dict[str, str] = {}
    for code, latex in _uni2latexmap.uni2latex.items():
        m = re.fullmatch(r"\\([A-Za-z]+)|\\ensuremath\{\\([A-Za-z]+)\}", latex)
        if m:
            table.setdefault(m.group(1) or m.group(2), chr(code))
    table.update(WORDS)
    return table


MAX_DEPTH = 100
"""Groups, arguments and commands nested deeper than this are not decoded: the scanner is
recursive, and real values nest a few levels, while hostile ones (500 braces, 330
`\\textbf{`, 500 chained accents) would exhaust Python's stack."""
TOO_DEEP = "{…}"
"""Put in `decode`'s unknown list when a value nested deeper than MAX_DEPTH."""


class _TooDeep(Exception):
    pass


class _Decoder:
    """One pass over one value; `unknown` collects commands it did not know."""

    def __init__(self, text: str, mode: Mode) -> None:
        self.tokens: list[str] = _TOKEN.findall(text)
        self.i = 0
        self.mode = mode
        self.unknown: list[str] = []
        self.depth = 0
        self.quotes = 0  # \\enquote nesting: double quotes outside, single inside
        self.user = _user.macros()  # one snapshot for the whole value

    def enter(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _TooDeep

    def run(self) -> str:
        return "".join(self.sequence(in_nocase=False, math=False, stop=""))

    def sequence(self, *, in_nocase: bool, math: bool, stop: str) -> list[str]:
        self.enter()
        out: list[str] = []
        tokens = self.tokens
        while self.i < len(tokens):
            tok = tokens[self.i]
            self.i += 1
            if tok == stop:
                self.depth -= 1
                return out
            if tok == "{":
                out.append(self.group(in_nocase=in_nocase, math=math))
            elif tok == "}":
                continue  # stray closing brace (reported by the reader)
            elif tok in _MATH_OPEN and not math:  # \\( ... \\) and \\[ ... \\]
                out.append("".join(self.sequence(in_nocase=in_nocase, math=True, stop=_MATH_OPEN[tok])))
            elif math and tok[1:] in MATH_OPERATORS and tok[1:] not in self.user:
                out.append(self.operator(tok[1:], out))
            elif tok[0] == "\\":
                out.append(self.command(tok, in_nocase=in_nocase, math=math))
            elif tok == "$":
                out.append("".join(self.sequence(in_nocase=in_nocase, math=not math, stop="$")))
            elif math and tok in "^_":
                arg = self.argument(in_nocase=in_nocase, math=True)
                tag = "sup" if tok == "^" else "sub"
                out.append(f"<{tag}>{arg}</{tag}>" if self.mode is not Mode.PLAIN else arg)
            elif tok[0] in _SPACE:
                out.append("" if math else " ")
            elif tok == "~":
                out.append("\u00a0")
            elif tok == "--":
                out.append("–")
            elif tok == "---":
                out.append("—")
            elif tok == "``":
                out.append("“")
            elif tok == "''":
                out.append("”")
            elif tok == "`":
                out.append("‘")
            else:
                out.append(tok)
        self.depth -= 1
        return out

    def group(self, *, in_nocase: bool, math: bool) -> str:
        nxt = self.tokens[self.i] if self.i < len(self.tokens) else ""
        if nxt[:1] == "\\" and nxt[1:].rstrip("*") in STYLE_SWITCH:
            self.i += 1
            inner = "".join(self.sequence(in_nocase=in_nocase, math=math, stop="}")).lstrip()
            if self.mode is Mode.PLAIN or not inner:
                return inner
            start, end = STYLE_SWITCH[nxt[1:].rstrip("*")]
            return start + inner + end
        protect = self.mode is Mode.TITLE and not in_nocase and nxt[:1] != "\\" and not math
        inner = "".join(self.sequence(in_nocase=in_nocase or protect, math=math, stop="}"))
        if protect and inner:
            return NOCASE_OPEN + inner + "</span>"
        return inner

    def operator(self, name: str, out: list[str]) -> str:
        """`\\log` in math: the name, spaced from a letter or digit on either side."""
        before = next((text for text in reversed(out) if text), "")
        self.skip_space()
        after = self.tokens[self.i] if self.i < len(self.tokens) else ""
        space_before = " " if before[-1:].isalnum() else ""
        space_after = " " if after[:1].isalnum() or (after[1:2].isalpha() and after[0] == "\\") else ""
        return space_before + name + space_after

    def skip_space(self) -> None:
        while self.i < len(self.tokens) and self.tokens[self.i][0] in _SPACE:
            self.i += 1

    def argument(self, *, in_nocase: bool, math: bool) -> str:
        """The next argument, counted in the nesting depth (chained accents recurse here)."""
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _TooDeep
        text = self.argument_text(in_nocase=in_nocase, math=math)
        self.depth -= 1  # (no `finally`: _TooDeep abandons the whole value)
        return text

    def argument_text(self, *, in_nocase: bool, math: bool) -> str:
        """The next argument: a brace group's content, one command, or one character."""
        self.skip_space()
        if self.i >= len(self.tokens):
            return ""
        tok = self.tokens[self.i]
        if tok == "{":
            self.i += 1
            return "".join(self.sequence(in_nocase=True, math=math, stop="}"))
        if tok[0] == "\\":
            self.i += 1
            return self.command(tok, in_nocase=in_nocase, math=math)
        if len(tok) > 1 and tok[0] not in _SPACE:
            self.tokens[self.i] = tok[1:]
            return tok[0]
        self.i += 1
        return tok

    def raw_groups(self) -> str:
        """The brace groups right after a command, as written."""
        parts: list[str] = []
        while self.i < len(self.tokens) and self.tokens[self.i] == "{":
            depth = 0
            while self.i < len(self.tokens):
                tok = self.tokens[self.i]
                self.i += 1
                parts.append(tok)
                depth += 1 if tok == "{" else -1 if tok == "}" else 0
                if depth == 0:
                    break
        return "".join(parts)

    def command(self, tok: str, *, in_nocase: bool, math: bool) -> str:
        name = tok[1:]
        if self.user and name.rstrip("*") in self.user:
            return self.user_macro(self.user[name.rstrip("*")], in_nocase=in_nocase, math=math)
        if len(name) == 1 and not name.isalpha():
            if name in ACCENTS:
                return _accent(name, self.argument(in_nocase=in_nocase, math=math))
            return SYMBOLS.get(name, name)
        star = name.endswith("*")
        name = name.rstrip("*")
        if name in ACCENTS:  # \c c, \v{s}
            return _accent(name, self.argument(in_nocase=in_nocase, math=math))
        if name in STYLE_ARG:
            arg = self.argument(in_nocase=in_nocase, math=math)
            if self.mode is Mode.PLAIN or not arg:
                return arg
            start, end = STYLE_ARG[name]
            return start + arg + end
        if name in TRANSPARENT_ARG:
            return self.argument(in_nocase=in_nocase, math=math)
        if name in QUOTE_ARG:  # as straight quotes, which CSL rich text reads as a quoted phrase
            mark = '"' if self.quotes % 2 == 0 else "'"
            self.quotes += 1
            arg = self.argument(in_nocase=in_nocase, math=math)
            self.quotes -= 1
            return mark + arg + mark if self.mode is not Mode.PLAIN and arg else arg
        if name in SPACE_ARG:
            self.argument(in_nocase=True, math=math)
            return " "
        if name == "ElsevierGlyph":  # Elsevier's exports: a hexadecimal code point
            code = self.argument(in_nocase=True, math=math).strip()
            if re.fullmatch(r"[0-9A-Fa-f]{1,6}", code) and int(code, 16) <= 0x10FFFF:
                return chr(int(code, 16))
            self.unknown.append("\\ElsevierGlyph")
            return tok + "{" + code + "}"
        if name == "href":
            self.argument(in_nocase=True, math=math)
            return self.argument(in_nocase=in_nocase, math=math)
        if name in DROP_ARG:
            self.argument(in_nocase=True, math=math)
            return ""
        if name == "char":
            return self.char_code()
        if name in IGNORE:
            return ""
        text = _symbol_table().get(name)
        if text is not None:
            if (
                self.i < len(self.tokens)
                and self.tokens[self.i] == "{"
                and self.i + 1 < len(self.tokens)
                and self.tokens[self.i + 1] == "}"
            ):
                self.i += 2  # \ss{} and \TeX{}: the empty group ends the word
            elif not math:
                self.skip_space()  # as in LaTeX, a control word ends at the space after it
            return text
        if name in STYLE_SWITCH:
            return ""  # a switch in mid-group: its scope is not tracked
        self.unknown.append("\\" + name + ("*" if star else ""))
        return tok + self.raw_groups()

    def user_macro(self, replacement: str, *, in_nocase: bool, math: bool) -> str:
        """A macro from citekit.latex.register: its text, `#1` filled with the argument."""
        if "#1" in replacement:
            arg = self.argument(in_nocase=in_nocase, math=math)
            replacement = replacement.replace("#1", arg)
        elif self.tokens[self.i : self.i + 2] == ["{", "}"]:
            self.i += 2
        elif not math:
            self.skip_space()
        return _TAGS.sub("", replacement) if self.mode is Mode.PLAIN else replacement

    def char_code(self) -> str:
        digits = ""
        while self.i < len(self.tokens) and self.tokens[self.i][0] not in _SPACE:
            tok = self.tokens[self.i]
            if tok in ('"', "'") or tok.isalnum():
                digits += tok
                self.i += 1
                if tok.isalnum():
                    break
            else:
                break
        try:
            if digits.startswith('"'):
                return chr(int(digits[1:], 16))
            if digits.startswith("'"):
                return chr(int(digits[1:], 8))
            return chr(int(digits))
        except (ValueError, OverflowError):
            self.unknown.append("\\char")
            return "\\char" + digits


def _accent(name: str, base: str) -> str:
    if not base:
        return ACCENTS[name]
    if base[0] in "ıȷ":  # \'\i: the accent goes on a dotless i, which Unicode spells i
        base = ("i" if base[0] == "ı" else "j") + base[1:]
    return unicodedata.normalize("NFC", base[0] + ACCENTS[name]) + base[1:]


_ONLY_BRACES = re.compile(r"[\\$~`]|''")  # none of these: braces and dashes are all there is
_FLAT_GROUP = re.compile(r"\{([^{}]+)\}")
_NOCASE = NOCASE_OPEN.replace("\\", "\\\\") + r"\1</span>"  # a re.sub template


# Accents on one letter and letter-like commands in their usual spellings ({\"u}, \"{u}, \"u,
# \c{c}, {\ss}, \'\i): replaced up front, so that most values skip the scanner below.
_SIMPLE = re.compile(
    r"""\{\\(?P<a>["'`^~=.])\s*(?P<b>[A-Za-z]|\\i)\}"""
    r"""|\\(?P<c>["'`^~=.])(?:\{(?P<d>[A-Za-z]|\\i)\}|(?P<e>[A-Za-z]|\\i(?![A-Za-z])))"""
    r"|\{\\(?P<f>[cvuHkdbr])(?:\{(?P<g>[A-Za-z])\}| (?P<h>[A-Za-z]))\}"
    r"|\\(?P<i>[cvuHkdbr])(?:\{(?P<j>[A-Za-z])\}| (?P<k>[A-Za-z]))"
    r"|\{\\(?P<l>ss|o|O|aa|AA|ae|AE|oe|OE|l|L|i|j)\}"
)


_SIMPLE_DONE: dict[str, str] = {}  # spelling -> letter: a file uses few spellings, many times


def _simple(m: re.Match[str]) -> str:
    spelling = m.group(0)
    letter = _SIMPLE_DONE.get(spelling)
    if letter is None:
        letter = _simple_letter(m)
        if len(_SIMPLE_DONE) < 4096:
            _SIMPLE_DONE[spelling] = letter
    return letter


def _simple_letter(m: re.Match[str]) -> str:
    groups = m.groupdict()
    if groups["l"]:
        return WORDS[groups["l"]]
    accent = groups["a"] or groups["c"] or groups["f"] or groups["i"]
    base = (
        groups["b"] or groups["d"] or groups["e"] or groups["g"] or groups["h"] or groups["j"] or groups["k"]
    )
    return _accent(accent, "ı" if base == "\\i" else base)


# `{\\TeX}`, `{\\ldots}`: a group holding one control word that stands for plain text is
# that text wherever it stands (a group that starts with a command protects nothing), so it
# is replaced up front too, in values whose every control word is such a word: then no
# command can take the group as its argument (`\\emph {\\TeX}`) or keep it as written
# (`\\mycmd{\\alpha}`, unknown). Not in math, where `^{\\TeX}` would lose its braces.
_WORD_GROUP = re.compile(r"(?<![\\A-Za-z@*])\{\\([A-Za-z]+)\}")  # not glued to a command
_CONTROL_WORD = re.compile(r"\\([A-Za-z@]+|[^\W\d_])")  # as the scanner tells words
_NOT_PLAIN_TEXT = re.compile(r"[\\{}$~^_`'\s-]")


@functools.cache
def _plain_words() -> dict[str, str]:
    """Control words the scanner turns into plain text and nothing else."""
    other = {*ACCENTS, *STYLE_ARG, *STYLE_SWITCH, *TRANSPARENT_ARG, *DROP_ARG, *IGNORE, "href", "char"}
    return {
        word: text
        for word, text in _symbol_table().items()
        if word not in other and text and not _NOT_PLAIN_TEXT.search(text)
    }


def _words_as_text(text: str) -> str:
    """`text` with `{\\word}` groups as plain text, where that is what the scanner makes of them."""
    words = set(_CONTROL_WORD.findall(text))
    if "$" in text or "\\(" in text or not _plain_words().keys() >= words:
        return text
    if not _user.macros().keys().isdisjoint(words):
        return text  # a registered macro redefines one: the scanner reads it
    return _WORD_GROUP.sub(_word, text)


def _word(m: re.Match[str]) -> str:
    return _plain_words().get(m.group(1), m.group(0))


def simple_accents(text: str) -> str:
    """`text` with accents on single letters ({\\"u}, \\'e, \\c{c}, {\\ss}) as Unicode."""
    return _SIMPLE.sub(_simple, text)


def decode(text: str, mode: Mode = Mode.RICH) -> tuple[str, list[str]]:
    """(decoded text, unknown commands). Whitespace runs fold to one space, ends trimmed."""
    if not _SPECIAL.search(text):
        return text.strip(" \t\n\r\f\v"), []
    if "\\" in text:
        text = _SIMPLE.sub(_simple, text)
        if "{\\" in text:
            text = _words_as_text(text)
        if not _SPECIAL.search(text):
            return text.strip(" \t\n\r\f\v"), []
    if not _ONLY_BRACES.search(text):  # fast path: only dashes and protective braces
        if "--" in text:  # as the scanner reads them: `---` first, then `--`
            text = text.replace("---", "—").replace("--", "–")
        if mode is not Mode.TITLE:
            return _WS.sub(" ", text.replace("{", "").replace("}", "")).strip(" "), []
        flat = _FLAT_GROUP.sub(_NOCASE, text)  # an empty {} is left, for the scanner
        if "{" not in flat and "}" not in flat:
            return _WS.sub(" ", flat).strip(" "), []
    decoder = _Decoder(text, mode)
    try:
        out = decoder.run()
    except _TooDeep:
        flat = text.replace("{", "").replace("}", "")
        return _WS.sub(" ", flat).strip(" "), [TOO_DEEP]
    return _WS.sub(" ", out).strip(" "), decoder.unknown
