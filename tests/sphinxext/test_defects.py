"""The defects issue 13 lists, one test project each: a Latin-1 bibliography read in the
encoding `bibtex_encoding` names; LaTeX mathematics in a title does not fail `-W`; an edited
local .csl file is used by the next incremental build; MyST pages cite and list."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from .conftest import build
from .pages import citations, entry_ids, links, page, text_by_id, warnings_of


def test_latin1_bibliography(tmp_path: Path) -> None:
    app = build(tmp_path, "encoding")
    assert warnings_of(app) == ""
    html = Path(app.outdir, "index.html").read_text(encoding="utf-8")
    (anchor,) = entry_ids(html)
    entry = text_by_id(html, anchor) or ""
    assert "Müller" in entry and "Grüße aus Köln" in entry
    assert citations(html)[0][0] == f"#{anchor}"


def test_mathematics_in_a_title_does_not_fail_w(tmp_path: Path) -> None:
    app = build(tmp_path, "latex", warningiserror=True)
    assert warnings_of(app) == ""
    html = Path(app.outdir, "index.html").read_text(encoding="utf-8")
    (anchor,) = entry_ids(html)
    assert "sqrt" in (text_by_id(html, anchor) or "")  # kept as written, never dropped


def test_citation_in_a_title_shows_its_text_in_the_toc(tmp_path: Path) -> None:
    app = build(tmp_path, "latex")
    index = Path(app.outdir, "index.html").read_text(encoding="utf-8")
    toc = index.split('<div class="toctree-wrapper compound">')[1].split("</div>")[0]
    assert "sorting2020" not in toc and "A section that cites [1]" in toc


def test_an_edited_local_style_is_used_by_the_next_build(
    make_app: Any, rootdir: Path, tmp_path: Path
) -> None:
    import citekit

    source = tmp_path / "src"
    shutil.copytree(rootdir / "test-global", source)
    csl = source / "house.csl"
    csl.write_bytes(citekit.Style.load("ieee").xml)
    make_app("html", srcdir=source, confoverrides={"citekit_style": "house.csl"}).build()
    xml = csl.read_text(encoding="utf-8")
    assert 'prefix="["' in xml
    csl.write_text(
        xml.replace('prefix="["', 'prefix="&lt;"').replace('suffix="]"', 'suffix="&gt;"'), encoding="utf-8"
    )
    app = make_app("html", srcdir=source, confoverrides={"citekit_style": "house.csl"})
    app.build()
    assert citations(page(app, "index.html"))[0][2] == "<1>"


@pytest.fixture(scope="module")
def myst(tmp_path_factory: pytest.TempPathFactory) -> Any:
    pytest.importorskip("myst_parser", reason="MyST pages need myst-parser")
    return build(tmp_path_factory.mktemp("myst"), "myst")


def test_myst_pages(myst: Any) -> None:
    assert warnings_of(myst) == ""
    index = Path(myst.outdir, "index.html").read_text(encoding="utf-8")
    texts = [text for _, _, text in citations(index)]
    assert texts[:3] == ["(Knuth 1984)", "Cooley and Tukey (1965)", "(see Lamport 1994, 12)"]
    assert "A Mathematical Theory of Communication" in index.split('class="footnote-list')[1]
    assert entry_ids(index) == [
        "citekit-index-cooley1965",
        "citekit-index-knuth1984",
        "citekit-index-lamport1994",
    ]
    notes = Path(myst.outdir, "notes.html").read_text(encoding="utf-8")
    assert [text for _, _, text in citations(notes)] == ["(Knuth 1984)", "1968"]
    assert notes.count("<li") >= 5  # the bullet list of everything cited in the build
    # MyST moves footnotes to the end of the page after a rule of its own: the
    # footbibliography's container keeps the page's rule from standing beside it
    # (docutils: "adjacent transitions are not allowed"); {cite:p} with two keys links both
    ruled = Path(myst.outdir, "ruled.html").read_text(encoding="utf-8")
    assert [href.rpartition("-")[2] for href in links(ruled)[0]] == ["vaswani2017", "neumann1944"]
    assert "Knuth" in ruled.split('class="footnote-list')[1]


def test_citekit_bib_encoding_is_an_alias_of_citekit_encoding(tmp_path: Path) -> None:
    """The Latin-1 file decodes with only `citekit_bib_encoding` set (UTF-8 would fail on it)."""
    app = build(
        tmp_path, "encoding", confoverrides={"bibtex_encoding": "", "citekit_bib_encoding": "latin-1"}
    )
    assert warnings_of(app) == ""
    html = Path(app.outdir, "index.html").read_text(encoding="utf-8")
    (anchor,) = entry_ids(html)
    assert "Grüße aus Köln" in (text_by_id(html, anchor) or "")


def test_citekit_encoding_wins_over_its_alias() -> None:
    from sphinx.config import Config

    from citekit.sphinxext._config import Settings, register

    class _App:
        def __init__(self, config: Config) -> None:
            self.config = config

        def add_config_value(self, name: str, default: Any, rebuild: str, types: Any) -> None:
            self.config.add(name, default, rebuild, types)

    config = Config({"citekit_encoding": "cp1252", "citekit_bib_encoding": "latin-1"})
    register(_App(config))  # type: ignore[arg-type]
    config.init_values()
    assert Settings.of(config).encoding == "cp1252"
