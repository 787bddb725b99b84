"""parse / read / dumps / write: the format registry behind four functions."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from typing import Any

import attrs

from ._encoding import decode
from ._errors import InputError, Location, UnknownFormatError
from ._library import Library
from ._record import Record
from .formats._registry import Format, format_for_path, get_format, sniff_format


def parse(
    text: str, format: str | None = None, *, strict: bool = False, source: str | None = None, **options: Any
) -> Library:
    """Read records from text. Problems are collected in `Library.problems`; with
    `strict=True` the first error-level problem is raised instead (with its location).
    Other keyword options go to the format's reader (e.g. `progress=callback(done, total)`)."""
    fmt = get_format(format) if format else sniff_format(text)
    if fmt is None:
        raise UnknownFormatError("cannot tell the format of this text; name it", Location(file=source))
    library = fmt.load().read(text, source=source, dialect=fmt.dialect, **options)
    if strict:
        for problem in library.problems:
            if problem.severity == "error":
                raise problem.to_error()
    return library


def read(
    path: str | os.PathLike[str],
    format: str | None = None,
    *,
    strict: bool = False,
    encoding: str | None = None,
    **options: Any,
) -> Library:
    """Read a file ("-" for standard input); the format comes from the name, else the content.
    The encoding is found as `citekit._encoding` describes (a byte-order mark, a header such as
    JabRef's `% Encoding:`, UTF-8, else Windows-1252 with a warning) unless `encoding` names it."""
    name = os.fspath(path)
    if name == "-":
        stream = getattr(sys.stdin, "buffer", None)  # a text-only stream (tests, IDEs) is decoded
        data = stream.read() if stream is not None else sys.stdin.read().encode("utf-8")
    else:
        try:
            with open(name, "rb") as handle:
                data = handle.read()
        except OSError as exc:
            raise InputError(exc.strerror or str(exc), Location(file=name)) from None
    decoded = decode(data, encoding=encoding, source=name)
    fmt: Format | None = get_format(format) if format else format_for_path(name)
    library = parse(decoded.text, fmt.name if fmt else None, strict=strict, source=name, **options)
    if decoded.problems:
        library = attrs.evolve(library, problems=decoded.problems + library.problems)
    return library


def dumps(data: Library | Iterable[Record] | Record, format: str, **options: Any) -> str:
    """Write records (or a Library, keeping its non-entry blocks) as text in `format`."""
    fmt = get_format(format)
    if isinstance(data, Record):
        data = [data]
    return fmt.load().write(data, dialect=fmt.dialect, **options)


def write(
    data: Library | Iterable[Record] | Record,
    path: str | os.PathLike[str],
    format: str | None = None,
    **options: Any,
) -> None:
    """Write to a file; the format comes from the file name unless named."""
    name = os.fspath(path)
    fmt = get_format(format) if format else format_for_path(name)
    if fmt is None:
        raise UnknownFormatError("cannot tell the format from the file name; name it", Location(file=name))
    if format is None and isinstance(data, Library) and {fmt.name, data.format} <= {"bibtex", "biblatex"}:
        fmt = get_format(str(data.format))  # a .bib name says BibTeX or BibLaTeX: keep the input's
    text = dumps(data, fmt.name, **options)
    try:
        with open(name, "w", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as exc:  # a missing folder, no permission: named, not a bare traceback
        raise InputError(f"cannot write: {exc.strerror or exc}", Location(file=name)) from None
