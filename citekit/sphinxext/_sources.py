"""Reading the bibliography files: each through `citekit.read` (or `citekit.parse`, in the
encoding the project names), cached by path, size, modification time and encoding, so a
build reads a file once and a rebuild only what changed. Problems in the data are kept,
with their locations, for the caller to report; those that lose nothing (a LaTeX command
kept as written) are notes, shown with `-v`, so that `-W` does not fail on them.

The .bib files are one database, as pybtex reads them for sphinxcontrib-bibtex: an
`@string` defined in one file (a `macros.bib` listed first) is known in the files after it.
A file that uses one it does not define is read again with those definitions before it."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable

import attrs

import citekit


@attrs.frozen
class Issue:
    """Something to warn about: the message, its warning subtype and "file:line" (when the
    line is unknown the file leads the message instead: Sphinx reads "file:" oddly)."""

    message: str
    subtype: str
    location: str | None = None


@attrs.frozen
class Sources:
    """The records of every file (the first of a repeated key wins), in file order."""

    records: dict[str, citekit.Record]
    issues: tuple[Issue, ...]
    fingerprint: str
    files: dict[str, str] = attrs.field(factory=dict)  # key -> its file, as `relative` names it


_cache: dict[str, tuple[tuple[int, int, str], citekit.Library | Issue]] = {}
# problem kinds that keep the data as written: reported as notes, not warnings
NOTES = frozenset({"unknown-command"})


def _stamp(path: str, encoding: str) -> tuple[int, int, str]:
    status = os.stat(path)
    return status.st_mtime_ns, status.st_size, encoding


def _read_file(path: str, encoding: str | None) -> citekit.Library:
    if encoding is None:
        return citekit.read(path)
    try:
        with open(path, encoding=encoding) as handle:
            text = handle.read()
    except (UnicodeDecodeError, LookupError) as exc:
        raise citekit.ParseError(f"not {encoding} text ({exc})", citekit.Location(file=path)) from None
    fmt = {".bib": "bibtex", ".json": "csljson", ".ris": "ris"}.get(os.path.splitext(path)[1].lower())
    return citekit.parse(text, fmt, source=path)


def _read(path: str, encoding: str | None = None) -> citekit.Library | Issue:
    try:
        stamp = _stamp(path, encoding or "")
    except OSError as exc:
        return Issue(f"{path}: cannot read bibliography file: {exc.strerror}", "bad-entry")
    cached = _cache.get(path)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    result: citekit.Library | Issue
    try:
        result = _read_file(path, encoding)
    except citekit.CitekitError as exc:
        result = Issue(f"{path}: {exc}" if path not in str(exc) else str(exc), "bad-entry")
    except Exception as exc:  # a reader's bug must not stop the documentation build
        result = Issue(f"{path}: cannot read bibliography file: {exc!r}", "bad-entry")
    _cache[path] = (stamp, result)
    return result


def _strings(library: citekit.Library) -> list[str]:
    """The `@string` definitions of a .bib file as written, for the files after it."""
    return [
        " ".join(str(getattr(block, "raw", "")).split())
        for block in library.blocks
        if getattr(block, "kind", None) == "string"
    ]


_joined: dict[str, tuple[tuple[int, int, str], str, citekit.Library]] = {}


def _with_strings(
    path: str, library: citekit.Library, strings: list[str], encoding: str | None
) -> citekit.Library:
    """The file read again after the earlier files' `@string` definitions, when it uses one
    it does not define. They go on its first line, so every line number stays the file's."""
    if not strings or not path.lower().endswith(".bib"):
        return library
    if not any(problem.kind == "undefined-string" for problem in library.problems):
        return library
    prefix = " ".join(strings) + " "
    stamp = _cache[path][0]
    cached = _joined.get(path)
    if cached is not None and cached[0] == stamp and cached[1] == prefix:
        return cached[2]
    try:
        with open(path, encoding=encoding or "utf-8-sig") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError, LookupError):
        return library  # the encoding needs citekit.read's detection: keep its reading
    joined = citekit.parse(prefix + text, "bibtex", source=path)
    _joined[path] = (stamp, prefix, joined)
    return joined


def _issue(problem: citekit.Problem, path: str) -> Issue:
    where = problem.location
    subject = ", ".join(
        part
        for part in (
            f"entry {where.item!r}" if where.item else "",
            f"field {where.field!r}" if where.field else "",
        )
        if part
    )
    message = f"{problem.kind}: {problem.message}" + (f" ({subject})" if subject else "")
    subtype = "note" if problem.kind in NOTES else "bad-entry"
    if where.line:
        return Issue(message, subtype, f"{where.file or path}:{where.line}")
    return Issue(f"{where.file or path}: {message}", subtype)


def relative(srcdir: str, name: str) -> str:
    """A bibliography file's name relative to the source folder, one spelling per file."""
    return os.path.relpath(os.path.normpath(os.path.join(srcdir, name)), srcdir).replace(os.sep, "/")


def load(srcdir: str, bibfiles: Iterable[str], encoding: str | None = None) -> Sources:
    records: dict[str, citekit.Record] = {}
    files: dict[str, str] = {}
    strings: list[str] = []
    issues: list[Issue] = []
    digest = hashlib.sha256()
    for name in bibfiles:
        path = os.path.normpath(os.path.join(srcdir, name))
        result = _read(path, encoding)
        if isinstance(result, Issue):
            issues.append(result)
            digest.update(f"{path}\0missing\0".encode())
            continue
        digest.update(f"{path}\0{_cache[path][0]}\0".encode())
        own = _strings(result) if path.lower().endswith(".bib") else []
        result = _with_strings(path, result, strings, encoding)
        strings += own
        for problem in result.problems:
            issues.append(_issue(problem, path))
        file = relative(srcdir, name)
        for record in result.records:
            if record.key in records:
                issues.append(
                    Issue(f"{path}: duplicate key {record.key!r}; the first one is used", "bad-entry")
                )
                continue
            records[record.key] = record
            files[record.key] = file
    return Sources(records, tuple(issues), digest.hexdigest(), files)
