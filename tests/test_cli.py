"""The command line, driven as a user would (click's runner)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from conftest import ROOT

from citekit._cli import main

EXAMPLE = str(ROOT / "examples" / "theranostics.json")
APA_START = "Werner, R. A., Weich, A., Kircher, M."


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_cite_prints_a_chosen_format() -> None:
    code, out, _ = run("cite", EXAMPLE, "--format", "apa")
    assert code == 0 and out.startswith(APA_START) and "https://doi.org/10.7150/thno.30357" in out


def test_cite_prints_all_seven_by_default() -> None:
    code, out, _ = run("cite", EXAMPLE)
    assert code == 0
    assert [line for line in out.splitlines() if line.startswith("[")] == [
        "[apa]",
        "[author]",
        "[bibtex]",
        "[harvard]",
        "[standard]",
        "[ris]",
        "[vancouver]",
    ]


def test_format_prints_a_bibliography_and_citations() -> None:
    code, out, _ = run("format", EXAMPLE, "--style", "ieee", "--output", "html")
    assert code == 0 and out.startswith(
        '<div class="csl-bib-body">\n  <div class="csl-entry"><div class="csl-left-margin">[1]</div>'
    )
    code, out, _ = run("format", EXAMPLE, "--style", "apa", "--cite")
    assert (code, out) == (0, "(Werner et al., 2018)\n")


def test_stdin_and_a_broken_item() -> None:
    items = json.loads(Path(EXAMPLE).read_text(encoding="utf-8"))
    items.append({"id": "broken", "type": "book", "issued": "not a date object", "author": "Smith"})
    code, out, err = run("format", "-", "--style", "apa", stdin=json.dumps(items, indent=1))
    assert code == 2
    assert out.startswith(APA_START)  # the good item is still formatted
    assert "item 'broken'" in err and "field 'author'" in err and "line " in err
    assert "Traceback" not in err


def test_unknown_style_is_one_line_and_exit_2() -> None:
    code, _, err = run("format", EXAMPLE, "--style", "harvrd")
    assert code == 2
    assert err.count("\n") == 1 and "did you mean" in err and "harvard" in err


def test_missing_file_and_unknown_format() -> None:
    code, _, err = run("format", "nope.json")
    assert code == 2 and "nope.json" in err
    code, _, err = run("convert", EXAMPLE, "out.xyz")
    assert code == 2 and "format" in err


def test_styles_search() -> None:
    code, out, _ = run("styles", "harvard", "--limit", "0")
    ids = [line.split("\t")[0] for line in out.splitlines()]
    assert code == 0 and "harvard-cite-them-right" in ids and "harvard" in ids
    code, _, err = run("styles", "zzzz-no-such-style")
    assert code == 2 and "no style" in err


def test_convert_between_formats(tmp_path: Path) -> None:
    out = tmp_path / "copy.json"
    code, _, _ = run("convert", EXAMPLE, str(out))
    assert code == 0
    assert json.loads(out.read_text(encoding="utf-8")) == json.loads(
        Path(EXAMPLE).read_text(encoding="utf-8")
    )
    code, text, _ = run("convert", EXAMPLE, "-", "--to", "ris")
    assert code == 0 and text.startswith("TY  - JOUR")
    code, text, _ = run("convert", EXAMPLE, "-", "--to", "bibtex")
    assert code == 0 and text.lstrip().startswith("@article{werner2018theranostic,")


def test_strict_convert_refuses_bad_input(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('[{"id": "a", "type": "book", "author": "x"}]', encoding="utf-8")
    code, _, err = run("convert", str(bad), str(tmp_path / "out.json"), "--strict")
    assert code == 2 and not (tmp_path / "out.json").exists() and "invalid-record" in err


def test_cite_html_escapes_every_section() -> None:
    item = {
        "id": "x",
        "type": "book",
        "title": "<script>alert(1)</script>",
        "issued": {"date-parts": [[2020]]},
    }
    code, out, _ = run("cite", "-", "--from", "csljson", "--output", "html", stdin=json.dumps([item]))
    assert code == 0 and "<script>" not in out
    assert out.count("&lt;script&gt;") == 7  # every format, BibTeX and RIS included


def test_lookup_errors_say_what_is_wrong() -> None:
    code, _, err = run("format", EXAMPLE, "-s", "no/such/style.csl")
    assert code == 2 and "file not found" in err and "did you mean" not in err
    code, _, err = run("format", EXAMPLE, "-s", "x" * 252)
    assert code == 2 and "citekit: error: no CSL style named" in err
    code, _, err = run("format", EXAMPLE, "-l", "xx-YY")
    assert code == 2 and "no CSL locale named 'xx-YY'; did you mean" in err
    code, out, _ = run("format", EXAMPLE, "-s", "APA", "-l", "en_GB")
    assert code == 0 and out.startswith(APA_START)


def test_a_style_without_a_bibliography_says_so() -> None:
    code, out, err = run("format", EXAMPLE, "-s", "chicago-notes")
    assert code == 0 and out == "" and "has no bibliography" in err and "--cite" in err


def test_numeric_citations_name_their_record() -> None:
    code, out, _ = run("format", EXAMPLE, "-s", "ieee", "--cite")
    assert (code, out) == (0, "werner2018theranostic\t[1]\n")


def test_styles_prints_titles_decoded() -> None:
    code, out, _ = run("styles", "--limit", "0")
    assert code == 0 and "&amp;" not in out and " & " in out
