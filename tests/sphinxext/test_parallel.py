"""Parallel reading (-j 2): the domain merges what each process read; the output is the
same as a serial build's."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .pages import citations, entry_ids, warnings_of


def _build(make_app: Any, source: Path, target: Path, parallel: int) -> dict[str, str]:
    shutil.copytree(source, target)
    app = make_app("html", srcdir=target, parallel=parallel)
    app.build()
    assert "[citekit." not in warnings_of(app)  # (a second app in one process warns about nodes)
    assert "duplicate" not in warnings_of(app)
    if parallel > 1:
        status = re.sub(r"\x1b\[[0-9;]*m", "", app.status.getvalue())
        assert "reading sources... [ 50%] doc1 .. doc" in status  # read in chunks, by two processes
    return {p.name: p.read_text(encoding="utf-8") for p in Path(app.outdir).glob("*.html")}


def test_parallel_build_matches_serial(make_app: Any, rootdir: Path, tmp_path: Path) -> None:
    serial = _build(make_app, rootdir / "test-parallel", tmp_path / "serial", 0)
    parallel = _build(make_app, rootdir / "test-parallel", tmp_path / "parallel", 2)
    for name in [f"doc{n}.html" for n in range(1, 9)] + ["refs.html"]:
        assert citations(parallel[name]) == citations(serial[name])
        assert entry_ids(parallel[name]) == entry_ids(serial[name])
    # numbers in order of first citation: doc1 cites king then werner, doc2 werner then kumar ...
    assert [text for _, _, text in citations(parallel["doc1.html"])] == ["[1]", "[2]"]
    assert [text for _, _, text in citations(parallel["doc2.html"])] == ["[2]", "[3]"]
    # doc1 has its own list; doc2 has none, so it links to the global one
    assert citations(parallel["doc1.html"])[0][0] == "#citekit-doc1-king2007-005"
    assert citations(parallel["doc2.html"])[0][0] == "refs.html#citekit-werner2018theranostic"


def test_extension_declares_parallel_safety() -> None:
    from citekit.sphinxext import setup

    class Recorder:
        def __getattr__(self, name: str) -> Any:
            return lambda *args, **kwargs: None

    metadata = setup(Recorder())  # type: ignore[arg-type]
    assert metadata["parallel_read_safe"] and metadata["parallel_write_safe"]
    assert isinstance(metadata["env_version"], int)


def test_parallel_build_of_the_compat_project_matches_serial(project: Callable[..., Any]) -> None:
    serial = project("compat")  # the serial build test_compat checks against sphinxcontrib-bibtex
    parallel = project("compat", parallel=2)
    assert warnings_of(parallel) == warnings_of(serial) == ""
    for name in ["roles", "local", "foot", "filters", "prefix", "refs"]:
        ours = Path(serial.outdir, f"{name}.html").read_text(encoding="utf-8")
        theirs = Path(parallel.outdir, f"{name}.html").read_text(encoding="utf-8")
        assert citations(theirs) == citations(ours)
        assert re.findall(r'id="citekit-[^"]*"', theirs) == re.findall(r'id="citekit-[^"]*"', ours)
        assert re.findall(r'fn-bracket">\[</span>(\d+)', theirs) == re.findall(
            r'fn-bracket">\[</span>(\d+)', ours
        )
