"""citekit's Sphinx extension: `extensions = ["citekit.sphinxext"]`.

Roles `:cite:`, `:cite:p:`, `:cite:t:`; the `bibliography` directive; configuration values
named `citekit_*`. A client of citekit's public API: every citation and entry is rendered by
`citekit.Formatter`. See the documentation's Sphinx page for the syntax.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import _config
from ._directive import BibliographyDirective
from ._domain import CiteDomain
from ._nodes import SHOW_CHILDREN, citekit_bibliography, citekit_citation
from ._render import on_env_updated
from ._roles import CiteRole
from ._transforms import PlaceNotes, resolve_citations

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ["setup"]

ENV_VERSION = 1


def setup(app: Sphinx) -> dict[str, Any]:
    _config.register(app)
    for node in (citekit_citation, citekit_bibliography):
        app.add_node(
            node,
            html=SHOW_CHILDREN,
            latex=SHOW_CHILDREN,
            text=SHOW_CHILDREN,
            man=SHOW_CHILDREN,
            texinfo=SHOW_CHILDREN,
        )
    app.add_domain(CiteDomain)
    app.add_role("cite", CiteRole())
    app.add_directive("bibliography", BibliographyDirective)
    app.add_transform(PlaceNotes)
    app.connect("env-updated", on_env_updated)
    app.connect("doctree-resolved", resolve_citations)
    return {
        "version": "1",
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
