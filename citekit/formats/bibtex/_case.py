"""BibTeX Title Case -> CSL sentence case, with braced words kept as they are.

CSL data holds titles in sentence case: a style that wants Title Case (Chicago, MLA) makes it,
and a sentence-case style (APA, Vancouver) prints the title as it is. BibTeX titles are
written in Title Case, with braces around what a `.bst` style must not lower-case. So a
reader for CSL lower-cases them, as pandoc's BibTeX reader does (citeproc's `unTitlecase`)
and Better BibTeX's import does for titles that look title-cased:

- a word written Capitalised (one capital, then lower case: `Learning`, `A`) is lower-cased,
  unless it starts the title or a sentence (after `.`, `?`, `!`) or follows a colon;
- every other word is kept: `NASA`, `iPhone`, `LaTeX`, `COVID-19`, `lower`, and `I`;
- text in a nocase span (a brace group, `{Iceland}`, `{G}aussian`) is never touched, nor is
  the markup around words (`<i>`).

Which titles: `sentence_case="guess"` (the default) converts a title only when it looks
like Title Case (every word of three letters or more outside braces, but for the small
words Title Case leaves in lower case, starts with a capital, and there are at least two),
so a title already in sentence case keeps its unbraced proper nouns; "always" converts
every English title (pandoc); "never" keeps titles as written.
Titles with a `langid`/`language` that is not English are never converted (pandoc: such
titles are to be written in sentence case).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Literal

from ._latex_tables import NOCASE_OPEN

SentenceCase = Literal["guess", "always", "never"]
SENTENCE_CASE_VALUES: tuple[SentenceCase, ...] = ("guess", "always", "never")

# Rich text: a tag, or a run of text between tags.
_PIECE = re.compile(r"(<[^<>]*>)|([^<]+|<)")  # a lone "<" is text
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_SENTENCE_END = re.compile(r"[.?!:]\s*$")
_ENGLISH = frozenset(
    {
        "english",
        "american",
        "british",
        "canadian",
        "australian",
        "newzealand",
        "usenglish",
        "ukenglish",
        "en",
    }
)


# Words Title Case leaves in lower case (citeproc-js's and Chicago's list, the long ones): a
# title-cased title may hold them, so they do not count against it.
_SMALL = frozenset(
    [
        "and",
        "the",
        "for",
        "nor",
        "but",
        "yet",
        "via",
        "off",
        "per",
        "about",
        "above",
        "across",
        "after",
        "against",
        "along",
        "among",
        "around",
        "before",
        "behind",
        "below",
        "beneath",
        "beside",
        "between",
        "beyond",
        "down",
        "during",
        "except",
        "from",
        "into",
        "like",
        "near",
        "onto",
        "over",
        "past",
        "since",
        "than",
        "that",
        "through",
        "toward",
        "towards",
        "under",
        "until",
        "unto",
        "upon",
        "versus",
        "with",
        "within",
        "without",
    ]
)


def is_english(language: str | None) -> bool:
    """True when an entry's `langid`/`language` is English, or there is none."""
    if not language:
        return True
    code = language.strip().lower().replace("_", "-")
    return code in _ENGLISH or code.startswith("en-")


def _outside_nocase(text: str) -> list[tuple[str, bool]]:
    """(piece, editable) pairs: tags and nocase spans are not editable."""
    out: list[tuple[str, bool]] = []
    stack: list[bool] = []  # per open span: is it a nocase span
    for m in _PIECE.finditer(text):
        tag, run = m.group(1), m.group(2)
        if tag is not None:
            if tag == NOCASE_OPEN:
                stack.append(True)
            elif tag.startswith("<span"):
                stack.append(False)
            elif tag == "</span>" and stack:
                stack.pop()
            out.append((tag, False))
        else:
            out.append((run, not any(stack)))
    return out


def looks_title_cased(text: str) -> bool:
    """Every word of 3+ letters outside nocase spans that is Capitalised or lower case, and
    not a preposition Title Case leaves alone (`over`, `from`), is Capitalised; two at
    least. Words with other capitals (`iPhone`, `NASA`) and the rest of a word begun in
    braces (`{G}aussian`) say nothing either way."""
    words: list[str] = []
    glued = False  # the run follows a tag with no space: its first word is a word's rest
    for piece, editable in _outside_nocase(text):
        if not editable:
            glued = piece.startswith("<")
            continue
        found = _WORD.findall(piece)
        if glued and found and piece.startswith(found[0]):
            found = found[1:]
        words.extend(
            w for w in found if len(w) >= 3 and (w[1:].islower() or w.islower()) and w.lower() not in _SMALL
        )
        glued = False
    return len(words) >= 2 and all(w[0].isupper() for w in words)


def _recase_words(text: str, recase: Callable[[str, bool], str]) -> str:
    """`text` with each word outside nocase spans replaced by `recase(word, at_start)`, where
    `at_start` says the word begins the title or a sentence (after `.`, `?`, `!`, `:`)."""
    out: list[str] = []
    start = True  # at the start of the title or of a sentence
    for piece, editable in _outside_nocase(text):
        if not editable:
            out.append(piece)
            if not piece.startswith("<") and piece.strip():
                start = bool(_SENTENCE_END.search(piece))
            continue
        cursor = 0
        for m in _WORD.finditer(piece):
            before = piece[cursor : m.start()]
            if before.strip():
                start = bool(_SENTENCE_END.search(before)) or (start and not before.strip("\"'“‘(["))
            out.append(before + recase(m.group(0), start))
            start = False
            cursor = m.end()
        tail = piece[cursor:]
        out.append(tail)
        if tail.strip():
            start = bool(_SENTENCE_END.search(tail))
    return "".join(out)


def _sentence_word(word: str, start: bool) -> str:
    if not start and word != "I" and word[0].isupper() and (len(word) == 1 or word[1:].islower()):
        return word.lower()
    return word


def to_sentence_case(text: str) -> str:
    """Capitalised words lower-cased, except at the start of a sentence (see module)."""
    return _recase_words(text, _sentence_word)


# A letter that may be a capital after a space, hyphen or slash (Latin-1 and Latin Extended-A/B capitals and
# small letters alike: a false hit only costs the full check). No hit: nothing to lower-case.
_LATER_CAPITAL = re.compile(r"[\s/–—-][\"'“‘(\[]?[A-Z\u00c0-\u00de\u0100-\u024f\u0370-\u042f]")


def convert(text: str, how: SentenceCase) -> str:
    """A title as CSL wants it, by the reader's `sentence_case` option."""
    if how == "never" or not _LATER_CAPITAL.search(text):
        return text  # most sentence-case titles: no capital after a space, nothing to do
    if how == "guess" and not looks_title_cased(text):
        return text
    return to_sentence_case(text)


def protect(text: str) -> str:
    """CSL sentence case -> text a BibTeX style can re-case safely: every word whose capitals
    sentence case would lose (`BERT`, `LoRA`, `Iceland` after the first word) goes in a
    nocase span, which the encoder writes as braces, as Better BibTeX does. A capital that
    starts the title or a sentence (after `.`, `?`, `!`, `:`) is one a style keeps."""
    if not any(c.isupper() for c in text):
        return text
    return _recase_words(text, _protected_word)


def _protected_word(word: str, start: bool) -> str:
    capitals = any(c.isupper() for c in (word[1:] if start else word))
    return NOCASE_OPEN + word + "</span>" if capitals else word
