"""Progress of a long bibliography: `Formatter.bibliography(progress=...)` is called entry by
entry while the engine renders (not once at the end), and `citekit format` draws it."""

from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import ROOT

import citekit
from citekit import _cli
from citekit._cli import main

EXAMPLE = ROOT / "examples" / "theranostics.json"


def records(n: int) -> list[citekit.Record]:
    return [
        citekit.Record.from_csl(
            {"id": f"r{i}", "type": "book", "title": f"Title {i}", "author": [{"family": f"Au{i}"}]}
        )
        for i in range(n)
    ]


def test_progress_interleaves_with_rendering() -> None:
    formatter = citekit.Formatter(records(5), "apa")
    events: list[Any] = []
    tree = formatter._rendering.compiled.tree
    original = tree.render_bibliography

    def render(items: Any) -> Any:
        events.append("render")
        return original(items)

    tree.render_bibliography = render  # an instance attribute: this formatter's tree only
    try:
        entries = formatter.bibliography(progress=lambda done, total: events.append((done, total)))
    finally:
        del tree.render_bibliography
    assert len(entries) == 5
    expected: list[Any] = []
    for done in range(5):
        expected += [(done, 5), "render"]
    assert events == [*expected, (5, 5)]


def test_progress_counts_only_the_entries_asked_for() -> None:
    formatter = citekit.Formatter(records(6), "apa")
    calls: list[tuple[int, int]] = []
    entries = formatter.bibliography(["r1", "r4"], progress=lambda d, t: calls.append((d, t)))
    assert [e.id for e in entries] == ["r1", "r4"]
    assert calls == [(0, 2), (1, 2), (2, 2)]


def test_format_draws_a_rendering_bar_and_prints_the_same(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Any
) -> None:
    path = tmp_path / "many.json"
    path.write_text(json.dumps([r.to_csl() for r in records(30)]), encoding="utf-8")
    runner = CliRunner()
    plain = runner.invoke(main, ["format", str(path)])
    monkeypatch.setattr(_cli, "_PROGRESS_MIN", 10)
    monkeypatch.setattr(_cli, "_on_terminal", lambda: True)
    drawn = runner.invoke(main, ["format", str(path)])
    assert (drawn.exit_code, drawn.stdout) == (plain.exit_code, plain.stdout)
    assert "citekit: rendering" in drawn.stderr
    assert "rendering" not in plain.stderr
