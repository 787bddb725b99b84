"""Style look-ups resolved once, when the style is compiled.

citeproc-py answers `get_layout`, `get_term`, `get_date` and `get_root` by XPath or by
walking the tree on every call: a layout's elements ask for their layout some hundred times
per bibliography entry, and every label, date part and `cs:text term=` searches each locale
in turn with a new XPath expression. The answers are fixed for a compiled tree, so
`StyleTables` computes them once, in `_compile`, as plain dicts, and every element of the
tree holds the (read-only) tables: a render only reads them, so the compiled style stays
immutable and shared between threads. The answers are exactly citeproc-py's: the first
matching element in document order, the same locale order and the same `IndexError` or
`None` where it finds nothing.
"""

from __future__ import annotations

import functools
from types import MappingProxyType
from typing import Any

import attrs
from citeproc import model
from citeproc.source import VariableError
from citeproc.string import String
from lxml import etree

from .._markup import MarkerFormatter
from .._styles import CSL_NS
from ._elements import extend
from .substitute import GENERATED, count_variable, layout_of, suppressed

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_TERMS = f"{{{CSL_NS}}}terms"
_TERM = f"{{{CSL_NS}}}term"
_DATE = f"{{{CSL_NS}}}date"
_LAYOUT = f"{{{CSL_NS}}}layout"
_CITATION = f"{{{CSL_NS}}}citation"
_BIBLIOGRAPHY = f"{{{CSL_NS}}}bibliography"
_NAMES = f"{{{CSL_NS}}}names"
_SUBSTITUTE = f"{{{CSL_NS}}}substitute"
_ET_AL = f"{{{CSL_NS}}}et-al"
_NOT_ZERO_PADDED = ("whole-number", "last-two-digits")  # `match` values a zero-padded look-up skips

# (term name, form or None, zero-padded) -> the first such term of one locale
TermTable = dict[tuple[str, str | None, bool], Any]


@attrs.frozen
class StyleTables:
    """What the elements of one compiled style tree look up, keyed as citeproc-py asks."""

    root: Any
    layout_of: dict[Any, Any]  # element -> its cs:layout (None outside any layout)
    bibliography_layouts: frozenset[Any]  # the cs:layout of cs:bibliography
    section_of: dict[Any, Any]  # element -> its cs:citation or cs:bibliography (or None)
    substitute_of: dict[Any, Any]  # cs:names -> its first cs:substitute (or None)
    terms: tuple[TermTable | None, ...]  # one table per locale of `root.locales`, in order
    main_terms: tuple[TermTable | None, ...]  # the same without other-language locales
    dates: dict[str, Any]  # date form -> the first locale's cs:date of that form
    children: dict[tuple[Any, str], Any]  # (element, CSL tag) -> its first such child element
    term_texts: dict[Any, tuple[Any, Any]]  # cs:term -> its singular and plural text (`Term.single`...)
    locale_options: dict[str, Any]  # locale option (`punctuation-in-quote`...) -> its value


def build_tables(root: Any) -> StyleTables:
    """The tables of a style root whose locale list is set; every element of its tree is
    given them (as `ck_tables`), so a look-up needs no walk to the root."""
    layout_of: dict[Any, Any] = {}
    for element in root.iter(etree.Element):
        layout_of[element] = None
    for layout in root.iter(_LAYOUT):
        for element in layout.iter():
            layout_of[element] = layout
    section_of: dict[Any, Any] = dict.fromkeys(layout_of)
    for section in root.iterchildren(_CITATION, _BIBLIOGRAPHY):
        for element in section.iter(etree.Element):
            if element is not section:
                section_of[element] = section
    substitute_of = {names: names.find(_SUBSTITUTE) for names in root.iter(_NAMES)}
    children: dict[tuple[Any, str], Any] = {}
    for element in layout_of:
        for child in element.iterchildren(etree.Element):
            namespace, _, tag = str(child.tag).rpartition("}")
            if namespace == "{" + CSL_NS:
                children.setdefault((element, tag), child)
    locales = list(root.locales)
    term_tables = tuple(_term_table(locale) for locale in locales)
    dates: dict[str, Any] = {}
    for locale in locales:
        for date in locale.iterchildren(_DATE):
            dates.setdefault(date.get("form"), date)
    tables = StyleTables(
        root=root,
        layout_of=layout_of,
        bibliography_layouts=frozenset(
            layout for layout in root.iter(_LAYOUT) if str(layout.getparent().tag).endswith("}bibliography")
        ),
        section_of=section_of,
        substitute_of=substitute_of,
        terms=term_tables,
        main_terms=tuple(_term_table(locale) for locale in _main_locales(locales)),
        dates=dates,
        children=children,
        term_texts={
            term: (term.single, term.multiple) for table in term_tables if table for term in table.values()
        },
        locale_options={name: root.get_locale_option(name) for name in model.Locale._default_options},
    )
    for element in layout_of:
        if isinstance(element, CompiledLookups):
            element.ck_tables = tables
            _hold_attributes(element)
    return tables


def _hold_attributes(element: Any) -> None:
    """The element's attributes as its own read-only mapping (see `CompiledLookups.attrib`)."""
    attrib = MappingProxyType(dict(element.attrib))
    element.attrib, element.get = attrib, attrib.get


def _main_locales(locales: list[Any]) -> list[Any]:
    """citeproc-py's `get_term(..., fallback_locale=False)` locale list."""
    if len(locales) <= 1:
        return locales
    main_lang = locales[0].attrib.get(_XML_LANG, None)
    if not main_lang:
        return locales
    return [locales[0], *(loc for loc in locales[1:] if loc.get(_XML_LANG, main_lang) == main_lang)]


def _term_table(locale: Any) -> TermTable | None:
    """`Locale.get_term`'s answers for one locale (None: the locale has no cs:terms)."""
    terms = locale.find(_TERMS)
    if terms is None:
        return None
    table: TermTable = {}
    for term in terms.iterchildren(_TERM):
        name, form = term.get("name"), term.get("form")
        if form == "long":  # the default form, written out (`<term name="accessed" form="long">`)
            form = None
        # A term defined twice: the later definition wins, as in citeproc-js (errata's
        # `editor` short term, "ed" then "org", prints "org"); of gendered variants (ordinals),
        # the first stays
        keep = table.setdefault if term.get("gender-form") else table.__setitem__
        keep((name, form, False), term)
        if term.get("match") not in _NOT_ZERO_PADDED:
            keep((name, form, True), term)
    return table


def _parent_names(element: Any, tables: StyleTables) -> list[Any]:
    parent = element.getparent()
    return [parent] if parent is not None and parent.tag == _NAMES else []


def _next_et_al(element: Any, tables: StyleTables) -> list[Any]:
    following = next(element.itersiblings(_ET_AL), None)
    return [] if following is None else [following]


def _section(element: Any, tables: StyleTables) -> list[Any]:
    section = tables.section_of.get(element)
    return [] if section is None else [section]


def _bibliography(element: Any, tables: StyleTables) -> list[Any]:
    section = tables.section_of.get(element)
    return [section] if section is not None and section.tag == _BIBLIOGRAPHY else []


# XPath expressions citeproc-py (and citekit) evaluate on an element at render time, with the
# same answer found by walking the tree (only for elements of a compiled tree).
_AXES = {
    "./parent::cs:names[1]": _parent_names,  # cs:substitute's cs:names
    "./following-sibling::cs:et-al[1]": _next_et_al,  # cs:name's cs:et-al
    "./ancestor::*[self::cs:citation or self::cs:bibliography][1]": _section,
    "./ancestor::*[self::cs:bibliography]": _bibliography,
}


# Every rendering element (not `cs:locale`, whose own `get_term` and `get_date` raise where
# these return None, nor `cs:term`).
ALL_ELEMENTS = (
    "style",
    "citation",
    "bibliography",
    "macro",
    "layout",
    "text",
    "date",
    "date-part",
    "number",
    "names",
    "name",
    "name-part",
    "et-al",
    "substitute",
    "label",
    "group",
    "choose",
    "if",
    "else-if",
    "else",
    "sort",
    "key",
)


class _LxmlAttrib:
    """lxml's `attrib`, as a descriptor an instance attribute of the same name overrides."""

    def __get__(self, element: Any, owner: Any = None) -> Any:
        if element is None:
            return self
        return etree.ElementBase.attrib.__get__(element, owner)


@extend(*ALL_ELEMENTS)
class CompiledLookups:
    """citeproc-py's look-ups answered from the tables (or by citeproc-py, for an element
    that is not part of a compiled tree)."""

    ck_tables: StyleTables | None = None
    # The element's attributes, read-only, held by the element once the tree is compiled (it
    # never changes after): lxml's `get` and `attrib` build a new string or proxy on every
    # read, some thousand reads per bibliography entry. `element.get` is then the mapping's
    # own (no Python frame), and `element.attrib` the mapping, which this non-data descriptor
    # lets the element's own attribute shadow.
    attrib = _LxmlAttrib()

    def get_root(self) -> Any:
        tables = self.ck_tables
        if tables is None:
            return super().get_root()  # type: ignore[misc]
        return tables.root

    def get_layout(self) -> Any:
        tables = self.ck_tables
        if tables is None:
            return super().get_layout()  # type: ignore[misc]
        layout = tables.layout_of[self]
        if layout is None:
            raise IndexError("list index out of range")  # as citeproc-py's empty XPath result
        return layout

    def __getattr__(self, name: str) -> Any:
        """citeproc-py's `element.name`: the first `cs:name` child (`find`, on every read:
        `root.citation`, `names.label`, `layout.sort`...), from the table."""
        tables = self.ck_tables
        if tables is None:
            return super().__getattr__(name)  # type: ignore[misc]
        return tables.children.get((self, name))

    def xpath_search(self, expression: str) -> Any:
        """The XPath searches citeproc-py makes while rendering, answered by walking the
        tree (an XPath expression is compiled and run on every call); any other by XPath."""
        answer = _AXES.get(expression)
        tables = self.ck_tables
        if answer is None or tables is None:
            return super().xpath_search(expression)  # type: ignore[misc]
        return answer(self, tables)

    def get_formatter(self) -> Any:
        """Every compiled style renders with citekit's marker formatter (`_state`)."""
        return MarkerFormatter

    def get_term(
        self, name: str, form: str | None = None, fallback_locale: bool = True, zero_padded: bool = False
    ) -> Any:
        tables = self.ck_tables
        if tables is None:
            return super().get_term(name, form, fallback_locale, zero_padded)  # type: ignore[misc]
        key = (name, form, bool(zero_padded))
        for table in tables.terms if fallback_locale else tables.main_terms:
            if table is not None:
                term = table.get(key)
                if term is not None:
                    return term
        return None

    def get_single_term(self, name: str, *args: Any, **kwargs: Any) -> Any:
        """citeproc-py's, with the term's text from the tables (`Term.single` finds and
        preformats it on every read)."""
        return self.ck_term_text(self.get_term(name, *args, **kwargs), 0)

    def get_plural_term(self, name: str, *args: Any, **kwargs: Any) -> Any:
        return self.ck_term_text(self.get_term(name, *args, **kwargs), 1)

    def ck_term_text(self, term: Any, number: int) -> Any:
        if term is None:
            return String("")
        tables = self.ck_tables
        texts = None if tables is None else tables.term_texts.get(term)
        if texts is None:
            return term.multiple if number else term.single
        return texts[number]

    def get_locale_option(self, name: str) -> Any:
        """citeproc-py's, which searches each locale for its cs:style-options on every read."""
        tables = self.ck_tables
        if tables is None or name not in tables.locale_options:
            return super().get_locale_option(name)  # type: ignore[misc]
        return tables.locale_options[name]

    def get_date(self, form: str) -> Any:
        tables = self.ck_tables
        if tables is None:
            return super().get_date(form)  # type: ignore[misc]
        return tables.dates.get(form)


@extend("names")
class CompiledNamesLookups:
    """`cs:names`' own look-ups: the inherited `names-delimiter` and its `cs:substitute`."""

    ck_tables: StyleTables | None = None

    def get_parent_delimiter(self, context: Any = None) -> Any:
        if context is None:
            context = self
        tables = getattr(context, "ck_tables", None)
        if tables is None:
            return super().get_parent_delimiter(context)  # type: ignore[misc]
        section = tables.section_of[context]
        if section is None:
            raise IndexError("list index out of range")  # as citeproc-py's empty XPath result
        return section.get_option("names-delimiter")

    def substitute(self) -> Any:
        tables = self.ck_tables
        if tables is None:
            return super().substitute()  # type: ignore[misc]
        return tables.substitute_of[self]


def _text_content(element: Any) -> bool:
    return any(kind in element.attrib for kind in ("variable", "macro", "term", "value"))


@extend("text", when=_text_content)
class TextContent:
    """citeproc-py's `Text.process`, with the item's language read without raising and
    catching `VariableError` for each item that has none (every variable, macro call, term
    and value asked for it)."""

    def process(self, item: Any, context: Any = None, **kwargs: Any) -> Any:
        reference = item.reference
        if "language" in reference:
            language = reference.language[:2]
        else:
            language = self.get_root().get("default-locale", "en")[:2]  # type: ignore[attr-defined]
        if context is None:
            context = self
        attrib = self.attrib  # type: ignore[attr-defined]
        if "variable" in attrib:
            text = self._variable(item, context)  # type: ignore[attr-defined]
        elif "macro" in attrib:
            text = self.get_macro(attrib["macro"]).render(item, context)  # type: ignore[attr-defined]
        elif "term" in attrib:
            text = self._term(item)  # type: ignore[attr-defined]
        else:
            text = String(self.preformat(attrib["value"]))  # type: ignore[attr-defined]
        return text, language


def _data_variable(element: Any) -> bool:
    """Whether `element` prints a variable read from the item's data under one name (not a
    generated variable, a locator, or a page variable, which citeproc-py reads otherwise)."""
    variable = element.get("variable")
    if variable is None or variable in GENERATED or variable == "locator":
        return False
    return element.tag.endswith("}number") or not variable.startswith("page")


@functools.lru_cache(maxsize=65536)
def _data_keys(element: Any) -> tuple[str, ...]:
    """The item's fields `element` reads, any one of which it prints (a short form falls
    back to the long one)."""
    variable = str(element.get("variable"))
    key = "page" if variable == "page-first" else variable.replace("-", "_")
    if element.tag.endswith("}text") and element.get("form") == "short":
        return (key + "_short", key)
    return (key,)


@extend("text", "number", when=_data_variable)
class AbsentVariable:
    """Most `cs:text` and `cs:number` renders are of a variable the item does not have; they
    end here, without the chain of look-ups and the `VariableError` raised through it, with
    what that chain does: the variable counted as tried and not rendered (`substitute`),
    then nothing where a `cs:substitute` has used it (or citeproc-py's `repressed` list, for
    a `cs:text`), else `VariableError`."""

    def render(self, item: Any, context: Any = None, **kwargs: Any) -> Any:
        reference = item.reference
        for key in _data_keys(self):
            if key in reference:
                return super().render(item, context, **kwargs)  # type: ignore[misc]
        layout = layout_of(self if context is None else context)
        if layout is None:  # outside a layout (a sort key): citeproc-py's own path
            return super().render(item, context, **kwargs)  # type: ignore[misc]
        count_variable(layout, rendered=False)
        variable = self.get("variable")  # type: ignore[attr-defined]
        if suppressed(layout, variable):
            return None
        tag = self.tag  # type: ignore[attr-defined]
        if tag.endswith("}text") and variable in layout.repressed.get(tag, ()):
            return None
        raise VariableError


def _hyphenated(element: Any) -> bool:
    variable = str(element.get("variable", ""))
    return "-" in variable and variable != "page-first"


@extend("number", when=_hyphenated)
class HyphenatedNumberVariable:
    """citeproc-py's cs:number reads `item.reference[variable]` as written, so a variable
    with a hyphen (`number-of-pages`, `collection-number`) was never found and printed
    nothing; the reference spells it with an underscore, as cs:text reads it."""

    def process(self, item: Any, context: Any = None, **kwargs: Any) -> Any:
        variable = str(self.get("variable"))  # type: ignore[attr-defined]
        value = item.reference[variable.replace("-", "_")]
        return self._process(value, variable)  # type: ignore[attr-defined]
