"""The breadth check: citekit against citeproc-js in styles drawn at random from the repository.

`reference.jsonl` holds what citeproc-js 2.4.63 printed (one style a line, after a header line):
the style id, the generated items (`breadth_items.generate(seed, count)`), and per output
(`text`, `html`) the bibliography entries and single citations by item id. citekit is driven as
the oracle was: every item registered, each cited alone (position "first"), then the
bibliography; the style's own default locale; no links; text with `strip=False` (citeproc-js
keeps the whitespace a style puts at the start: a display block's line break, a prefix
space), HTML with the default strip (its entries are stripped below). Outputs are normalised as in
../shared/oracle: text entries lose trailing whitespace, HTML entries lose citeproc-js's outer
`csl-entry` div, and `&#38; &#60; &#62;` are spelled `&amp; &lt; &gt;`.

`mismatches.jsonl` lists the checks known to differ, each with its reason and citekit's output
when it was listed, so a change in that output shows too.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs

from citekit import Formatter, Record
from citekit._styles import repository_dirs

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
REFERENCE = HERE / "reference.jsonl"
MISMATCHES = HERE / "mismatches.jsonl"
OUTPUTS = ("text", "html")
STYLE_SEED = 20261201  # the 100 styles of reference.jsonl, drawn with this seed
# The 16 styles citekit was developed against (../shared/oracle): never drawn.
DEVELOPMENT_STYLES = frozenset(
    [
        "apa",
        "harvard-cite-them-right",
        "ieee",
        "modern-language-association",
        "chicago-author-date",
        "chicago-notes-bibliography",
        "nature",
        "american-medical-association",
        "vancouver-nlm",
        "elsevier-vancouver",
        "elsevier-harvard",
        "springer-basic-author-date",
        "the-lancet",
        "cell",
        "plos-one",
        "american-chemical-society",
    ]
)


@attrs.frozen
class Check:
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
        return f"{self.style} {self.output} {self.kind} {self.id}"


def independent_styles() -> list[str]:
    folder, _ = repository_dirs()
    return sorted(p.stem for p in folder.glob("*.csl"))


def draw_styles(seed: int, count: int, exclude: Iterable[str] = ()) -> list[str]:
    """`count` independent repository styles drawn with `seed`, none of `exclude`."""
    excluded = DEVELOPMENT_STYLES | set(exclude)
    pool = [s for s in independent_styles() if s not in excluded]
    return sorted(random.Random(seed).sample(pool, count))


def style_path(style: str) -> Path:
    folder, _ = repository_dirs()
    return folder / f"{style}.csl"


def normalise(text: str | None, output: str, kind: str) -> str | None:
    """citeproc-js output as the reference stores it."""
    if text is None:
        return None
    if output == "text":
        return text.rstrip() if kind == "bibliography" else text
    text = text.replace("&#38;", "&amp;").replace("&#60;", "&lt;").replace("&#62;", "&gt;")
    if kind == "bibliography":
        text = text.strip()
        opening = '<div class="csl-entry">'
        if text.startswith(opening) and text.endswith("</div>"):
            text = text[len(opening) : -len("</div>")].strip()
    return text


def load_reference(path: Path = REFERENCE) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """(header, one record per style)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return json.loads(lines[0]), [json.loads(line) for line in lines[1:] if line.strip()]


def render(
    items: list[dict[str, Any]], style: str, output: str, *, csl_aliases: bool = True
) -> tuple[dict[str, str], dict[str, str]]:
    """citekit's (citations, bibliography) by item id; an exception is kept as the text."""
    records = [Record.from_csl(item) for item in items]
    try:
        # Unstripped, as the reference: only its HTML entries are stripped (see `normalise`).
        formatter = Formatter(records, style, output, links=False, strip=False, csl_aliases=csl_aliases)
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
        entries = formatter.bibliography()
        bibliography = {e.id: e.text.rstrip() if output == "text" else e.text.strip() for e in entries}
    except Exception as exc:
        bibliography = {r.key: f"!{type(exc).__name__}: {exc}" for r in records}
    return citations, bibliography


def compare(record: dict[str, Any], limit: int | None = None, *, csl_aliases: bool = True) -> Iterator[Check]:
    """Checks of one style's reference record; `limit` keeps only the first items' checks
    (every item is still registered, so numbering and disambiguation are unchanged).
    `csl_aliases=False` renders as citeproc-js does, without the `event`/`event-title` alias."""
    style = record["style"]
    wanted = {item["id"] for item in record["items"][:limit]} if limit else None
    for output in OUTPUTS:
        expected = record[output]
        citations, bibliography = render(record["items"], style, output, csl_aliases=csl_aliases)
        for kind, actual in (("citations", citations), ("bibliography", bibliography)):
            for item_id, text in (expected.get(kind) or {}).items():
                if text is None or (wanted is not None and item_id not in wanted):
                    continue
                yield Check(style, output, kind, item_id, text, actual.get(item_id, ""))


def read_mismatches(path: Path = MISMATCHES) -> dict[str, dict[str, str]]:
    """key -> {"reason", "citekit"}."""
    if not path.exists():
        return {}
    out: dict[str, dict[str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            entry = json.loads(line)
            out[entry["key"]] = {"reason": entry["reason"], "citekit": entry["citekit"]}
    return out


def write_mismatches(entries: dict[str, dict[str, str]], path: Path = MISMATCHES) -> None:
    lines = [
        json.dumps({"key": key, "reason": e["reason"], "citekit": e["citekit"]}, ensure_ascii=False)
        for key, e in sorted(entries.items())
    ]
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
