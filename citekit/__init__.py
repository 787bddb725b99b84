"""citekit: citations in every CSL style, and bibliographic data in and out losslessly."""

from contextlib import suppress as _suppress

from . import latex as latex  # a public module: citekit.latex.register(...)
from ._cite import Cite
from ._dates import Date
from ._errors import (
    CitekitError,
    InputError,
    InvalidRecordError,
    InvalidStyleError,
    Location,
    ParseError,
    Problem,
    RenderError,
    StyleError,
    StyleNotFoundError,
    UnknownFormatError,
)
from ._formatter import Entry, Formatter, format_bibliography
from ._io import dumps, parse, read, write
from ._library import Library
from ._names import Name
from ._portal import PORTAL_FORMATS, cite_this
from ._record import Record
from ._styles import Style, search_styles

__all__ = [
    "PORTAL_FORMATS",
    "Cite",
    "CitekitError",
    "Date",
    "Entry",
    "Formatter",
    "InputError",
    "InvalidRecordError",
    "InvalidStyleError",
    "Library",
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
    "cite_this",
    "dumps",
    "format_bibliography",
    "parse",
    "read",
    "search_styles",
    "write",
]

# Show the public names as citekit.X in reprs, tracebacks and docs.
for _name in __all__:
    _obj = globals()[_name]
    if hasattr(_obj, "__module__") and not isinstance(_obj, dict | tuple):
        with _suppress(AttributeError, TypeError):
            _obj.__module__ = __name__
del _name, _obj
