"""Compiling a Style into citeproc-py's element tree, with citekit's element classes."""

from __future__ import annotations

import functools
from typing import Any

import attrs
from citeproc import frontend, model
from lxml import etree

from .._errors import InvalidStyleError
from .._styles import CSL_NS, Style, parse_style_xml

# Importing a feature module registers its element mixins (see _elements), in this order.
from . import (  # noqa: F401
    collapse,
    conditions,
    dates,
    display,
    labels,
    lookups,
    names,
    pages,
    punctuation,
    quotes,
    sorting,
    substitute,
    terms,
    textcase,
    vocabulary,
)
from ._elements import element_classes


class _StyleTree(frontend.CitationStylesStyle):  # type: ignore[misc]
    """citeproc-py's style object, built from checked XML with citekit's element classes."""

    def __init__(self, xml: bytes, locale: str) -> None:
        lookup = etree.ElementNamespaceClassLookup()
        namespace = lookup.get_namespace(CSL_NS)
        namespace[None] = model.CitationStylesElement
        namespace.update(element_classes())
        self.parser = etree.XMLParser(
            remove_comments=True, encoding="UTF-8", no_network=True, resolve_entities=False, load_dtd=False
        )
        self.parser.set_element_class_lookup(lookup)
        self.xml = etree.ElementTree(etree.fromstring(xml, self.parser))
        root: Any = self.xml.getroot()
        root.set_locale_list(locale, validate=False)
        self.root = root


@attrs.frozen
class CompiledStyle:
    style: Style
    locale: str
    tree: Any = attrs.field(repr=False, eq=False)

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
    chosen = locale or style.default_locale or "en-US"
    return CompiledStyle(style, chosen, _compile(style.xml, chosen))
