"""citekit as an engine for the CSL test-suite runner (`run_suite.py --engine csl_engine:render`).

It drives citekit's public API only (`Style.load` on the fixture's XML, `Record.from_csl`,
`Formatter` with HTML output and no links) and mirrors the runner's own citeproc-py engine:
which items are registered (and in what order, which fixes citation numbers), how
CITATION-ITEMS and the CITATIONS word-processor replay are cited, and how a bibliography
is wrapped. Run it with `PYTHONPATH=tests/conformance:.` from the project root.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from citekit import Cite, Formatter, Record, Style

name = "citekit"
version = "dev"
supported_modes = ("citation", "bibliography")

_BIB_START = '<div class="csl-bib-body">'
_ENTRY = '  <div class="csl-entry">{}</div>'


def _ids(fixture: Any) -> list[str]:
    return [str(item.get("id", index)) for index, item in enumerate(fixture.input)]


def _records(fixture: Any, order: Sequence[str]) -> list[Record]:
    """The fixture's items in registration order (the order fixes citation numbers)."""
    by_id: dict[str, dict[str, Any]] = {}
    for item_id, raw in zip(_ids(fixture), fixture.input, strict=True):
        item = dict(raw, id=item_id)
        if not item.get("type"):
            item["type"] = "book"
        by_id.setdefault(item_id, item)
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


def _formatter(fixture: Any, order: Sequence[str]) -> Formatter:
    return Formatter(_records(fixture, order), Style.load(fixture.csl), "html", links=False, strip=False)


def _bibliography(fixture: Any, formatter: Formatter) -> str:
    raw = {item_id: item for item_id, item in zip(_ids(fixture), fixture.input, strict=True)}
    chosen = [
        entry for entry in formatter.bibliography() if _keeps(raw.get(entry.id, {}), fixture.bibsection)
    ]
    return "\n".join([_BIB_START, *(_ENTRY.format(_block_lines(e.text)) for e in chosen), "</div>"])


def _block_lines(entry: str) -> str:
    """citeproc-js puts an entry made of display blocks on lines of its own."""
    if not entry.startswith("<div"):
        return entry
    blocks = entry.replace("</div><div", "</div>\n    <div").replace(
        '</div>\n    <div class="csl-right-inline"', '</div><div class="csl-right-inline"'
    )
    return f"\n    {blocks}\n  "


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


def _updates(fixture: Any) -> Iterator[tuple[list[str], dict[str, dict[str, Any]], str]]:
    """The CITATIONS replay: (citation ids in document order, citations by id, the one just edited)."""
    by_id: dict[str, dict[str, Any]] = {}
    for step, (citation, before, after) in enumerate(fixture.citations or []):
        cid = str(citation.get("citationID", f"CITATION-{step}"))
        by_id[cid] = citation
        order = [str(ref[0]) for ref in before] + [cid] + [str(ref[0]) for ref in after]
        by_id = {key: value for key, value in by_id.items() if key in order}
        yield order, by_id, cid


def _cited_ids(citations: Sequence[Sequence[dict[str, Any]]]) -> list[str]:
    return [str(item["id"]) for citation in citations for item in citation]


def _document(fixture: Any, citations: list[list[dict[str, Any]]]) -> tuple[Formatter, list[str]]:
    formatter = _formatter(fixture, _cited_ids(citations))
    return formatter, [formatter.cite([_cite(i) for i in c]) for c in citations]


def _replay(fixture: Any) -> str:
    previous: dict[str, str] = {}
    lines: list[str] = []
    for order, by_id, current in _updates(fixture):
        _, texts = _document(fixture, [by_id[cid]["citationItems"] for cid in order])
        rendered = dict(zip(order, texts, strict=True))
        lines = [
            f"{'>>' if cid == current or previous.get(cid) != rendered[cid] else '..'}[{n}] {rendered[cid]}"
            for n, cid in enumerate(order)
        ]
        previous = rendered
    return "\n".join(lines)


def render(fixture: Any) -> str:
    base_mode = fixture.mode.split("-", 1)[0]
    if fixture.citations:
        if base_mode == "citation":
            return _replay(fixture)
        order, by_id, _ = list(_updates(fixture))[-1]
        formatter, _ = _document(fixture, [by_id[cid]["citationItems"] for cid in order])
        return _bibliography(fixture, formatter)
    registered = [str(i) for i in fixture.bibentries[-1]] if fixture.bibentries else _ids(fixture)
    citations = fixture.citation_items or []
    formatter = _formatter(fixture, registered + _cited_ids(citations))
    if base_mode == "bibliography":
        return _bibliography(fixture, formatter)
    if not citations:
        return formatter.cite([entry.id for entry in _all_registered(formatter)])
    return "\n".join(formatter.cite([_cite(i) for i in c]) for c in citations)


def _all_registered(formatter: Formatter) -> list[Cite]:
    return [Cite(record.key) for record in formatter.records]
