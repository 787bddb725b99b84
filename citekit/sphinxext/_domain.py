"""The `cite` domain: it holds, per document, the citations and bibliographies read there,
clears them when a document is read again, and merges them from parallel readers. It also
gives the roles their `:cite:p:`, `:cite:t:`... names; `FootCiteDomain` gives
`:footcite:p:`, `:footcite:t:`... theirs."""

from __future__ import annotations

from collections.abc import Iterable, Set
from typing import TYPE_CHECKING, Any, ClassVar, cast

from sphinx.domains import Domain

from ._model import BibliographyUse, CitationUse, Rendering
from ._roles import FOOT_MODES, MODES, CiteRole

if TYPE_CHECKING:
    from docutils.nodes import Element, reference
    from sphinx.addnodes import pending_xref
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment


class CiteDomain(Domain):
    name = "cite"
    label = "Citations (citekit)"
    data_version = 1
    roles: ClassVar[dict[str, Any]] = {mode: CiteRole(mode) for mode in MODES if mode}
    initial_data: ClassVar[dict[str, Any]] = {
        "citations": {},  # docname -> [CitationUse], in reading order
        "bibliographies": {},  # docname -> [BibliographyUse]
        "rendering": None,  # Rendering of the last build
    }

    @property
    def citations(self) -> dict[str, list[CitationUse]]:
        result: dict[str, list[CitationUse]] = self.data["citations"]
        return result

    @property
    def bibliographies(self) -> dict[str, list[BibliographyUse]]:
        result: dict[str, list[BibliographyUse]] = self.data["bibliographies"]
        return result

    @property
    def rendering(self) -> Rendering | None:
        result: Rendering | None = self.data["rendering"]
        return result

    @rendering.setter
    def rendering(self, value: Rendering) -> None:
        self.data["rendering"] = value

    def add_citation(self, use: CitationUse) -> None:
        self.citations.setdefault(use.docname, []).append(use)

    def add_bibliography(self, use: BibliographyUse) -> None:
        self.bibliographies.setdefault(use.docname, []).append(use)

    def clear_doc(self, docname: str) -> None:
        self.citations.pop(docname, None)
        self.bibliographies.pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for docname in docnames:
            for key in ("citations", "bibliographies"):
                if docname in otherdata[key]:
                    self.data[key][docname] = otherdata[key][docname]

    def get_objects(self) -> Iterable[tuple[str, str, str, str, str, int]]:
        return ()

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> list[tuple[str, reference]]:
        """`:any:` naming a cite key links to its entry, shown as its citation (an inline
        holding the links; Sphinx puts whatever node it is given in place of the reference)."""
        from ._transforms import any_reference

        found = any_reference(builder, env, fromdocname, target)
        return [("cite:p", cast("reference", found))] if found is not None else []


class FootCiteDomain(Domain):
    """Only names: what a :footcite: cites is kept by the `cite` domain."""

    name = "footcite"
    label = "Footnote citations (citekit)"
    roles: ClassVar[dict[str, Any]] = {mode: CiteRole(mode, foot=True) for mode in FOOT_MODES if mode}

    def clear_doc(self, docname: str) -> None:
        pass

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        pass
