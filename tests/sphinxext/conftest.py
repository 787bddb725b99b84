"""Builds of the tiny projects in tests/roots/test-*/ with sphinx.testing."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

try:
    # The sphinx.testing.fixtures plugin, for this folder only: pytest refuses `pytest_plugins`
    # in a conftest below the top level, so its marker hook and fixtures are imported by name.
    from sphinx.testing.fixtures import (  # noqa: F401 (found by pytest by name)
        _shared_result_cache,
        app,
        app_params,
        make_app,
        pytest_configure,
        shared_result,
        sphinx_test_tempdir,
        status,
        test_params,
        warning,
    )
except ImportError:  # Sphinx is in the `test` extra; without it only the docs test runs, to skip
    collect_ignore_glob = ["test_[!d]*.py"]

ROOTS = Path(__file__).resolve().parent.parent / "roots"
ORACLE = Path(__file__).resolve().parents[3] / "shared" / "oracle" / "sample-1.json"


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return ROOTS


@pytest.fixture(scope="session")
def oracle() -> dict[str, Any]:
    """citeproc-js's renderings of the sample items (the expected values), when present."""
    if not ORACLE.is_file():
        pytest.skip(f"the reference outputs are not here ({ORACLE})")
    styles: dict[str, Any] = json.loads(ORACLE.read_text(encoding="utf-8"))["styles"]
    return styles


def build(
    workdir: Path,
    root: str,
    builder: str = "html",
    confoverrides: dict[str, Any] | None = None,
    parallel: int = 0,
    warningiserror: bool = False,
) -> Any:
    """A one-off build of tests/roots/test-ROOT copied into `workdir` (for module-scoped
    fixtures: one build serves every test of a module). The app is cleaned up; its `outdir`,
    `env` and `warning` stay readable."""
    import shutil
    from io import StringIO

    from sphinx.testing.util import SphinxTestApp

    source = workdir / root
    shutil.copytree(ROOTS / f"test-{root}", source)
    app = SphinxTestApp(
        builder,
        srcdir=source,
        confoverrides=confoverrides,
        status=StringIO(),
        warning=StringIO(),
        parallel=parallel,
        warningiserror=warningiserror,
    )
    try:
        app.build()
    finally:
        app.cleanup()
    return app


INCUMBENT = {"extensions": ["sphinxcontrib.bibtex"]}


@pytest.fixture(scope="session")
def project(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Any]:
    """`project(root, incumbent=False, **build_args)`: the build of tests/roots/test-ROOT,
    made once per session and shared by every module asking for the same root and settings
    (tests only read what a build wrote). `incumbent=True` builds it with
    sphinxcontrib-bibtex instead (only `extensions` changed, to `confoverrides`' own list
    when it names one), whose output is the reference;
    the test is skipped when that is not installed."""
    built: dict[str, Any] = {}

    def get(root: str, incumbent: bool = False, **build_args: Any) -> Any:
        if incumbent:
            pytest.importorskip("sphinxcontrib.bibtex", reason="the comparison needs sphinxcontrib-bibtex")
            # the project's other extensions (myst_parser) are named in confoverrides
            build_args["confoverrides"] = {**INCUMBENT, **(build_args.get("confoverrides") or {})}
        key = repr((root, sorted(build_args.items())))
        if key not in built:
            built[key] = build(
                tmp_path_factory.mktemp("incumbent" if incumbent else "citekit"), root, **build_args
            )
        return built[key]

    return get
