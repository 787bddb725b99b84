"""Writes tests/sphinxext/data/ibid.json: citeproc-js's notes for the pages of
tests/roots/test-ibid, each page a document of its own (positions run within a page), with
the page's own footnote taking its number; and data/narrative.json: its author-only and
suppress-author citations of tests/roots/test-narrative's records in two styles. Run by
hand when a root changes; needs node and ../shared/oracle (never at test time).

    python tests/sphinxext/make_reference.py
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import citekit

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent / "roots" / "test-ibid"
ORACLE = HERE.parents[2] / "shared" / "oracle" / "render_doc_js.mjs"

# page -> its citations in order: (key, locator), and the note number each stands in
PAGES = {
    "index": [
        ("turing1950", None, 1),
        ("turing1950", None, 3),
        ("turing1950", "440", 4),
        ("wirth1976", None, 5),
    ],
    "second": [
        ("turing1950", None, 1),
        ("turing1950", None, 2),
        ("hopper1952", None, 3),
        ("turing1950", "450", 4),
    ],
}


NARRATIVE_STYLES = ["modern-language-association", "chicago-author-date"]
NARRATIVE = [
    {"id": "cooley1965", "author-only": True},
    {"id": "cooley1965", "suppress-author": True},
    {"id": "lamport1994", "author-only": True},
    {"id": "lamport1994", "suppress-author": True, "locator": "12", "label": "page"},
]


def run(jobs: list[dict[str, object]]) -> dict[str, list[str]]:
    result = subprocess.run(
        ["node", str(ORACLE)],
        input="\n".join(json.dumps(job) for job in jobs),
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHON": sys.executable},
    )
    out = {}
    for line in result.stdout.splitlines():
        doc = json.loads(line)
        if doc["error"]:
            raise SystemExit(f"citeproc-js: {doc['error']}")
        out[doc["doc"]] = doc["citations"]
    return out


def narrative() -> None:
    items = json.loads((HERE.parent / "roots" / "test-narrative" / "refs.json").read_text(encoding="utf-8"))
    jobs: list[dict[str, object]] = []
    for name in NARRATIVE_STYLES:
        style_file = HERE / "data" / f"_{name}.csl"
        style_file.write_bytes(citekit.Style.load(name).xml)
        citations = [{"citationItems": [item], "properties": {"noteIndex": 0}} for item in NARRATIVE]
        jobs.append(
            {"doc": name, "style": str(style_file), "format": "text", "items": items, "citations": citations}
        )
    try:
        out = run(jobs)
    finally:
        for name in NARRATIVE_STYLES:
            (HERE / "data" / f"_{name}.csl").unlink()
    (HERE / "data" / "narrative.json").write_text(
        json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )


def main() -> None:
    items = json.loads((ROOT / "refs.json").read_text(encoding="utf-8"))
    style = citekit.Style.load("chicago-notes-bibliography")
    style_file = HERE / "data" / "_style.csl"
    style_file.write_bytes(style.xml)
    jobs = []
    for page, cites in PAGES.items():
        citations = [
            {
                "citationItems": [{"id": key, **({"locator": locator, "label": "page"} if locator else {})}],
                "properties": {"noteIndex": note},
            }
            for key, locator, note in cites
        ]
        jobs.append(
            {"doc": page, "style": str(style_file), "format": "text", "items": items, "citations": citations}
        )
    result = subprocess.run(
        ["node", str(ORACLE)],
        env={**os.environ, "PYTHON": sys.executable},
        input="\n".join(json.dumps(job) for job in jobs),
        capture_output=True,
        text=True,
        check=True,
    )
    style_file.unlink()
    out = {}
    for line in result.stdout.splitlines():
        doc = json.loads(line)
        if doc["error"]:
            raise SystemExit(f"citeproc-js: {doc['error']}")
        out[doc["doc"]] = {"engine": doc["engine"], "notes": doc["citations"]}
    (HERE / "data" / "ibid.json").write_text(
        json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
    narrative()
