"""Rendering the oracle items (citeproc-js outputs in ../shared/oracle) through citekit.

Driven as ../shared/oracle/README.md says: every item of a file is registered, each is cited
alone in file order (position "first"), then the bibliography is made; each style in its own
default locale; no links. `compare` yields one `Check` per entry, output and kind.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import attrs

from citekit import Formatter, Record

ROOT = Path(__file__).resolve().parents[2]
ORACLE = ROOT.parent / "shared" / "oracle"
FILES = ("sample-1.json", "sample-2.json", "portal-record.json")
OUTPUTS = ("text", "html")
KINDS = ("bibliography", "citations")


@attrs.frozen
class Check:
    file: str
    style: str
    output: str
    kind: str  # bibliography | citations
    id: str
    expected: str
    actual: str

    @property
    def ok(self) -> bool:
        return self.expected == self.actual

    @property
    def key(self) -> str:
        """The line that names this check in the expected-mismatch list."""
        return f"{self.file} {self.style} {self.output} {self.kind} {self.id}"


@cache
def load(file: str) -> dict[str, Any]:
    with open(ORACLE / file, encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def _render(
    records: list[Record], style: str, output: str, csl_aliases: bool = True
) -> tuple[dict[str, str], dict[str, str]]:
    """(citations by id, bibliography by id); an exception is kept as the rendered text."""
    try:
        formatter = Formatter(records, style, output, links=False, csl_aliases=csl_aliases)
    except Exception as exc:
        failed = {r.key: f"!{type(exc).__name__}: {exc}" for r in records}
        return failed, failed
    citations: dict[str, str] = {}
    for record in records:
        try:
            citations[record.key] = formatter.cite([record.key])
        except Exception as exc:
            citations[record.key] = f"!{type(exc).__name__}: {exc}"
    try:
        bibliography = {entry.id: _normalise(entry.text, output) for entry in formatter.bibliography()}
    except Exception as exc:
        bibliography = {r.key: f"!{type(exc).__name__}: {exc}" for r in records}
    return citations, bibliography


def _normalise(text: str, output: str) -> str:
    """As the oracle was normalised: text entries lose trailing whitespace."""
    return text.rstrip() if output == "text" else text


def compare(file: str, styles: tuple[str, ...] | None = None, *, csl_aliases: bool = True) -> Iterator[Check]:
    data = load(file)
    records = [Record.from_csl(item) for item in data["items"]]
    for style, outputs in data["styles"].items():
        if styles is not None and style not in styles:
            continue
        for output in OUTPUTS:
            expected = outputs[output]
            citations, bibliography = _render(records, style, output, csl_aliases)
            for item_id, text in expected["citations"].items():
                yield Check(file, style, output, "citations", item_id, text, citations.get(item_id, ""))
            for item_id, text in expected["bibliography"].items():
                yield Check(file, style, output, "bibliography", item_id, text, bibliography.get(item_id, ""))


def read_list(path: Path) -> set[str]:
    """Keys of a mismatch list; `#` starts a comment."""
    if not path.exists():
        return set()
    lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return {line for line in lines if line}
