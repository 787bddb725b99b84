"""Appending citations to a Document one by one: 1,000 against 2,000, citekit and citeproc-js
measured in the same run.

The document cites the 200 items of ../shared/oracle/sample-1.json in clusters of 1-3
(drawn with a fixed seed; some cites have a page locator), one citation after another, as a
word processor adds them. The target is near-linear growth: 2,000 citations cost at most 2.5
times 1,000. citeproc-js does the same through ../shared/oracle/render_doc_js.mjs
(`processCitationCluster`, every citation appended); its time is the node process's wall
time less that of a one-citation document (start-up and style parsing).

Usage: python benchmarks/document.py [--styles apa chicago-notes-bibliography] [--sizes 1000 2000]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

import citekit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
from _citeproc_js import RENDER_DOC, run_node  # tools/ is no package

ORACLE = Path(__file__).resolve().parent.parent.parent / "shared" / "oracle"
SAMPLE = ORACLE / "sample-1.json"


def plan(items: list[dict[str, Any]], size: int, seed: int = 9) -> list[list[dict[str, Any]]]:
    rng = random.Random(seed)
    ids = [str(item["id"]) for item in items]
    citations = []
    for _ in range(size):
        cites: list[dict[str, Any]] = [{"id": i} for i in rng.sample(ids, rng.choice((1, 1, 2, 3)))]
        if rng.random() < 0.3:
            cites[0]["locator"] = str(rng.randint(1, 400))
        citations.append(cites)
    return citations


def citekit_seconds(
    records: list[citekit.Record], style: str, citations: list[list[dict[str, Any]]]
) -> float:
    note_style = citekit.Style.load(style).citation_format == "note"
    start = time.perf_counter()
    document = citekit.Document(records, style)
    for index, cites in enumerate(citations, 1):
        document.cite(
            [citekit.Cite(c["id"], locator=c.get("locator")) for c in cites],
            note=index if note_style else None,
        )
    return time.perf_counter() - start


def citeproc_js_seconds(
    items: list[dict[str, Any]], style: str, citations: list[list[dict[str, Any]]]
) -> float:
    path = citekit.Style.load(style).path
    note_style = citekit.Style.load(style).citation_format == "note"

    def run(chosen: list[list[dict[str, Any]]]) -> float:
        job = {
            "doc": style,
            "style": path,
            "format": "text",
            "locale": None,
            "items": items,
            "citations": [
                {"citationItems": c, "properties": {"noteIndex": i if note_style else 0}}
                for i, c in enumerate(chosen, 1)
            ],
        }
        start = time.perf_counter()
        (answer,) = run_node(RENDER_DOC, [job])
        seconds = time.perf_counter() - start
        if answer["error"]:
            raise RuntimeError(answer["error"])
        return seconds

    return run(citations) - run(citations[:1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--styles", nargs="+", default=["apa", "chicago-notes-bibliography"])
    parser.add_argument("--sizes", nargs=2, type=int, default=[1000, 2000])
    args = parser.parse_args()
    if not SAMPLE.is_file():
        sys.exit(f"the sample items are not here: {SAMPLE} (../shared is absent)")
    items = json.loads(SAMPLE.read_text("utf-8"))["items"]
    records = [citekit.Record.from_csl(item) for item in items]
    node = shutil.which("node") is not None
    print(f"# Document append benchmark, {date.today()}, {platform.machine()} {platform.system()},")
    print(
        f"# Python {platform.python_version()}, {os.cpu_count()} cores; {len(items)} items, clusters of 1-3"
    )
    small, large = args.sizes
    for style in args.styles:
        ours = [citekit_seconds(records, style, plan(items, n)) for n in (small, large)]
        line = f"{style}: citekit {small}: {ours[0]:.1f} s, {large}: {ours[1]:.1f} s"
        line += f", ratio {ours[1] / ours[0]:.2f}"
        if node:
            theirs = [citeproc_js_seconds(items, style, plan(items, n)) for n in (small, large)]
            line += (
                f"; citeproc-js {small}: {theirs[0]:.1f} s, {large}: {theirs[1]:.1f} s, "
                f"ratio {theirs[1] / theirs[0]:.2f}; citekit / citeproc-js at {large}: "
                f"{ours[1] / theirs[1]:.1f}x"
            )
        print(line)


if __name__ == "__main__":
    main()
