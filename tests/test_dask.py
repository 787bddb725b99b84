"""The Dask recipe (docs/recipes/dask_cite_many.py) on a two-process LocalCluster gives what
cite_many gives in one process, in the same order. Needs the `dask` extra; skipped without."""

from __future__ import annotations

import importlib.util
import json
from types import ModuleType
from typing import Any

import pytest
from conftest import ROOT

import citekit

pytest.importorskip("dask.bag", reason="the Dask recipe needs dask (pip install citekit[dask])")
distributed = pytest.importorskip("dask.distributed", reason="the Dask recipe needs dask.distributed")

RECIPE = ROOT / "docs" / "recipes" / "dask_cite_many.py"
FORMATS = ("apa", "bibtex", "vancouver")


def recipe() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dask_cite_many", RECIPE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def records() -> list[dict[str, Any]]:
    """The example record in a few variations, and one bad item that must become a problem."""
    base = json.loads((ROOT / "examples" / "theranostics.json").read_text(encoding="utf-8"))[0]
    out: list[dict[str, Any]] = []
    for n in range(9):
        out.append({**base, "id": f"r{n}", "issued": {"date-parts": [[2010 + n]]}, "volume": str(n + 1)})
    out.insert(4, {"id": "broken", "type": "book", "author": "not a list of names"})
    return out


def test_the_recipe_on_a_local_cluster_equals_one_process(tmp_path: Any) -> None:
    import dask.bag as db

    module = recipe()
    items = records()
    expected = [result.to_json() for result in citekit.cite_many(items, FORMATS)]
    assert [line["id"] for line in expected] == [item["id"] for item in items]
    assert expected[4]["problems"] and expected[4]["formats"] == {}  # the bad item is kept and reported
    with (
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            local_directory=str(tmp_path),
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        bag = db.from_sequence(items, npartitions=3)
        got = module.cite_bag(bag, FORMATS).compute()
        used = {worker for workers in client.who_has().values() for worker in workers}
    assert got == expected
    assert len(used) <= 2
