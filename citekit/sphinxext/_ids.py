"""sphinxcontrib-bibtex's id templates: `bibtex_cite_id` (an entry's anchor),
`bibtex_bibliography_id` (a list's), `bibtex_footcite_id` (a footnote's name) and
`bibtex_footbibliography_id` (a footbibliography's anchor). Each is a Python format string
over `{key}`, `{bibliography_count}` and `{footbibliography_count}` (the list's place among
the page's lists of its kind, from 1), made an HTML id as docutils makes one. Unset, citekit's
own stable anchors are used."""

from __future__ import annotations

from collections.abc import Iterable

from docutils.nodes import make_id

from ._model import BibliographyUse

FOOTBIBLIOGRAPHIES = "citekit_footbibliography_count"  # env.temp_data key: a page's count so far


class TemplateError(ValueError):
    """A template naming a field it is not given, or making an empty id."""


def template_id(option: str, template: str | None, **values: object) -> str | None:
    """The id `template` makes from `values`; None when the template is unset."""
    if not template:
        return None
    try:
        made = make_id(template.format(**values))
    except (KeyError, IndexError, ValueError, AttributeError) as exc:
        fields = ", ".join("{" + name + "}" for name in values)
        raise TemplateError(f"{option} {template!r}: {exc!r}; it may use {fields}") from None
    if not made:
        raise TemplateError(f"{option} {template!r} makes an empty id")
    return made


def list_counts(bibliographies: Iterable[BibliographyUse]) -> dict[tuple[str, int], int]:
    """(page, serial) of each bibliography list -> its place among its page's lists, from 1
    (as sphinxcontrib-bibtex counts `bibliography_count`)."""
    counts: dict[tuple[str, int], int] = {}
    seen: dict[str, int] = {}
    for use in sorted((u for u in bibliographies if not u.foot), key=lambda u: (u.docname, u.serial)):
        seen[use.docname] = seen.get(use.docname, 0) + 1
        counts[use.docname, use.serial] = seen[use.docname]
    return counts
