"""The CSL processor test suite as a regression gate: every fixture not listed in
known_failures.txt must pass (the list only shrinks; the runner prints the ones now passing),
and every listed fixture must give the output stored for it in known_failures.json, so a known
failure cannot quietly get worse (tools/update_lists.py maintains both)."""

from __future__ import annotations

from pathlib import Path

import pytest
from listed import judge
from suite_run import KNOWN_FAILURES, RUNNER, outputs, run


def test_csl_suite_gate(tmp_path: Path) -> None:
    if not RUNNER.exists():
        pytest.skip(f"the CSL suite runner is not here: {RUNNER} (../shared is absent)")
    done = run(tmp_path / "results")
    report = "\n".join(line for line in done.stdout.splitlines() if not line.startswith("|"))
    print(report)
    assert "gate:" in done.stdout, done.stderr[-2000:]
    assert done.returncode == 0, report
    assert " 0 error, 0 timeout" in done.stdout, report
    problems = judge(KNOWN_FAILURES, outputs(tmp_path / "results"))
    if problems:
        pytest.fail(
            f"{len(problems)} listed fixtures differ from their stored output:\n" + "\n".join(problems)
        )
