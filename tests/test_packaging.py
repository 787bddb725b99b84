"""The wheel carries citekit's own styles and the type marker."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT


def test_wheel_ships_styles_and_py_typed(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is needed to copy the checkout")
    pytest.importorskip("hatchling", reason="the build backend is not installed (pip install hatchling)")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    (wheel,) = tmp_path.glob("citekit-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    own = {p.name for p in (ROOT / "styles").iterdir()}
    assert {f"citekit/styles/{name}" for name in own} <= names
    assert "citekit/py.typed" in names
    assert {"citekit/styles/aliases.toml", "citekit/styles/citekit-standard.csl"} <= names
