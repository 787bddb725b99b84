"""Rendering again after an edit in a note style (issue 10; see `_incremental`).

A page's notes are one `citekit.Document`, which positions (ibid., short forms) and
disambiguates among the records cited on that page only: an edited record changes the
notes of the pages that cite it (each such page's notes are cited again, all of them, as
positions need them) and no other page's. Of the entries, it changes its own and, in a
style that writes a subsequent-author-substitute (———), the one after it where it was and
where it goes; the hover texts of links are entries of the list of everything cited, so
they change alike. Citations that stay in the text (:cite:year:, :cite:author:) come from
the Formatter of the whole build, which tells records apart across pages: when one cites a
record sharing a family name with an edited one (or the edited record has no names, so its
short form is its title), everything is rendered.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

import attrs

import citekit

from ._config import Settings
from ._incremental import GLOBAL_MODES, edited, only_cited, plain_lists, reorder, sort_keys
from ._model import BibliographyUse, CitationUse, RenderedCitation, Rendering
from ._select import Selection

if TYPE_CHECKING:
    from ._render import Renderer

Where = tuple[str, int]
Job = tuple[str | None, str]  # (the entry before it, the entry)


def eligible(
    settings: Settings,
    style: citekit.Style,
    uses: list[CitationUse],
    bibliographies: list[BibliographyUse],
    lists: list[list[str]],
    cited: list[str],
) -> bool:
    """A note style, no :footcite: or pybtex labels, plain lists of cited records only."""
    if style.citation_format != "note" or settings.labels or not plain_lists(bibliographies):
        return False
    if any(use.foot or use.mode in GLOBAL_MODES for use in uses):
        return False
    return only_cited(lists, cited)


@attrs.frozen
class Plan:
    """The cited records in their new order, the notes to cite again (every note of the
    pages citing an edited record), the entries to render again with the entry before
    each, the records whose hover text changes, and each list's new order and entries to
    render again."""

    order: tuple[str, ...]
    uses: tuple[CitationUse, ...]
    jobs: tuple[Job, ...]
    hover: frozenset[str]
    lists: dict[Where, tuple[tuple[str, ...], frozenset[str]]]


def _families(found: frozenset[str]) -> set[str]:
    return {token[4:] for token in found if token.startswith("any:")}


def plan(
    previous: Rendering,
    current: dict[str, str],
    current_tokens: Mapping[str, frozenset[str]],
    selection: Selection,
    uses: list[CitationUse],
    style: citekit.Style,
    before: Callable[[str, str], bool],
) -> Plan | None:
    """What to render again, or None when everything must be."""
    changed = edited(previous, current)
    if changed is None or not changed <= set(previous.tokens):
        return None
    families: set[str] = set()
    for key in changed:
        old, new = _families(previous.tokens[key]), _families(current_tokens[key])
        if not old or not new:
            return None  # no names: its short form is its title
        families |= old | new
    for use in uses:
        if use.note or use.mode == "empty":
            continue
        for cite in use.cites:
            cited = selection.record_key(cite.id)
            if cited is not None and (cited in changed or _families(current_tokens[cited]) & families):
                return None
    old_order = list(previous.hover)
    if len(old_order) != len(selection.cited) or set(old_order) != set(selection.cited):
        return None  # not the list this reasoning knows
    keys = sort_keys(style)
    if keys is None or (not keys and old_order != selection.cited):
        return None
    new_order = reorder(old_order, changed & set(old_order), selection.cited, before) if keys else old_order
    neighbours = b"subsequent-author-substitute" in style.xml
    jobs: dict[Job, None] = {}
    hover = _again(old_order, new_order, changed, neighbours)
    jobs.update(dict.fromkeys(_jobs(new_order, hover)))
    rank = {key: index for index, key in enumerate(new_order)}
    lists: dict[Where, tuple[tuple[str, ...], frozenset[str]]] = {}
    for where, entries in previous.bibliographies.items():
        old_keys = [entry.key for entry in entries]
        if any(key not in rank for key in old_keys):
            return None
        new_keys = sorted(old_keys, key=rank.__getitem__)
        again = _again(old_keys, new_keys, changed, neighbours)
        jobs.update(dict.fromkeys(_jobs(new_keys, again)))
        lists[where] = (tuple(new_keys), frozenset(again))
    pages = {
        u.docname for u in uses if u.note and any(selection.record_key(c.id) in changed for c in u.cites)
    }
    notes = tuple(u for u in uses if u.note and u.docname in pages)
    return Plan(tuple(new_order), notes, tuple(jobs), frozenset(hover), lists)


def _again(old: list[str], new: list[str], changed: set[str], neighbours: bool) -> set[str]:
    """The entries of a list to render again: the edited ones and, when an entry's text
    depends on the one before it, those after another entry than before or an edited one."""
    again = {key for key in new if key in changed}
    if neighbours:
        was_after = dict(zip(old[1:], old[:-1], strict=True))
        for after, key in zip([None, *new[:-1]], new, strict=True):
            if after != was_after.get(key) or after in changed:
                again.add(key)
    return again


def _jobs(keys: list[str], again: set[str]) -> list[Job]:
    return [(keys[index - 1] if index else None, key) for index, key in enumerate(keys) if key in again]


def render(
    previous: Rendering,
    plan: Plan,
    selection: Selection,
    build_order: list[str],
    make: Callable[[Selection, list[CitationUse]], Renderer],
    style: str,
    title: Callable[[str], str],
) -> Rendering | None:
    """The previous rendering with the plan's notes, entries and hover texts rendered
    again; None when an entry came out otherwise than the reasoning expects."""
    on_pages = {key for use in plan.uses for c in use.cites if (key := selection.record_key(c.id))}
    listed = {key for job in plan.jobs for key in job if key is not None}
    wanted = on_pages | listed
    records = {key: selection.records[key] for key in build_order if key in wanted}
    quiet = Selection(records, list(plan.uses), [], lambda *_: None, selection.files)
    renderer = make(quiet, list(plan.uses))
    texts: dict[Job, str] = {}
    if plan.jobs:
        formatter = renderer.formatter(style, None, tuple(key for key in records if key in listed))
        if formatter is None:
            return None
        for job in plan.jobs:
            pair = [key for key in job if key is not None]
            found = renderer.entries(formatter, pair, None)
            if list(found) != pair:
                return None
            texts[job] = found[job[1]]
    after = dict(zip(plan.order[1:], plan.order[:-1], strict=True))
    hover = {
        key: texts[after.get(key), key] if key in plan.hover else previous.hover[key] for key in plan.order
    }
    citations = dict(previous.citations)
    if plan.uses:
        partial = renderer.render("")
        for use in plan.uses:
            where = (use.docname, use.serial)
            links = {
                key: attrs.evolve(link, title=title(hover.get(key, "")))
                for key, link in previous.citations[where].links.items()
            }
            citations[where] = RenderedCitation(partial.citations[where].parts, links)
    redone = {(use.docname, use.serial) for use in plan.uses}
    for where, citation in previous.citations.items():
        if where not in redone and plan.hover & set(citation.links):
            links = {
                key: attrs.evolve(link, title=title(hover[key])) if key in plan.hover else link
                for key, link in citation.links.items()
            }
            citations[where] = attrs.evolve(citation, links=links)
    bibliographies = {}
    for where, entries in previous.bibliographies.items():
        keys, again = plan.lists[where]
        old = {entry.key: entry for entry in entries}
        before = dict(zip(keys[1:], keys[:-1], strict=True))
        bibliographies[where] = tuple(
            attrs.evolve(old[key], text=texts[before.get(key), key]) if key in again else old[key]
            for key in keys
        )
    return attrs.evolve(previous, citations=citations, bibliographies=bibliographies, hover=hover)
