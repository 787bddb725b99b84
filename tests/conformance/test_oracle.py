"""citekit against citeproc-js (the reference processor) on the oracle items of ../shared/oracle.

Every entry and citation, text and HTML, is compared; oracle_mismatches.txt lists the checks
known to differ (it only shrinks: an unlisted mismatch fails, and so does a listed check that now
matches, until it is taken off), and oracle_mismatches.json stores citekit's output for each
listed check, so a listed check cannot quietly get worse (tools/update_lists.py maintains both).
The portal record must match in every style.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from listed import judge
from oracle import ORACLE, Check, compare, read_list

MISMATCHES = Path(__file__).resolve().parent / "oracle_mismatches.txt"

pytestmark = pytest.mark.skipif(
    not ORACLE.is_dir(), reason=f"the citeproc-js oracle is not here: {ORACLE} (../shared is absent)"
)


def _describe(check: Check) -> str:
    return f"{check.key}\n  citeproc-js: {check.expected}\n  citekit:     {check.actual}"


@pytest.mark.parametrize("file", ["sample-1.json", "sample-2.json"])
def test_sample_items_match_citeproc_js(file: str) -> None:
    known = read_list(MISMATCHES)
    checks = list(compare(file))
    new = [c for c in checks if not c.ok and c.key not in known]
    assert not new, f"{len(new)} new mismatches:\n" + "\n".join(_describe(c) for c in new[:20])
    problems = judge(MISMATCHES, {c.key: None if c.ok else c.actual for c in checks})
    if problems:
        pytest.fail(
            f"{len(problems)} listed checks differ from {MISMATCHES.name}:\n" + "\n".join(problems[:40])
        )


def test_portal_record_matches_in_every_style() -> None:
    checks = list(compare("portal-record.json"))
    assert len(checks) == 64
    wrong = [c for c in checks if not c.ok]
    assert not wrong, "\n".join(_describe(c) for c in wrong)


@pytest.mark.parametrize("name", ["oracle_mismatches.txt", "known_failures.txt"])
def test_every_listed_failure_says_why(name: str) -> None:
    path = Path(__file__).resolve().parent / name
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        key, _, reason = line.partition("#")
        if key.strip():
            assert len(reason.strip()) > 10, f"{name}:{number}: {key.strip()} has no reason"
