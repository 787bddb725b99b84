"""Issue 10 for numeric and note styles: after one entry's edit, an incremental build renders
only what the edit can change (its own citations and entries, what it renumbers, the notes
its short forms are told apart from) and writes what a clean build of the edited project
writes, page for page."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from .pages import edit_entry, warnings_of

ROOT = "test-edit"


def _project(rootdir: Path, where: Path, style: str) -> Path:
    """tests/roots/test-edit in `style`."""
    shutil.copytree(rootdir / ROOT, where)
    conf = where / "conf.py"
    text = conf.read_text(encoding="utf-8")
    conf.write_text(text.replace('citekit_style = "apa"', f'citekit_style = "{style}"'), encoding="utf-8")
    assert f'"{style}"' in conf.read_text(encoding="utf-8")
    return where


def _stamps(outdir: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in outdir.glob("*.html")}


def _pages(outdir: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(outdir.glob("*.html"))}


def _again(status: str) -> tuple[int, int]:
    """(entries rendered again, entries in the files) from the build's status line."""
    found = re.search(r"rendered (\d+) of (\d+) entries again", status)
    assert found is not None, "everything was rendered again"
    return int(found[1]), int(found[2])


# acm-sig-proceedings is numeric and sorts its bibliography by author, then title:
# Brown, Garcia, Jones, Lee, Smith Ann, Smith John (autumn), Smith John (spring), Zhou.
SORTED = "acm-sig-proceedings"
NOTES = "chicago-notes-bibliography"
SUBSTITUTE = "chicago-notes-bibliography-17th-edition"

# (style, entry, old text, new text, a page that cites nothing the edit touches (or None),
# how many entries are rendered again (the edited ones and those whose number moves))
EDITS = [
    pytest.param(
        "ieee", "brown2005", "{Glaciers}", "{Glaciers and ice sheets}", "three.html", 1, id="ieee-title"
    ),
    pytest.param("ieee", "brown2005", "Brown, Paul", "Zhou, Paul", "one.html", 1, id="ieee-names"),
    pytest.param("ieee", "smith2001b", "{2001}", "{2003}", "three.html", 1, id="ieee-year"),
    pytest.param(
        SORTED, "brown2005", "{Glaciers}", "{Glaciers and ice sheets}", "three.html", 1, id="sorted-title"
    ),
    # autumn -> winter: after spring, so the two Smith (John) entries swap numbers
    pytest.param(SORTED, "smith2001b", "autumn", "winter", "three.html", 2, id="sorted-swap"),
    # Brown -> Zhou (Paul before Wei): every number moves down one, Brown's to the end but one
    pytest.param(SORTED, "brown2005", "Brown, Paul", "Zhou, Paul", None, 7, id="sorted-to-the-end"),
    # Garcia -> Smith, Ann: after Smith Ann (the same name, the title "Lakes" before "Tides")
    pytest.param(SORTED, "garcia2012", "Garcia, Ana", "Smith, Ann", None, 4, id="sorted-namesake"),
    # chicago-notes-bibliography sorts as acm-sig-proceedings does; one.rst's :cite:t: and
    # :cite:ts: and two.rst's :cite:year: and :cite:author: put names in the text (Smith,
    # Jones, Lee, Brown), the other forms are notes
    pytest.param(NOTES, "garcia2012", "{Tides}", "{Tides and waves}", "one.html", 1, id="notes-title"),
    pytest.param(NOTES, "garcia2012", "{2012}", "{2001}", "one.html", 1, id="notes-year"),
    pytest.param(NOTES, "garcia2012", "Garcia, Ana", "Zhou, Ana", "two.html", 1, id="notes-moves"),
    pytest.param(NOTES, "zhou2015", "{Currents}", "{Air}", "one.html", 1, id="notes-last"),
    # its 17th edition writes "———." for the names of an entry by the authors of the one
    # before it: Jones's entry follows an edited one, then another
    pytest.param(SUBSTITUTE, "garcia2012", "{Tides}", "{Tides and waves}", "one.html", 2, id="dash-title"),
    # Garcia -> Zhou, Wei: after Zhou's "Currents", as "———. Tides"
    pytest.param(SUBSTITUTE, "garcia2012", "Garcia, Ana", "Zhou, Wei", "two.html", 2, id="dash-comes"),
    # Zhou -> Garcia, Ana: "Currents" before "Tides", which becomes "———. Tides"
    pytest.param(SUBSTITUTE, "zhou2015", "Zhou, Wei", "Garcia, Ana", "two.html", 2, id="dash-before"),
]


@pytest.mark.parametrize(("style", "key", "old", "new", "untouched", "again"), EDITS)
def test_an_edited_entry_renders_as_a_clean_build_would(
    make_app: Any,
    rootdir: Path,
    tmp_path: Path,
    style: str,
    key: str,
    old: str,
    new: str,
    untouched: str | None,
    again: int,
) -> None:
    source = _project(rootdir, tmp_path / "edited", style)
    make_app("html", srcdir=source).build()
    before = _stamps(source / "_build" / "html")
    edit_entry(source / "refs.bib", key, old, new)
    second = make_app("html", srcdir=source)
    second.build()
    assert _again(second.status.getvalue()) == (again, 8)
    after = _stamps(Path(second.outdir))
    if untouched is not None:
        assert after[untouched] == before[untouched]  # not read, not written

    clean_source = _project(rootdir, tmp_path / "clean", style)
    edit_entry(clean_source / "refs.bib", key, old, new)
    clean = make_app("html", srcdir=clean_source)
    clean.build()
    assert "[citekit." not in warnings_of(clean)
    assert _pages(Path(second.outdir)) == _pages(Path(clean.outdir))


# two edits, each built incrementally: the second starts from what the first stored
TURNS = [
    pytest.param(
        "ieee",
        [("brown2005", "{Glaciers}", "{Ice}"), ("garcia2012", "Garcia, Ana", "Brown, Ana")],
        id="ieee",
    ),
    pytest.param(
        SORTED,
        [("brown2005", "Brown, Paul", "Zhou, Paul"), ("garcia2012", "Garcia, Ana", "Smith, Ann")],
        id="sorted",
    ),
    # garcia2012 becomes "———. Tides" after Zhou's "Currents", then loses the dash when
    # Zhou's entry becomes Garcia's
    pytest.param(
        SUBSTITUTE,
        [("garcia2012", "Garcia, Ana", "Zhou, Wei"), ("zhou2015", "Zhou, Wei", "Garcia, Ana")],
        id="notes",
    ),
]


@pytest.mark.parametrize(("style", "edits"), TURNS)
def test_edits_in_turn_render_as_a_clean_build_would(
    make_app: Any, rootdir: Path, tmp_path: Path, style: str, edits: list[tuple[str, str, str]]
) -> None:
    source = _project(rootdir, tmp_path / "edited", style)
    clean_source = _project(rootdir, tmp_path / "clean", style)
    make_app("html", srcdir=source).build()
    for key, old, new in edits:
        edit_entry(source / "refs.bib", key, old, new)
        edit_entry(clean_source / "refs.bib", key, old, new)
        again = make_app("html", srcdir=source)
        again.build()
        _again(again.status.getvalue())
    clean = make_app("html", srcdir=clean_source)
    clean.build()
    assert _pages(Path(again.outdir)) == _pages(Path(clean.outdir))
