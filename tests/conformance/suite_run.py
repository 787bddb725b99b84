"""Running the CSL processor test suite on citekit (../shared/tools/csl-suite/run_suite.py with
the `csl_engine` adapter) and reading what each fixture gave, for the gate and for
tools/update_lists.py."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
RUNNER = ROOT.parent / "shared" / "tools" / "csl-suite" / "run_suite.py"
KNOWN_FAILURES = HERE / "known_failures.txt"


def run(out_dir: Path, *, gate: bool = True, jobs: int = 2) -> subprocess.CompletedProcess[str]:
    """Run every fixture; results.json lands in `out_dir`; with `gate`, against the list."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(HERE), str(ROOT)]))
    command = [sys.executable, str(RUNNER), "--engine", "csl_engine:render", "--jobs", str(jobs)]
    command += ["--out", str(out_dir)]
    if gate:
        command += ["--known-failures", str(KNOWN_FAILURES)]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)


def outputs(out_dir: Path) -> dict[str, str | None]:
    """Fixture -> citekit's output when it does not pass (errors and timeouts as `!status: reason`),
    None when it passes; skipped fixtures are left out."""
    data: dict[str, Any] = json.loads((out_dir / "results.json").read_text(encoding="utf-8"))
    current: dict[str, str | None] = {}
    for row in data["results"]:
        status = row["status"]
        if status == "pass":
            current[row["name"]] = None
        elif status == "fail":
            current[row["name"]] = row.get("actual") or ""
        elif status != "skip":
            current[row["name"]] = f"!{status}: {row.get('reason', '')}"
    return current
