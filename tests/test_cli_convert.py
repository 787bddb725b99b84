"""`citekit convert` as a user runs it: what is written, what is reported, the exit status."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from citekit._cli import main

GOOD = [{"id": f"good{n}", "type": "book", "title": f"Book {n}"} for n in range(8)]
BAD = [{"id": f"bad{n}", "type": "book", "author": "not a list"} for n in range(7)]


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def write_items(path: Path, items: list[dict[str, object]]) -> str:
    path.write_text(json.dumps(items, indent=1), encoding="utf-8")
    return str(path)


def test_every_good_item_is_written_and_errors_exit_2(tmp_path: Path) -> None:
    source = write_items(tmp_path / "in.json", GOOD + BAD)
    target = tmp_path / "out.bib"
    code, _, err = run("convert", source, str(target))
    assert code == 2
    text = target.read_text(encoding="utf-8")
    assert all(f"{{good{n}," in text for n in range(8)) and "bad" not in text
    assert "7 unreadable item(s)" in err and "out.bib" in err  # left out of the .bib, and said so
    assert "… and 3 more (--verbose lists them all" in err  # 7 + 1 problems, 5 shown
    assert err.count("  error: ") == 5


def test_verbose_lists_every_problem_and_problems_file_has_json_lines(tmp_path: Path) -> None:
    source = write_items(tmp_path / "in.json", GOOD + BAD)
    report = tmp_path / "problems.jsonl"
    code, _, err = run("convert", source, str(tmp_path / "out.ris"), "--verbose", "--problems", str(report))
    assert code == 2
    assert err.count("  error: ") == 8 and "more" not in err
    lines = [json.loads(line) for line in report.read_text(encoding="utf-8").splitlines()]
    assert lines[0]["kind"] == "not-written"
    assert [p["item"] for p in lines[1:]] == [f"bad{n}" for n in range(7)]
    assert {p["kind"] for p in lines[1:]} == {"invalid-record"}
    first = lines[1]
    assert (first["severity"], first["field"], first["file"], first["line"]) == (
        "error",
        "author",
        source,
        42,  # "[" then eight items of five lines each
    )


def test_same_format_keeps_bad_items_but_still_exits_2(tmp_path: Path) -> None:
    source = write_items(tmp_path / "in.json", GOOD + BAD)
    code, out, err = run("convert", source, "-", "--to", "csljson")
    assert code == 2
    assert [item["id"] for item in json.loads(out)] == [item["id"] for item in GOOD + BAD]
    assert "not in" not in err


def test_warnings_alone_exit_0(tmp_path: Path) -> None:
    source = write_items(tmp_path / "in.json", [{"id": "a", "type": "book", "volume": None}])
    code, out, err = run("convert", source, "-", "--to", "ris")
    assert code == 0 and "TY  - BOOK" in out and "warning" in err


def test_a_wrong_from_is_an_error_not_success(tmp_path: Path) -> None:
    source = tmp_path / "refs.txt"
    source.write_text("TY  - JOUR\nTI  - A title\nER  - \n", encoding="utf-8")
    target = tmp_path / "out.json"
    code, _, err = run("convert", str(source), str(target), "--from", "bibtex")
    assert code == 2 and not target.exists()
    assert "no record" in err and "--from" in err
    code, _, err = run("convert", "-", "-", "--from", "csljson", "--to", "ris", stdin="TY  - JOUR\nER  - \n")
    assert code == 2
    code, out, _ = run("convert", "-", "-", "--from", "ris", "--to", "csljson", stdin="\n")
    assert (code, json.loads(out)) == (0, [])  # an empty input is no mistake


def test_a_problems_file_that_cannot_be_written_is_one_line(tmp_path: Path) -> None:
    source = write_items(tmp_path / "in.json", GOOD)
    code, _, err = run("convert", source, "-", "--to", "ris", "--problems", str(tmp_path / "no" / "p.jsonl"))
    assert code == 2 and err.startswith("citekit: error: ") and "Traceback" not in err


# BibLaTeX-only spellings (the biblatex manual, sections 2.1-2.3 and 2.4.4): `@online`,
# `journaltitle` for `journal`, `date` for `year`/`month`; and their classic BibTeX forms.
BIBLATEX_STYLE = """@online{smith2020,
  author = {Smith, Jane},
  title = {A Web Page},
  date = {2020-05-01},
  url = {https://example.org/page},
}

@article{doe2019,
  author = {Doe, John},
  title = {An Article},
  journaltitle = {Journal of Things},
  date = {2019},
  volume = {3},
}
"""
BIBTEX_STYLE = """@phdthesis{roe2018,
  author = {Roe, Richard},
  title = {A Thesis},
  school = {Some University},
  year = {2018},
}

@article{doe2019,
  author = {Doe, John},
  title = {An Article},
  journal = {Journal of Things},
  year = {2019},
  month = may,
}
"""


def _fields(text: str) -> set[str]:
    return {line.split("=")[0].strip().lower() for line in text.splitlines() if " = " in line}


def test_an_explicit_to_bibtex_converts_a_biblatex_style_bib_read_as_bibtex(tmp_path: Path) -> None:
    source = tmp_path / "in.bib"
    source.write_text(BIBLATEX_STYLE, encoding="utf-8")
    target = tmp_path / "out.bib"
    code, _, err = run("convert", str(source), str(target), "--to", "bibtex")
    assert (code, err) == (0, "")
    text = target.read_text(encoding="utf-8")
    assert "@online" not in text.lower() and "@misc{smith2020," in text.lower()
    assert not {"journaltitle", "date"} & _fields(text)
    assert {"journal", "year", "month"} <= _fields(text)
    assert "journal = {Journal of Things}" in text and "year = {2019}" in text
    assert "year = {2020}" in text and "month = may" in text


def test_an_explicit_to_biblatex_converts_a_bibtex_file(tmp_path: Path) -> None:
    source = tmp_path / "in.bib"
    source.write_text(BIBTEX_STYLE, encoding="utf-8")
    code, out, _ = run("convert", str(source), "-", "--to", "biblatex")
    assert code == 0
    assert "@phdthesis" not in out.lower() and "@thesis{roe2018," in out.lower()
    assert not {"journal", "school"} & _fields(out)
    assert {"journaltitle", "institution", "date"} <= _fields(out)
    assert "date = {2019-05}" in out


def test_a_bib_copy_without_to_is_never_converted(tmp_path: Path) -> None:
    for name, text in (("biblatex.bib", BIBLATEX_STYLE), ("bibtex.bib", BIBTEX_STYLE)):
        source = tmp_path / name
        source.write_text(text, encoding="utf-8")
        target = tmp_path / f"copy-{name}"
        code, _, _ = run("convert", str(source), str(target))
        assert code == 0
        assert target.read_text(encoding="utf-8") == text
