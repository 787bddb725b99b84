"""Shared fixtures: the ../shared reference material, skipped cleanly when absent."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
ORACLE = SHARED / "oracle"


def oracle(name: str) -> dict[str, Any]:
    """One citeproc-js reference file; the calling test skips when ../shared is absent."""
    path = ORACLE / name
    if not path.is_file():
        pytest.skip(f"reference outputs not found at {path} (../shared is absent)")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data
