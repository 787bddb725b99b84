"""citekit as an engine for the CSL test-suite runner (`run_suite.py --engine csl_engine:render`).

It drives citekit's public API only (`Style.load` on the fixture's XML, `Record.from_csl`,
`Document` with HTML output and no links) and mirrors the runner's own citeproc-py engine:
which items are registered (and in what order, which fixes citation numbers), how
CITATION-ITEMS are cited (one Document, citation after citation) and how a bibliography is
wrapped. The CITATIONS word-processor replay is played into one Document through its
`insert`, `edit` and `remove`, with each citation's note number, as a word processor does.
Run it with `PYTHONPATH=tests/conformance:.` from the project root.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from citekit import Cite, Document, Record, Style

name = "citekit"
version = "dev"
supported_modes = ("citation", "bibliography")

_BIB_START = '<div class="csl-bib-body">'
_ENTRY = '  <div class="csl-entry">{}</div>'


def _ids(fixture: Any) -> list[str]:
    return [str(item.get("id", index)) for index, item in enumerate(fixture.input)]


def _registered(fixture: Any) -> list[str]:
    """The fixture's ids, each once (the reference harness registers an id once)."""
    return list(dict.fromkeys(_ids(fixture)))


def _records(fixture: Any, order: Sequence[str]) -> list[Record]:
    """The fixture's items in registration order (the order fixes citation numbers); of two
    items with one id the later one, as the reference harness keys its items by id."""
    by_id: dict[str, dict[str, Any]] = {}
    for item_id, raw in zip(_ids(fixture), fixture.input, strict=True):
        item = dict(raw, id=item_id)
        if not item.get("type"):
            item["type"] = "book"
        by_id[item_id] = item
    return [Record.from_csl(by_id[i]) for i in dict.fromkeys(order) if i in by_id]


def _cite(data: dict[str, Any]) -> Cite:
    locator = data.get("locator")
    return Cite(
        str(data["id"]),
        locator=None if locator in (None, "") else str(locator),
        label=data.get("label"),
        prefix=data.get("prefix"),
        suffix=data.get("suffix"),
    )


def _document(fixture: Any, order: Sequence[str], uncited: Sequence[str] = ()) -> Document:
    return Document(
        _records(fixture, order), Style.load(fixture.csl), "html", links=False, strip=False, uncited=uncited
    )


def _bibliography(fixture: Any, document: Document) -> str:
    raw = {item_id: item for item_id, item in zip(_ids(fixture), fixture.input, strict=True)}
    chosen = [entry for entry in document.bibliography() if _keeps(raw.get(entry.id, {}), fixture.bibsection)]
    return "\n".join([_BIB_START, *(_ENTRY.format(e.text) for e in chosen), "</div>"])


def _keeps(item: dict[str, Any], spec: dict[str, Any] | None) -> bool:
    """The fixture format's BIBSECTION filter (select / include / exclude, then quash)."""
    if not spec:
        return True

    def matches(cond: dict[str, Any]) -> bool:
        value = item.get(cond["field"])
        if cond["value"] == "":
            return value in (None, "", [])
        if isinstance(value, list):
            return cond["value"] in value
        return bool(value == cond["value"])

    keep = True
    if "select" in spec:
        keep = all(matches(c) for c in spec["select"])
    elif "include" in spec:
        keep = any(matches(c) for c in spec["include"])
    elif "exclude" in spec:
        keep = not any(matches(c) for c in spec["exclude"])
    if keep and spec.get("quash"):
        keep = not all(matches(c) for c in spec["quash"])
    return keep


def _updates(fixture: Any) -> Iterator[tuple[list[tuple[str, int]], dict[str, dict[str, Any]], str]]:
    """The CITATIONS replay: ((citation id, note) in document order, citations by id, the one
    just edited)."""
    by_id: dict[str, dict[str, Any]] = {}
    for step, (citation, before, after) in enumerate(fixture.citations or []):
        cid = str(citation.get("citationID", f"CITATION-{step}"))
        by_id[cid] = citation
        note = int(citation.get("properties", {}).get("noteIndex") or 0)
        order = [(str(r[0]), int(r[1]) if len(r) > 1 else 0) for r in before]
        order += [(cid, note)] + [(str(r[0]), int(r[1]) if len(r) > 1 else 0) for r in after]
        by_id = {key: value for key, value in by_id.items() if key in dict(order)}
        yield order, by_id, cid


def _cites(citation: dict[str, Any]) -> list[Cite]:
    return [_cite(i) for i in citation["citationItems"]]


def _replay(fixture: Any) -> tuple[Document, str]:
    """Each update of the fixture into one Document: citations no longer in the document are
    removed, the new one inserted (or the edited one edited) in place, renumbered notes edited."""
    cited = [str(i["id"]) for c, _, _ in fixture.citations for i in c["citationItems"]]
    document = _document(fixture, cited)
    ours: dict[str, str] = {}  # fixture citation id -> Document citation id
    notes: dict[str, int] = {}
    previous: dict[str, str] = {}
    lines: list[str] = []
    backrefs = "first-reference-note-number" in fixture.csl or "citation-number" in fixture.csl
    for order, by_id, current in _updates(fixture):
        # citeproc-js also reports a citation whose note was renumbered when the style prints
        # first-reference-note-number or citation-number (it re-renders what the registry
        # numbers, even when the text comes out the same)
        renumbered = {cid for cid, note in order if cid in notes and notes[cid] != note and backrefs}
        wanted = dict(order)
        for cid in [c for c in ours if c not in wanted]:
            document.remove(ours.pop(cid))
        for index, (cid, note) in enumerate(order):
            if cid == current and cid in ours:
                document.edit(ours[cid], _cites(by_id[cid]), note=note or None)
            elif cid == current:
                document.insert(index, _cites(by_id[cid]), note=note or None)
                ours[cid] = document.citations[index].id
            elif notes.get(cid) != note and cid in ours:
                document.edit(ours[cid], _cites(by_id[cid]), note=note or None)
            notes[cid] = note
        texts = {c.id: c.text for c in document.citations}
        rendered = {cid: texts[ours[cid]] for cid, _ in order}
        lines = [
            f"{'>>' if cid in renumbered | {current} or previous.get(cid) != rendered[cid] else '..'}"
            f"[{n}] {rendered[cid]}"
            for n, (cid, _) in enumerate(order)
        ]
        previous = rendered
    return document, "\n".join(lines)


def render(fixture: Any) -> str:
    """The fixture's output; the suite's fixtures date from a citeproc-js that marked a cite with
    no printed form `[CSL STYLE ERROR: reference with no printed form.]`, where a Document (as
    citeproc-js's processCitationCluster now) prints `[NO_PRINTED_FORM]`."""
    return _render(fixture).replace("[NO_PRINTED_FORM]", "[CSL STYLE ERROR: reference with no printed form.]")


def _render(fixture: Any) -> str:
    base_mode = fixture.mode.split("-", 1)[0]
    if fixture.citations:
        document, text = _replay(fixture)
        return text if base_mode == "citation" else _bibliography(fixture, document)
    registered = [str(i) for i in fixture.bibentries[-1]] if fixture.bibentries else _registered(fixture)
    registered = [i for i in registered if i in _ids(fixture)]
    citations = fixture.citation_items or []
    document = _document(fixture, registered + _cited_ids(citations), uncited=registered)
    if base_mode == "bibliography":
        for citation in citations:
            document.cite([_cite(i) for i in citation])
        return _bibliography(fixture, document)
    if not citations:
        # one citation of every registered item, in the bibliography's order (the suite's rule)
        ids = [entry.id for entry in document.bibliography()] or registered
        return document.cite(ids).text
    return "\n".join(document.cite([_cite(i) for i in c]).text for c in citations)


def _cited_ids(citations: Sequence[Sequence[dict[str, Any]]]) -> list[str]:
    return [str(item["id"]) for citation in citations for item in citation]
