"""Rendering again after a few entries changed (issue 10): only what they can touch.

A writer fixes a typo in one entry of a 2,000-entry file; rendering every citation and the
whole bibliography again would cost as much as a clean build. When nothing but the records
changed (same keys in the same order, the same pages citing the same keys, the same lists
and settings), an entry's edit can only change

- its own citations and entries, and
- those of the records it can be confused with: disambiguation (added names, year
  suffixes, given names "by cite") only ever works among citations that print alike, so
  among records with the same first name and year as the old or the new version of an
  edited record; when the edit changed given names, the global given-name rules can touch
  every record sharing a family name with it; and the records cited together with any of
  these.

That group is rendered by a `Renderer` of its own (one Formatter over the group, in the
build's order, so numbering-free disambiguation comes out as over the whole build) and put
in place of the old texts; the group's unedited entries keep their places in the lists and
each edited one goes where the style sorts it, found by comparing it with the others two at
a time. Everything else is the previous
rendering's. Whatever could break that reasoning (a label style, filters, lists in other
styles or numbered, `:cite:label:`, a subsequent-author-substitute, many edits, a big group)
renders everything, as a clean build does.

A numeric style's citations print numbers, which need no disambiguation (its narrative
forms take the names from the record): what an edit can change is its record's own
citations and entries, and the numbers. Those follow the bibliography's order, which is
the order of first citation (unchanged when only records changed) or the style's sort; then
the edited records leave the old order (kept from the last build) and are placed again by
the same pairwise comparison, and every record whose number moved is rendered again with
them, by the whole build's Formatter (so the numbers are the build's). Note styles have
their own path (`_incremental_notes`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING

import attrs
from lxml import etree

import citekit

from ._config import Settings
from ._model import BibliographyUse, CitationUse, RenderedEntry, Rendering
from ._select import Selection

if TYPE_CHECKING:
    from ._render import Renderer

MAX_CHANGED = 20  # edits beyond this are a new bibliography: render everything
MAX_GROUP = 200  # a group this big costs as much as the whole build
# :cite:label: gives pybtex labels, whose letters (Knu84a) count over every record
GLOBAL_MODES = frozenset({"label", "labelpar"})


def digests(records: Mapping[str, citekit.Record]) -> dict[str, str]:
    """key -> a digest of the record, in file order: what tells an edited record."""
    return {key: hashlib.sha256(repr(record).encode()).hexdigest()[:16] for key, record in records.items()}


def tokens(record: citekit.Record) -> frozenset[str]:
    """What decides which records a citation of this one can be confused with:

    - `cite:FAMILY|YEAR` for the first name of each name variable (a title when it has
      none): citations that print alike (the ones disambiguation works among) share one;
    - `first:FAMILY` and `any:FAMILY`: the records a change of given names can touch (the
      global given-name rules look at first names, or at every name);
    - `given:FAMILY|GIVEN` for every name: whether the given names changed at all."""
    date = record.date("issued")
    year = str(date.year) if date is not None and date.year is not None else ""
    found: set[str] = set()
    for value in record.fields.values():
        if not (isinstance(value, tuple) and value and all(isinstance(v, citekit.Name) for v in value)):
            continue
        for position, name in enumerate(value):
            family = (name.family or name.literal or "").casefold()
            if not position:
                found.update((f"cite:{family}|{year}", f"first:{family}"))
            found.update((f"any:{family}", f"given:{family}|{(name.given or '').casefold()}"))
    if not found:
        found.add(f"cite:{' '.join((record.text('title') or record.key).split()).casefold()}|{year}")
    return frozenset(found)


def eligible(
    settings: Settings,
    style: citekit.Style,
    uses: list[CitationUse],
    bibliographies: list[BibliographyUse],
) -> bool:
    """Whether the group reasoning above holds for this build's style, citations and lists."""
    return style.citation_format == "author-date" and _plain(settings, style, uses, bibliographies)


def _plain(
    settings: Settings,
    style: citekit.Style,
    uses: list[CitationUse],
    bibliographies: list[BibliographyUse],
) -> bool:
    """No labels, footnotes or pybtex label forms; every list a plain one in the build's style."""
    if settings.labels or b"subsequent-author-substitute" in style.xml:
        return False  # (an entry's text would depend on the entry before it)
    if any(use.note or use.foot or use.mode in GLOBAL_MODES for use in uses):
        return False
    return plain_lists(bibliographies)


def plain_lists(bibliographies: list[BibliographyUse]) -> bool:
    """Every list a plain one in the build's style: no filter, numbering, labels or prefixes."""
    return all(
        not b.style and not b.filter and b.list == "citation" and not b.labelprefix and not b.keyprefix
        for b in bibliographies
    )


def edited(previous: Rendering, current: Mapping[str, str]) -> set[str] | None:
    """The records whose entries changed since `previous`, when a few did and none was added,
    removed or moved (which may change numbering and selection); else None: render everything."""
    if list(previous.digests) != list(current):
        return None
    changed = {key for key, digest in current.items() if previous.digests[key] != digest}
    return changed if changed and len(changed) <= MAX_CHANGED else None


@attrs.frozen
class Plan:
    """The records to render again and the citations that cite them."""

    changed: frozenset[str]
    group: frozenset[str]
    uses: tuple[CitationUse, ...]


def plan(
    previous: Rendering,
    current: dict[str, str],
    current_tokens: Mapping[str, frozenset[str]],
    selection: Selection,
    uses: list[CitationUse],
) -> Plan | None:
    """What to render again, or None when everything must be."""
    changed = edited(previous, current)
    if changed is None or not changed <= set(previous.tokens):
        return None
    index: dict[str, set[str]] = {}
    for key, found in current_tokens.items():
        for token in found:
            index.setdefault(token, set()).add(key)
    wanted: set[str] = set()
    for key in changed:
        both = current_tokens[key] | previous.tokens[key]
        wanted.update(token for token in both if token.startswith("cite:"))
        if {t for t in current_tokens[key] if t.startswith("given:")} != {
            t for t in previous.tokens[key] if t.startswith("given:")
        }:
            wanted.update(token for token in both if token.startswith(("first:", "any:")))
    group = set(changed)
    for token in wanted:
        group |= index.get(token, set())
    while True:  # records cited together with the group are rendered with it
        affected = [u for u in uses if any(selection.record_key(c.id) in group for c in u.cites)]
        more = {k for u in affected for c in u.cites if (k := selection.record_key(c.id)) is not None}
        if more <= group:
            break
        group |= more
    if len(group) > MAX_GROUP:
        return None
    return Plan(frozenset(changed), frozenset(group), tuple(affected))


def merge(
    previous: Rendering,
    partial: Rendering,
    plan: Plan,
    before: Callable[[str, str], bool],
) -> Rendering | None:
    """The previous rendering with the group's citations and entries replaced; None when a
    list's membership or an anchor came out otherwise (then everything is rendered).

    An entry's place in a list depends on its own sort keys only (numbers and year
    suffixes, which depend on the others, are not sort keys in the styles this runs for):
    the group's unedited entries keep theirs, the edited ones are placed again."""
    citations = {**previous.citations, **partial.citations}
    bibliographies: dict[tuple[str, int], tuple[RenderedEntry, ...]] = {}
    for where, old in previous.bibliographies.items():
        new = {entry.key: entry for entry in partial.bibliographies.get(where, ())}
        replaced = {entry.key: entry.anchor for entry in old if entry.key in plan.group}
        if replaced != {key: entry.anchor for key, entry in new.items()}:
            return None
        kept = [new.get(entry.key, entry) for entry in old if entry.key not in plan.changed]
        moved = [entry for key, entry in new.items() if key in plan.changed]
        bibliographies[where] = tuple(_insert(kept, moved, before))
    # (the hover texts are the numeric and note paths' record: none of them reads it here)
    return attrs.evolve(previous, citations=citations, bibliographies=bibliographies, hover={})


def _insert(
    kept: list[RenderedEntry], new: list[RenderedEntry], before: Callable[[str, str], bool]
) -> Iterable[RenderedEntry]:
    """The new entries (in their own sorted order) put among the kept ones by binary search."""
    places: list[int] = []
    low_bound = 0
    for entry in new:
        low, high = low_bound, len(kept)
        while low < high:
            middle = (low + high) // 2
            if before(entry.key, kept[middle].key):
                high = middle
            else:
                low = middle + 1
        places.append(low)
        low_bound = low
    at = 0
    for entry, place in zip(new, places, strict=True):
        yield from kept[at:place]
        at = place
        yield entry
    yield from kept[at:]


# --- numeric styles --------------------------------------------------------------------

_CSL = "{http://purl.org/net/xbiblio/csl}"


def numeric(
    settings: Settings,
    style: citekit.Style,
    uses: list[CitationUse],
    bibliographies: list[BibliographyUse],
    lists: list[list[str]],
    cited: list[str],
) -> bool:
    """Whether renumbering (above) holds: a numeric style, plain lists of cited records only
    (so what the build numbers is what it cites)."""
    if style.citation_format != "numeric" or not _plain(settings, style, uses, bibliographies):
        return False
    return only_cited(lists, cited)


def only_cited(lists: list[list[str]], cited: list[str]) -> bool:
    """Whether every list holds cited records only (what the build numbers is what it cites)."""
    shown = set(cited)
    return all(set(keys) <= shown for keys in lists)


def sort_keys(style: citekit.Style) -> list[str] | None:
    """The variables and macros (`macro:NAME`) the bibliography sorts by; None: no bibliography."""
    bibliography = etree.fromstring(style.xml).find(f"{_CSL}bibliography")
    if bibliography is None:
        return None
    return [
        key.get("variable") or f"macro:{key.get('macro')}"
        for key in bibliography.iterfind(f"{_CSL}sort/{_CSL}key")
    ]


@attrs.frozen
class Renumbering:
    """The cited records in their new numbering order, those to render again (edited or
    moved) and the citations that cite them."""

    order: tuple[str, ...]
    touched: frozenset[str]
    uses: tuple[CitationUse, ...]

    @property
    def numbered(self) -> tuple[str, ...]:
        """The records up to the last one these citations cite, in the new order: a
        Formatter over only these numbers them as the whole build does."""
        cited = {c.id for use in self.uses for c in use.cites}
        last = max((index for index, key in enumerate(self.order) if key in cited), default=-1)
        return self.order[: last + 1]


def renumber(
    previous: Rendering,
    current: dict[str, str],
    selection: Selection,
    uses: list[CitationUse],
    keys: list[str] | None,
    before: Callable[[str, str], bool],
) -> Renumbering | None:
    """What to render again in a numeric style, or None when everything must be (the
    citations it names cite records by their keys: no :keyprefix: here)."""
    changed = edited(previous, current)
    if changed is None or keys is None or "citation-number" in keys:
        return None
    old = list(previous.hover)
    if old != list(dict.fromkeys(old)):
        return None
    if set(old) != set(selection.cited) or (not keys and old != selection.cited):
        return None  # not the numbering this reasoning knows
    new = reorder(old, changed, selection.cited, before) if keys else list(old)
    was = {key: index for index, key in enumerate(old)}
    touched = (changed & set(old)) | {key for index, key in enumerate(new) if was[key] != index}
    if len(touched) > MAX_GROUP and 2 * len(touched) > len(old):
        return None  # about as much as the whole build
    affected = tuple(u for u in uses if any(selection.record_key(c.id) in touched for c in u.cites))
    return Renumbering(tuple(new), frozenset(touched), affected)


def reorder(
    old: list[str], changed: set[str], cited: list[str], before: Callable[[str, str], bool]
) -> list[str]:
    """The cited records in the style's order after an edit: the edited ones placed again."""
    new = [key for key in old if key not in changed]
    for key in (k for k in cited if k in changed):
        new.insert(_place(key, new, before), key)
    return new


def _place(key: str, keys: list[str], before: Callable[[str, str], bool]) -> int:
    """Where `key` goes among the sorted `keys` (binary search)."""
    low, high = 0, len(keys)
    while low < high:
        middle = (low + high) // 2
        if before(key, keys[middle]):
            high = middle
        else:
            low = middle + 1
    return low


def renumbered(
    previous: Rendering,
    plan: Renumbering,
    renderer: Renderer,
    bibliographies: list[BibliographyUse],
) -> Rendering | None:
    """The previous rendering with the touched records' citations and entries rendered
    again by `renderer` (the whole build's), and every list in the new order; None when a
    list came out otherwise than the reasoning expects (then everything is rendered)."""
    main = renderer.main
    if main is None:
        return None
    select = renderer.selection.record_key
    wanted = {key for use in plan.uses for c in use.cites if (key := select(c.id)) is not None}
    renderer.hover = renderer.entries(main, [key for key in plan.order if key in wanted], None)
    targets: dict[str, list[tuple[BibliographyUse, dict[str, str]]]] = {}
    for use in bibliographies:
        old = previous.bibliographies.get((use.docname, use.serial))
        if old is None:
            return None
        targets.setdefault(use.docname, []).append((use, {entry.key: entry.anchor for entry in old}))
    citations = dict(previous.citations)
    for cite_use in plan.uses:
        citations[cite_use.docname, cite_use.serial] = renderer.citation(cite_use, targets)
    rank = {key: index for index, key in enumerate(plan.order)}
    lists: dict[tuple[str, int], tuple[RenderedEntry, ...]] = {}
    for use in bibliographies:
        old = previous.bibliographies[use.docname, use.serial]
        again = [entry.key for entry in old if entry.key in plan.touched]
        texts = renderer.entries(main, again, (use.docname, use.line)) if again else {}
        if len(texts) != len(again) or any(entry.key not in rank for entry in old):
            return None
        entries = [
            attrs.evolve(entry, text=texts[entry.key]) if entry.key in texts else entry for entry in old
        ]
        lists[use.docname, use.serial] = tuple(sorted(entries, key=lambda entry: rank[entry.key]))
    hover = {key: renderer.hover.get(key, previous.hover[key]) for key in plan.order}
    return attrs.evolve(previous, citations=citations, bibliographies=lists, hover=hover)
