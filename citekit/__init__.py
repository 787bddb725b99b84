"""citekit: citations in every CSL style, and bibliographic data in and out losslessly.

The public names are loaded on first use (PEP 562 module ``__getattr__``), so ``import citekit``
costs almost nothing: the CSL engine (citeproc-py, lxml), the format readers (bibtexparser,
pylatexenc), click, rapidfuzz and Sphinx are imported only by what needs them. To add a public
name, add one line to ``_EXPORTS`` (name -> private module), one to the ``TYPE_CHECKING`` block
and one to ``__all__``.
"""

import contextlib as _contextlib
import importlib as _importlib
import typing as _typing

# One name per line, so that branches adding names merge cleanly.
# isort: off
if _typing.TYPE_CHECKING:  # what mypy and editors see; at run time ``__getattr__`` loads these
    from ._cite import Cite
    from ._dates import Date
    from ._errors import CitekitError
    from ._errors import InputError
    from ._errors import InvalidRecordError
    from ._errors import InvalidStyleError
    from ._errors import Location
    from ._errors import ParseError
    from ._errors import Problem
    from ._errors import RenderError
    from ._errors import StyleError
    from ._errors import StyleNotFoundError
    from ._errors import UnknownFormatError
    from ._formatter import Entry
    from ._formatter import Formatter
    from ._formatter import format_bibliography
    from ._io import dumps
    from ._io import parse
    from ._io import read
    from ._io import write
    from ._library import Library
    from ._many import CiteResult
    from ._many import cite_many
    from ._names import Name
    from ._portal import PORTAL_FORMATS
    from ._portal import cite_this
    from ._record import Record
    from ._styles import Style
    from ._styles import search_styles
    from ._document import Citation
    from ._document import Document
    from ._errors import LocaleNotFoundError
    from ._errors import UnknownRecordError
    from ._output import write_bibliography
    from . import latex as latex
# isort: on

# public name -> the private module that defines it (one per line, to merge easily)
_EXPORTS: dict[str, str] = {
    "write_bibliography": "._output",
    "UnknownRecordError": "._errors",
    "LocaleNotFoundError": "._errors",
    "Document": "._document",
    "Citation": "._document",
    "Cite": "._cite",
    "CiteResult": "._many",
    "CitekitError": "._errors",
    "Date": "._dates",
    "Entry": "._formatter",
    "Formatter": "._formatter",
    "InputError": "._errors",
    "InvalidRecordError": "._errors",
    "InvalidStyleError": "._errors",
    "Library": "._library",
    "Location": "._errors",
    "Name": "._names",
    "PORTAL_FORMATS": "._portal",
    "ParseError": "._errors",
    "Problem": "._errors",
    "Record": "._record",
    "RenderError": "._errors",
    "Style": "._styles",
    "StyleError": "._errors",
    "StyleNotFoundError": "._errors",
    "UnknownFormatError": "._errors",
    "cite_many": "._many",
    "cite_this": "._portal",
    "dumps": "._io",
    "format_bibliography": "._formatter",
    "parse": "._io",
    "read": "._io",
    "search_styles": "._styles",
    "write": "._io",
}

__all__ = [
    "PORTAL_FORMATS",
    "Citation",
    "Cite",
    "CiteResult",
    "CitekitError",
    "Date",
    "Document",
    "Entry",
    "Formatter",
    "InputError",
    "InvalidRecordError",
    "InvalidStyleError",
    "Library",
    "LocaleNotFoundError",
    "Location",
    "Name",
    "ParseError",
    "Problem",
    "Record",
    "RenderError",
    "Style",
    "StyleError",
    "StyleNotFoundError",
    "UnknownFormatError",
    "UnknownRecordError",
    "cite_many",
    "cite_this",
    "dumps",
    "format_bibliography",
    "parse",
    "read",
    "search_styles",
    "write",
    "write_bibliography",
]


def _load(name: str) -> object:
    """Import the name's module, show the object as citekit.X (reprs, tracebacks, docs, and
    pickles that stay valid when a private module moves), and keep it so this runs once."""
    obj: object = getattr(_importlib.import_module(_EXPORTS[name], __name__), name)
    if isinstance(obj, type) or callable(obj):
        with _contextlib.suppress(AttributeError, TypeError):
            obj.__module__ = __name__
    globals()[name] = obj
    return obj


if not _typing.TYPE_CHECKING:  # hidden from mypy, so a misspelt citekit.X is still an error

    def __getattr__(name: str) -> object:
        if name in _EXPORTS:
            return _load(name)
        if name == "latex":  # the public submodule of user LaTeX macros, loaded on first use
            module = _importlib.import_module(".latex", __name__)
            globals()[name] = module
            return module
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
