"""The engine is re-entrant: compiled styles are shared, render state is per Document or
Formatter. Property tests: rendering in threads, or with lxml's element proxies churned by
the garbage collector, gives exactly the serial output."""

from __future__ import annotations

import gc
import json
import random
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from citekit import Cite, Document, Formatter, Record

DATA = Path(__file__).resolve().parents[1] / "document_features" / "references.json"
SAMPLE = Path(__file__).resolve().parents[2].parent / "shared" / "oracle" / "sample-1.json"
STYLES = ("apa", "chicago-author-date")


def _records() -> list[Record]:
    items = json.loads(DATA.read_text("utf-8"))["items"]
    if SAMPLE.is_file():  # more variety when the oracle's sample items are here
        items = items + json.loads(SAMPLE.read_text("utf-8"))["items"][:10]
    return [Record.from_csl(item) for item in items]


RECORDS = _records()


def _plan(seed: int) -> list[list[Cite]]:
    """A document: 6 citations of 1-3 cites, some with locators, chosen by `seed`."""
    rng = random.Random(seed)
    ids = [r.key for r in RECORDS]
    plan = []
    for _ in range(6):
        chosen = rng.sample(ids, rng.randint(1, 3))
        plan.append(
            [Cite(i, locator=str(rng.randint(1, 99)) if rng.random() < 0.3 else None) for i in chosen]
        )
    return plan


def _render(job: tuple[str, int]) -> tuple[list[str], list[str], list[str]]:
    style, seed = job
    doc = Document(RECORDS, style)
    for note, cites in enumerate(_plan(seed), 1):
        doc.cite(cites, note=note)
    formatter = Formatter(RECORDS[seed : seed + 4], style)
    alone = [formatter.cite([r.key]) for r in formatter.records]
    return [c.text for c in doc.citations], [e.text for e in doc.bibliography()], alone


JOBS = [(STYLES[n % 2], n) for n in range(8)]


@pytest.fixture(scope="module")
def serial() -> list[tuple[list[str], list[str], list[str]]]:
    return [_render(job) for job in JOBS]


def test_eight_threads_give_the_serial_output(serial: list[tuple[list[str], list[str], list[str]]]) -> None:
    with ThreadPoolExecutor(max_workers=8) as pool:
        threaded = list(pool.map(_render, JOBS))
    assert threaded == serial


def test_a_shared_formatter_is_safe_between_threads() -> None:
    formatter = Formatter(RECORDS, "apa")
    ids = [r.key for r in RECORDS]
    expected = [formatter.cite([i]) for i in ids]
    with ThreadPoolExecutor(max_workers=4) as pool:
        got = list(pool.map(lambda i: formatter.cite([i]), ids))
    assert got == expected


def test_churning_element_proxies_changes_nothing(
    serial: list[tuple[list[str], list[str], list[str]]],
) -> None:
    """lxml drops an element's Python proxy when nothing holds it and makes a new one on the
    next access; state kept on a proxy would be lost. Collect garbage between every call."""
    for (style, seed), expected in zip(JOBS[:2], serial[:2], strict=True):
        doc = Document(RECORDS, style)  # the same documents as the first two jobs
        for note, cites in enumerate(_plan(seed), 1):
            gc.collect()
            doc.cite(cites, note=note)
        gc.collect()
        assert [c.text for c in doc.citations] == expected[0]
        formatter = Formatter(RECORDS[:12], style)
        whole = formatter.bibliography()
        one_by_one = []
        for entry in whole:
            gc.collect()
            one_by_one += formatter.bibliography([entry.id])
        assert one_by_one == whole
