"""citekit's Sphinx extension: `extensions = ["citekit.sphinxext"]`.

Every role, directive, option and configuration value of sphinxcontrib-bibtex 2.x
(`:cite:p:`, `:cite:t:`, `:footcite:`, `bibliography`, `footbibliography`, `bibtex_*`) with
the meaning its documentation gives, and citekit's own (`citekit_*`, `:scope:`, `:keys:`).
A client of citekit's public API: every citation and entry is rendered by
`citekit.Formatter`. See the documentation's Sphinx page for the syntax.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import _config
from ._build import on_env_updated
from ._directive import BibliographyDirective, FootBibliographyDirective
from ._domain import CiteDomain, FootCiteDomain
from ._nodes import HIDDEN, citekit_bibliography, citekit_citation, citekit_footnotes
from ._roles import CiteRole
from ._transforms import PlaceNotes, resolve_citations

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ["setup"]

ENV_VERSION = 4


def setup(app: Sphinx) -> dict[str, Any]:
    _config.register(app)
    for node in (citekit_citation, citekit_bibliography, citekit_footnotes):
        app.add_node(
            node,
            html=HIDDEN,
            latex=HIDDEN,
            text=HIDDEN,
            man=HIDDEN,
            texinfo=HIDDEN,
        )
    app.add_domain(CiteDomain)
    app.add_domain(FootCiteDomain)
    app.add_role("cite", CiteRole())
    app.add_role("footcite", CiteRole(foot=True))
    app.add_directive("bibliography", BibliographyDirective)
    app.add_directive("footbibliography", FootBibliographyDirective)
    app.add_transform(PlaceNotes)
    app.connect("env-updated", on_env_updated)
    app.connect("doctree-resolved", resolve_citations)
    return {
        "version": "1",
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
