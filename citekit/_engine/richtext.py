"""Rich text in field values, as citeproc-js reads it: `<i>`, `<b>`, `<sup>`, `<sub>`,
`<sc>`, `<span style="font-variant:small-caps;">`, `<span class="nocase">` and
`<span class="nodecor">` (text that takes no formatting from around it), straight
quotes and the locale's own quote marks around a phrase, and apostrophes.

citeproc-py prints the tags as text. Here each becomes one of citekit's markers before the
engine sees the item, so every output writes it in its own way; `"…"` and a phrase in the
locale's quote marks become quote markers (written later with the locale's quotes,
alternating when nested: see `quotes`);
an apostrophe becomes `’`; a space before `:`, `;`, `?`, `!` or `»`, or after `«`, becomes a
narrow no-break space (U+202F), as citeproc-js spaces every field and value it appends
(French typography: `« Anonymous »`). `<span class="nocase">` is left for citeproc-py, which already
protects its content from text-case. Markers that are not citekit's own are removed first.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from citeproc.string import String

from .._markup import CLOSE, MARKERS, OPEN, STYLE_NEWLINE, wrap
from .._vocab import Kind, variables_of
from ._elements import extend
from .names import parse_particles
from .notefields import note_fields
from .quotes import QUOTE, QUOTE_MARKERS, Pair, hold, mark_locale_quotes

_NO_MARKERS = str.maketrans({ord(c): None for c in (*MARKERS, *QUOTE_MARKERS, STYLE_NEWLINE)})
_TAG = re.compile(
    r"<(/?)(i|b|sup|sub|sc)>|<span\s+style=\"font-variant:\s*small-caps;?\">|"
    r"<span\s+class=\"(?:nocase|nodecor)\">|</span>",
    re.IGNORECASE,
)
_TAG_MARKER = {"i": "rich-italic", "b": "rich-bold", "sup": "sup", "sub": "sub", "sc": "rich-smallcaps"}
_NAMES = variables_of(Kind.NAME)
# Not rich text: identifiers, and number variables other than the free-text ones
# (section, version, first-reference-note-number may hold words).
_PLAIN = (variables_of(Kind.NUMBER) - {"section", "version", "first-reference-note-number"}) | {
    "id",
    "type",
    "language",
    "URL",
    "DOI",
    "ISBN",
    "ISSN",
    "PMID",
    "PMCID",
}
# A straight double-quoted phrase: opens at the start or after a space/bracket, closes before
# a space, punctuation or the end.
_DOUBLE = re.compile(r'(?:(?<=^)|(?<=[\s(\[\u2014-]))"(?=\S)([^"]*?\S)"(?=$|[\s.,;:!?)\]\u2014-])')
_SINGLE = re.compile(
    r"(?:(?<=^)|(?<=[\s(\[\u2014-]))'(?=\S)((?:[^']|(?<=\w)'(?=\w))*?\S)'(?=$|[\s.,;:!?)\]\u2014-])"
)


# citeproc-js (`CSL.Output.Queue.append`): the spaces French typography makes narrow and unbreakable.
_BEFORE_HIGH_MARK = re.compile(r" ([:;?!\u00bb])")
NARROW_NBSP = "\u202f"
# en-US's quote marks: where no style's locale is at hand
DEFAULT_QUOTES: tuple[Pair, Pair] = (("“", "”"), ("‘", "’"))


def rich_text(text: str, quotes: tuple[Pair, Pair] = DEFAULT_QUOTES) -> str:
    """Field text with its inline markup turned into markers; `quotes` are the locale's
    (outer, inner) quote marks, read as quotes in the text as citeproc-js reads them."""
    text = text.translate(_NO_MARKERS)
    if " " in text:
        text = _BEFORE_HIGH_MARK.sub(NARROW_NBSP + r"\1", text).replace("\u00ab ", "\u00ab" + NARROW_NBSP)
    if "<" in text:
        text = _tags(text)
    if '"' in text:
        text = _DOUBLE.sub(lambda m: QUOTE + m.group(1) + CLOSE, text)
    if "'" in text:
        text = _SINGLE.sub(lambda m: QUOTE + m.group(1) + CLOSE, text)
        text = text.replace("'", "’")
    return hold(mark_locale_quotes(text, *quotes))


def _valued(element: Any) -> bool:
    return "value" in element.attrib and "variable" not in element.attrib


@extend("text", when=_valued)
class RichTextValue:
    """A style's `value="…"` is rich text too (quotes, apostrophes, inline tags)."""

    def process(self, item: Any, context: Any = None, **kwargs: Any) -> Any:
        text, language = super().process(item, context, **kwargs)  # type: ignore[misc]
        if "value" in self.attrib and "variable" not in self.attrib:  # type: ignore[attr-defined]
            quotes = locale_quotes(self.get_root())  # type: ignore[attr-defined]
            value = rich_text(str(self.get("value")), quotes)  # type: ignore[attr-defined]
            kept = value.rstrip()
            if kept and kept != value:  # the value's own trailing space stays where it is
                value = kept + wrap("kept", value[len(kept) :])
            text = String(value)
        return text, language


_NOCASE = '<span class="nocase">'
_SPAN_END = {"n": "</span>", "m": CLOSE, "d": "</span>" + CLOSE}


def _tags(text: str) -> str:
    """Tags to markers; a tag left open is closed at the end, a stray closing tag kept as text."""
    out: list[str] = []
    stack: list[str] = []  # "m" for a marker, "n" for a nocase span kept as HTML, "d" for nodecor
    last = 0
    for match in _TAG.finditer(text):
        out.append(text[last : match.start()])
        last = match.end()
        raw = match.group(0).lower()
        if raw.startswith("<span"):
            if "nodecor" in raw:  # no formatting from outside, and no text-case (citeproc-js)
                stack.append("d")
                out.append(OPEN["nodecor"] + _NOCASE)
            elif "nocase" in raw:
                stack.append("n")
                out.append(match.group(0))
            else:
                stack.append("m")
                out.append(OPEN["rich-smallcaps"])
        elif raw == "</span>":
            if stack:
                out.append(_SPAN_END[stack.pop()])
        elif match.group(1):
            if stack and stack[-1] == "m":
                stack.pop()
                out.append(CLOSE)
            else:  # a closing tag that closes nothing is text (citeproc-js: `TwoF</i> Three`)
                out.append(match.group(0))
        else:
            stack.append("m")
            out.append(OPEN[_TAG_MARKER[match.group(2).lower()]])
    out.append(text[last:])
    out.extend(_SPAN_END[kind] for kind in reversed(stack))
    return "".join(out)


@functools.lru_cache(maxsize=64)
def locale_quotes(root: Any) -> tuple[Pair, Pair]:
    """A style's (outer, inner) quote marks in its locale."""

    def term(name: str, default: str) -> str:
        try:
            return str(root.get_single_term(name)) or default
        except Exception:
            return default

    return (
        (term("open-quote", "“"), term("close-quote", "”")),
        (term("open-inner-quote", "‘"), term("close-inner-quote", "’")),
    )


def prepare_item(item: dict[str, Any], quotes: tuple[Pair, Pair] = DEFAULT_QUOTES) -> dict[str, Any]:
    """The item with rich text in its text fields marked, and no stray markers anywhere."""
    out: dict[str, Any] = {}
    for key, value in note_fields(item).items():
        if isinstance(value, str) and key not in _PLAIN and key not in _NAMES:
            out[key] = rich_text(value, quotes)
        elif key in _NAMES and isinstance(value, list):
            out[key] = [_name(n) for n in value]
        else:
            out[key] = _clean(value)
    if out.get("page") not in (None, ""):
        # citeproc-js sets page-first from page on every item (`retrieveItem`), so
        # `<if variable="page-first">` holds wherever there is a page; `pages` keeps its first part
        out["page-first"] = out["page"]
    return out


def _name(name: Any) -> Any:
    if not isinstance(name, dict):
        return name
    clean = {k: _name_part(v) if isinstance(v, str) else v for k, v in name.items()}
    return parse_particles(clean)


def _name_part(text: str) -> str:
    """A name part's inline tags as markers (citeproc-js: `<b>Doe</b>`), apostrophes curly."""
    text = text.translate(_NO_MARKERS).replace("'", "’")
    return _tags(text) if "<" in text else text


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return value.translate(_NO_MARKERS)
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    return value
