"""CSL `text-case="title"` (and capitalize-first) as the spec and citeproc-js do it.

citeproc-py capitalises stop words such as "between", leaves the second part of a
hyphenated compound ("Long-term") and stumbles on citekit's markers at a word's start.
Title case here: a word in lower case is capitalised, each part of a hyphenated word on its
own; a stop word stays lower case unless it is the first or the last word or follows a
colon; words with capitals are left alone; `nocase` spans (NoCase segments) are untouched.

`text-case` on a `cs:text` that calls a macro changes nothing, as in citeproc-js (2.4.63),
which builds the call as a group and cases only the text it renders itself: crustaceana's
`<text macro="author" text-case="uppercase"/>` prints "Álvarez, C.", not "ÁLVAREZ, C.".
The styles in the repository are written and checked against citeproc-js (Zotero), so
about 200 of them carry such an attribute with no visible effect.
"""

from __future__ import annotations

import re
from typing import Any

from citeproc.string import MixedString, NoCase, String

from .._markup import CLOSE, MARKERS, OPEN
from ._elements import extend
from .quotes import QUOTE_MARKERS

STOP_WORDS = frozenset(
    (
        "a",
        "about",
        "above",
        "across",
        "afore",
        "after",
        "against",
        "al",
        "along",
        "alongside",
        "amid",
        "amidst",
        "among",
        "amongst",
        "an",
        "and",
        "anenst",
        "apropos",
        "apud",
        "around",
        "as",
        "aside",
        "astride",
        "at",
        "athwart",
        "atop",
        "barring",
        "before",
        "behind",
        "below",
        "beneath",
        "beside",
        "besides",
        "between",
        "beyond",
        "but",
        "by",
        "c",
        "ca",
        "circa",
        "d'",
        "de",
        "despite",
        "down",
        "during",
        "et",
        "except",
        "for",
        "forenenst",
        "from",
        "given",
        "in",
        "inside",
        "into",
        "lest",
        "like",
        "modulo",
        "near",
        "next",
        "nor",
        "notwithstanding",
        "of",
        "off",
        "on",
        "onto",
        "or",
        "out",
        "over",
        "per",
        "plus",
        "pro",
        "qua",
        "sans",
        "since",
        "so",
        "than",
        "the",
        "through",
        "thru",
        "throughout",
        "thruout",
        "till",
        "to",
        "toward",
        "towards",
        "under",
        "underneath",
        "until",
        "unto",
        "up",
        "upon",
        "v",
        "v.",
        "van",
        "versus",
        "via",
        "vis-à-vis",
        "von",
        "vs",
        "vs.",
        "with",
        "within",
        "without",
        "yet",
    )
)
_WORD = re.compile(r"[^\s\u2013\u2014/]+")
_MARKS = "".join(sorted(MARKERS | QUOTE_MARKERS))  # a quoted word is still a stop word
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")


def _capitalize(word: str) -> str:
    """Upper-case the first letter, skipping leading markers and punctuation."""
    for index, char in enumerate(word):
        if char.isalpha():
            if not _LATIN.match(char):
                return word  # citeproc-js leaves Greek, Cyrillic… words alone
            return word[:index] + char.upper() + word[index + 1 :]
    return word


def _capitalize_any(word: str) -> str:
    """capitalize-first and capitalize-all: the first letter upper case in any script
    (citeproc-js's `_capitalise`: `[Электронный ресурс]`, `Т. 101`), but a lone Greek letter."""
    for index, char in enumerate(word):
        if char.isalpha():
            if "\u0370" <= char <= "\u03ff" and not word[index + 1 :].strip(_MARKS):
                return word
            return word[:index] + char.upper() + word[index + 1 :]
    return word


def _bare(word: str) -> str:
    return word.strip(_MARKS + "“”‘’\"'()[]{}.,;:!?").lower()


def _title_word(word: str, boundary: bool, is_last: bool) -> str:
    parts = word.split("-")
    if parts[0].strip(_MARKS)[:1].isdigit():
        return word  # "07-x" is a code, not a compound
    out = []
    for index, part in enumerate(parts):
        stripped = part.strip(_MARKS)
        lower = stripped == stripped.lower() and any(c.isalpha() for c in stripped)
        stop = _bare(part) in STOP_WORDS and not (index == 0 and (boundary or len(parts) > 1))
        # the last word is capitalised even if a stop word, unless it is one letter (citeproc-js)
        stop = stop and not (is_last and index == len(parts) - 1 and len(stripped) > 1)
        out.append(_capitalize(part) if lower and not stop else part)
    return "-".join(out)


def title_case(text: str, *, first: bool = True, last: bool = True, continued: bool = False) -> str:
    """Title case for one run of text; `first`/`last` say whether it starts or ends the field;
    `continued`: the run goes on a word a nocase span began (`{G}aussian`), left as it is."""
    matches = list(_WORD.finditer(text))
    out = []
    position = 0
    after_colon = first
    for index, match in enumerate(matches):
        word = match.group(0)
        out.append(text[position : match.start()])
        position = match.end()
        if index == 0 and continued and match.start() == 0:
            out.append(word)  # the rest of a word whose first letters are protected
            after_colon = word.rstrip(_MARKS).endswith((":", "?", "!"))
            continue
        gap = text[max(0, match.start() - 2) : match.start()]
        boundary = after_colon or (index == 0 and first) or ":" in gap or "?" in gap or "!" in gap
        is_last = last and index == len(matches) - 1
        out.append(_title_word(word, boundary, is_last))
        after_colon = word.rstrip(_MARKS).endswith((":", "?", "!"))
    out.append(text[position:])
    return "".join(out)


def _cased(element: Any) -> bool:
    return element.get("text-case") is not None


@extend("text", "label", "number", when=_cased)
class TitleCase:
    def case(self, text: Any, language: Any = None) -> Any:
        case = self.get("text-case")  # type: ignore[attr-defined]
        if case is None or self.get("macro") is not None:  # type: ignore[attr-defined]
            return text  # on a macro call, citeproc-js ignores it (see the module docstring)
        if not isinstance(text, String | MixedString):
            text = String(str(text))  # citekit's markers and numbers arrive as plain str / int
        if case == "uppercase" and (_dotted_i(self) or language in _DOTTED_LANGUAGES):
            return _upper_dotted(text)
        if case in ("capitalize-first", "capitalize-all"):
            return _capitalize_lowercase(text, every=case == "capitalize-all")
        if case in ("lowercase", "uppercase"):
            return _each_cased(text, str.lower if case == "lowercase" else str.upper)
        if case != "title":
            return super().case(text, language)  # type: ignore[misc]
        if language not in (None, "en") and self._cases_variable():
            return text  # a non-English item's fields; a term or a value is title-cased (citeproc-js)
        runs = _runs(list(text) if isinstance(text, MixedString) else [text])
        out = []
        for index, (value, protected) in enumerate(runs):
            if protected:
                out.append(NoCase(value))
                continue
            previous = runs[index - 1] if index else None
            continued = previous is not None and previous[1] and not previous[0][-1:].isspace()
            out.append(
                String(title_case(value, first=index == 0, last=index == len(runs) - 1, continued=continued))
            )
        return MixedString(out) if len(out) > 1 else out[0]

    def _cases_variable(self) -> bool:
        """Whether this element prints a variable's value (a label prints a term)."""
        return self.get("variable") is not None and not self.tag.endswith("}label")  # type: ignore[attr-defined]


# Formatting that protects its text from title case as a nocase span does (citeproc-js).
_IMPLICIT_NOCASE = frozenset(OPEN[tag] for tag in ("smallcaps", "rich-smallcaps", "sup", "sub"))


def _runs(segments: list[Any]) -> list[tuple[str, bool]]:
    """The text as runs, each protected from title case (a NoCase segment, or a small-caps,
    superscript or subscript span with its markers) or not."""
    runs: list[tuple[str, bool]] = []
    for segment in segments:
        value = str(segment)
        if isinstance(segment, NoCase):
            runs.append((value, True))
            continue
        if _IMPLICIT_NOCASE.isdisjoint(value):
            runs.append((value, False))
            continue
        start, depth, protected_at = 0, 0, -1
        for index, char in enumerate(value):
            if char == CLOSE:
                depth -= 1
                if depth == protected_at:
                    runs.append((value[start : index + 1], True))
                    start, protected_at = index + 1, -1
            elif char in MARKERS or char in QUOTE_MARKERS:  # every span closes with CLOSE
                if char in _IMPLICIT_NOCASE and protected_at < 0:
                    if index > start:
                        runs.append((value[start:index], False))
                    start, protected_at = index, depth
                depth += 1
        if start < len(value):
            runs.append((value[start:], protected_at >= 0))
    return [run for run in runs if run[0]] or [("", False)]


def _each_cased(text: Any, change: Any) -> Any:
    """Lower or upper case, but not inside nocase spans (citeproc-js protects them from every
    text-case)."""
    if isinstance(text, MixedString):
        return MixedString([s if isinstance(s, NoCase) else String(change(str(s))) for s in text])
    if isinstance(text, NoCase):
        return text
    return String(change(str(text)))


_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_DOTTED = str.maketrans({"i": "İ"})
# An item in these languages upper-cases with the dotted capital too (citeproc-js).
_DOTTED_LANGUAGES = frozenset(("tr", "az"))


def dotted_i_locale(root: Any) -> bool:
    """Whether the rendering locale is Turkish or Azerbaijani, where the capital of `i` is
    `İ` (citeproc-js upper-cases with the locale's rules: `ROSSİ`)."""
    for locale in getattr(root, "locales", ()):
        lang = locale.get(_XML_LANG)
        if lang:
            return str(lang).split("-")[0].lower() in ("tr", "az")
    return False


def _dotted_i(element: Any) -> bool:
    return dotted_i_locale(element.get_root())


def upper(text: str, dotted: bool) -> str:
    return (text.translate(_DOTTED) if dotted else text).upper()


def _upper_dotted(text: Any) -> Any:
    if isinstance(text, MixedString):
        return MixedString([s if isinstance(s, NoCase) else String(upper(str(s), True)) for s in text])
    if isinstance(text, NoCase):
        return text
    return String(upper(str(text), True))


def _capitalize_lowercase(text: Any, *, every: bool) -> Any:
    """CSL: capitalize-first capitalises the first word, capitalize-all every word, "if the
    word is lowercase" (`arXiv:2101.01234` stays as it is; citeproc-py made it `ArXiv`)."""
    segments = list(text) if isinstance(text, MixedString) else [text]
    out: list[Any] = []
    done = False
    for segment in segments:
        if isinstance(segment, NoCase) or (done and not every):
            out.append(segment)
            done = done or bool(str(segment).strip())
            continue
        value = str(segment)

        def word(match: re.Match[str]) -> str:
            nonlocal done
            if done and not every:
                return match.group(0)
            done = True
            token = match.group(0)
            return _capitalize_any(token) if token == token.lower() else token

        out.append(String(_WORD.sub(word, value)))
    return MixedString(out) if len(out) > 1 else out[0]
