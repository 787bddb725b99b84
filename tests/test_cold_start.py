"""Cold start: `import citekit` loads none of the heavy dependencies until they are used.

Each check runs in a fresh interpreter, because this test process has long since imported
everything. Timing targets live in benchmarks/cold_start.py, not here.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import ROOT

import citekit

# Heavy dependencies and what first needs them.
HEAVY = {
    "citeproc": "rendering",
    "lxml": "loading a style",
    "bibtexparser": "reading BibTeX",
    "pylatexenc": "reading or writing BibTeX",
    "click": "the command line",
    "rapidfuzz": "style-name suggestions",
    "sphinx": "the Sphinx extension",
    "docutils": "the Sphinx extension",
    "attrs": "the first public value class",
}


def loaded_after(code: str) -> set[str]:
    """The top-level packages of HEAVY that are imported after running `code`."""
    probe = f"import sys, json\n{code}\nprint(json.dumps(sorted(sys.modules)))"
    run = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True, timeout=120
    )
    modules = json.loads(run.stdout.splitlines()[-1])
    return {name for name in HEAVY if name in modules}


def test_import_citekit_loads_nothing_heavy() -> None:
    assert loaded_after("import citekit") == set()


def test_the_error_tree_needs_no_engine() -> None:
    loaded = loaded_after("import citekit\ncitekit.CitekitError\ncitekit.PORTAL_FORMATS")
    assert loaded <= {"attrs"}


def test_reading_csljson_needs_no_engine_and_no_bibtex() -> None:
    loaded = loaded_after(
        'import citekit\ncitekit.parse(\'[{"id": "a", "type": "book", "title": "T"}]\', \'csljson\')'
    )
    assert loaded == {"attrs"}


def test_a_name_loads_what_it_needs() -> None:
    assert {"citeproc", "lxml"} <= loaded_after("import citekit\ncitekit.Formatter")
    assert "bibtexparser" in loaded_after("import citekit\ncitekit.parse('@book{a, title={T}}', 'bibtex')")


def test_the_cli_help_loads_no_engine() -> None:
    loaded = loaded_after("import citekit._cli")
    assert "click" in loaded
    assert not loaded & {"citeproc", "lxml", "bibtexparser", "rapidfuzz", "sphinx"}


@pytest.mark.parametrize("name", citekit.__all__)
def test_every_public_name_loads_lazily(name: str) -> None:
    obj = getattr(citekit, name)
    assert obj is getattr(citekit, name)
    assert name in dir(citekit)


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_name"):
        citekit.no_such_name  # type: ignore[attr-defined]  # noqa: B018


# Standard-library modules a one-off `citekit cite` need not pay for (~5-8 ms together):
# importlib.resources drags in tempfile, zipfile and more; tomllib is only for aliases.
NOT_ON_THE_CITE_PATH = ("importlib.resources", "tomllib", "hashlib", "rapidfuzz", "multiprocessing")


def modules_after(code: str) -> set[str]:
    probe = f"import sys, json\n{code}\nprint(json.dumps(sorted(sys.modules)))"
    run = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True, timeout=120
    )
    return set(json.loads(run.stdout.splitlines()[-1]))


def test_citing_one_record_by_style_id_loads_no_index_or_resources() -> None:
    code = (
        "import citekit\n"
        "record = citekit.Record.from_csl({'id': 'a', 'type': 'book', 'title': 'T'})\n"
        "citekit.cite_this(record, formats=('apa', 'vancouver'))"
    )
    loaded = modules_after(code)
    assert not loaded & set(NOT_ON_THE_CITE_PATH)


def test_an_alias_still_reads_the_alias_table() -> None:
    loaded = modules_after("from citekit._styles import Style\nassert Style.load('chicago-nb').id")
    assert "tomllib" in loaded
