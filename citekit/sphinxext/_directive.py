"""The `bibliography` and `footbibliography` directives.

`bibliography` takes sphinxcontrib-bibtex's options with their meaning there: `:cited:`
(cited anywhere in the build: the default), `:notcited:`, `:all:`, `:filter:` (either filter
language, see `_pyfilter`), keys as content (added to the selection), `:list:`
(citation, bullet, enumerated), `:enumtype:`, `:start:` (a number or `continue`),
`:labelprefix:`, `:keyprefix:`, `:style:` (a CSL or pybtex style name). citekit's own:
`:keys:`, `:scope: document` or `:cited-here:` (what this page cites), `:scope: global`.
`footbibliography` marks where the page's citation footnotes go.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from . import _ids
from ._config import Settings
from ._filter import FilterError
from ._model import BibliographyUse
from ._nodes import citekit_bibliography, citekit_footnotes
from ._pyfilter import compile_filter
from ._sources import relative

if TYPE_CHECKING:
    from collections.abc import Callable

    from docutils.nodes import Node

    from ._domain import CiteDomain

logger = logging.getLogger(__name__)
SCOPES = ("document", "global")
LISTS = ("citation", "bullet", "enumerated")
ENUMTYPES = ("arabic", "loweralpha", "upperalpha", "lowerroman", "upperroman")


def _scope(argument: str | None) -> str:
    return str(directives.choice(argument or "", SCOPES))


def _start(argument: str | None) -> int:
    if (argument or "").strip() == "continue":
        return -1
    return int(directives.positive_int(argument or ""))


def header(directive: SphinxDirective, text: str) -> list[Node]:
    """`bibtex_bibliography_header` and its foot twin: reST put before the list."""
    if not text.strip():
        return []
    container = nodes.container()
    directive.state.nested_parse(StringList(text.splitlines(), source="<bibliography header>"), 0, container)
    return list(container.children)


class BibliographyDirective(SphinxDirective):
    has_content = True
    optional_arguments = 1  # bib file names (relative to the page): the list holds only their entries
    final_argument_whitespace = True
    option_spec: ClassVar[dict[str, Callable[[str], object]]] = {
        "style": directives.unchanged_required,
        "cited": directives.flag,
        "cited-here": directives.flag,
        "notcited": directives.flag,
        "all": directives.flag,
        "keys": directives.unchanged_required,
        "filter": directives.unchanged_required,
        "scope": _scope,
        "list": directives.unchanged_required,  # checked in `run`: a bad one is a warning
        "enumtype": directives.unchanged_required,
        "start": _start,
        "labelprefix": directives.unchanged,
        "keyprefix": directives.unchanged,
    }

    def warn(self, message: str, subtype: str) -> None:
        logger.warning(message, type="citekit", subtype=subtype, location=self.get_location())

    def choice(self, option: str, choices: tuple[str, ...]) -> str:
        """An option's value among `choices`; another one is reported and the first used,
        as sphinxcontrib-bibtex does (the list is kept, not dropped with an error)."""
        value = str(self.options.get(option, choices[0])).strip()
        if value in choices:
            return value
        self.warn(f"unknown bibliography {option} {value!r}; one of {', '.join(choices)}", "bad-option")
        return choices[0]

    def bibfiles(self) -> tuple[str, ...]:
        """The files the argument names, as sphinxcontrib-bibtex reads them (relative to the
        page, or to the source folder with a leading /); one not configured is reported and
        left out, and a list naming none of the configured files holds every file's."""
        if not self.arguments:
            return ()
        settings = Settings.of(self.config)
        configured = {relative(str(self.env.srcdir), name) for name in settings.bibfiles}
        named: list[str] = []
        for name in self.arguments[0].split():
            path = relative(str(self.env.srcdir), self.env.relfn2path(name, self.env.docname)[0])
            if path in configured:
                named.append(path)
            else:
                self.warn(f"{name} not found or not configured in bibtex_bibfiles", "bad-entry")
        return tuple(named)

    def run(self) -> list[Node]:
        text = self.options.get("filter")
        if text is not None:
            try:
                compile_filter(text)
            except FilterError as exc:
                self.warn(f"bad :filter: {exc}", "bad-filter")
                text = None
        keys = tuple(key for key in re.split(r"[\s,;]+", self.options.get("keys", "")) if key)
        keys += tuple(key for line in self.content for key in line.split() if key)
        scope = self.options.get("scope", "")
        if "cited-here" in self.options or scope == "document":
            cited = "page"
        elif "notcited" in self.options:
            cited = "not"
        elif "cited" in self.options or scope == "global":
            cited = "build"
        elif keys or "all" in self.options or text is not None:
            cited = ""
        else:
            cited = "build"  # sphinxcontrib-bibtex's default: what the whole build cites
        serial = self.env.new_serialno("citekit-bibliography")
        bibfiles = self.bibfiles()
        use = BibliographyUse(
            docname=self.env.docname,
            serial=serial,
            style=self.options.get("style"),
            cited=cited,
            all="all" in self.options,
            keys=keys,
            filter=text,
            scope=scope,
            line=self.lineno,
            list=self.choice("list", LISTS),
            enumtype=self.choice("enumtype", ENUMTYPES),
            start=self.options.get("start", 1),
            labelprefix=self.options.get("labelprefix", ""),
            keyprefix=self.options.get("keyprefix", ""),
            bibfiles=bibfiles,
        )
        domain: CiteDomain = self.env.get_domain("cite")  # type: ignore[assignment]
        domain.add_bibliography(use)
        node = citekit_bibliography("", docname=use.docname, serial=serial)
        self.set_source_info(node)
        return [*header(self, self.config.bibtex_bibliography_header), node]


class FootBibliographyDirective(SphinxDirective):
    """Where the footnotes of the citations above it (since the previous one) are placed."""

    has_content = False

    def run(self) -> list[Node]:
        node = citekit_footnotes("")
        self.set_source_info(node)
        count = self.env.temp_data[_ids.FOOTBIBLIOGRAPHIES] = (
            int(self.env.temp_data.get(_ids.FOOTBIBLIOGRAPHIES) or 0) + 1
        )
        try:
            made = _ids.template_id(
                "bibtex_footbibliography_id",
                self.config.bibtex_footbibliography_id,
                footbibliography_count=count,
            )
        except _ids.TemplateError as exc:
            logger.warning(str(exc), type="citekit", subtype="bad-option", location=self.get_location())
            made = None
        # the footnotes' container, as sphinxcontrib-bibtex's: it holds the anchor (a target
        # before the footnotes would lend its id to the first, which then has two), and it
        # stays when MyST moves every footnote to the end of the page, so a transition
        # written before the directive is not left beside MyST's own
        placed = nodes.container("", node, classes=["citekit-footbibliography"], ids=[made] if made else [])
        return [*header(self, self.config.bibtex_footbibliography_header), placed]
