"""Every script in examples/ runs and prints what it promises."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import ROOT

SCRIPTS = sorted((ROOT / "examples").glob("*.py"))


@pytest.mark.parametrize("script", SCRIPTS, ids=[s.name for s in SCRIPTS])
def test_example_runs(script: object) -> None:
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Werner" in done.stdout


def test_cite_this_example_prints_seven_formats() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "cite_this.py")], capture_output=True, text=True, timeout=120
    )
    headings = [line for line in done.stdout.splitlines() if line.startswith("[") and line.endswith("]")]
    assert headings == ["[apa]", "[author]", "[bibtex]", "[harvard]", "[standard]", "[ris]", "[vancouver]"]
