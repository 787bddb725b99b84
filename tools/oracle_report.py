"""Per-style identical rates of citekit against citeproc-js on the oracle items.

    .venv/bin/python tools/oracle_report.py [--style apa] [--show N] [--write-mismatches]

Prints, for every style, the share of bibliography entries and citations identical to
citeproc-js's, in text and HTML, then the totals, and the totals again with the rendering
option `csl_aliases` off (citeproc-js has no `event`/`event-title` alias); `--show N` prints
N mismatches per style;
`--write-mismatches` shrinks tests/conformance/oracle_mismatches.txt to the listed checks that
still differ, keeping each one's reason.
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "conformance"))

from oracle import FILES, ORACLE, ROOT, Check, compare

COLUMNS = [(kind, output) for kind in ("bibliography", "citations") for output in ("text", "html")]
MISMATCHES = ROOT / "tests" / "conformance" / "oracle_mismatches.txt"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--style", action="append", help="only these styles")
    parser.add_argument("--file", action="append", choices=FILES, help="only these oracle files")
    parser.add_argument("--show", type=int, default=0, help="mismatches to print per style")
    parser.add_argument("--kind", choices=("bibliography", "citations"), help="only show this kind")
    parser.add_argument("--output", choices=("text", "html"), help="only show this output")
    parser.add_argument("--write-mismatches", action="store_true", help=f"rewrite {MISMATCHES.name}")
    args = parser.parse_args(argv)
    if not ORACLE.is_dir():
        raise SystemExit(f"no oracle at {ORACLE}")
    styles = tuple(args.style) if args.style else None
    checks: list[Check] = []
    for file in args.file or FILES:
        checks.extend(compare(file, styles))
    sample = [c for c in checks if c.file != "portal-record.json"]
    table: dict[str, collections.Counter[tuple[str, str, bool]]] = collections.defaultdict(
        collections.Counter
    )
    for c in sample:
        table[c.style][(c.kind, c.output, c.ok)] += 1
        table["TOTAL"][(c.kind, c.output, c.ok)] += 1
    print(f"{'style':36} " + " ".join(f"{k[:4]}/{o:4}" for k, o in COLUMNS))
    for style in [*sorted(s for s in table if s != "TOTAL"), "TOTAL"]:
        counts = table[style]
        rates = []
        for kind, output in COLUMNS:
            good, bad = counts[(kind, output, True)], counts[(kind, output, False)]
            rates.append(f"{100 * good / max(1, good + bad):8.1f}%")
        print(f"{style:36} " + " ".join(rates))
    plain: collections.Counter[tuple[str, str, bool]] = collections.Counter()
    for file in args.file or FILES:
        for c in compare(file, styles, csl_aliases=False):
            if c.file != "portal-record.json":
                plain[(c.kind, c.output, c.ok)] += 1
    rates = [
        f"{100 * plain[(k, o, True)] / max(1, plain[(k, o, True)] + plain[(k, o, False)]):8.1f}%"
        for k, o in COLUMNS
    ]
    print(f"{'TOTAL, csl_aliases=False':36} " + " ".join(rates))
    portal = [c for c in checks if c.file == "portal-record.json"]
    if portal:
        print(f"portal record: {sum(c.ok for c in portal)}/{len(portal)} identical")
    if args.show:
        shown: collections.Counter[str] = collections.Counter()
        for c in checks:
            if c.ok or (args.kind and c.kind != args.kind) or (args.output and c.output != args.output):
                continue
            if shown[c.style] < args.show:
                shown[c.style] += 1
                print(f"\n{c.key}\n  js: {c.expected}\n  ck: {c.actual}")
    if args.write_mismatches:
        write_mismatches({c.key for c in checks if not c.ok and c.file != "portal-record.json"})
    return 0


def write_mismatches(failing: set[str]) -> None:
    """Shrink the list: keep the listed checks that still fail, with their reasons. A failure
    that is not listed is a regression; it is printed, never added."""
    old: dict[str, str] = {}
    header: list[str] = []
    for line in MISMATCHES.read_text(encoding="utf-8").splitlines() if MISMATCHES.exists() else []:
        key, _, reason = line.partition("#")
        if key.strip():
            old[key.strip()] = reason.strip()
        elif not old:
            header.append(line)
    for key in sorted(failing - old.keys()):
        print(f"REGRESSION (not listed, not added): {key}")
    kept = sorted(failing & old.keys())
    body = "".join(f"{key}  # {old[key]}\n" for key in kept)
    MISMATCHES.write_text("\n".join(header) + "\n" + body, encoding="utf-8")
    print(f"{MISMATCHES.name}: {len(old)} -> {len(kept)} entries")


if __name__ == "__main__":
    sys.exit(main())
