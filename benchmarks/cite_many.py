"""cite_many on many cores: the portal's "Cite this" formats for many records, jobs=1 against
jobs=N, in one run.

Each setting runs in its own child process; "render s" is the time cite_many took in it
(records already built); CPU s is that child's own (wait4): the pool's workers are started by
a forkserver, not by the child, so their CPU is not in it. The outputs of every
setting are checked to be identical (a digest of the JSON lines). Items come from the seeded
generator in benchmarks/_items.py. The speed-up is only meaningful on otherwise idle cores:
the load average is printed at the start.

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
    print(json.dumps({"render_s": elapsed, "digest": digest.hexdigest(), "problems": problems}))


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
    print("| jobs | render s | wall s | CPU s (without workers) | records/s | speed-up |")
    print("|---|---|---|---|---|---|")
    digests = set()
    with tempfile.TemporaryDirectory() as tmp:
        items_path = Path(tmp) / "items.json"
        items_path.write_text(json.dumps(make_items(args.records)), encoding="utf-8")
        base = 0.0
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
            result, wall, cpu = measure(argv)
            render = float(str(result["render_s"]))
            base = base or render
            digests.add(result["digest"])
            print(
                f"| {jobs} | {render:.1f} | {wall:.1f} | {cpu:.1f} | {args.records / render:.0f} | "
                f"{base / render:.2f}× |",
                flush=True,
            )
    print("outputs identical across settings" if len(digests) == 1 else "OUTPUTS DIFFER between settings")
    return 0 if len(digests) == 1 else 1


if __name__ == "__main__":
    sys.exit(main())
