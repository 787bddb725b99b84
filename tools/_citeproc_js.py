"""Running citeproc-js, the reference: the node scripts in ../shared/oracle take one JSON job
a line on stdin and answer one JSON line each on stdout.

One place for what every reference script needs: where the scripts are, that node gets
`PYTHON` (the renderers ask citeproc-py where its locale files are, so both engines read the
same ones), and a clear stop when ../shared is absent. tools/ is no package: scripts here
import this module by name (their folder is first on sys.path); benchmarks add tools/ first.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

ORACLE = Path(__file__).resolve().parents[2] / "shared" / "oracle"
RENDER = ORACLE / "render_js.mjs"  # items -> bibliography and one citation per item
RENDER_DOC = ORACLE / "render_doc_js.mjs"  # a document: citations in order, notes, updates


def run_node(script: Path, jobs: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """citeproc-js's answers to `jobs`, one per job, in order."""
    if not script.is_file():
        raise SystemExit(f"no citeproc-js renderer at {script} (../shared is absent)")
    done = subprocess.run(
        ["node", str(script)],
        input="\n".join(json.dumps(job) for job in jobs),
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHON": sys.executable},
    )
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
