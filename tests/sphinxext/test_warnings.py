"""Problems are Sphinx warnings with a file and line and a citekit.* type, never a crash;
each type can be silenced with suppress_warnings."""

from __future__ import annotations

from typing import Any

import pytest

from .pages import citations, page, warnings_of


@pytest.mark.sphinx("html", testroot="errors")
def test_each_problem_is_a_typed_warning(app: Any) -> None:
    app.build()
    warnings = warnings_of(app)
    index = app.srcdir / "index.rst"
    assert f"{index}:4: WARNING: unknown citation key 'nosuchkey2000' [citekit.unknown-key]" in warnings
    assert f"{index}:12: WARNING: unknown citation key 'alsomissing' [citekit.unknown-key]" in warnings
    assert "no CSL style named 'no-such-style-anywhere'" in warnings and "[citekit.unknown-style]" in warnings
    assert (
        f"{index}:9: WARNING: bad :filter: expected a value" in warnings
        and "[citekit.bad-filter]" in warnings
    )
    assert f"WARNING: {app.srcdir / 'missing.json'}: cannot read bibliography file" in warnings
    assert "[citekit.bad-entry]" in warnings
    assert f"{index}:15: WARNING: expected 'prefix {{key, locator}} suffix'" in warnings
    assert "[citekit.syntax]" in warnings
    html = page(app, "index.html")
    # the unknown key is shown as such, linking nowhere; the rest still works
    assert citations(html)[1] == ("", "", "nosuchkey2000?")
    assert citations(html)[0][2] == "(Werner et al., 2018)"


@pytest.mark.sphinx(
    "html",
    testroot="errors",
    confoverrides={
        "suppress_warnings": [
            "citekit.unknown-key",
            "citekit.unknown-style",
            "citekit.bad-filter",
            "citekit.bad-entry",
            "citekit.syntax",
        ]
    },
)
def test_warnings_can_be_suppressed_by_type(app: Any) -> None:
    app.build()
    assert warnings_of(app) == ""


@pytest.mark.sphinx("html", testroot="errors", confoverrides={"citekit_style": "no-such-main-style"})
def test_an_unknown_main_style_falls_back(app: Any) -> None:
    app.build()
    assert "no CSL style named 'no-such-main-style'" in warnings_of(app)
    assert "(Werner et al., 2018)" in page(app, "index.html")  # APA, the fallback
