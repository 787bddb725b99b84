"""Term forms that fall back as CSL says when a locale lacks one.

CSL 1.0.2 (Terms): "If a style uses a term in a form that is undefined, there is a fallback
to other forms: `verb-short` first falls back to `verb`, `symbol` first falls back to
`short`, and `verb` and `short` both fall back to `long`." citeproc-py looks up only the
form asked for, so a label such as `<label form="short"/>` for a CSL 1.0.2 role with no
short term (`guest`, `host`, `curator` ...) printed nothing where citeproc-js prints
"guest".
"""

from __future__ import annotations

from typing import Any

from ._elements import extend

_FALLBACK: dict[str, tuple[str | None, ...]] = {
    "verb-short": ("verb", None),
    "symbol": ("short", None),
    "verb": (None,),
    "short": (None,),
}


def _falls_back(element: Any) -> bool:
    """Whether `element` can ask for a term in a form that falls back: a label or a term in
    such a form, or a page or locator text (its `and` symbol, see `pages`)."""
    if element.get("form") in _FALLBACK and (element.tag.endswith("}label") or "term" in element.attrib):
        return True
    variable = str(element.get("variable", ""))
    return element.tag.endswith("}text") and (variable.startswith("page") or variable == "locator")


@extend("label", "text", when=_falls_back)
class TermFallback:
    """A term missing in the form asked for falls back as the spec says: the en-US locale
    has no short `act`, and citeproc-js prints `act 3` where citeproc-py printed only `3`."""

    def get_term(self, name: str, form: str | None = None, *args: Any, **kwargs: Any) -> Any:
        term = super().get_term(name, form, *args, **kwargs)  # type: ignore[misc]
        if term is None and form in _FALLBACK:
            for other in _FALLBACK[form]:
                term = super().get_term(name, other, *args, **kwargs)  # type: ignore[misc]
                if term is not None:
                    break
        return term


def _term_text(element: Any) -> bool:
    return "term" in element.attrib and "variable" not in element.attrib and "macro" not in element.attrib


@extend("text", when=_term_text)
class TermApostrophe:
    """A term's straight apostrophe prints curly, as citeproc-js prints every string it
    appends (iso690-note-fr's `disponible à l'adresse` prints `disponible à l’adresse`)."""

    def _term(self, item: Any) -> Any:
        text = super()._term(item)  # type: ignore[misc]
        if text and "'" in str(text):
            return type(text)(str(text).replace("'", "\u2019"))
        return text
