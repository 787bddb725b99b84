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


def _visit(translator: nodes.NodeVisitor, node: nodes.Element) -> None:
    """A placeholder that reaches a writer (a copy of a section title in a table of
    contents is written without being resolved) shows its children: the cited keys."""


SHOW_CHILDREN = (_visit, _visit)
