"""citekit's documentation builds with its own extension, with warnings as errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_docs_build_without_warnings(tmp_path: Path) -> None:
    pytest.importorskip("sphinx", reason="building the docs needs Sphinx (pip install citekit[sphinx])")
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html", str(DOCS), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    background = (tmp_path / "background.html").read_text(encoding="utf-8")
    assert "(Citation Style Language project, 2022)" in background
    assert 'id="citekit-background-csl-spec"' in background
    gallery = (tmp_path / "cite-this.html").read_text(encoding="utf-8")
    for section in ("apa", "author", "bibtex", "harvard", "standard", "ris", "vancouver"):
        assert f'id="cite-this-{section}"' in gallery
    assert "citekit.Formatter" in (tmp_path / "api.html").read_text(encoding="utf-8")
