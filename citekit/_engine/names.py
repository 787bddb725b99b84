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
  own parser (citeproc-py inserts a bare `citeproc.model.Name`, which skipped all of the
  above: `Jr.` for `Jr` and `A al R` for `A al-Rahman` in AMA and Vancouver).
"""

from __future__ import annotations

import contextvars
import functools
import re
from typing import Any

from citeproc.string import String

from .._markup import MARKERS, wrap
from .._styles import CSL_NS
from ._elements import extend
from ._format import apply_formatting, apply_text_case
from .disambiguation import GIVEN, NAMES, in_citation, names_in_bibliography, saw_sort_names
from .textcase import dotted_i_locale, upper

_CJK = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_NAME_OPTIONS = (
    "and",
    "delimiter-precedes-et-al",
    "delimiter-precedes-last",
    "et-al-min",
    "et-al-use-first",
    "et-al-use-last",
    "initialize",
    "initialize-with",
    "name-as-sort-order",
    "sort-separator",
)


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


def _is_cjk(*parts: str | None) -> bool:
    text = "".join(p for p in parts if p)
    return bool(text) and bool(_CJK.search(text)) and not re.search(r"[A-Za-z]", text)


def initialize(given: str, mark: str, *, initialize_all: bool = True, hyphen: bool = True) -> str:
    """Initials of a given name, each followed by `mark`. A single letter, or a word written
    with a period (an abbreviation: `Ph.`, `Ts.`, `ME.`), is kept and takes the mark; other
    words are initialised only with `initialize_all`. A lower-case part after a hyphen is
    dropped (`Seo-yeon` -> `S.`), as citeproc-js does."""
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
            for sub_index, (token, period) in enumerate(tokens):
                joined = index > 0 and sub_index == 0
                if len(token) == 1 or (period and token[:1].isupper()):
                    text = (token.upper() if len(token) == 1 else token) + mark
                elif initialize_all and token[0].isupper():
                    text = token[0] + mark
                elif initialize_all and joined:
                    continue
                else:
                    text = token + period + " "
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
    trailing lower-case words of the given name (`Alexander von`) the dropping particle."""
    if name.get("parse-names") in (False, "false") or "literal" in name:
        return name
    out = dict(name)
    family = out.get("family")
    if isinstance(family, str) and "non-dropping-particle" not in out:
        match = _FAMILY_PARTICLE.match(family)
        if match and match.group(2):
            out["non-dropping-particle"], out["family"] = match.group(1).strip(), match.group(2)
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


_FAMILY_PARTICLE = re.compile(r"^((?:[a-z][\w.]*[’']?\s+|[a-z]{1,3}[’'])+)(\S.*)$")
_GIVEN_PARTICLE = re.compile(r"^(.*?\S)((?:\s+[a-z][\w.’']*)+)$")
_MARKS = "".join(sorted(MARKERS))


def _space_join(*parts: str, space: str = " ") -> str:
    out = ""
    for part in parts:
        if not part:
            continue
        if out and not out.rstrip(_MARKS).endswith(("'", "’", "-")):
            out += space
        out += part
    return out


# citeproc-js joins particles to the family name with a no-break space when the style's
# default locale is French, Russian or Czech ("van\u00a0Dijk").
_NBSP_LOCALES = ("fr", "ru", "cs")
# The language of the item being rendered, when it has one: citeproc-js upper-cases name
# parts with the item's language's rules, so `İ` only for a Turkish item or a Turkish style
# with items of no language.
_ITEM_LANGUAGE: contextvars.ContextVar[str | None] = contextvars.ContextVar("item_language", default=None)


@functools.lru_cache(maxsize=65536)
def _scope(element: Any) -> tuple[Any, ...]:
    """The citation or bibliography an element is in (none for a macro)."""
    return tuple(element.xpath_search("./ancestor::*[self::cs:citation or self::cs:bibliography][1]"))


@functools.lru_cache(maxsize=4096)
def _in_substitute(names: Any) -> bool:
    return bool(names.xpath_search("ancestor::cs:substitute[1]/parent::cs:names"))


@extend("names")
class DefaultName:
    def process(self, item: Any, names_context: Any = None, context: Any = None, **kwargs: Any) -> Any:
        """Where citeproc-py would insert a bare `Name` into a `cs:names` without one, insert
        a `cs:name` made by the style's parser, so that it is rendered by `NameElement`."""
        holder: Any = self if names_context is None else names_context
        tag = f"{{{CSL_NS}}}name"
        if holder.find(tag) is None and not _in_substitute(holder):  # there, the outer one is lent
            holder.insert(0, holder.makeelement(tag))
        return super().process(item, names_context=names_context, context=context, **kwargs)  # type: ignore[misc]


@extend("name")
class NameElement:
    def _name_option(self, name: str, context: Any, sort_options: Any) -> Any:
        if sort_options and name in sort_options:
            return sort_options[name]
        if name in self.attrib:  # type: ignore[attr-defined]
            return self.get(name)  # type: ignore[attr-defined]
        for holder in (*_scope(context if context is not None else self), self.get_root()):  # type: ignore[attr-defined]
            key = "name-" + name if name in ("form", "delimiter") else name
            if key in holder.attrib:
                return holder.get(key)
        return None

    def process(
        self, item: Any, variable: str, context: Any = None, sort_options: Any = None, **kwargs: Any
    ) -> Any:
        token = _ITEM_LANGUAGE.set(str(item.reference.get("language") or "") or None)
        try:
            return self._names(item, variable, context, sort_options)
        finally:
            _ITEM_LANGUAGE.reset(token)

    def _names(self, item: Any, variable: str, context: Any, sort_options: Any) -> Any:
        def option(name: str, default: Any = None) -> Any:
            value = self._name_option(name, context, sort_options)
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
        elif sort_options is None and names_in_bibliography(self.get_root()):  # type: ignore[attr-defined]
            use_first = max(use_first, int(item.reference.get(NAMES) or 0))
        key = variable.replace("-", "_")
        # citeproc-js writes every name of a Chinese, Japanese or Korean item family-first
        asian = str(item.reference.get("language") or "")[:2].lower() in ("ja", "zh", "ko")
        use_last = str(option("et-al-use-last", "false")).lower() == "true"
        if form == "count":
            if et_al_min and len(names) >= et_al_min:
                return min(len(names), use_first)
            return len(names)
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
                option,
                levels.get((key, index), 0),
                asian,
                sorting=sort_options is not None,
            )
            rendered.append(text)
            inverted.append(was_inverted)
        delimiter = option("delimiter", ", ")
        formatter = self.get_formatter()  # type: ignore[attr-defined]
        whole = _formatted(self.attrib)  # type: ignore[attr-defined]
        # As citeproc-js: each name carries cs:name's formatting, and a personal name its
        # affixes too; a shortened list is formatted and affixed once more as a whole.
        rendered = [
            self._each(apply_formatting(text, whole, formatter) if whole else text, name, sort_options)
            for text, name in zip(rendered, shown, strict=True)
        ]
        if truncated and use_first == 0:
            return None
        if truncated and use_last and len(names) > use_first + 1 and not others:
            last, _ = self._one(names[-1], form, order == "all", option)
            last = self._each(
                apply_formatting(last, whole, formatter) if whole else last, names[-1], sort_options
            )
            return self._whole(delimiter.join(rendered) + delimiter + "… " + last, whole, formatter)
        if forced:
            truncated, whole = True, {}  # each name already carries the formatting
        if truncated:
            et_al = self._et_al() if sort_options is None else None  # a sort key has no "et al."
            if not et_al:
                return self._whole(delimiter.join(rendered), whole, formatter)
            precedes = option("delimiter-precedes-et-al", "contextual")
            use_delimiter = {
                "always": True,
                "never": False,
                "after-inverted-name": inverted[-1],
            }.get(precedes, len(rendered) >= 2)
            joined = delimiter.join(rendered) + (delimiter if use_delimiter else " ") + et_al
            return self._whole(joined, whole, formatter)
        and_ = option("and") if sort_options is None else None  # a sort key has no "and" (citeproc-js)
        if and_ and len(rendered) > 1:
            word = "&" if and_ == "symbol" else str(self.get_single_term("and"))  # type: ignore[attr-defined]
            word = str(formatter.preformat(word))
            precedes = option("delimiter-precedes-last", "contextual")
            if _Parts(shown[-1]).literal is not None:
                precedes = "contextual"  # before an institution, citeproc-js counts the names
            use_delimiter = {
                "always": True,
                "never": False,
                "after-inverted-name": inverted[-2],
            }.get(precedes, len(rendered) >= 3)
            head = delimiter.join(rendered[:-1])
            before_and = delimiter if use_delimiter else " "
            if before_and[:1] in ",;:. " and head.rstrip(_MARKS).endswith(before_and[:1]):
                before_and = before_and[1:]  # a name's suffix "," or " " and the joiner: one (citeproc-js)
            return String(head + before_and + word + " " + rendered[-1])
        return String(delimiter.join(rendered))

    def _each(self, text: str, name: Any, sort_options: Any) -> str:
        """A personal name with cs:name's affixes (an institution takes none, as in citeproc-js;
        a sort key none either)."""
        if _Parts(name).literal is not None or sort_options is not None:
            return text
        return str(self.get("prefix", "")) + text + str(self.get("suffix", ""))  # type: ignore[attr-defined]

    def _whole(self, text: str, whole: dict[str, str], formatter: Any) -> String:
        """A shortened list (et-al or ellipsis), formatted and affixed as a whole."""
        return String(self.wrap(apply_formatting(text, whole, formatter)))  # type: ignore[attr-defined]

    def _et_al(self) -> str:
        following = self.xpath_search("./following-sibling::cs:et-al[1]")  # type: ignore[attr-defined]
        if following:
            element = following[0]
            term = element.get("term", "et-al")
            text = str(self.get_single_term(term))  # type: ignore[attr-defined]
            if not text:
                return ""
            formatter = self.get_formatter()  # type: ignore[attr-defined]
            return _with_normal(apply_formatting(text, dict(element.attrib), formatter), element.attrib, self)
        return str(self.get_single_term("et-al"))  # type: ignore[attr-defined]

    def _dotted_i(self) -> bool:
        language = _ITEM_LANGUAGE.get()
        if language:
            return language.split("-")[0].lower() in ("tr", "az")
        return dotted_i_locale(self.get_root())  # type: ignore[attr-defined]

    def _part(self, which: str, *pieces: str, space: str = " ") -> str:
        """Name pieces joined, each with a name-part's formatting and text-case, then its affixes."""
        for part in self.findall("cs:name-part", self.nsmap):  # type: ignore[attr-defined]
            if part.get("name") == which:
                formatter = self.get_formatter()  # type: ignore[attr-defined]
                case = part.get("text-case")
                dotted = case == "uppercase" and self._dotted_i()
                styled = [
                    apply_formatting(
                        upper(p, True) if dotted else apply_text_case(p, case), dict(part.attrib), formatter
                    )
                    if p
                    else p
                    for p in pieces
                ]
                text = _space_join(*styled, space=space)
                return str(part.get("prefix", "")) + text + str(part.get("suffix", "")) if text else text
        return _space_join(*pieces, space=space)

    def _one(
        self,
        name: Any,
        form: str,
        invert: bool,
        option: Any,
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
        mark = option("initialize-with")
        if level and form == "short":
            form = "long"  # add-givenname: the given name joins the family name
            if mark is not None and level == 1 and given:
                given = initialize(given, mark)
            mark = None
        elif level == 2:
            mark = None
        if mark is not None and given and parts.family:
            initialize_all = str(option("initialize", "true")).lower() != "false"
            hyphen = str(self.get_root().get("initialize-with-hyphen", "true")).lower() != "false"  # type: ignore[attr-defined]
            given = initialize(given, mark, initialize_all=initialize_all, hyphen=hyphen)
        if option("initialize-with") is not None and "." not in option("initialize-with"):
            parts.suffix = parts.suffix.rstrip(".")  # initials without periods: "Jr", as citeproc-js
        demote = str(self.get_root().get("demote-non-dropping-particle", "display-and-sort")).lower()  # type: ignore[attr-defined]
        locale = str(self.get_root().get("default-locale") or "en-US")  # type: ignore[attr-defined]
        nbsp = "\u00a0" if locale[:2].lower() in _NBSP_LOCALES and not sorting else " "
        if _is_cjk(parts.family, parts.given):
            if form == "short":
                return self._part("family", parts.family), False
            return self._part("family", parts.family) + self._part("given", given), False
        if form == "short":
            return self._part("family", parts.ndp, parts.family, space=nbsp), False
        if asian:
            family = self._part("family", parts.ndp, parts.family, space=nbsp)
            return _space_join(family, self._part("given", given, parts.dp), parts.suffix), False
        if invert and not parts.static:
            separator = option("sort-separator", ", ")
            if demote == "display-and-sort" or (sorting and demote == "sort-only"):
                family = self._part("family", parts.family)
                given_text = self._part("given", given, parts.dp, parts.ndp)
            else:
                family = self._part("family", parts.ndp, parts.family, space=nbsp)
                given_text = self._part("given", given, parts.dp)
            text = family
            if given_text:
                text = text + separator + given_text if text else given_text
            if parts.suffix:
                text += separator + parts.suffix
            return text, True
        family = self._part("family", parts.dp, parts.ndp, parts.family, space=nbsp)
        text = _space_join(self._part("given", given), family)
        if parts.suffix:
            text += (", " if parts.comma_suffix else " ") + parts.suffix
        return text, False

    def markup(self, text: Any) -> Any:
        if isinstance(text, int):
            return text  # form="count": cs:names adds the counts up
        if text:
            return text  # formatted and affixed in process
        return None
