"""Recipe: citekit.cite_many over a Dask bag of CSL-JSON records, on a dask.distributed cluster.

Each partition of the bag is rendered by one task in one worker process, with ``jobs=1``:
Dask already spreads the partitions over the cluster's processes, so a pool inside each task
would only compete with them. Each worker process compiles a style the first time a task of
its needs it and keeps it for every later partition. Give the workers one thread each
(``threads_per_worker=1``): rendering is pure Python, so more threads in a process add
nothing but contention. The results are JSON-ready dicts (``CiteResult.to_json()``), in the
bag's order, equal to what ``cite_many`` gives in a single process.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any

import dask.bag as db
from dask.distributed import Client, LocalCluster

import citekit


def cite_partition(
    items: Iterable[dict[str, Any]], formats: Sequence[str] | None, output: str
) -> list[dict[str, Any]]:
    """One partition: each record's formats, in order, problems included."""
    return [result.to_json() for result in citekit.cite_many(items, formats, output=output, jobs=1)]


def cite_bag(bag: db.Bag, formats: Sequence[str] | None = None, output: str = "text") -> db.Bag:
    """A bag of CSL-JSON items -> a bag of cite results (``{"id", "formats", "problems"}``)."""
    return bag.map_partitions(cite_partition, formats, output)


def main(pattern: str, target: str, formats: Sequence[str]) -> None:
    """Read JSON-lines files of CSL-JSON items, write JSON-lines files of results."""
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True) as cluster, Client(cluster):
        bag = db.read_text(pattern).map(json.loads)
        cite_bag(bag, formats).map(json.dumps).to_textfiles(target)


if __name__ == "__main__":
    # python docs/recipes/dask_cite_many.py 'records-*.jsonl' 'cited-*.jsonl' apa bibtex
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
