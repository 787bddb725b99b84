"""Reading: @string, crossref/xdata, problems with locations, strict mode, progress."""

from __future__ import annotations

import pytest

import citekit
from citekit import Name, ParseError

STRINGS = """
@string{jnl = "Journal of Tests"}
@string{full = jnl # " (Series B)"}
@article{a,
  journal = full,
  title = "Part " # {One},
  month = jun,
  year = 1999,
}
"""


def test_strings_and_concatenation_resolve_for_rendering() -> None:
    record = citekit.parse(STRINGS, "bibtex", sentence_case="never").records[0]
    assert record["container-title"] == "Journal of Tests (Series B)"
    assert record["title"] == "Part One"
    assert record["issued"].date_parts == ((1999, 6),)


def test_written_file_keeps_string_references() -> None:
    library = citekit.parse(STRINGS, "bibtex")
    text = citekit.dumps(library, "bibtex")
    assert '@string{jnl = "Journal of Tests"}' in text
    assert "journal = full," in text
    assert "month = jun," in text
    assert '"Part " # {One}' in text


# The biblatex manual's crossref example (section 2.4.1): an @inbook inherits from its @book.
CROSSREF = """
@inbook{chap,
  author = {Alice Adams},
  title = {A Chapter},
  pages = {1--10},
  crossref = {whole},
}
@book{whole,
  author = {Bob Brody},
  title = {The Whole Book},
  publisher = {Pub},
  year = 2001,
}
"""


def test_crossref_inheritance() -> None:
    lib = citekit.parse(CROSSREF, "biblatex")
    chap = lib["chap"]
    assert chap["container-title"] == "The whole book"  # the parent's title (sentence case) becomes booktitle
    assert chap["container-author"] == (Name(family="Brody", given="Bob"),)
    assert chap["author"] == (Name(family="Adams", given="Alice"),)  # own field wins
    assert chap["publisher"] == "Pub"
    assert chap["issued"].year == 2001
    assert chap["title"] == "A Chapter"


def test_crossref_is_not_flattened_on_write() -> None:
    text = citekit.dumps(citekit.parse(CROSSREF, "biblatex"), "biblatex")
    chapter = text.split("@book")[0]
    assert "crossref = {whole}" in chapter
    assert "publisher" not in chapter and "booktitle" not in chapter


def test_xdata() -> None:
    text = """
    @xdata{pub, publisher = {Macmillan}, location = {London}}
    @book{b, title = {T}, xdata = {pub}}
    """
    lib = citekit.parse(text, "biblatex")
    assert lib.ids == ("b",)
    assert (lib["b"]["publisher"], lib["b"]["publisher-place"]) == ("Macmillan", "London")
    assert "@xdata{pub" in citekit.dumps(lib, "biblatex")


BAD = """@article{good1, title = {One}}

@article{broken, title = {Two}, , year = 2000}

@article{good1, title = {Again}}

@article{dupfield, title = {A}, title = {B}}

@article{undef, journal = nosuch}

@article{good2, title = {Three}}
"""


def test_bad_input_is_reported_and_the_rest_reads() -> None:
    lib = citekit.parse(BAD, "bibtex", source="bad.bib")
    assert lib.ids == ("good1", "dupfield", "undef", "good2")
    by_kind = {p.kind: p for p in lib.problems}
    assert by_kind["syntax"].location.line == 3
    assert by_kind["syntax"].location.file == "bad.bib"
    assert by_kind["duplicate-key"].location.item == "good1"
    assert by_kind["duplicate-key"].location.line == 5
    assert (by_kind["duplicate-field"].location.item, by_kind["duplicate-field"].location.field) == (
        "dupfield",
        "title",
    )
    assert lib["dupfield"]["title"] == "A"  # BibTeX keeps the first
    undefined = by_kind["undefined-string"]
    assert (undefined.location.item, undefined.location.field, undefined.severity) == (
        "undef",
        "journal",
        "warning",
    )
    assert not lib.ok


def test_failed_blocks_are_written_back() -> None:
    lib = citekit.parse(BAD, "bibtex")
    text = citekit.dumps(lib, "bibtex")
    assert "@article{broken, title = {Two}, , year = 2000}" in text
    assert "@article{good1, title = {Again}}" in text
    again = citekit.parse(text, "bibtex")
    assert again.records == lib.records
    assert [p.kind for p in again.problems] == [p.kind for p in lib.problems]


def test_unbalanced_brace_is_a_syntax_problem() -> None:
    lib = citekit.parse("@article{a, title = {Open {brace}\n\n@article{b, title = {Fine}}\n", "bibtex")
    assert "b" in lib.ids
    assert any(p.kind == "syntax" for p in lib.problems)


def test_strict_raises_parse_error_with_location() -> None:
    with pytest.raises(ParseError) as info:
        citekit.parse(BAD, "bibtex", strict=True, source="bad.bib")
    assert info.value.location.line == 3


def test_unknown_command_warns() -> None:
    lib = citekit.parse(r"@article{a, title = {Using \mycmd{x} and \TeX}}", "bibtex")
    assert lib["a"]["title"] == r"Using \mycmd{x} and TeX"
    (problem,) = lib.problems
    assert (problem.kind, problem.severity, problem.location.field) == ("unknown-command", "warning", "title")


def test_empty_key_gets_an_id_and_keeps_its_empty_key() -> None:
    lib = citekit.parse("@article{, title = {No key}}", "bibtex")
    assert lib.records[0].key == "nokey-1"
    assert citekit.dumps(lib, "bibtex").startswith("@article{,")


def test_and_others_is_et_al() -> None:
    lib = citekit.parse("@article{a, author = {Alice Adams and others}}", "bibtex")
    assert lib["a"]["author"] == (Name(family="Adams", given="Alice"),)
    assert lib["a"].extra["bibtex"]["others"] == ["author"]


def test_useprefix_option() -> None:
    lib = citekit.parse("@book{a, author = {van Gogh, Vincent}, options = {useprefix=true}}", "biblatex")
    assert lib["a"]["author"] == (Name(family="Gogh", given="Vincent", non_dropping_particle="van"),)


def test_progress_is_called() -> None:
    calls: list[tuple[int, int]] = []
    text = "".join(f"@misc{{k{i}, title = {{T}}}}\n" for i in range(4500))
    citekit.parse(text, "bibtex", progress=lambda done, total: calls.append((done, total)))
    assert calls[0][0] == 0 and calls[-1][0] == calls[-1][1] and len(calls) >= 3


def test_read_file(tmp_path: pytest.TempPathFactory) -> None:
    path = tmp_path / "x.bib"  # type: ignore[operator]
    path.write_text("\ufeff@book{k, title = {T}, year = 2000}\n", encoding="utf-8")
    lib = citekit.read(path)
    assert lib.ids == ("k",) and lib.format == "bibtex"


def test_a_command_the_preamble_defines_is_kept_but_not_reported() -> None:
    text = r"""@preamble{"\newcommand{\acro}[1]{\textsc{#1}} \def\Dash{---}"}
    @article{a, title = {\acro{TUG} news \Dash\ and \other}}"""
    lib = citekit.parse(text, "bibtex")
    assert lib["a"]["title"] == r"\acro{TUG} news \Dash and \other"
    assert [p.message for p in lib.problems] == [r"unknown LaTeX command \other kept as written"]
