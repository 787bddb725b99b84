"""The `citekit` command line: a client of the public API only."""

from __future__ import annotations

import json
import sys
import threading
import time
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


def _on_terminal() -> bool:
    return sys.stderr.isatty()


class _Stages:
    """A bar on a terminal while a big input renders: which stage runs, and for how long.

    The engine sorts, disambiguates and renders a bibliography each in one call, so the bar
    moves stage by stage (a thread redraws the elapsed time), not entry by entry: that needs a
    progress hook in the engine. Nothing is drawn for small inputs or when stderr is not a
    terminal."""

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

    def next(self) -> None:
        """The current stage is done; the next one starts."""
        if self._bar is not None:
            with self._lock:
                self._stage += 1
                self._bar.update(1)

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
    with _progress("reading") as progress:
        options = {"progress": progress} if progress else {}
        return citekit.read(path, fmt, strict=strict, **options)


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
def format_(
    file: str, style: str, output: str, locale: str | None, citations: bool, from_format: str | None
) -> None:
    """Print the bibliography of FILE in a CSL style (- reads stdin)."""
    try:
        library = _read(file, from_format)
        bad = _report(library)
        stages = _Stages(len(library.records), ("sorting and disambiguating", "rendering"))
        formatter = citekit.Formatter(library.records, style, output, locale)
        stages.next()
        if citations:
            stages.close()
            for record in library.records:
                click.echo(formatter.cite([record.key]))
        else:
            entries = formatter.bibliography()
            stages.close()
            for entry in entries:
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
