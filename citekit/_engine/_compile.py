"""Compiling a Style into citeproc-py's element tree, with citekit's element classes.

A compiled tree is immutable once built and shared by every session and thread: whatever
citeproc-py would add to it while rendering (a default `cs:name` in a `cs:names` without
one) is added here, and render state lives in `_state.RenderState`, never on elements.
"""

from __future__ import annotations

import functools
from typing import Any

import attrs
from citeproc import frontend, model
from lxml import etree

from .._errors import InvalidStyleError
from .._locales import resolve_locale
from .._styles import CSL_NS, Style, parse_style_xml

# Importing a feature module registers its element mixins; `_elements.FEATURE_ORDER` orders them.
from . import (  # noqa: F401
    _state,
    collapse,
    conditions,
    dates,
    decorations,
    display,
    entities,
    keysort,
    labels,
    lookups,
    names,
    ordinals,
    pages,
    periods,
    punctuation,
    quotes,
    sortcache,
    sorting,
    subsequent,
    substitute,
    tables,
    terms,
    textcase,
    vocabulary,
)
from ._elements import ElementLookup


class _StyleTree(frontend.CitationStylesStyle):  # type: ignore[misc]
    """citeproc-py's style object, built from checked XML with citekit's element classes."""

    def __init__(self, xml: bytes, locale: str) -> None:
        fallback = etree.ElementNamespaceClassLookup()
        fallback.get_namespace(CSL_NS)[None] = model.CitationStylesElement
        lookup = ElementLookup(CSL_NS, fallback)
        self.parser = etree.XMLParser(
            remove_comments=True, encoding="UTF-8", no_network=True, resolve_entities=False, load_dtd=False
        )
        self.parser.set_element_class_lookup(lookup)
        self.xml = etree.ElementTree(etree.fromstring(xml, self.parser))
        root: Any = self.xml.getroot()
        root.set_locale_list(locale, validate=False)
        _add_default_names(root)
        entities.decode_references(root)
        self.root = root
        self.tables = tables.build_tables(root)
        # Every element proxy is held for the life of the tree, so lxml hands out the same
        # Python objects on every render and the per-element caches keyed by them stay valid.
        self.elements = tuple(root.iter()) + tuple(e for loc in root.locales for e in loc.iter())


def _add_default_names(root: Any) -> None:
    """citeproc-py inserts a bare `cs:name` into a `cs:names` that has none, while rendering;
    that is done once here (a `cs:names` inside a `cs:substitute` borrows the outer one's)."""
    tag = f"{{{CSL_NS}}}name"
    for holder in list(root.iter(f"{{{CSL_NS}}}names")):
        if holder.find(tag) is None and not holder.xpath_search("ancestor::cs:substitute"):
            holder.insert(0, holder.makeelement(tag))


@attrs.frozen
class CompiledStyle:
    style: Style
    locale: str
    tree: Any = attrs.field(repr=False, eq=False)

    @property
    def tables(self) -> tables.StyleTables:
        """The look-ups resolved when the style was compiled (read-only, shared)."""
        return self.tree.tables  # type: ignore[no-any-return]

    @property
    def cites_numbers(self) -> bool:
        """Whether a cite's text or order can depend on its citation number."""
        return _cites_numbers(self.tree.root)

    @property
    def numeric_citations(self) -> bool:
        """Whether the citation prints a `cs:text` of citation-number (itself or through its
        macros): citeproc-js's "numeric" mode, where an empty bibliography entry is marked."""
        return _numeric_citations(self.tree.root)

    @property
    def has_bibliography(self) -> bool:
        return bool(self.tree.has_bibliography())

    def locale_option(self, name: str) -> str:
        return str(self.tree.root.get_locale_option(name))

    def term(self, name: str) -> str:
        try:
            return str(self.tree.root.get_single_term(name))
        except Exception:
            return ""


@functools.lru_cache(maxsize=64)
def _cites_numbers(root: Any) -> bool:
    found = root.xpath_search(
        ".//cs:citation//*[@variable='citation-number'] | .//cs:macro//*[@variable='citation-number']"
    )
    return bool(found)


@functools.lru_cache(maxsize=64)
def _numeric_citations(root: Any) -> bool:
    citation = root.xpath_search("./cs:citation")
    pending, seen = list(citation), set()
    while pending:
        element = pending.pop()
        if element.xpath_search(".//cs:text[@variable='citation-number']"):
            return True
        for call in element.xpath_search(".//cs:text[@macro]"):
            name = call.get("macro")
            if name not in seen:
                seen.add(name)
                pending += root.xpath_search(f"./cs:macro[@name='{name}']") if "'" not in name else []
    return False


@functools.lru_cache(maxsize=64)
def _compile(xml: bytes, locale: str) -> Any:
    parse_style_xml(xml)  # the safety check, again, for XML that did not come through Style.load
    try:
        return _StyleTree(xml, locale)
    except ValueError as exc:
        raise InvalidStyleError(str(exc)) from None
    except Exception as exc:
        raise InvalidStyleError(f"citeproc-py cannot load this style: {exc}") from None


def compile_style(style: Style, locale: str | None = None) -> CompiledStyle:
    """The parsed style tree for `style` in `locale` (default: the style's own), cached."""
    chosen = resolve_locale(locale) if locale else (style.default_locale or "en-US")
    return CompiledStyle(style, chosen, _compile(style.xml, chosen))
