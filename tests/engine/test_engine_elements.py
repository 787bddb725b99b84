"""Each element of a compiled style carries only the mixins its features call for: the
choice is made from the element's CSL attributes when the style is compiled. The outputs
stay citeproc-js's (the conformance gate); these tests pin the choice itself to the CSL
attributes that switch each feature on, and the wrapping order to `FEATURE_ORDER`."""

from __future__ import annotations

from typing import Any

import pytest

from citekit import Style
from citekit._engine import compile_style
from citekit._engine._elements import FEATURE_ORDER, element_classes
from citekit._engine._state import BibliographyLayout, CitationLayout
from citekit._engine.conditions import Conditions, PlainConditions
from citekit._engine.decorations import Resets, Unformatted
from citekit._engine.display import Display
from citekit._engine.textcase import TitleCase
from citekit._styles import CSL_NS

STYLES = ("apa", "ieee", "chicago-author-date", "chicago-notes-bibliography", "modern-language-association")
FORMATTING = ("font-style", "font-variant", "font-weight", "text-decoration", "vertical-align")
RESETTABLE = ("font-style", "font-weight", "font-variant")


def _elements(style_id: str) -> list[Any]:
    tree = compile_style(Style.load(style_id)).tree
    return [e for e in tree.root.iter() if isinstance(e.tag, str) and e.tag.startswith(f"{{{CSL_NS}}}")]


def _local(element: Any) -> str:
    return str(element.tag).rpartition("}")[2]


def _mixins(element: Any) -> list[type]:
    return _mixins_of_class(type(element))


@pytest.mark.parametrize("style_id", STYLES)
def test_mixins_wrap_in_feature_order(style_id: str) -> None:
    """An element's mixins are those of its tag, in the order of the tag's full class."""
    for element in _elements(style_id):
        full = _mixins_of_class(element_classes().get(_local(element), object))
        own = _mixins(element)
        assert own == [cls for cls in full if cls in own], element.tag
        ranks = [FEATURE_ORDER.index(cls.__module__.rpartition(".")[2]) for cls in own]
        assert ranks == sorted(ranks, reverse=True), element.tag


def _mixins_of_class(cls: type) -> list[type]:
    """The feature mixins in `cls`'s MRO (not the class `_elements` built from them)."""
    return [c for c in cls.__mro__ if c.__module__.rpartition(".")[2] in FEATURE_ORDER]


@pytest.mark.parametrize("style_id", STYLES)
def test_features_follow_the_csl_attributes(style_id: str) -> None:
    seen: set[str] = set()
    for element in _elements(style_id):
        tag, mixins = _local(element), _mixins(element)
        if tag in ("text", "group", "number", "date", "names", "label"):
            parent = element.getparent()
            first_in_aligned = (
                _local(parent) == "layout"
                and _local(parent.getparent()) == "bibliography"
                and bool(parent.getparent().get("second-field-align"))
                and element.getprevious() is None
            )
            displayed = bool(element.get("display")) or element.get("variable") == "citation-number"
            assert (Display in mixins) == (displayed or first_in_aligned), element.tag
            plain = not any(name in element.attrib for name in FORMATTING)
            assert (Unformatted in mixins) == plain
            if tag != "names":
                resets = any(element.get(name) == "normal" for name in RESETTABLE)
                assert (Resets in mixins) == resets
            seen.add("display" if Display in mixins else "plain")
        if tag in ("text", "label", "number"):
            assert (TitleCase in mixins) == ("text-case" in element.attrib)
        if tag in ("if", "else-if"):
            special = not set(element.attrib) <= {"type", "variable", "match"}
            assert (Conditions in mixins, PlainConditions in mixins) == (special, not special)
            seen.add("special" if special else "simple")
        if tag == "layout":
            in_bibliography = _local(element.getparent()) == "bibliography"
            states = (BibliographyLayout in mixins, CitationLayout in mixins)
            assert states == (in_bibliography, not in_bibliography)
    assert {"plain", "simple"} <= seen  # the test saw the common cases


def test_unformatted_skips_citeproc_py_formatting() -> None:
    """An element with no formatting attribute formats as citeproc-py would: nothing, but a
    number becomes text."""
    for element in _elements("apa"):
        if Unformatted in _mixins(element):
            assert element.format(12) == "12"
            assert element.format("Title") == "Title"
            return
    raise AssertionError("apa has no unformatted element")
