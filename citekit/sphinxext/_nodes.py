"""The placeholder nodes the roles and the directive leave in a doctree. Their text is
only known once every document has been read (numbering and disambiguation span the
build), so the post-transform in `_transforms` replaces them when a page is written."""

from __future__ import annotations

from docutils import nodes

# docutils names node classes in lower case; these follow it


class citekit_citation(nodes.Inline, nodes.Element):
    """One citation: `docname` and `serial` find its rendered text."""


class citekit_bibliography(nodes.General, nodes.Element):
    """One bibliography directive: `docname` and `serial` find its rendered entries."""


class citekit_footnotes(nodes.General, nodes.Element):
    """A footbibliography directive: the page's citation footnotes are moved here."""


def _visit(translator: nodes.NodeVisitor, node: nodes.Element) -> None:
    """A placeholder that reaches a writer (a copy of a section title in a table of
    contents is written without being resolved) shows its citation as plain text, never
    its children (the cited keys, which a reader must not see)."""
    from ._render import OUTPUTS, plain  # the render step imports this module

    builder = getattr(translator, "builder", None)
    env = getattr(builder, "env", None)
    rendering = env.get_domain("cite").data.get("rendering") if env is not None else None
    rendered = rendering.citations.get((node.get("docname"), node.get("serial"))) if rendering else None
    if rendered is None:
        raise nodes.SkipNode
    output = OUTPUTS.get(getattr(builder, "format", ""), "text")
    node[:] = [
        nodes.Text("".join(plain(part.text, output) if part.markup else part.text for part in rendered.parts))
    ]


def _depart(translator: nodes.NodeVisitor, node: nodes.Element) -> None:
    pass


HIDDEN = (_visit, _depart)
