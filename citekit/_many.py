"""cite_many: the "Cite this" formats for many independent records, on many cores.

A research portal renders every output of an institution in the portal formats. The
records are independent (each is rendered alone, as `cite_this` does), so the work splits
into chunks that a pool of worker processes renders in parallel; each worker compiles a
style once (the engine's style cache lives in the process) and keeps it for every chunk it
is given. Results come back in input order, streamed: at most a few chunks per worker are in
flight, so hundreds of thousands of records need not fit in memory at once.

One bad record never stops the run: what fails becomes a `Problem` on that record's
result, and the other records and formats go on.
"""

from __future__ import annotations

import contextlib
import itertools
import os
from collections import deque
from collections.abc import Generator, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from ._errors import CitekitError, InputError, Location, Problem, RenderError, UnknownFormatError
from ._portal import PORTAL_FORMATS, cite_this
from ._record import Record

if TYPE_CHECKING:
    from concurrent.futures import Future

_IN_FLIGHT_PER_WORKER = 4  # chunks queued per worker: enough to keep it busy, little memory


@attrs.frozen
class CiteResult:
    """One record's formats, in the order asked for. A format that failed is absent from
    `formats` and explained in `problems` (with the record's id and the format's name)."""

    id: str
    formats: dict[str, str] = attrs.field(factory=dict, hash=False)  # a dict: hash the rest
    problems: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict: the line `citekit cite --json` prints for this record."""
        return {
            "id": self.id,
            "formats": dict(self.formats),
            "problems": [_problem_json(problem) for problem in self.problems],
        }


def _problem_json(problem: Problem) -> dict[str, Any]:
    where = problem.location
    location = {
        name: value
        for name, value in (
            ("file", where.file),
            ("line", where.line),
            ("item", where.item),
            ("field", where.field),
        )
        if value is not None
    }
    return {"kind": problem.kind, "message": problem.message, "severity": problem.severity, **location}


def cite_many(
    records: Iterable[Record | Mapping[str, Any]],
    formats: Sequence[str] | None = None,
    *,
    output: str = "text",
    jobs: int | None = 1,
    chunk_size: int = 64,
) -> Generator[CiteResult, None, None]:
    """Yield a `CiteResult` for each record, in input order, as `cite_this` would render it.

    `records` may be `Record`s or CSL-JSON dicts (a dict that is not a valid record becomes a
    result with an ``invalid-record`` problem). `formats` are names from `PORTAL_FORMATS`
    (default: all). `jobs` is the number of worker processes: 1 renders in this process,
    None or 0 uses every core. `chunk_size` records go to a worker at a time. An unknown
    format name raises `UnknownFormatError` at once, before anything is rendered. Closing
    the generator early (``.close()``, or leaving a ``for`` loop over it in a ``with
    contextlib.closing(...)``) stops the workers.
    """
    names = tuple(formats) if formats else tuple(PORTAL_FORMATS)
    unknown = [name for name in names if name not in PORTAL_FORMATS]
    if unknown:
        raise UnknownFormatError(
            f"no portal format named {', '.join(map(repr, unknown))}; known: {', '.join(PORTAL_FORMATS)}"
        )
    if chunk_size < 1:
        raise ValueError("chunk_size must be at least 1")
    workers = jobs or os.cpu_count() or 1
    if workers <= 1:
        return (_cite_one(record, names, output) for record in records)
    return _pooled(records, names, output, workers, chunk_size)


def _pooled(
    records: Iterable[Record | Mapping[str, Any]],
    names: tuple[str, ...],
    output: str,
    workers: int,
    chunk_size: int,
) -> Generator[CiteResult, None, None]:
    # Deferred: multiprocessing costs a one-record command line call ~10 ms to import.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    iterator = iter(records)
    first = list(itertools.islice(iterator, chunk_size))
    if len(first) < chunk_size:  # one chunk in all: starting workers would cost more than it saves
        yield from _cite_chunk(first, names, output)
        return
    # Not "fork": a caller with threads running (a web server, a Dask client) could hand a
    # worker a lock held forever. Workers start clean and import citekit themselves.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    pool = ProcessPoolExecutor(workers, context, initializer=_warm, initargs=(names, output))
    pending: deque[Future[list[CiteResult]]] = deque()
    try:
        chunk = first
        while chunk:
            pending.append(pool.submit(_cite_chunk, chunk, names, output))
            if len(pending) >= workers * _IN_FLIGHT_PER_WORKER:
                yield from pending.popleft().result()
            chunk = list(itertools.islice(iterator, chunk_size))
        while pending:
            yield from pending.popleft().result()
    except BrokenProcessPool as exc:
        raise RenderError(f"a worker process died while rendering ({exc})") from exc
    finally:
        # Also reached when the caller stops iterating early: drop the queued chunks.
        pool.shutdown(wait=True, cancel_futures=True)


def _warm(names: tuple[str, ...], output: str) -> None:
    """Worker start-up: compile each style once, so no chunk pays for it. A style that
    fails here fails again per record, where it is reported as a Problem."""
    from ._formatter import Formatter

    for name in names:
        kind, target = PORTAL_FORMATS[name]
        if kind == "style":
            with contextlib.suppress(CitekitError):
                Formatter([], target, output)


def _cite_chunk(
    chunk: list[Record | Mapping[str, Any]], names: tuple[str, ...], output: str
) -> list[CiteResult]:
    return [_cite_one(record, names, output) for record in chunk]


def _cite_one(record: Record | Mapping[str, Any], names: tuple[str, ...], output: str) -> CiteResult:
    if not isinstance(record, Record):
        try:
            record = Record.from_csl(record)
        except InputError as exc:
            item = record.get("id") if isinstance(record, Mapping) else None
            problem = Problem("invalid-record", exc.message, exc.location)
            return CiteResult(str(item) if item is not None else "", {}, (problem,))
        except Exception as exc:  # not a mapping of CSL-JSON at all
            return CiteResult("", {}, (Problem("invalid-record", f"not a CSL-JSON item: {exc!r}"),))
    out: dict[str, str] = {}
    problems: list[Problem] = []
    for name in names:
        try:
            out[name] = cite_this(record, output, (name,))[name]
        except Exception as exc:
            # A batch of independent records: one failure is reported on its record and the
            # run goes on (citeproc-py can raise anything from deep inside on odd data).
            message = str(exc) if isinstance(exc, CitekitError) else f"{type(exc).__name__}: {exc}"
            problems.append(Problem("render", message, Location(item=record.key, field=name)))
    return CiteResult(record.key, out, tuple(problems))
