"""What goes between the backquotes of a citation role.

Plain keys, separated by commas or semicolons::

    :cite:`werner2018, kumar1975`

Keys in braces, each with an optional locator after a comma, and any text before or after
the braces as that item's prefix or suffix; items are separated by semicolons::

    :cite:p:`see {werner2018, p. 12}; {kumar1975, chap. 3} for a review`

A locator starts with a label (`p.`, `pp.`, `chap.`, `sec.`, `§`, `fig.`, `vol.`, ...) or is
taken as a page. Prefix and suffix keep their spacing, so `see {x}` reads "see X".

sphinxcontrib-bibtex's form, a key with its pre-text and post-text in braces next to it, is
read too; a post-text that reads as a locator (`{p. 12}`, `{chap. 3}`) is the locator::

    :cite:p:`{see}werner2018{p. 12}, {e.g.}kumar1975`

It is told from citekit's form by a brace touching a key (`}key` or `key{`).
"""

from __future__ import annotations

import re

import citekit

# CSL locator label -> how it may be written before the locator (with or without a dot)
_WRITTEN = {
    "page": "p pp page pages",
    "chapter": "ch chap chapter",
    "section": "sec § §§ section",
    "figure": "fig figure",
    "volume": "vol vols volume",
    "paragraph": "para ¶ paragraph",
    "note": "n nn note",
    "line": "l ll line",
    "issue": "no issue",
    "book": "bk book",
    "column": "col column",
    "part": "pt part",
    "verse": "v vv verse",
    "table": "tab table",
    "appendix": "app appendix",
    "equation": "eq equation",
    "folio": "fol folio",
    "opus": "op opus",
    "sub-verbo": "sv s.v",
    "scene": "sc scene",
}
LABELS = {written: label for label, forms in _WRITTEN.items() for written in forms.split()}
_LABEL = re.compile(
    r"^(?P<label>§§|§|¶|[A-Za-z]+(?:\.[A-Za-z]+)*)\.?(?:\s+|(?=\d))(?P<rest>\S.*)$", re.DOTALL
)
_ITEM = re.compile(r"(?P<prefix>[^{}]*)\{(?P<body>[^{}]*)\}(?P<suffix>[^{}]*)")


_INCUMBENT = re.compile(r"\s*(?:\{(?P<pre>[^{}]+)\})?\s*(?P<key>[^{}\s,]+)\s*(?:\{(?P<post>[^{}]+)\})?\s*")
_TOUCHING = re.compile(r"\}[^\s{},;]|[^\s{},;]\{")


class CiteSyntaxError(ValueError):
    """Role text that cannot be read as citations."""


def parse_locator(text: str) -> tuple[str, str]:
    """(locator, label) from text such as "p. 12", "chap. 3" or "12"."""
    text = text.strip()
    match = _LABEL.match(text)
    if match and match.group("label").lower() in LABELS:
        return match.group("rest").strip(), LABELS[match.group("label").lower()]
    return text, "page"


def _incumbent(text: str, locators: bool) -> list[citekit.Cite]:
    cites: list[citekit.Cite] = []
    position = 0
    while True:
        match = _INCUMBENT.match(text, position)
        if match is None or not match.group("key"):
            raise CiteSyntaxError(f"expected '{{pre}}key{{post}}' at {text[position:].strip()!r}")
        pre, post = match.group("pre"), match.group("post")
        locator: str | None = None
        label: str | None = None
        suffix: str | None = None
        if post and not locators:
            suffix = ", " + post.strip()
        elif post:
            found, found_label = parse_locator(post)
            if (_LABEL.match(post.strip()) and found != post.strip()) or post.strip().isdigit():
                locator, label = found, found_label
            else:
                suffix = ", " + post.strip()
        cites.append(
            citekit.Cite(
                match.group("key"),
                locator=locator,
                label=label,
                prefix=f"{pre.strip()} " if pre else None,
                suffix=suffix,
            )
        )
        position = match.end()
        if position >= len(text):
            return cites
        if text[position] != ",":
            raise CiteSyntaxError(f"expected ',' between citations, found {text[position:].strip()!r}")
        position += 1


def parse_cites(text: str, *, locators: bool = True) -> list[citekit.Cite]:
    """The cited items in a role's text, in order. `locators=False` (a style that prints no
    locator in its citations) keeps sphinxcontrib-bibtex's post-text as text."""
    text = text.strip()
    if not text:
        raise CiteSyntaxError("no citation key given")
    if _TOUCHING.search(text):
        return _incumbent(text, locators)
    if "{" not in text and "}" not in text:
        return [citekit.Cite(key) for key in re.split(r"\s*[,;]\s*", text) if key]
    cites: list[citekit.Cite] = []
    for part in text.split(";"):
        if not part.strip():
            continue
        match = _ITEM.fullmatch(part)
        if match is None:
            raise CiteSyntaxError(f"expected 'prefix {{key, locator}} suffix', found {part.strip()!r}")
        key, _, locator_text = match.group("body").partition(",")
        if not key.strip():
            raise CiteSyntaxError(f"no key in {{{match.group('body')}}}")
        locator, label = parse_locator(locator_text) if locator_text.strip() else (None, None)
        prefix = match.group("prefix").lstrip()
        suffix = match.group("suffix").rstrip()
        cites.append(
            citekit.Cite(
                key.strip(), locator=locator, label=label, prefix=prefix or None, suffix=suffix or None
            )
        )
    return cites
