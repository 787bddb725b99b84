"""cite_many on many cores: the portal's "Cite this" formats for many records, jobs=1 against
jobs=N, in one run.

Each setting runs in its own child process; "render s" is the time cite_many took in it
(records already built); "main CPU s" is that child's own CPU (the caller's side: chunking,
pickling, ordering); "workers CPU s" is the pool's, read once the forkserver that started
the workers has reaped them. "CPU ÷ jobs=1" compares all the CPU a setting spent with the
first setting's: 1.00 means parallel work cost nothing extra, so on idle cores the speed-up
approaches the number of jobs. The outputs of every setting are checked to be identical (a
digest of the JSON lines). Items come from the seeded generator in benchmarks/_items.py.

The wall-clock speed-up is only meaningful on otherwise idle cores. On a shared machine the
kernel's autogroup scheduler gives each session a fair share of the cores, however many
processes it runs, so two workers can get no more CPU than one: read the CPU columns and the
load average printed on each row.

Usage:
    python benchmarks/cite_many.py                           # 20,000 records, all seven formats
    python benchmarks/cite_many.py --quick                   # 1,000 records, apa and bibtex
    python benchmarks/cite_many.py --records 5000 --jobs 1 2 4 --formats apa harvard bibtex
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _items import make_items  # the benchmarks folder is not a package


def worker(items_path: str, jobs: int, formats: list[str]) -> None:
    import hashlib

    import citekit

    items = json.loads(Path(items_path).read_text(encoding="utf-8"))
    records = [citekit.Record.from_csl(item) for item in items]
    digest = hashlib.sha256()
    problems = 0
    start = time.perf_counter()
    for result in citekit.cite_many(records, formats or None, jobs=jobs):
        digest.update(json.dumps(result.to_json(), sort_keys=True).encode())
        problems += len(result.problems)
    elapsed = time.perf_counter() - start
    main_cpu = time.process_time()
    print(
        json.dumps(
            {
                "render_s": elapsed,
                "digest": digest.hexdigest(),
                "problems": problems,
                "main_cpu_s": main_cpu,
                "workers_cpu_s": workers_cpu(),
            }
        )
    )


def workers_cpu() -> float | None:
    """CPU seconds of the pool's workers: they are children of the forkserver, which reaps
    them; stopping it (a private call, so guarded) makes them count among our children."""
    import resource

    try:
        from multiprocessing import forkserver

        forkserver._forkserver._stop()  # type: ignore[attr-defined]
    except Exception:
        return None
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(argv: list[str]) -> tuple[dict[str, object], float, float]:
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        child = subprocess.Popen(argv, stdout=out)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        lines = out.read().decode().splitlines()
    if child.returncode or not lines:
        raise SystemExit(f"{' '.join(argv)}: exit status {child.returncode}")
    return json.loads(lines[-1]), wall, usage.ru_utime + usage.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=20000)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--formats", nargs="*", default=[], help="default: all seven")
    parser.add_argument("--quick", action="store_true", help="1,000 records, apa and bibtex")
    parser.add_argument("--worker", nargs=2, metavar=("ITEMS", "JOBS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker[0], int(args.worker[1]), args.formats)
        return 0
    if args.quick:
        args.records, args.formats = 1000, ["apa", "bibtex"]
    when = f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC"
    print(f"# cite_many: {when}, {platform.machine()}, {os.cpu_count()} cores")
    print(f"# python {platform.python_version()}")
    print(f"# {args.records:,} records, formats: {' '.join(args.formats) or 'all seven'}")
    print(f"# load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    columns = (
        "jobs | render s | wall s | main CPU s | workers CPU s | CPU ÷ jobs=1 | records/s | speed-up | load"
    )
    print(f"| {columns} |")
    print("|---|---|---|---|---|---|---|---|---|")
    digests = set()
    with tempfile.TemporaryDirectory() as tmp:
        items_path = Path(tmp) / "items.json"
        items_path.write_text(json.dumps(make_items(args.records)), encoding="utf-8")
        base = base_cpu = 0.0
        for jobs in args.jobs:
            argv = [
                sys.executable,
                __file__,
                "--worker",
                str(items_path),
                str(jobs),
                "--formats",
                *args.formats,
            ]
            result, wall, _ = measure(argv)
            render = float(str(result["render_s"]))
            main_cpu = float(str(result["main_cpu_s"]))
            workers = result["workers_cpu_s"]
            total = main_cpu + (float(str(workers)) if workers is not None else 0.0)
            base, base_cpu = base or render, base_cpu or total
            digests.add(result["digest"])
            shown = f"{float(str(workers)):.1f}" if workers is not None else "-"
            print(
                f"| {jobs} | {render:.1f} | {wall:.1f} | {main_cpu:.1f} | {shown} | {total / base_cpu:.2f} | "
                f"{args.records / render:.0f} | {base / render:.2f}× | {os.getloadavg()[0]:.1f} |",
                flush=True,
            )
    print("outputs identical across settings" if len(digests) == 1 else "OUTPUTS DIFFER between settings")
    return 0 if len(digests) == 1 else 1


if __name__ == "__main__":
    sys.exit(main())
