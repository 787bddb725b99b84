"""Sweep: does every style citekit can load render without an exception?

    .venv/bin/python tools/style_sweep.py                     # every style (long: ~3,000 renders)
    .venv/bin/python tools/style_sweep.py --sample 200 --seed 3
    .venv/bin/python tools/style_sweep.py --style ieee --show 5

The styles are citekit's own and the CSL repository's; a dependent style renders its parent's
XML, so dependents are swept once per distinct (parent, default locale). Each style renders
~26 varied items (benchmarks/_items.py's, plus some realistic ones from the citeproc-js oracle
corpus when it is beside the repository), in text and HTML: each item cited alone, a
two-item cluster with a locator, and the bibliography. Every exception is recorded by style
and by cause (the innermost exception's type, message with digits blanked, and the frame
that raised it). Prints the counts by cause; exits 1 when any style fails.
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import re
import sys
import traceback
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from _items import make_items  # noqa: E402

from citekit import Cite, Formatter, Record, Style  # noqa: E402
from citekit._styles import own_styles_dir, repository_dirs  # noqa: E402

ORACLE = ROOT.parent / "shared" / "oracle" / "sample-1.json"
OUTPUTS = ("text", "html")


def sweep_items(count: int, oracle_count: int) -> list[dict[str, Any]]:
    """`count` generated items and `oracle_count` oracle items: one of each type first."""
    items = make_items(count, seed=7)
    if ORACLE.is_file() and oracle_count:
        corpus = json.loads(ORACLE.read_text(encoding="utf-8"))["items"]
        firsts: dict[Any, dict[str, Any]] = {}
        for item in corpus:
            firsts.setdefault(item.get("type"), item)
        rest = [item for item in corpus if firsts.get(item.get("type")) is not item]
        items += [*firsts.values(), *rest][:oracle_count]
    return items


def style_units() -> dict[str, str]:
    """A name to load for each distinct (XML, locale): name -> the ids it stands for."""
    units: dict[tuple[bytes, str | None], list[str]] = {}
    for folder in (own_styles_dir(), *repository_dirs()):
        for path in sorted(folder.glob("*.csl")):
            try:
                style = Style.load(path)
            except Exception as exc:  # a style that does not load is its own finding
                units.setdefault((path.read_bytes(), f"load:{exc}"), []).append(str(path))
                continue
            units.setdefault((style.xml, style.default_locale), []).append(str(path))
    return {paths[0]: f"{Path(paths[0]).stem} (+{len(paths) - 1})" for paths in units.values()}


def cause(exc: BaseException) -> str:
    """The innermost exception of the chain, its message with digits blanked, and where."""
    while exc.__cause__ is not None or (exc.__context__ is not None and not exc.__suppress_context__):
        exc = exc.__cause__ or exc.__context__  # type: ignore[assignment]
    frames = traceback.extract_tb(exc.__traceback__)
    where = f"{Path(frames[-1].filename).name}:{frames[-1].name}" if frames else "?"
    message = re.sub(r"\d+", "N", str(exc))[:120]
    return f"{type(exc).__name__}: {message} @ {where}"


def sweep_style(path: str, items: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """(what, cause) for every render of the style that raised."""
    failures: list[tuple[str, str]] = []
    records = [Record.from_csl(item) for item in items]
    ids = [record.id for record in records]
    for output in OUTPUTS:
        try:
            formatter = Formatter(records, Style.load(Path(path)), output)
        except Exception as exc:
            failures.append((f"{output} init", cause(exc)))
            continue
        for key in ids:
            try:
                formatter.cite([key])
            except Exception as exc:
                failures.append((f"{output} cite {key}", cause(exc)))
        try:
            formatter.cite([Cite(ids[0], locator="12-14"), Cite(ids[1], locator="3", label="chapter")])
        except Exception as exc:
            failures.append((f"{output} cluster", cause(exc)))
        try:
            formatter.bibliography()
        except Exception as exc:
            failures.append((f"{output} bibliography", cause(exc)))
    return failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sample", type=int, help="sweep N random styles")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--style", action="append", help="sweep this style (id or path); repeatable")
    parser.add_argument("--items", type=int, default=20, help="generated items (default 20)")
    parser.add_argument("--oracle", type=int, default=6, help="oracle corpus items (default 6)")
    parser.add_argument("--show", type=int, default=3, help="styles shown per cause (default 3)")
    parser.add_argument("--json", type=Path, help="write {style: [[what, cause], ...]} here")
    args = parser.parse_args(argv)

    items = sweep_items(args.items, oracle_count=args.oracle)
    named = {str(Style.load(name).path or name): name for name in args.style or ()}
    units = named or style_units()
    paths = sorted(units)
    if args.sample:
        paths = random.Random(args.seed).sample(paths, min(args.sample, len(paths)))
    by_cause: dict[str, list[str]] = collections.defaultdict(list)
    failed: dict[str, list[tuple[str, str]]] = {}
    for done, path in enumerate(paths, 1):
        failures = sweep_style(path, items)
        if failures:
            failed[units[path]] = failures
            for reason in sorted({reason for _, reason in failures}):
                by_cause[reason].append(units[path])
        if done % 200 == 0:
            print(f"... {done}/{len(paths)} styles, {len(failed)} failing", file=sys.stderr, flush=True)
    print(f"{len(paths)} styles swept ({len(items)} items, text and html), {len(failed)} failing")
    for reason, styles in sorted(by_cause.items(), key=lambda pair: -len(pair[1])):
        print(f"{len(styles):5d}  {reason}")
        for name in styles[: args.show]:
            print(f"         {name}")
    if args.json:
        args.json.write_text(json.dumps(failed, indent=1), encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
