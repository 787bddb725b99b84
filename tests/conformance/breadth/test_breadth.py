"""The breadth check: citekit against citeproc-js in 100 repository styles drawn at random
(seed `STYLE_SEED`; the ids are in the first line of reference.jsonl) with 16 generated items
each (breadth_items.py), every entry and citation in text and HTML.

mismatches.jsonl lists the checks known to differ, with the reason and citekit's output when
listed. It only shrinks: a mismatch that is not listed fails, and so does a listed check whose
output changed (fixed, or different): `tools/breadth_report.py --write-mismatches` then
takes fixed ones off and stores the new outputs, so the change shows in the diff.
"""

from __future__ import annotations

from typing import Any

import pytest
from breadth_check import (
    STYLE_SEED,
    Check,
    compare,
    draw_styles,
    load_reference,
    read_mismatches,
)
from breadth_items import generate


@pytest.fixture(scope="module")
def reference() -> tuple[dict[str, Any], list[dict[str, Any]]]:
    return load_reference()


@pytest.fixture(scope="module")
def checks(reference: tuple[dict[str, Any], list[dict[str, Any]]]) -> list[Check]:
    return [check for record in reference[1] for check in compare(record)]


def _describe(check: Check) -> str:
    return f"{check.key}\n  citeproc-js: {check.expected!r}\n  citekit:     {check.actual!r}"


def test_the_styles_are_the_seeded_draw(reference: tuple[dict[str, Any], list[dict[str, Any]]]) -> None:
    header, records = reference
    styles = [r["style"] for r in records]
    assert header["style_seed"] == STYLE_SEED
    assert styles == header["styles"] == draw_styles(STYLE_SEED, 100)
    assert records[7]["items"] == generate(STYLE_SEED * 1000 + 7, 16)  # the items are reproducible


def test_no_new_mismatches(checks: list[Check]) -> None:
    listed = read_mismatches()
    new = [c for c in checks if not c.ok and c.key not in listed]
    assert not new, f"{len(new)} checks differ from citeproc-js and are not listed:\n" + "\n".join(
        _describe(c) for c in new[:15]
    )


def test_listed_outputs_are_unchanged(checks: list[Check]) -> None:
    listed = read_mismatches()
    by_key = {c.key: c for c in checks}
    fixed = [key for key in listed if key in by_key and by_key[key].ok]
    changed = [
        by_key[k]
        for k in listed
        if k in by_key and not by_key[k].ok and by_key[k].actual != listed[k]["citekit"]
    ]
    gone = [key for key in listed if key not in by_key]
    message = "run tools/breadth_report.py --write-mismatches:"
    assert not fixed, f"{len(fixed)} listed checks now match ({message}):\n" + "\n".join(fixed[:20])
    assert not changed, f"{len(changed)} listed outputs changed ({message}):\n" + "\n".join(
        _describe(c) + f"\n  listed:      {listed[c.key]['citekit']!r}" for c in changed[:15]
    )
    assert not gone, f"listed checks that do not exist: {gone[:5]}"


def test_every_listed_mismatch_says_why() -> None:
    for key, entry in read_mismatches().items():
        assert len(entry["reason"].strip()) > 10, f"{key} has no reason"
