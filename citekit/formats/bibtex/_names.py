"""BibTeX name lists <-> CSL names.

Reading follows BibTeX's three forms (`First von Last`, `von Last, First`, `von Last, Jr, First`)
with BibLaTeX's rule for the comma forms: the von part is only the lowercase words at the
*start* (`Drummond de Andrade, Carlos` has family "Drummond de Andrade", as biber and pandoc
read it; BibTeX itself would call "Drummond de" the von part). A word's case is that of its
first letter outside braces; in `{\\'E}mile` the accented letter counts, a plain `{...}` word
has no case and never starts a von part. A name that is one brace group is a corporate name
(`literal`). BibLaTeX's extended form (`family=Geus, given=Tom, prefix=de, useprefix=true`) is
read too. The von part becomes `non-dropping-particle` when useprefix is true (per name or from
the entry's `options`), else `dropping-particle`, as BibLaTeX renders it.

`and others` is not a name: the reader drops it from the list and notes the variable (see
_mapping), and the writer puts it back.
"""

from __future__ import annotations

import functools
import re

from ..._json import FrozenMap
from ..._names import Name
from ._latex import Mode, decode, simple_accents
from ._latex_encode import encode

_NO_EXTRA: FrozenMap[str] = FrozenMap()  # one empty `extra` for every Name read (immutable)
_AND = re.compile(r"\s+and\s+", re.IGNORECASE)
_TOKEN_SPLIT = re.compile(r"[\s~]+")
_EXTENDED = re.compile(r"^\s*(family|given|prefix|suffix|useprefix|[a-z]+i)\s*=", re.IGNORECASE)
_INITIALS = re.compile(r"(?<=\.)(?=[^\W\d_])")


def split_top(text: str, pattern: re.Pattern[str]) -> list[str]:
    """Split on `pattern` only outside braces."""
    if "{" not in text:
        return pattern.split(text)
    parts: list[str] = []
    depth = 0
    start = 0
    for m in _with_braces(pattern).finditer(text):
        piece = m.group(0)
        if piece == "{":
            depth += 1
        elif piece == "}":
            depth = max(depth - 1, 0)
        elif depth == 0:
            parts.append(text[start : m.start()])
            start = m.end()
    parts.append(text[start:])
    return parts


@functools.cache
def _with_braces(pattern: re.Pattern[str]) -> re.Pattern[str]:
    return re.compile(r"[{}]|" + pattern.pattern, pattern.flags)


_COMMA = re.compile(r"\s*,\s*")


def _case(word: str) -> str:
    """'l', 'u' or '' (no case) for one name word, by BibTeX's rule."""
    depth = 0
    pos = 0
    while pos < len(word):
        char = word[pos]
        if char == "{":
            if depth == 0 and word[pos + 1 : pos + 2] == "\\":  # a special character
                m = re.match(r"\{\\(?:[A-Za-z]+|.)\s*\{?\s*\\?([A-Za-z])", word[pos:])
                if m:
                    name = re.match(r"\{\\([A-Za-z]+)", word[pos:])
                    if name and name.group(1) in ("i", "j", "o", "l", "ss", "aa", "ae", "oe"):
                        return "l"
                    if name and name.group(1) in ("O", "L", "AA", "AE", "OE"):
                        return "u"
                    return "l" if m.group(1).islower() else "u"
            depth += 1
        elif char == "}":
            depth -= 1
        elif depth == 0 and char.isalpha():
            return "l" if char.islower() else "u"
        pos += 1
    return ""


def _text(words: list[str]) -> str | None:
    if not words:
        return None
    value, _ = decode(" ".join(words), Mode.PLAIN)
    return value or None


def _given(words: list[str]) -> str | None:
    value = _text(words)
    return _INITIALS.sub(" ", value) if value else value


_CACHE_SIZE = 2048
_cache: tuple[dict[str, Name], dict[str, Name]] = ({}, {})  # by useprefix


def parse_name(text: str, useprefix: bool = False) -> Name:
    """One BibTeX name -> Name. Cached, as Names are immutable and an author's name recurs
    in a file: a plain dict emptied when full, a tenth of an lru_cache's memory per name."""
    cache = _cache[useprefix]
    name = cache.get(text)
    if name is None:
        if len(cache) >= _CACHE_SIZE:
            cache.clear()
        name = cache[text] = _parse_name(text, useprefix)
    return name


def _parse_name(text: str, useprefix: bool) -> Name:
    text = text.strip()
    if not _NOT_PLAIN.search(text):
        return _plain_name(text, useprefix)
    if _EXTENDED.match(text):
        return _parse_extended(text, useprefix)
    if text.startswith("{") and text.endswith("}") and _one_group(text):
        return Name(literal=decode(text[1:-1], Mode.PLAIN)[0], extra=_NO_EXTRA)
    parts = split_top(text, _COMMA)
    if len(parts) == 1:
        words = [w for w in split_top(parts[0], _TOKEN_SPLIT) if w]
        if len(words) <= 1:
            return Name(family=_text(words), extra=_NO_EXTRA)
        cases = [_case(w) for w in words[:-1]]
        first_von = next((i for i, c in enumerate(cases) if c == "l"), None)
        if first_von is None:
            given, von, family = words[:-1], [], words[-1:]
        else:
            last_von = max(i for i, c in enumerate(cases) if c == "l")
            given, von, family = words[:first_von], words[first_von : last_von + 1], words[last_von + 1 :]
        suffix: list[str] = []
    else:
        head = [w for w in split_top(parts[0], _TOKEN_SPLIT) if w]
        suffix = parts[1].split() if len(parts) > 2 else []
        given = ",".join(parts[2:] if len(parts) > 2 else parts[1:]).split()
        n_von = 0
        while n_von < len(head) - 1 and _case(head[n_von]) == "l":
            n_von += 1
        von, family = head[:n_von], head[n_von:]
    particle = _text(von)
    return Name(
        extra=_NO_EXTRA,
        family=_text(family),
        given=_given(given),
        non_dropping_particle=particle if useprefix else None,
        dropping_particle=None if useprefix else particle,
        suffix=_text(suffix),
    )


_WHITESPACE = re.compile(r"\s")
_NOT_PLAIN = re.compile(r"[{}\\~=$]|--|''|``")


def _plain_name(text: str, useprefix: bool) -> Name:
    """parse_name for a name with no braces or commands: the same rules, without decoding."""
    head_part, comma, given_part = text.partition(",")
    if comma and "," not in given_part and "." not in given_part:
        head_part = head_part.strip()
        if head_part and not _WHITESPACE.search(head_part):
            # `Family, Given`, the commonest form: no von part, no suffix, no initials to space
            return Name(extra=_NO_EXTRA, family=head_part, given=" ".join(given_part.split()) or None)
    parts = text.split(",")
    suffix = None
    if len(parts) == 1:
        words = text.split()
        if len(words) <= 1:
            return Name(family=words[0] if words else None, extra=_NO_EXTRA)
        lower = [i for i, w in enumerate(words[:-1]) if w[:1].islower()]
        if not lower:
            given, von, family = words[:-1], [], words[-1:]
        else:
            given, von, family = words[: lower[0]], words[lower[0] : lower[-1] + 1], words[lower[-1] + 1 :]
    else:
        head = parts[0].split()
        if len(parts) == 2:
            given = parts[1].split()
        else:
            suffix = " ".join(parts[1].split()) or None
            given = ",".join([p.strip() for p in parts[2:]]).split()
        n_von = 0
        while n_von < len(head) - 1 and head[n_von][:1].islower():
            n_von += 1
        von, family = head[:n_von], head[n_von:]
    particle = " ".join(von) or None
    given_text = " ".join(given) or None
    if given_text and "." in given_text:
        given_text = _INITIALS.sub(" ", given_text)
    return Name(
        extra=_NO_EXTRA,
        family=" ".join(family) or None,
        given=given_text,
        non_dropping_particle=particle if useprefix else None,
        dropping_particle=None if useprefix else particle,
        suffix=suffix,
    )


def _one_group(text: str) -> bool:
    depth = 0
    for pos, char in enumerate(text):
        depth += 1 if char == "{" else -1 if char == "}" else 0
        if depth == 0 and pos < len(text) - 1:
            return False
    return depth == 0


def _parse_extended(text: str, useprefix: bool) -> Name:
    parts: dict[str, str] = {}
    for item in split_top(text, _COMMA):
        key, _, value = item.partition("=")
        value = value.strip()
        if value.startswith("{") and value.endswith("}") and _one_group(value):
            value = value[1:-1]
        parts[key.strip().lower()] = value
    if "useprefix" in parts:
        useprefix = parts["useprefix"].strip().lower() == "true"
    particle = decode(parts["prefix"], Mode.PLAIN)[0] if "prefix" in parts else None
    return Name(
        extra=_NO_EXTRA,
        family=decode(parts["family"], Mode.PLAIN)[0] if "family" in parts else None,
        given=_given([parts["given"]]) if "given" in parts else None,
        non_dropping_particle=particle if useprefix else None,
        dropping_particle=None if useprefix else particle,
        suffix=decode(parts["suffix"], Mode.PLAIN)[0] if "suffix" in parts else None,
    )


def parse_names(text: str, useprefix: bool = False) -> tuple[tuple[Name, ...], bool]:
    """(names, et_al): a whole `author`-style field; `and others` sets et_al."""
    if "\\" in text:  # {\"u} and the like become letters first: same case, so same parse
        text = simple_accents(text)
    pieces = [p for p in split_top(" ".join(text.split()), _AND) if p.strip()]
    et_al = bool(pieces) and pieces[-1].strip().lower() == "others"
    if et_al:
        pieces.pop()
    return tuple([parse_name(p, useprefix) for p in pieces]), et_al


# ------------------------------------------------------------------------------ writing

_NEEDS_BRACES = re.compile(r",|\s(?i:and)\s|^\s|\s$|^$")


def _part(text: str, ascii: bool, family: bool = False) -> str:
    encoded = encode(text, ascii=ascii, markup=False)
    words = encoded.split()
    lower_start = family and any(_case(w) == "l" for w in words)
    if _NEEDS_BRACES.search(encoded) or lower_start or (family and len(words) > 1 and not text[:1].isupper()):
        return "{" + encoded + "}"
    return encoded


def format_name(name: Name, ascii: bool, extended: bool = False) -> str:
    """One Name as BibTeX (`von Last, Jr, First`), or in BibLaTeX's extended form."""
    if name.family is None and name.literal is not None:
        return "{" + encode(name.literal, ascii=ascii, markup=False) + "}"
    particle = name.non_dropping_particle or name.dropping_particle
    if extended:
        items = [
            ("family", name.family),
            ("given", name.given),
            ("prefix", particle),
            ("suffix", name.suffix),
        ]
        out = [f"{k}={{{encode(v, ascii=ascii, markup=False)}}}" for k, v in items if v]
        return ", ".join([*out, "useprefix=true"] if name.non_dropping_particle else out)
    family = _part(name.family or "", ascii, family=True)
    head = f"{encode(particle, ascii=ascii, markup=False)} {family}" if particle else family
    given = _part(name.given, ascii) if name.given else ""
    if name.suffix:
        return f"{head}, {_part(name.suffix, ascii)}, {given}"
    if given:
        return f"{head}, {given}"
    return head if len(head.split()) == 1 else f"{head},"


def format_names(
    names: tuple[Name, ...], et_al: bool, ascii: bool, useprefix: bool, *, extended: bool = True
) -> str:
    """A name list; names whose particle kind the entry's useprefix setting cannot say are
    written in BibLaTeX's extended form, unless `extended` is False (classic BibTeX, which
    reads only `von Last, Jr, First`: every particle is then its von part)."""
    out = [
        format_name(
            n,
            ascii,
            extended=extended
            and bool(n.non_dropping_particle) != useprefix
            and bool(n.non_dropping_particle or n.dropping_particle),
        )
        for n in names
    ]
    if et_al:
        out.append("others")
    return " and ".join(out)
