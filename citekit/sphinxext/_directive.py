"""The `bibliography` directive. Options choose the entries: `:cited:` (the default: what is
cited in this document, or in the whole build with `:scope: global`), `:all:`, `:keys:` (added
to the cited ones when `:cited:` is given too), `:filter:` (see `_filter`), and `:style:`."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, ClassVar

from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from ._filter import FilterError, parse_filter
from ._model import BibliographyUse
from ._nodes import citekit_bibliography

if TYPE_CHECKING:
    from collections.abc import Callable

    from docutils.nodes import Node

    from ._domain import CiteDomain

logger = logging.getLogger(__name__)
SCOPES = ("document", "global")


def _scope(argument: str | None) -> str:
    return str(directives.choice(argument or "", SCOPES))


class BibliographyDirective(SphinxDirective):
    has_content = False
    option_spec: ClassVar[dict[str, Callable[[str], object]]] = {
        "style": directives.unchanged_required,
        "cited": directives.flag,
        "all": directives.flag,
        "keys": directives.unchanged_required,
        "filter": directives.unchanged_required,
        "scope": _scope,
    }

    def run(self) -> list[Node]:
        text = self.options.get("filter")
        if text is not None:
            try:
                parse_filter(text)
            except FilterError as exc:
                logger.warning(
                    "bad :filter: %s", exc, type="citekit", subtype="bad-filter", location=self.get_location()
                )
                text = None
        keys = tuple(key for key in re.split(r"[\s,;]+", self.options.get("keys", "")) if key)
        serial = self.env.new_serialno("citekit-bibliography")
        use = BibliographyUse(
            docname=self.env.docname,
            serial=serial,
            style=self.options.get("style"),
            cited="cited" in self.options or not (keys or "all" in self.options),
            all="all" in self.options,
            keys=keys,
            filter=text,
            scope=self.options.get("scope", "document"),
            line=self.lineno,
        )
        domain: CiteDomain = self.env.get_domain("cite")  # type: ignore[assignment]
        domain.add_bibliography(use)
        node = citekit_bibliography("", docname=use.docname, serial=serial)
        self.set_source_info(node)
        return [node]
