"""The `citekit` command line: a client of the public API only."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Iterator
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
    if not sys.stderr.isatty():
        yield None
        return
    bar: Any = None
    shown = 0

    def update(done: int, total: int) -> None:
        nonlocal bar, shown
        if total < _PROGRESS_MIN:
            return
        if bar is None:
            bar = click.progressbar(length=total, label=label, file=sys.stderr)
            bar.__enter__()
        bar.update(done - shown)
        shown = done

    try:
        yield update
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)


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
@_encoding_option
def cite(file: str, formats: tuple[str, ...], from_format: str | None, output: str) -> None:
    """Print each record of FILE in the "Cite this" formats (- reads stdin)."""
    try:
        library = _read(file, from_format)
        bad = _report(library)
        for index, record in enumerate(library.records):
            if index:
                click.echo()
            results = citekit.cite_this(record, output, formats or None)
            if len(results) == 1 and len(library.records) == 1:
                click.echo(next(iter(results.values())).rstrip("\n"))
                continue
            for name, text in results.items():
                click.echo(f"[{name}]")
                click.echo(text.rstrip("\n"))
    except citekit.CitekitError as exc:
        _fail(str(exc))
    if bad:
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
        formatter = citekit.Formatter(library.records, style, output, locale)
        if citations:
            for record in library.records:
                click.echo(formatter.cite([record.key]))
        else:
            for entry in formatter.bibliography():
                click.echo(entry.text)
    except citekit.CitekitError as exc:
        _fail(str(exc))
    if bad:
        sys.exit(2)


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


@main.command()
@click.argument("source")
@click.argument("target")
@click.option("--from", "from_format", help="Input format (default: from the name or content).")
@click.option("--to", "to_format", help="Output format (default: from TARGET's name).")
@click.option("--strict", is_flag=True, help="Exit 2 without writing if anything was wrong.")
@_encoding_option
def convert(source: str, target: str, from_format: str | None, to_format: str | None, strict: bool) -> None:
    """Convert SOURCE to TARGET between csljson, bibtex, biblatex and ris (- for stdin/stdout)."""
    try:
        library = _read(source, from_format)
        bad = _report(library)
        if strict and library.problems:
            sys.exit(2)
        if target == "-":
            if not to_format:
                _fail("writing to - needs --to FORMAT")
            click.echo(citekit.dumps(library, to_format or ""), nl=False)
        else:
            citekit.write(library, target, to_format)
    except citekit.CitekitError as exc:
        _fail(str(exc))
    if bad and strict:
        sys.exit(2)
