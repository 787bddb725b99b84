"""Reproducers for every bug fuzzing found (tools/fuzz.py), kept small so that they run fast.

The long fuzz run is the tool; these are the inputs it (or the issue's fuzzing, which the tool
repeats) found, each cut down to the smallest size that still showed the bug. Bugs in the
BibTeX reader and writer are the BibTeX side's to fix: their reproducers are here too, marked
as expected failures until then (not strict, so that the fix needs no change here).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

import citekit

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
import fuzz  # tools/ is no package


def parse_only_citekit_errors(text: str, fmt: str) -> citekit.Library | None:
    try:
        return citekit.parse(text, fmt)
    except citekit.CitekitError:
        return None


# --- CSL-JSON -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "[" * 5000 + "]" * 5000,  # RecursionError escaped parse
        '[{"id": "a", "type": "book", "x": ' + "[" * 5000 + "]" * 5000 + "}]",
        '[{"id": "a", "type": "book", "volume": ' + "9" * 5000 + "}]",  # ValueError: 4,300 digits
        '[{"id": "a", "type": "book", "issued": {"date-parts": [["' + "9" * 5000 + '"]]}}]',
        '[{"id": "a", "type": "book", "issued": {"date-parts": [[' + "9" * 5000 + "]]}}]",
        '[{"id": "a", "type": "book", "issued": {"date-parts": [[]]}}]',  # TypeError when rendered
        '[{"id": "a", "type": "book", "issued": {"date-parts": [[], []]}, "title": null}]',
    ],
)
def test_csljson_inputs_that_escaped_as_other_exceptions(text: str) -> None:
    library = citekit.parse(text, "csljson")
    for fmt in ("ris", "csljson", "bibtex"):
        citekit.parse(citekit.dumps(library, fmt), fmt)
    citekit.Formatter(library.records, "apa").bibliography()


# --- RIS ---------------------------------------------------------------------------------------------


def test_ris_title_holding_records_cannot_inject_them() -> None:
    record = citekit.Record("a", "book", {"title": "T\nER  - \n\nTY  - JOUR\nTI  - injected\nER  - "})
    assert len(citekit.parse(citekit.dumps([record], "ris"), "ris")) == 1


@pytest.mark.parametrize(
    "text",
    [
        "TY  - JOUR\nAB  - x\n" + "more\n" * 20_000 + "ER  - \n",  # quadratic continuation lines
        "stray\n\nTY  - JOUR\nER  - \n\n" * 2_000,  # quadratic block placement on write
        "TY  - JOUR\nN1  - PMID: " + "9" * 5000 + "\nER  - \n",
        "TY  - JOUR\nDA  - " + "9" * 5000 + "/01/01/\nER  - \n",
        "TY  - JOUR\nN1  - issued: 99999/99/99/\nN1  - author: ,\nER  - \n",
        "TY  - GEN\nN1  - type: nonsense\nM3  - Article; Review\nER  - \n",
    ],
)
def test_ris_inputs_stay_readable_and_writable(text: str) -> None:
    library = citekit.parse(text, "ris")
    for fmt in ("ris", "csljson", "bibtex", "biblatex"):
        assert parse_only_citekit_errors(citekit.dumps(library, fmt), fmt) is not None


# --- The BibTeX side (found here, fixed there) ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "@article{k, title = {" + "{" * 600 + "x" + "}" * 600 + "}}",
        "@article{k, title = {" + "\\textbf{" * 400 + "x" + "}" * 400 + "}}",
    ],
)
def test_bib_deep_nesting_is_a_problem_not_a_recursion_error(text: str) -> None:
    assert parse_only_citekit_errors(text, "bibtex") is not None


@pytest.mark.xfail(
    reason="known: BibTeX cannot hold an unbalanced brace in a verbatim field (DOI, URL) as written",
    strict=True,  # when it passes, take this mark off
)
def test_bib_writer_keeps_a_brace_in_a_doi_readable() -> None:
    # Found by tests/formats/test_roundtrips.py: "{" in a verbatim field breaks the .bib.
    record = citekit.Record("a", "article-journal", {"DOI": "10.1000/{"})
    back = citekit.parse(citekit.dumps([record], "bibtex"), "bibtex")
    assert back.ok and back.records[0]["DOI"] == "10.1000/{"


def test_bib_writer_month_13_and_empty_date() -> None:
    for date in (citekit.Date(date_parts=((2020, 13),)), citekit.Date(date_parts=((),))):
        record = citekit.Record("a", "article-journal", {"issued": date})
        assert citekit.parse(citekit.dumps([record], "bibtex"), "bibtex").ok


# --- The harness itself ---------------------------------------------------------------------------


def test_harness_runs_an_input_in_a_child_under_limits() -> None:
    deep = ("[" * 3000 + "]" * 3000).encode()
    result = fuzz.run_one(deep, "csljson", min_seconds=10.0)
    assert result.failure is None, result.failure
    assert result.size == len(deep) and result.seconds < 10.0


def test_harness_reports_what_is_no_citekit_error_and_what_is_slow() -> None:
    crash = fuzz._WORKER.replace("library = citekit.parse(text, fmt)", "library = {}['x']")
    result = fuzz.run_one(b"x", "ris", worker=crash)
    assert result.failure is not None and result.failure.startswith("crash:") and "KeyError" in result.failure
    slow = fuzz._WORKER.replace("library = citekit.parse(text, fmt)", "time.sleep(1.2); library = []")
    result = fuzz.run_one(b"x", "ris", worker=slow, min_seconds=0.5)
    assert result.failure is not None and result.failure.startswith("slow read")
    hog = fuzz._WORKER.replace("library = citekit.parse(text, fmt)", 'hog = b"x" * (200 << 20); library = []')
    result = fuzz.run_one(b"x", "ris", worker=hog)
    assert result.failure is not None and "memory" in result.failure


def test_mutations_are_reproducible_from_the_seed() -> None:
    import random

    data = json.dumps([{"id": "a", "type": "book"}]).encode()
    first = [fuzz.mutate(random.Random(7), data, b"TY  - JOUR") for _ in range(3)]
    again = [fuzz.mutate(random.Random(7), data, b"TY  - JOUR") for _ in range(3)]
    assert first == again
