"""What a build says about its citations before they are rendered, every build: keys that
no file has, citations that no list holds (so they link nowhere), and pybtex style classes
of the project's own (formatted as the built-in style they derive from)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from . import _pybtex
from ._config import Settings
from ._model import BibliographyUse, CitationUse
from ._roles import is_note_style
from ._select import Selection
from ._sources import Sources

if TYPE_CHECKING:
    from sphinx.config import Config

# message, subtype, where (None: the build as a whole)
Warn = Callable[[str, str, "tuple[str, int | None] | None"], None]


def unknown_keys(selection: Selection, uses: Iterable[CitationUse], warn: Warn) -> None:
    reported: set[tuple[str, str, int | None]] = set()
    for use in uses:
        for cite in use.cites:
            where = (cite.id, use.docname, use.line)
            if selection.record_key(cite.id) is None and where not in reported:
                reported.add(where)
                warn(f"unknown citation key {cite.id!r}", "unknown-key", (use.docname, use.line))


def unlisted(
    settings: Settings,
    srcdir: str,
    sources: Sources,
    uses: list[CitationUse],
    bibliographies: list[BibliographyUse],
    warn: Warn,
) -> None:
    """A citation whose entry no list of the build holds links nowhere: say so, once per
    key and page, as sphinxcontrib-bibtex does ("could not find bibtex key"). Not in note
    styles, whose citations are notes that need no list."""
    if not settings.link_citations or is_note_style(settings.style, srcdir):
        return
    # a selection of its own, quiet: the render reports what selecting finds wrong
    quiet = Selection(sources.records, uses, bibliographies, lambda *_: None, sources.files)
    listed = {use.keyprefix + key for use in bibliographies for key in quiet.select(use)}
    reported: set[tuple[str, str]] = set()
    for use in uses:
        for cite in use.cites:
            if use.foot or quiet.record_key(cite.id) is None or cite.id in listed:
                continue
            if (cite.id, use.docname) not in reported:
                reported.add((cite.id, use.docname))
                warn(
                    f"{cite.id!r} is in no bibliography list of the build: its citation links nowhere",
                    "unlisted",
                    (use.docname, use.line),
                )


def plugin_styles(
    config: Config, settings: Settings, bibliographies: Iterable[BibliographyUse], warn: Warn
) -> None:
    """One warning per pybtex style class of the project's own that the build asks for."""
    for name, place in _asked(config, bibliographies):
        note = _pybtex.plugin_note(name, _pybtex.list_style(name) if place else settings.style)
        if note is not None:
            warn(note, "pybtex-plugin", place)


def _asked(
    config: Config, bibliographies: Iterable[BibliographyUse]
) -> Iterator[tuple[str, tuple[str, int | None] | None]]:
    """The pybtex style names the build asks for, each once, with where: the configured
    one (no place), then each list's `:style:`."""
    seen: set[str] = set()
    if not config.citekit_style and config.bibtex_default_style:
        seen.add(str(config.bibtex_default_style).strip())
        yield str(config.bibtex_default_style).strip(), None
    for use in bibliographies:
        if use.style and use.style not in seen:
            seen.add(use.style)
            yield use.style, (use.docname, use.line)
