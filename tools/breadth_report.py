"""Breadth check: citekit against citeproc-js in 100 random repository styles.

    .venv/bin/python tools/breadth_report.py                 # the stored reference set
    .venv/bin/python tools/breadth_report.py --show 3        # and 3 mismatches per style
    .venv/bin/python tools/breadth_report.py --heldout 7 --styles 30 --items 24
    .venv/bin/python tools/breadth_report.py --generate      # rebuild the reference (needs node)
    .venv/bin/python tools/breadth_report.py --write-mismatches

Prints, for every style, the share of bibliography entries and citations identical to
citeproc-js's, in text and HTML, then the totals, and the totals and lowest style again with
the option `csl_aliases` off (citeproc-js has no `event`/`event-title` alias).
`--heldout SEED` draws other styles (none of the stored or development ones) and other
items with SEED and runs citeproc-js live through ../shared/oracle/render_js.mjs.
`--write-mismatches` shrinks tests/conformance/breadth/mismatches.jsonl to the listed checks
that still differ (keeping each reason, storing citekit's current output); a failure that is
not listed is printed, never added (`--add-new REASON` adds them, for the first listing only).
"""

from __future__ import annotations

import argparse
import collections
import html
import json
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "conformance" / "breadth"))

from _citeproc_js import RENDER
from _citeproc_js import run_node as citeproc_js
from breadth_check import (
    MISMATCHES,
    OUTPUTS,
    REFERENCE,
    STYLE_SEED,
    Check,
    compare,
    draw_styles,
    load_reference,
    normalise,
    read_mismatches,
    style_path,
    write_mismatches,
)
from breadth_items import generate

COLUMNS = [(kind, output) for kind in ("bibliography", "citations") for output in OUTPUTS]
STYLES, ITEMS = 100, 16


def run_node(styles: list[str], seed: int, count: int) -> list[dict[str, Any]]:
    """Reference records for `styles`, items generated from `seed` + the style's index."""
    jobs, records = [], []
    for index, style in enumerate(styles):
        items = generate(seed * 1000 + index, count)
        records.append({"style": style, "items": items})
        for output in OUTPUTS:
            jobs.append({"style": str(style_path(style)), "format": output, "items": items})
    answers = citeproc_js(RENDER, jobs)
    for index, answer in enumerate(answers):
        record, output = records[index // 2], OUTPUTS[index % 2]
        if answer["error"]:
            print(f"citeproc-js failed on {record['style']} ({output}): {answer['error']}", file=sys.stderr)
        record[output] = {
            kind: {
                r["id"]: normalise(r[field], output, kind)
                for r in answer["items"]
                if r[field] is not None and not r["error"]
            }
            for kind, field in (("bibliography", "bibliography"), ("citations", "citation"))
        }
    return records


def generate_reference(seed: int) -> None:
    styles = draw_styles(seed, STYLES)
    records = run_node(styles, seed, ITEMS)
    header = {
        "engine": "citeproc-js 2.4.63",
        "style_seed": seed,
        "items": f"breadth_items.generate(style_seed * 1000 + index, {ITEMS})",
        "styles": styles,
    }
    lines = [json.dumps(header, ensure_ascii=False)]
    lines += [json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in records]
    REFERENCE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{REFERENCE.name}: {len(records)} styles, {REFERENCE.stat().st_size / 1e6:.1f} MB")


def table(checks: list[Check], *, totals_only: str | None = None) -> None:
    counts: dict[str, collections.Counter[tuple[str, str, bool]]] = collections.defaultdict(
        collections.Counter
    )
    for c in checks:
        counts[c.style][(c.kind, c.output, c.ok)] += 1
        counts["TOTAL"][(c.kind, c.output, c.ok)] += 1
    print(f"{'style':50} " + " ".join(f"{k[:4]}/{o:4}" for k, o in COLUMNS))
    worst = 100.0
    for style in [*sorted(s for s in counts if s != "TOTAL"), "TOTAL"]:
        rates = []
        for kind, output in COLUMNS:
            good, bad = counts[style][(kind, output, True)], counts[style][(kind, output, False)]
            rate = 100 * good / (good + bad) if good + bad else 100.0
            if style != "TOTAL" and kind == "bibliography":
                worst = min(worst, rate)
            rates.append(f"{rate:8.1f}%")
        if totals_only is None or style == "TOTAL":
            print(f"{(totals_only or style)[:50]:50} " + " ".join(rates))
    option = ", csl_aliases=False" if totals_only else ""
    print(f"lowest style (entries{option}): {worst:.1f}%")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--generate", action="store_true", help=f"rebuild {REFERENCE.name} with node")
    parser.add_argument("--heldout", type=int, metavar="SEED", help="fresh styles and items, live")
    parser.add_argument("--styles", type=int, default=30, help="styles for --heldout")
    parser.add_argument("--items", type=int, default=24, help="items per style for --heldout")
    parser.add_argument("--style", action="append", help="only these styles")
    parser.add_argument("--show", type=int, default=0, help="mismatches to print per style")
    parser.add_argument("--write-mismatches", action="store_true", help=f"rewrite {MISMATCHES.name}")
    parser.add_argument(
        "--add-new", metavar="REASON", help="with --write-mismatches: list new ones ('auto': classified)"
    )
    args = parser.parse_args(argv)
    if args.generate:
        generate_reference(STYLE_SEED)
        return 0
    if args.heldout is not None:
        _, stored = load_reference()
        exclude = {r["style"] for r in stored}
        records = run_node(draw_styles(args.heldout, args.styles, exclude), args.heldout, args.items)
    else:
        _, records = load_reference()
    if args.style:
        records = [r for r in records if r["style"] in args.style]
    checks = [c for r in records for c in compare(r)]
    table(checks)
    # The deliberate difference (a named option) gets its own figure: as citeproc-js renders.
    table([c for r in records for c in compare(r, csl_aliases=False)], totals_only="TOTAL, csl_aliases=False")
    if args.show:
        shown: collections.Counter[str] = collections.Counter()
        for c in checks:
            if not c.ok and shown[c.style] < args.show:
                shown[c.style] += 1
                print(f"\n{c.key}\n  js: {c.expected}\n  ck: {c.actual}")
    if args.write_mismatches and args.heldout is None:
        items = {(r["style"], it["id"]): it for r in records for it in r["items"]}
        update_mismatches(checks, args.add_new, items, partial=bool(args.style))
    return 0


_DIGITS = re.compile(r"\d+")
_SPACE = re.compile(r"[\s\u00a0\u202f]+")


def classify(check: Check, item: dict[str, Any], text_ok: bool) -> str:
    """A first reason for a new mismatch, from what differs (for --add-new auto)."""
    expected, actual = check.expected, check.actual
    if actual.startswith("!"):
        return "citekit raises here; citeproc-js renders it"
    event = str(item.get("event-title") or "")
    if event and event in html.unescape(actual) and event not in html.unescape(expected):
        return (
            "event-title printed: CSL 1.0.2 makes `event` an alias of `event-title`; citeproc-js 2.4.63"
            " ignores event-title (deliberate)"
        )
    if _DIGITS.sub("#", expected) == _DIGITS.sub("#", actual):
        return "a number differs: citation number or year-suffix order (sorting or disambiguation)"
    if re.sub(r"(?<=\d)[a-z]\b", "", expected) == re.sub(r"(?<=\d)[a-z]\b", "", actual):
        return "year-suffix letters differ (disambiguation order or implicit year-suffix)"
    if _SPACE.sub(" ", expected).strip() == _SPACE.sub(" ", actual).strip():
        return "spacing: no-break spaces (French particles and punctuation) or a display block's line break"
    if expected.casefold() == actual.casefold():
        return "text case differs (title case by item type or language, locale upper case)"
    if check.output == "html" and text_ok:
        return "HTML markup only: display blocks, nested formatting spans or escaping differ"
    return "not yet analysed: differs from citeproc-js"


def update_mismatches(
    checks: list[Check], add_new: str | None, items: dict[tuple[str, str], dict[str, Any]], *, partial: bool
) -> None:
    old = read_mismatches()
    failing = {c.key: c for c in checks if not c.ok}
    checked = {c.key for c in checks}
    kept: dict[str, dict[str, str]] = {}
    for key, entry in old.items():
        if key in failing:
            kept[key] = {"reason": entry["reason"], "citekit": failing[key].actual}
        elif partial and key not in checked:
            kept[key] = entry
    ok = {c.key for c in checks if c.ok}
    for key in sorted(failing.keys() - old.keys()):
        if add_new:
            check = failing[key]
            reason = add_new
            if add_new == "auto":
                text_key = f"{check.style} text {check.kind} {check.id}"
                reason = classify(check, items.get((check.style, check.id), {}), text_key in ok)
            kept[key] = {"reason": reason, "citekit": check.actual}
        else:
            print(f"REGRESSION (not listed, not added): {key}")
    write_mismatches(kept)
    print(f"{MISMATCHES.name}: {len(old)} -> {len(kept)} entries")


if __name__ == "__main__":
    sys.exit(main())
