"""The table of formats: a name, file extensions, a content sniffer, and the module that
reads and writes it. Modules are imported on first use, so `import citekit` stays light.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Protocol

import attrs

from .._errors import UnknownFormatError
from .._library import Library
from .._record import Record


class FormatModule(Protocol):
    def read(self, text: str, *, source: str | None, dialect: str, **options: Any) -> Library: ...

    def write(self, data: Library | Iterable[Record], *, dialect: str, **options: Any) -> str: ...


@attrs.frozen
class Format:
    name: str
    module: str
    extensions: tuple[str, ...]
    sniff: Callable[[str], bool]
    description: str
    dialect: str = ""

    def load(self) -> FormatModule:
        module: FormatModule = importlib.import_module(self.module)
        return module


def _looks_like_json(text: str) -> bool:
    return text.lstrip()[:1] in ("[", "{")


_BIBTEX_ENTRY = re.compile(r"^\s*@\s*[A-Za-z]+\s*[{(]", re.MULTILINE)
_RIS_START = re.compile(r"^\s*TY  - ", re.MULTILINE)

FORMATS: Mapping[str, Format] = {
    f.name: f
    for f in (
        Format(
            "csljson",
            "citekit.formats._csljson",
            (".json", ".csljson"),
            _looks_like_json,
            "CSL-JSON, the citation processors' native format",
        ),
        Format(
            "bibtex",
            "citekit.formats.bibtex",
            (".bib", ".bibtex"),
            lambda t: bool(_BIBTEX_ENTRY.search(t)),
            "BibTeX (ASCII-safe LaTeX)",
            "bibtex",
        ),
        Format(
            "biblatex",
            "citekit.formats.bibtex",
            (".biblatex",),
            lambda t: False,
            "BibLaTeX (BibLaTeX types and fields, UTF-8)",
            "biblatex",
        ),
        Format(
            "ris",
            "citekit.formats._ris",
            (".ris",),
            lambda t: bool(_RIS_START.search(t)),
            "RIS (Research Information Systems)",
        ),
    )
}
_ALIASES = {"csl-json": "csljson", "csl": "csljson", "json": "csljson", "bib": "bibtex"}


def get_format(name: str) -> Format:
    key = _ALIASES.get(name.lower(), name.lower())
    try:
        return FORMATS[key]
    except KeyError:
        known = ", ".join(FORMATS)
        raise UnknownFormatError(f"unknown format {name!r} (known: {known})") from None


def format_for_path(path: str) -> Format | None:
    lower = path.lower()
    return next((f for f in FORMATS.values() if lower.endswith(f.extensions) and f.extensions), None)


def sniff_format(text: str) -> Format | None:
    return next((f for f in FORMATS.values() if f.sniff(text)), None)
