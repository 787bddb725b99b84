"""The `citekit` command line: a client of the public API only."""

from __future__ import annotations

import json
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import click

import citekit

_OUTPUTS = click.Choice(["text", "html", "markdown", "rst", "latex"])
_PROGRESS_MIN = 2000  # entries; smaller files read too fast for a bar to help


def _fail(message: str) -> None:
    click.echo(f"citekit: error: {message}", err=True)
    sys.exit(2)


@contextmanager
def _progress(label: str) -> Iterator[Callable[[int, int], None] | None]:
    """A progress callback drawing a bar on a terminal for big inputs, else nothing."""
    if not _on_terminal():
        yield None
        return
    bar: Any = None
    shown = 0

    def update(done: int, total: int) -> None:
        nonlocal bar, shown
        if total < _PROGRESS_MIN:
            return
        if bar is None:
            # redrawn every 0.5 % at most: a bar drawn 10,000 times costs more than it shows
            bar = click.progressbar(
                length=total, label=label, file=sys.stderr, update_min_steps=max(1, total // 200)
            )
            bar.__enter__()
        bar.update(done - shown)
        shown = done

    try:
        yield update
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)


def _on_terminal() -> bool:
    return sys.stderr.isatty()


class _Stages:
    """A bar on a terminal while a big input is prepared: which stage runs, and for how long.

    The engine sorts and disambiguates a bibliography in one call, so this bar moves stage by
    stage (a thread redraws the elapsed time); rendering then has its own bar that advances
    entry by entry (`Formatter.bibliography(progress=...)`). Nothing is drawn for small
    inputs or when stderr is not a terminal."""

    def __init__(self, total: int, stages: tuple[str, ...]) -> None:
        self._bar: Any = None
        self._stages = stages
        self._stage = 0
        self._started = time.monotonic()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        if total < _PROGRESS_MIN or not _on_terminal():
            return
        self._bar = click.progressbar(
            length=len(stages),
            label=f"citekit: {total:,} entries",
            item_show_func=self._show,
            show_eta=False,
            show_percent=False,
            file=sys.stderr,
        )
        self._bar.__enter__()
        threading.Thread(target=self._tick, daemon=True).start()

    def _show(self, _: object) -> str:
        stage = self._stages[min(self._stage, len(self._stages) - 1)]
        return f"{stage} ({time.monotonic() - self._started:.0f} s)"

    def _tick(self) -> None:
        while not self._stop.wait(0.5):
            with self._lock:
                self._bar.render_progress()

    def close(self) -> None:
        if self._bar is not None:
            self._stop.set()
            with self._lock:
                self._bar.update(len(self._stages) - self._stage)
                self._bar.__exit__(None, None, None)
            self._bar = None


def _report(library: citekit.Library, limit: int = 5) -> bool:
    """Summarise problems on stderr; True when any was an error."""
    if not library.problems:
        return False
    counts = Counter(p.kind for p in library.problems)
    summary = ", ".join(f"{n} {kind}" for kind, n in counts.most_common())
    click.echo(f"citekit: {len(library.problems)} problem(s): {summary}", err=True)
    for problem in library.problems[:limit]:
        click.echo(f"  {problem.severity}: {problem}", err=True)
    if len(library.problems) > limit:
        click.echo(f"  … and {len(library.problems) - limit} more", err=True)
    return not library.ok


def _read(path: str, fmt: str | None, strict: bool = False) -> citekit.Library:
    encoding = click.get_current_context().meta.get(_ENCODING)
    with _progress("reading") as progress:
        options = {"progress": progress} if progress else {}
        return citekit.read(path, fmt, strict=strict, encoding=encoding, **options)


_ENCODING = "citekit.encoding"


def _keep_encoding(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    ctx.meta[_ENCODING] = value


# `--encoding` on every command that reads a file: kept in the context for `_read`, so that
# the commands' own signatures do not change.
_encoding_option = click.option(
    "--encoding",
    expose_value=False,
    callback=_keep_encoding,
    help="Encoding of the input file (default: a byte-order mark, a header, UTF-8, else Windows-1252).",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="citekit")
def main() -> None:
    """Format citations in any CSL style; convert CSL-JSON, BibTeX, BibLaTeX and RIS."""


@main.command()
@click.argument("file")
@click.option(
    "--format",
    "formats",
    multiple=True,
    type=click.Choice(list(citekit.PORTAL_FORMATS)),
    help="Only these formats (repeatable). Default: all seven.",
)
@click.option("--from", "from_format", help="Input format, when the file name does not tell.")
@click.option("--output", default="text", type=_OUTPUTS, show_default=True)
@click.option(
    "--jobs",
    "-j",
    default=1,
    show_default=True,
    type=click.IntRange(min=0),
    help="Worker processes (0: one per core).",
)
@click.option("--json", "as_json", is_flag=True, help="One JSON line per record: id, formats, problems.")
@_encoding_option
def cite(
    file: str, formats: tuple[str, ...], from_format: str | None, output: str, jobs: int, as_json: bool
) -> None:
    """Print each record of FILE in the "Cite this" formats (- reads stdin)."""
    failed = False
    try:
        library = _read(file, from_format)
        bad = _report(library)
        single = len(library.records) == 1
        results = citekit.cite_many(library.records, formats or None, output=output, jobs=jobs or None)
        for index, result in enumerate(results):
            for problem in result.problems:
                click.echo(f"citekit: {problem.severity}: {problem}", err=True)
            failed = failed or not result.ok
            if as_json:
                click.echo(json.dumps(result.to_json(), ensure_ascii=False))
                continue
            if index:
                click.echo()
            if len(result.formats) == 1 and single:
                click.echo(next(iter(result.formats.values())).rstrip("\n"))
                continue
            for name, text in result.formats.items():
                click.echo(f"[{name}]")
                click.echo(text.rstrip("\n"))
    except citekit.CitekitError as exc:
        _fail(str(exc))
    if bad or failed:
        sys.exit(2)


@main.command(name="format")
@click.argument("file")
@click.option("--style", "-s", default="apa", show_default=True, help="Alias, CSL id, .csl path.")
@click.option("--output", "-o", default="text", type=_OUTPUTS, show_default=True)
@click.option("--locale", "-l", default=None, help="Locale, e.g. de-DE (default: the style's).")
@click.option("--cite", "citations", is_flag=True, help="Print one in-text citation per record instead.")
@click.option("--from", "from_format", help="Input format, when the file name does not tell.")
@_encoding_option
def format_(
    file: str, style: str, output: str, locale: str | None, citations: bool, from_format: str | None
) -> None:
    """Print the bibliography of FILE in a CSL style (- reads stdin)."""
    try:
        library = _read(file, from_format)
        bad = _report(library)
        stages = _Stages(len(library.records), ("sorting and disambiguating",))
        try:
            formatter = citekit.Formatter(library.records, style, output, locale)
        finally:
            stages.close()
        if citations:  # one citation per record, each on its own (Formatter.cite is stateless)
            _print_citations(formatter, library.records)
        elif not formatter.style.has_bibliography:
            click.echo(
                f"citekit: style {formatter.style.id!r} has no bibliography; "
                "--cite prints its citations (notes)",
                err=True,
            )
        else:
            with _progress("citekit: rendering") as progress:
                entries = formatter.bibliography(progress=progress)
            for entry in entries:
                if entry.problem is not None:  # reported; the other entries still print
                    click.echo(str(entry.problem), err=True)
                    bad = True
            good = [entry for entry in entries if entry.problem is None]
            click.echo(citekit.write_bibliography(good, output), nl=False)
    except citekit.CitekitError as exc:
        _fail(str(exc))
    if bad:
        sys.exit(2)


def _print_citations(formatter: citekit.Formatter, records: tuple[citekit.Record, ...]) -> None:
    """One citation per record. A numeric style's citation is only a number (`[3]`, or a
    bare superscript `3` in text), so each line then starts with the record's key."""
    numeric = formatter.style.citation_format in ("numeric", "label")
    for record in records:
        citation = formatter.cite([record.key])
        click.echo(f"{record.key}\t{citation}" if numeric else citation)


@main.command()
@click.argument("query", required=False, default="")
@click.option("--limit", default=50, show_default=True, help="At most this many (0: all).")
def styles(query: str, limit: int) -> None:
    """List styles whose id or title contains every word of QUERY."""
    found = citekit.search_styles(query)
    for style_id, title in found[: limit or None]:
        click.echo(f"{style_id}\t{title}")
    if limit and len(found) > limit:
        click.echo(f"… {len(found) - limit} more (--limit 0 shows all)", err=True)
    if not found:
        _fail(f"no style matches {query!r}")


_SHOWN = 5  # problems listed without --verbose


def _problem_json(problem: citekit.Problem) -> str:
    where = problem.location
    data = {
        "severity": problem.severity,
        "kind": problem.kind,
        "message": problem.message,
        "file": where.file,
        "line": where.line,
        "column": where.column,
        "item": where.item,
        "field": where.field,
        "raw": problem.raw,
    }
    return json.dumps({k: v for k, v in data.items() if v is not None}, ensure_ascii=False)


def _list_problems(problems: Sequence[citekit.Problem], verbose: bool, problems_file: str | None) -> None:
    """Every problem with --verbose, else a count by kind and the first few; all of them as JSON
    lines in --problems FILE."""
    if problems_file is not None:
        try:
            with open(problems_file, "w", encoding="utf-8") as handle:
                handle.writelines(_problem_json(p) + "\n" for p in problems)
        except OSError as exc:
            _fail(f"{problems_file}: {exc.strerror or exc}")
    if not problems:
        return
    errors = sum(p.severity == "error" for p in problems)
    counts = Counter(p.kind for p in problems)
    summary = ", ".join(f"{n} {kind}" for kind, n in counts.most_common())
    counted = f"{len(problems)} problem(s), {errors} error(s), {len(problems) - errors} warning(s)"
    click.echo(f"citekit: {counted}: {summary}", err=True)
    shown = problems if verbose else problems[:_SHOWN]
    for problem in shown:
        click.echo(f"  {problem.severity}: {problem}", err=True)
    if len(problems) > len(shown):
        how = "--verbose lists them all" + (
            "" if problems_file else "; --problems FILE writes them as JSON lines"
        )
        click.echo(f"  … and {len(problems) - len(shown)} more ({how})", err=True)


def _dialect_options(to_format: str | None) -> dict[str, bool]:
    """An explicit `--to bibtex` or `--to biblatex` converts every entry to that dialect, even
    when the input was guessed to be the other (a .bib file in BibLaTeX style is read as
    BibTeX by default): the user named the dialect. Without `--to`, a .bib -> .bib copy keeps
    its entries as written."""
    from .formats._registry import get_format

    if to_format and get_format(to_format).name in ("bibtex", "biblatex"):
        return {"convert": True}
    return {}


def _family(name: str) -> str:
    """Formats whose writer puts back what its reader could not read (same family), by name or
    file extension; a writer of another family cannot."""
    name = name.lower()
    families = {
        "json": "csljson",
        "csl": "csljson",
        "csl-json": "csljson",
        "biblatex": "bibtex",
        "bib": "bibtex",
    }
    return families.get(name, name)


def _nothing_read(source: str, library: citekit.Library, text: str | None) -> citekit.Problem | None:
    """An error when a non-empty input gave no record: the wrong --from, or not a bibliography."""
    if library.records:
        return None
    if text is None:
        try:
            with open(source, "rb") as handle:
                blank = not handle.read(1 << 16).strip()
        except OSError:
            return None
    else:
        blank = not text.strip()
    if blank:
        return None
    fmt = library.format or "the format guessed"
    message = f"no record read as {fmt} from a non-empty input: is it {fmt}? (--from names the format)"
    return citekit.Problem("no-records", message, citekit.Location(file=source))


@main.command()
@click.argument("source")
@click.argument("target")
@click.option("--from", "from_format", help="Input format (default: from the name or content).")
@click.option("--to", "to_format", help="Output format (default: from TARGET's name).")
@click.option("--strict", is_flag=True, help="Exit 2 without writing if anything was wrong.")
@click.option(
    "--verbose", "-v", is_flag=True, help="List every problem (default: a count and the first few)."
)
@click.option(
    "--problems", "problems_file", metavar="FILE", help="Write every problem to FILE as JSON lines."
)
@_encoding_option
def convert(
    source: str,
    target: str,
    from_format: str | None,
    to_format: str | None,
    strict: bool,
    verbose: bool,
    problems_file: str | None,
) -> None:
    """Convert SOURCE to TARGET between csljson, bibtex, biblatex and ris (- for stdin/stdout).

    Every record that can be read is written; what could not be is reported on stderr. The
    exit status is 2 when any problem was an error (or nothing could be read), else 0."""
    try:
        if source == "-":
            text: str | None = sys.stdin.read()
            library = citekit.parse(text or "", from_format, source="-")
        else:
            text = None
            library = _read(source, from_format)
        problems = list(library.problems)
        if (nothing := _nothing_read(source, library, text)) is not None:
            problems.append(nothing)
        out_format = to_format or ""
        if target == "-" and not to_format:
            _fail("writing to - needs --to FORMAT")
        unwritten = sum(p.severity == "error" for p in library.problems)
        if unwritten and _family(library.format or "") != _family(to_format or target.rsplit(".", 1)[-1]):
            where = citekit.Location(file=target)
            message = (
                f"{unwritten} unreadable item(s) or block(s) of {source} are not in {target} (see above)"
            )
            problems.insert(0, citekit.Problem("not-written", message, where))
        _list_problems(problems, verbose, problems_file)
        failed = any(p.severity == "error" for p in problems)
        if (strict and problems) or nothing is not None:
            sys.exit(2)
        options = _dialect_options(to_format)
        if target == "-":
            click.echo(citekit.dumps(library, out_format, **options), nl=False)
        else:
            citekit.write(library, target, to_format, **options)
    except citekit.CitekitError as exc:
        _fail(str(exc))
    if failed:
        sys.exit(2)
