"""CSL `name`: one name list rendered as the spec and citeproc-js do.

citeproc-py initialises given names even under `initialize="false"`, breaks hyphenated
and lower-case given names (`S.-. yeon .`), prints suffixes without `comma-suffix`,
mishandles particles, joins non-Latin names with a space, and words et-al and "and"
delimiters loosely. This module replaces `cs:name`'s rendering:

- given names: `initialize-with` initialises (`Jean-Paul` → `J.-P.`, `Seo-yeon` → `S.`);
  with `initialize="false"` only existing initials are normalised (`R.A.` → `R. A.`);
- particles: dropping and non-dropping particles placed by form, inversion and
  `demote-non-dropping-particle`; suffixes after a comma when inverted or `comma-suffix`;
- names in CJK scripts are written family-then-given without a separator;
- et-al (`et-al-min`/`-use-first`/`-use-last`) and `and`, with every
  `delimiter-precedes-*` value (contextual, always, never, after-inverted-name);
- a `cs:names` with no `cs:name` child renders through a `cs:name` built by the style's
  own parser when the style is compiled (`_compile`; citeproc-py inserts a bare
  `citeproc.model.Name`, which skipped all of the above: `Jr.` for `Jr` and `A al R` for
  `A al-Rahman` in AMA and Vancouver).
"""

from __future__ import annotations

import contextvars
import functools
import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, NamedTuple

from citeproc.string import String

from .._markup import MARKERS, wrap
from .._styles import CSL_NS
from ._elements import extend
from ._format import apply_formatting, apply_text_case, sentence_case
from .decorations import romanesque
from .disambiguation import (
    GIVEN,
    GLOBAL_GIVEN,
    NAMES,
    global_given_in_bibliography,
    in_citation,
    initials_by_rule,
    names_in_bibliography,
    saw_sort_names,
)
from .punctuation import ABSORBED
from .textcase import dotted_i_locale, upper

_LATIN = re.compile(r"[A-Za-z]")
_CJK = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")


# A name-part suffix whose first mark the name part already ends with drops it (citeproc-js).
_DOUBLED = frozenset(".,;:")
_FORMATTING = ("font-style", "font-variant", "font-weight", "text-decoration", "vertical-align")
_NORMAL = {"font-style": "normal", "font-weight": "normal-weight", "font-variant": "normal-variant"}


def _is_others(name: Any) -> bool:
    """The name BibTeX's `and others` leaves at the end of a list."""
    text = name.get("literal") or (name.get("family") if not name.get("given") else None)
    return str(text or "").strip().lower() == "others"


def _formatted(attrib: Any) -> dict[str, str]:
    return {k: str(attrib[k]) for k in _FORMATTING if k in attrib}


def _with_normal(text: str, attrib: Any, name: Any) -> str:
    """`font-style="normal"` (and weight, variant) on `cs:et-al` resets what the name list
    around it sets: "u. a." upright inside small-caps names, as citeproc-js writes it (and
    only then: with nothing to reset, it writes no span)."""
    for attribute, tag in _NORMAL.items():
        if attrib.get(attribute) == "normal" and _set_around(name, attribute):
            text = wrap(tag, text)
    return text


def _set_around(name: Any, attribute: str) -> bool:
    """Whether the name element or an element around it sets `attribute` (not to normal)."""
    for element in (name, *name.iterancestors()):
        value = element.get(attribute)
        if value is not None:
            return bool(value != "normal")
    return False


def _is_cjk(family: str, given: str) -> bool:
    text = family + given
    return bool(_CJK.search(text)) and not _LATIN.search(text)


def _second_capitals(word: str) -> str:
    """What an initial keeps after the first letter, as citeproc-js: capitals that follow it
    in a word that goes on in lower case, lowered (`TSerendorjiin` -> `Ts`)."""
    rest = re.match(r"[^\W\d_]*", word[1:])
    letters = rest.group(0) if rest else ""
    run = next((i for i, c in enumerate(letters) if c != c.upper()), len(letters))
    return letters[:run].lower() if run < len(letters) else ""


@functools.lru_cache(maxsize=16384)
def initialize(given: str, mark: str, *, initialize_all: bool = True, hyphen: bool = True) -> str:
    """Initials of a given name, each followed by `mark`. A single letter, or a word written
    with a period (an abbreviation: `Ph.`, `Ts.`, `ME.`), is kept and takes the mark; other
    words are initialised only with `initialize_all`. A lower-case part after a hyphen is
    dropped (`Seo-yeon` -> `S.`), as citeproc-js does.

    Remembered (a pure function of strings): the same given names come back in entry after
    entry, and in every disambiguation render of a cite."""
    words = given.split()
    if not hyphen:  # hyphenated parts initialised as words, but "al-Rahman" is kept whole
        words = [
            piece
            for word in words
            for piece in ([word] if initialize_all and word[:1].islower() else word.replace("-", " ").split())
        ]
    out = ""
    for word in words:
        if initialize_all and word[:1].islower():  # "al-Rahman" is kept whole
            out = (out if not out or out.endswith(" ") else out + " ") + word + " "
            continue
        for index, piece in enumerate(word.split("-")):
            tokens = re.findall(r"([^.]+)(\.?)", piece)
            for sub_index, (marked, period) in enumerate(tokens):
                joined = index > 0 and sub_index == 0
                # inline markup around a name (`<b>John</b>`) stays around its initial
                token = marked.strip(_MARKS)
                before = marked[: len(marked) - len(marked.lstrip(_MARKS))]
                after = marked[len(before) + len(token) :]
                if not token:
                    text = marked + period
                elif len(token) == 1 or (period and token[:1].isupper()):
                    text = (token.upper() if len(token) == 1 else token) + mark
                elif initialize_all and token[0].isupper():
                    text = token[0] + _second_capitals(token) + mark
                elif initialize_all and joined:
                    continue
                else:
                    text = token + period + " "
                if token and (before or after):
                    core = text.rstrip()
                    text = before + core + after + text[len(core) :]
                if joined:
                    out = out.rstrip() + "-" + text
                else:
                    out += text
    return out.strip()


class _Parts:
    def __init__(self, name: Any) -> None:
        self.literal = name.get("literal")
        self.family = name.get("family") or ""
        self.given = name.get("given") or ""
        self.dp = name.get("dropping-particle") or ""
        self.ndp = name.get("non-dropping-particle") or ""
        self.suffix = name.get("suffix") or ""
        self.comma_suffix = bool(name.get("comma-suffix"))
        self.static = bool(name.get("static-ordering"))


def parse_particles(name: dict[str, Any]) -> dict[str, Any]:
    """Particles written into the family or given name, split out as citeproc-js does:
    leading lower-case words of the family (`van der Vlist`) are the non-dropping particle,
    trailing lower-case words of the given name (`Alexander von`) the dropping particle.
    As there, a name with no given name is left whole (`van Gogh` alone is no "Gogh, van")."""
    if name.get("parse-names") in (False, "false") or "literal" in name or not name.get("given"):
        return name
    out = dict(name)
    family = out.get("family")
    if isinstance(family, str) and len(family) > 1 and family[0] == family[-1] == '"':
        out["family"] = family[1:-1]  # a family name in straight quotes is taken as written
        return out
    if isinstance(family, str) and "non-dropping-particle" not in out:
        particle, rest = _family_particle(family)
        if particle:
            out["non-dropping-particle"], out["family"] = particle, rest
    given = out.get("given")
    if isinstance(given, str) and "," in given and "suffix" not in out:
        given, _, suffix = given.partition(",")
        out["given"], suffix = given.strip(), suffix.strip()
        if suffix.startswith("!"):
            out["comma-suffix"], suffix = True, suffix[1:].strip()
        out["suffix"] = suffix
        given = out["given"]
    if isinstance(given, str) and "dropping-particle" not in out:
        match = _GIVEN_PARTICLE.match(given)
        if match and match.group(1):
            out["given"], out["dropping-particle"] = match.group(1), match.group(2).strip()
    return out


def _family_particle(family: str) -> tuple[str, str]:
    """(particle, family) as citeproc-js's `parseParticles` splits a family name: leading
    words, each ended by a space, an apostrophe, an ʻokina or a hyphen, that start (after
    such marks) with a lower-case letter: `van der` Berg, `d’`Alembert, `al-`Rahman."""
    particles: list[str] = []
    rest = family
    while match := _FAMILY_WORD.match(rest):
        word = match.group(1)
        first = word.lstrip("-'ʻ’ \t\n")[:1]
        if not first or first.upper() == first:
            break
        particles.append(word)
        rest = match.group(2)
    joined = "".join(particles)
    particle = joined.strip()
    if joined.endswith(" ") and particle.endswith(("'", "’")):
        particle += " "  # citeproc-js's trimLast: "d’ Alembert" keeps its space
    return particle, rest


_FAMILY_WORD = re.compile(r"^([^ ]+(?:-|ʻ|’| |') *)(.+)$")
_GIVEN_PARTICLE = re.compile(r"^(.*?\S)((?:\s+[a-z][\w.’']*)+)$")
_MARKS = "".join(sorted(MARKERS))
# citeproc-js's STARTSWITH_ROMANESQUE_REGEXP (Hebrew without U+05D5, "ו")
_STARTS_ROMANESQUE = re.compile(
    "[&a-zA-Z\u0e01-\u0e5b\u00c0-\u017f\u0370-\u03ff\u0400-\u052f\u0590-\u05d4\u05d6-\u05ff"
    "\u1f00-\u1fff\u0600-\u06ff\u200c\u200d\u200e\u0218\u0219\u021a\u021b\u202a-\u202e]"
)


def _space_join(*parts: str, space: str = " ", glue: bool = True) -> str:
    """Parts joined by `space`, none after a part ending in an apostrophe, a hyphen or a
    space (`d’Alembert`, `al-Rahman`, `de’ Frinkle`) unless `glue` is off."""
    out = ""
    for part in parts:
        if not part:
            continue
        if out and not (glue and out.rstrip(_MARKS).endswith(("'", "’", "-", " ", "\u00a0"))):
            out += space
        out += part
    return out


def _joined(names: list[str], delimiter: str) -> str:
    """Names joined by `delimiter`; a space or mark that starts a name (cs:name's prefix)
    goes where the text before it ends with the same one, as citeproc-js drops a prefix's
    first character that repeats the suffix before it: it puts the delimiter into each
    name's suffix, and "and" has the suffix " " (`; ` + ` Ана`, `and ` + ` Ана`)."""
    out = names[0] if names else ""
    for name in names[1:]:
        joiner = delimiter or out
        if name[:1] in _LEADING and joiner[-1:] == name[:1]:
            name = name[1:]
        out += delimiter + name
    return out


_LEADING = frozenset(".,;:!? ")
_STYLED_AS = {"g": "given", "f": "family"}  # `_part`'s `styles` letters


def _static_order(language: str) -> bool:
    """Whether citeproc-js writes a Latin-script name of an item in `language` in static
    order: family (with its non-dropping particle) then given name, with no dropping
    particle, no suffix and no inversion ("King Martin Luther", "al- Rahman A"). It does so
    for Japanese and Chinese items (`_isRomanesque` gives 1: mixed) and for items whose
    language is exactly `vi` or `hu` (`getStaticOrder`); Korean items are not special."""
    return language[:2].lower() in ("ja", "zh") or language in ("vi", "hu")


# citeproc-js joins particles to the family name with a no-break space when the style's
# default locale is French, Russian or Czech ("van\u00a0Dijk").
_NBSP_LOCALES = ("fr", "ru", "cs")


class _StyleFacts(NamedTuple):
    """What every name of a style reads from its cs:style element."""

    hyphen: bool  # `initialize-with-hyphen`
    demote: str  # `demote-non-dropping-particle`, lower-cased
    nbsp: bool  # particles joined with a no-break space (see `_NBSP_LOCALES`)


@functools.lru_cache(maxsize=256)
def _style_facts(root: Any) -> _StyleFacts:
    locale = str(root.get("default-locale") or "en-US")
    return _StyleFacts(
        hyphen=str(root.get("initialize-with-hyphen", "true")).lower() != "false",
        demote=str(root.get("demote-non-dropping-particle", "display-and-sort")).lower(),
        nbsp=locale[:2].lower() in _NBSP_LOCALES,
    )


# The language of the item being rendered, when it has one: citeproc-js upper-cases name
# parts with the item's language's rules, so `İ` only for a Turkish item or a Turkish style
# with items of no language.
_ITEM_LANGUAGE: contextvars.ContextVar[str | None] = contextvars.ContextVar("item_language", default=None)


@functools.lru_cache(maxsize=65536)
def _scope(element: Any) -> tuple[Any, ...]:
    """The citation or bibliography an element is in (none for a macro)."""
    return tuple(element.xpath_search("./ancestor::*[self::cs:citation or self::cs:bibliography][1]"))


_NAMES_TAG = f"{{{CSL_NS}}}names"
_NAME_PART_TAG = f"{{{CSL_NS}}}name-part"
_TEXT_TAG = f"{{{CSL_NS}}}text"


@functools.lru_cache(maxsize=4096)
def _built_name_part(names: Any, which: str) -> Any:
    """The cs:name-part (`family` or `given`) whose formatting a cs:names's names take in
    citeproc-js: the last one built inside it, its substitute's macros included, not its own
    cs:name's (it keeps one per part while building the names element). nehet's author names
    are plain because the container-author macro in its substitute has a plain family part."""
    found = None
    root = names.getroottree().getroot()
    pending: list[Any] = [iter([names])]
    seen: set[str] = set()
    while pending:
        element = next(pending[-1], None)
        if element is None:
            pending.pop()
            continue
        if element.tag == _NAME_PART_TAG and element.get("name") == which:
            found = element
        elif element.tag == _TEXT_TAG and element.get("macro") and element is not names:
            name = element.get("macro")
            if name not in seen and "'" not in name:
                seen.add(name)
                pending.append(iter(root.xpath_search(f"./cs:macro[@name='{name}']")))
            continue
        pending.append(iter(element.iterchildren()))
    return found


@functools.lru_cache(maxsize=4096)
def _in_substitute(names: Any) -> bool:
    return bool(names.xpath_search("ancestor::cs:substitute[1]/parent::cs:names"))


class _PartStyle(NamedTuple):
    """What a cs:name-part does to its name part, read once per cs:name."""

    case: str | None  # text-case
    formatting: Mapping[str, str]  # its formatting attributes (`_FORMATTING`)
    prefix: str
    suffix: str


@functools.lru_cache(maxsize=4096)
def _part_style(name: Any, which: str) -> _PartStyle | None:
    """The style of the cs:name-part (`family` or `given`) that styles a cs:name's names: the
    one citeproc-js built last in its cs:names (`_built_name_part`), else its own."""
    names = name.getparent()
    if names is not None and names.tag == _NAMES_TAG and not _in_substitute(names):
        part = _built_name_part(names, which)
    else:
        part = next((p for p in name.findall("cs:name-part", name.nsmap) if p.get("name") == which), None)
    if part is None:
        return None
    return _PartStyle(
        case=part.get("text-case"),
        formatting=MappingProxyType(_formatted(part.attrib)),
        prefix=str(part.get("prefix", "")),
        suffix=str(part.get("suffix", "")),
    )


@functools.lru_cache(maxsize=4096)
def _inherited_options(name: Any, scope: tuple[Any, ...], root: Any) -> Mapping[str, str]:
    """A cs:name's options rendered in `scope` (its cs:citation or cs:bibliography, none for
    a macro called from neither): its own attributes over the scope's over the style's, whose
    `name-form` and `name-delimiter` stand for `form` and `delimiter`. They are fixed for the
    compiled tree, so they are read once per element and scope, not once per option asked."""
    options: dict[str, str] = {}
    for holder in (root, *reversed(scope)):
        for key, value in holder.attrib.items():
            if key in _INHERITED_AS:
                options[_INHERITED_AS[key]] = value
            elif key not in _NOT_INHERITED:
                options[key] = value
    options.update(name.attrib)
    return MappingProxyType(options)


# A style's or section's `name-form` is a cs:name's `form` (and its own `form` or `delimiter`
# is no name option).
_INHERITED_AS = {"name-form": "form", "name-delimiter": "delimiter"}
_NOT_INHERITED = frozenset(("form", "delimiter"))


class _NameFacts(NamedTuple):
    """What a cs:name prints around its names whatever the item, read once per element."""

    formatting: Mapping[str, str]  # its formatting attributes (`_FORMATTING`)
    prefix: str
    suffix: str
    et_al: str  # "et al." as its cs:et-al (or the default) prints it
    resets: tuple[str, ...]  # the resets of its formatting around names and "et al."
    and_term: str  # `and="text"`: the locale's "and", preformatted
    symbol: str  # `and="symbol"`


@functools.lru_cache(maxsize=4096)
def _name_facts(name: Any) -> _NameFacts:
    formatter = name.get_formatter()
    formatting = MappingProxyType(_formatted(name.attrib))
    return _NameFacts(
        formatting=formatting,
        prefix=str(name.get("prefix", "")),
        suffix=str(name.get("suffix", "")),
        et_al=_et_al(name),
        resets=_resets_with_et_al(name, formatting),
        and_term=str(formatter.preformat(str(name.get_single_term("and")))),
        symbol=str(formatter.preformat("&")),
    )


def _resets_with_et_al(name: Any, whole: Mapping[str, str]) -> tuple[str, ...]:
    """`font-style="normal"` (weight, variant) on cs:name around names and "et al.": citeproc-js
    writes the reset when an element around sets the attribute, and also when the et-al,
    its last part, does (it tests the reset against the last child's formatting):
    `<span style="font-style:normal;">King <i>et al.</i></span>`."""
    following = name.xpath_search("./following-sibling::cs:et-al[1]")
    et_al = following[0] if following else None
    parent = name.getparent()
    return tuple(
        tag
        for attribute, tag in _NORMAL.items()
        if whole.get(attribute) == "normal"
        and (
            (et_al is not None and et_al.get(attribute) not in (None, "normal"))
            or (parent is not None and _set_around(parent, attribute))
        )
    )


def _et_al(name: Any) -> str:
    following = name.xpath_search("./following-sibling::cs:et-al[1]")
    if following:
        element = following[0]
        term = element.get("term", "et-al")
        text = str(name.get_single_term(term))
        if not text:
            return ""
        formatted = apply_formatting(text, dict(element.attrib), name.get_formatter())
        return _with_normal(formatted, element.attrib, name)
    return str(name.get_single_term("et-al"))


@extend("name")
class NameElement:
    def _options(self, context: Any, sort_options: Any) -> Mapping[str, Any]:
        """The name options this render uses: the element's own and inherited ones (fixed for
        the element and the section it renders in), under the sort key's if it has any."""
        root = self.get_root()  # type: ignore[attr-defined]
        options = _inherited_options(self, _scope(context if context is not None else self), root)
        return {**options, **sort_options} if sort_options else options

    def process(
        self, item: Any, variable: str, context: Any = None, sort_options: Any = None, **kwargs: Any
    ) -> Any:
        token = _ITEM_LANGUAGE.set(str(item.reference.get("language") or "") or None)
        try:
            return self._names(item, variable, context, sort_options)
        finally:
            _ITEM_LANGUAGE.reset(token)

    def _names(self, item: Any, variable: str, context: Any, sort_options: Any) -> Any:
        options = self._options(context, sort_options)

        def option(name: str, default: Any = None) -> Any:
            value = options.get(name)
            return default if value is None else value

        names = list(item.reference.get(variable, []))
        others = bool(names) and _is_others(names[-1])
        if others:  # BibTeX's `and others`: always "et al." (pandoc)
            names = names[:-1]
        form = option("form", "long")
        et_al_min = int(option("et-al-min", 0))
        if option("et-al-use-first") is None:
            et_al_min = 0  # et-al-min alone does not shorten the list (citeproc-js)
        use_first = int(option("et-al-use-first", 1))
        citing = sort_options is None and in_citation(context if context is not None else self)
        levels: dict[tuple[str, int], int] = {}
        if citing:
            use_first = max(use_first, int(item.reference.get(NAMES) or 0))
            levels = item.reference.get(GIVEN) or {}
        elif sort_options is None:
            root = self.get_root()  # type: ignore[attr-defined]
            if names_in_bibliography(root):
                use_first = max(use_first, int(item.reference.get(NAMES) or 0))
            if global_given_in_bibliography(root):
                levels = item.reference.get(GLOBAL_GIVEN) or {}
        key = variable.replace("-", "_")
        asian = _static_order(str(item.reference.get("language") or ""))
        use_last = str(option("et-al-use-last", "false")).lower() == "true"
        if form == "count":
            if et_al_min and len(names) >= et_al_min:
                return min(len(names), use_first)
            return len(names)
        if use_last and sort_options is None and len(names) >= et_al_min > 2:
            # citeproc-js (`_imposeNameConstraints`): with et-al-use-last, at most
            # et-al-min - 2 names come before the ellipsis
            use_first = min(use_first, et_al_min - 2)
        truncated = bool(et_al_min) and len(names) >= et_al_min and use_first < len(names)
        shown = names[:use_first] if truncated else names
        if not shown:
            return None
        saw_sort_names(item.key, key, shown)
        forced = others and not truncated
        order = option("name-as-sort-order")
        rendered: list[str] = []
        inverted: list[bool] = []
        for index, name in enumerate(shown):
            invert = order == "all" or (order == "first" and index == 0)
            text, was_inverted = self._one(
                name,
                form,
                invert,
                options,
                levels.get((key, index), 0),
                asian,
                sorting=sort_options is not None,
            )
            rendered.append(text)
            inverted.append(was_inverted)
        delimiter = option("delimiter", ", ")
        formatter = self.get_formatter()  # type: ignore[attr-defined]
        facts = _name_facts(self)
        whole = facts.formatting
        # As citeproc-js: each name carries cs:name's formatting, and a personal name its
        # affixes too; a shortened list is formatted and affixed once more as a whole.
        rendered = [
            self._each(apply_formatting(text, whole, formatter) if whole else text, name, sort_options)
            for text, name in zip(rendered, shown, strict=True)
        ]
        if truncated and use_first == 0:
            return None
        if truncated and use_last and len(names) > use_first + 1 and not others:
            last, _ = self._one(names[-1], form, order == "all", options)
            last = self._each(
                apply_formatting(last, whole, formatter) if whole else last, names[-1], sort_options
            )
            before = delimiter if len(rendered) > 1 else " "  # citeproc-js's single ellipsis: " … "
            return self._whole(_joined(rendered, delimiter) + before + "… " + last, whole, formatter)
        if forced:
            truncated, whole = True, {}  # each name already carries the formatting
        if truncated:
            et_al = facts.et_al if sort_options is None else None  # a sort key has no "et al."
            if not et_al:
                return self._whole(_joined(rendered, delimiter), whole, formatter)
            precedes = option("delimiter-precedes-et-al", "contextual")
            use_delimiter = {
                "always": True,
                "never": False,
                "after-inverted-name": inverted[-1],
            }.get(precedes, len(rendered) >= 2)
            before_et_al = delimiter if use_delimiter else " "
            if before_et_al == " " and not _STARTS_ROMANESQUE.match(et_al.lstrip(_MARKS)):
                before_et_al = ""  # "Ziggy Zither等" (citeproc-js: a space only before a Roman-like term)
            joined = _joined(rendered, delimiter) + before_et_al + et_al
            return self._whole(joined, whole, formatter, facts.resets if whole else ())
        and_ = option("and") if sort_options is None else None  # a sort key has no "and" (citeproc-js)
        if and_ and len(rendered) > 1:
            word = facts.symbol if and_ == "symbol" else facts.and_term
            precedes = option("delimiter-precedes-last", "contextual")
            if shown[-1].get("literal") is not None:
                precedes = "contextual"  # before an institution, citeproc-js counts the names
            use_delimiter = {
                "always": True,
                "never": False,
                "after-inverted-name": inverted[-2],
            }.get(precedes, len(rendered) >= 3)
            head = _joined(rendered[:-1], delimiter)
            before_and = delimiter if use_delimiter else " "
            after_and = " "
            if not _STARTS_ROMANESQUE.match(word.lstrip(_MARKS)):
                # citeproc-js spaces an "and" only in the scripts it counts as Roman-like (not
                # CJK, nor the Hebrew "ו", which is written joined to the name)
                before_and, after_and = (delimiter if precedes == "always" else ""), ""
            if before_and[:1] in ",;:. " and head.rstrip(_MARKS).endswith(before_and[:1]):
                before_and = before_and[1:]  # a name's suffix "," or " " and the joiner: one (citeproc-js)
            return String(_joined([head + before_and + word + after_and, rendered[-1]], ""))
        if len(rendered) > 1:  # citeproc-js's final join is the delimiter as text: it drops nothing
            return String(_joined(rendered[:-1], delimiter) + delimiter + rendered[-1])
        return String(rendered[0])

    def _each(self, text: str, name: Any, sort_options: Any) -> str:
        """A personal name with cs:name's affixes (an institution takes none, as in citeproc-js;
        a sort key none either)."""
        if name.get("literal") is not None or sort_options is not None:
            return text
        facts = _name_facts(self)
        suffix = facts.suffix
        if suffix[:1] in _LEADING - {" "} and text.rstrip(_MARKS).endswith(suffix[:1]):
            suffix = suffix[1:]  # "H." + "." is "H." (citeproc-js)
        return facts.prefix + text + suffix

    def _whole(
        self, text: str, whole: Mapping[str, str], formatter: Any, resets: tuple[str, ...] = ()
    ) -> String:
        """A shortened list (et-al or ellipsis), formatted and affixed as a whole."""
        text = apply_formatting(text, whole, formatter)
        for tag in resets:
            text = wrap(tag, text)
        return String(self.wrap(text))  # type: ignore[attr-defined]

    def _dotted_i(self) -> bool:
        language = _ITEM_LANGUAGE.get()
        if language:
            return language.split("-")[0].lower() in ("tr", "az")
        return dotted_i_locale(self.get_root())  # type: ignore[attr-defined]

    def _styled(self, which: str, piece: str) -> str:
        """`piece` with name-part `which`'s formatting and text-case (not its affixes)."""
        style = _part_style(self, which)
        if style is None or not piece:
            return piece
        case = style.case
        dotted = case == "uppercase" and self._dotted_i()
        if dotted:
            cased = upper(piece, True)
        elif case == "sentence":
            cased = sentence_case(piece)
        else:
            cased = apply_text_case(piece, case)
        attrib = style.formatting
        if not attrib:
            return cased
        if "font-style" in attrib and not romanesque(piece):
            # citeproc-js: no font-style on a non-romanesque string
            attrib = {k: v for k, v in attrib.items() if k != "font-style"}
        return str(apply_formatting(cased, attrib, self.get_formatter()))  # type: ignore[attr-defined]

    def _part(self, which: str, *pieces: str, space: str = " ", glue: bool = True, styles: str = "") -> str:
        """Name pieces joined, each with a name-part's formatting and text-case, then `which`'s
        affixes. `styles` names, one letter a piece (`g`, `f`), whose formatting each piece
        takes, if not `which`'s: as in citeproc-js, a dropping particle is styled as the given
        name and a non-dropping particle as the family name wherever they stand."""
        if styles:
            styled = [self._styled(_STYLED_AS[letter], p) for letter, p in zip(styles, pieces, strict=True)]
        else:
            styled = [self._styled(which, p) for p in pieces]
        return self._affixed(which, _space_join(*styled, space=space, glue=glue))

    def _affixed(self, which: str, text: str) -> str:
        """`text` with name-part `which`'s affixes."""
        style = _part_style(self, which)
        if style is None or not text:
            return text
        suffix = style.suffix
        visible = text.rstrip("".join(MARKERS))
        seam = (visible[-1:], suffix[:1])
        if seam[0] and (seam[0] == seam[1] in _DOUBLED or seam in ABSORBED):
            suffix = suffix[1:]  # citeproc-js merges the seam: initials `T.A.` + `.` print `T.A.`
        return style.prefix + text + suffix

    def _one(
        self,
        name: Any,
        form: str,
        invert: bool,
        options: Mapping[str, Any],
        level: int = 0,
        asian: bool = False,
        *,
        sorting: bool = False,
    ) -> tuple[str, bool]:
        parts = _Parts(name)
        if parts.literal is not None or not (parts.family or parts.given):
            literal = parts.literal if parts.literal is not None else ""
            return self._part("family", str(literal)), False
        given = parts.given
        facts = _style_facts(self.get_root())  # type: ignore[attr-defined]
        written_mark = options.get("initialize-with")
        initialize_all = str(options.get("initialize") or "true").lower() != "false"
        mark = written_mark
        if level and form == "short":
            form = "long"  # add-givenname: the given name joins the family name
            if mark is None and level == 1 and initials_by_rule(self.get_root()):  # type: ignore[attr-defined]
                mark = ""
            if mark is not None and level == 1 and given:  # under initialize="false", only initials
                given = initialize(given, mark, initialize_all=initialize_all)
            mark = None
        elif level == 2:
            mark = None
        if mark is not None and given and parts.family:
            given = initialize(given, mark, initialize_all=initialize_all, hyphen=facts.hyphen)
        if written_mark is not None and "." not in written_mark:
            parts.suffix = parts.suffix.rstrip(".")  # initials without periods: "Jr", as citeproc-js
        demote = facts.demote
        nbsp = "\u00a0" if facts.nbsp and not sorting else " "
        if _is_cjk(parts.family, parts.given):
            # as citeproc-js renders a non-romanesque name: the parts take no affixes
            if form == "short":
                return self._styled("family", parts.family), False
            return self._styled("family", parts.family) + self._styled("given", given), False
        if asian:  # static order (see `_static_order`): the particle joined even after a hyphen
            family = self._part("family", parts.ndp, parts.family, space=nbsp, glue=False)
            return _space_join(family, "" if form == "short" else self._part("given", given)), False
        if form == "short":
            return self._part("family", parts.ndp, parts.family, space=nbsp), False
        if invert and not parts.static:
            separator = options.get("sort-separator")
            separator = ", " if separator is None else _sort_separator(separator)
            if demote == "display-and-sort" or (sorting and demote == "sort-only"):
                # as citeproc-js: a particle keeps its own part's formatting (the non-dropping
                # one the family's) and takes the given name's affixes
                family = self._part("family", parts.family)
                given_text = self._part("given", given, parts.dp, parts.ndp, styles="ggf")
            else:
                family = self._part("family", parts.ndp, parts.family, space=nbsp)
                given_text = self._part("given", given, parts.dp)
            text = family
            if given_text:
                text = text + separator + given_text if text else given_text
            if parts.suffix:
                text += separator + parts.suffix
            return text, True
        # as citeproc-js: the dropping particle has the given name's formatting, and the
        # family name's affixes surround the particles, the family name and the suffix
        family = _space_join(
            self._styled("given", parts.dp),
            self._styled("family", parts.ndp),
            self._styled("family", parts.family),
            space=nbsp,
        )
        if parts.suffix:
            family += (", " if parts.comma_suffix else " ") + parts.suffix
        text = _space_join(self._part("given", given), self._affixed("family", family))
        return text, False

    def markup(self, text: Any) -> Any:
        if isinstance(text, int):
            return text  # form="count": cs:names adds the counts up
        if text:
            return text  # formatted and affixed in process
        return None


def _sort_separator(separator: str) -> str:
    """The sort-separator as citeproc-js prints it: one space fewer when it ends in two or more
    (`sort-separator="  "` prints `Smith A`, `",  "` prints `Smith, A`; medicinski-razgledi)."""
    return separator[:-1] if separator.endswith("  ") else separator
