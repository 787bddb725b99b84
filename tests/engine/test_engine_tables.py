"""The compile-time look-up tables give citeproc-py's own answers (its XPath look-ups are the
reference), and the plain-dict engine items keep citeproc-py's missing-field behaviour."""

from __future__ import annotations

from typing import Any

import pytest
from citeproc import Citation, CitationItem, CitationStylesBibliography, model
from citeproc.source import VariableError

from citekit import Style
from citekit._engine import compile_style
from citekit._engine.items import EngineItem, EngineSource, KeyIndex
from citekit._engine.tables import CompiledLookups

STYLES = ("apa", "ieee", "chicago-author-date", "chicago-notes-bibliography", "modern-language-association")
LOCALES = (None, "de-DE", "fr-FR", "pt-BR")
FORMS = (None, "short", "verb", "verb-short", "symbol", "long")


def _tree(style_id: str, locale: str | None) -> tuple[object, list[object]]:
    compiled = compile_style(Style.load(style_id), locale)
    root = compiled.tree.root
    return root, [e for e in root.iter() if isinstance(e, CompiledLookups)]


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("style_id", STYLES)
def test_terms_and_dates_are_citeproc_pys(style_id: str, locale: str | None) -> None:
    root, elements = _tree(style_id, locale)
    probe = elements[len(elements) // 2]
    names = {t.get("name") for loc in root.locales for t in loc.iter("{*}term")}  # type: ignore[attr-defined]
    for name in sorted(names):
        for form in FORMS:
            for fallback in (True, False):
                for zero_padded in (False, True):
                    ours = CompiledLookups.get_term(probe, name, form, fallback, zero_padded)
                    theirs = model.CitationStylesElement.get_term(probe, name, form, fallback, zero_padded)
                    assert ours is theirs, (name, form, fallback, zero_padded)
    for form in ("text", "numeric", "nonesuch"):
        assert probe.get_date(form) is model.CitationStylesElement.get_date(probe, form)  # type: ignore[attr-defined]


@pytest.mark.parametrize("style_id", STYLES)
def test_layouts_roots_and_names_look_ups_are_citeproc_pys(style_id: str) -> None:
    root, elements = _tree(style_id, None)

    def answer(call: Any, *args: Any) -> object:
        try:
            return call(*args)
        except IndexError:
            return IndexError

    for element in elements:
        assert element.get_root() is element.getroottree().getroot()  # type: ignore[attr-defined]
        theirs = answer(model.CitationStylesElement.get_layout, element)
        assert answer(element.get_layout) is theirs  # type: ignore[attr-defined]
    for names in root.iter("{*}names"):  # type: ignore[attr-defined]
        assert names.substitute() is model.Names.substitute(names)
        for context in (None, *elements[::5]):
            theirs = answer(model.Names.get_parent_delimiter, names, context)
            assert answer(names.get_parent_delimiter, context) == theirs


def test_engine_items_keep_citeproc_pys_missing_field_error() -> None:
    source = EngineSource([{"id": "A1", "type": "book", "title": "T", "author": [{"family": "F"}]}])
    bibliography = CitationStylesBibliography(compile_style(Style.load("ieee")).tree, source)
    index = KeyIndex(bibliography)
    item = EngineItem("A1", index, locator=None)
    reference = item.reference
    assert reference is source["a1"]
    assert str(reference.title) == "T" and reference.type == "book"
    with pytest.raises(VariableError):
        reference.volume  # noqa: B018
    with pytest.raises(VariableError):
        reference["volume"]
    assert reference.get("volume") is None
    assert item.key == "a1" and "locator" in item
    with pytest.raises(VariableError):
        item.prefix  # noqa: B018


def test_engine_item_numbers_and_registration_follow_the_key_list() -> None:
    """`number` and `is_bad` answer as citeproc-py's list scans do, after each register and sort."""
    items = [{"id": f"I{n}", "type": "book", "title": f"T{n}"} for n in range(5)]
    source = EngineSource(items)
    bibliography = CitationStylesBibliography(compile_style(Style.load("ieee")).tree, source)
    index = KeyIndex(bibliography)
    ours = [EngineItem(f"I{n}", index) for n in range(5)]
    theirs = [CitationItem(f"I{n}") for n in range(5)]
    Citation(theirs).bibliography = bibliography
    for step in ([2, 0], [4], "sort", [1, 3]):
        if step == "sort":
            bibliography.keys = list(reversed(bibliography.keys))
        else:
            bibliography.register(Citation([EngineItem(f"I{n}", index) for n in step]))
        for mine, reference in zip(ours, theirs, strict=True):
            assert mine.is_bad() == reference.is_bad()
            if not reference.is_bad():
                assert mine.number == reference.number
