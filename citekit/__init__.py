"""citekit: citations in every CSL style, and bibliographic data in and out losslessly."""

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
from ._formatter import Cite, Entry, Formatter, format_bibliography
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
