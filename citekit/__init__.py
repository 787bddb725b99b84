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
from ._io import dumps, parse, read, write
from ._library import Library
from ._names import Name
from ._record import Record

__all__ = [
    "CitekitError",
    "Date",
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
    "StyleError",
    "StyleNotFoundError",
    "UnknownFormatError",
    "dumps",
    "parse",
    "read",
    "write",
]
