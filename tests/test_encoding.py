"""Input encodings: byte-order marks, NUL patterns, declared headers, UTF-8, Windows-1252.

Expected texts come from Python's own codecs (the reference for what the bytes mean) or
from round trips (encode a text, read it back equal), never from citekit's output.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import citekit
from citekit._cli import main
from citekit._encoding import decode

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "bib-corpus"

# Text a bib title holds as itself (no LaTeX: no `--`, single spaces): ASCII letters and
# Latin-1/Windows-1252 letters.
_latin = st.text(alphabet=st.sampled_from("abcXYZ ,.0189éèüÖßçñÆøå€œŠžŸ“”–—"), min_size=1, max_size=40).map(
    lambda t: " ".join(t.split())
)


def _entry(title: str) -> str:
    return "% a comment line\n@article{key,\n  title = {" + title + "},\n}\n"


def _title_read_back(tmp_path: Path, data: bytes, **options: str) -> str | None:
    path = tmp_path / "in.bib"
    path.write_bytes(data)
    library = citekit.read(path, sentence_case="never", **options)  # the text as written
    assert len(library.records) == 1
    title = library.records[0].fields.get("title")
    assert title is None or isinstance(title, str)
    return title


@settings(max_examples=40, deadline=None)
@given(title=_latin, codec=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_unicode_with_and_without_marks_read_back(
    tmp_path_factory: pytest.TempPathFactory, title: str, codec: str
) -> None:
    assume(title)
    tmp = tmp_path_factory.mktemp("enc")
    assert _title_read_back(tmp, _entry(title).encode(codec)) == title


@settings(max_examples=40, deadline=None)
@given(title=_latin, codec=st.sampled_from(["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"]))
def test_wide_text_without_a_mark_read_back(
    tmp_path_factory: pytest.TempPathFactory, title: str, codec: str
) -> None:
    assume(title)
    tmp = tmp_path_factory.mktemp("enc")
    assert _title_read_back(tmp, _entry(title).encode(codec)) == title


@settings(max_examples=40, deadline=None)
@given(title=_latin)
def test_windows_1252_read_back_with_one_warning(
    tmp_path_factory: pytest.TempPathFactory, title: str
) -> None:
    data = _entry(title).encode("cp1252")
    try:
        data.decode("utf-8")
        assume(False)  # bytes that happen to be UTF-8 too are read as UTF-8
    except UnicodeDecodeError:
        pass
    path = tmp_path_factory.mktemp("enc") / "in.bib"
    path.write_bytes(data)
    library = citekit.read(path, sentence_case="never")
    assert library.records[0].fields["title"] == title
    warnings = [p for p in library.problems if p.kind == "encoding"]
    assert len(warnings) == 1 and warnings[0].severity == "warning" and warnings[0].location.line == 3


def test_one_warning_naming_the_first_bad_line(tmp_path: Path) -> None:
    data = b"@book{a,\n  title = {Plain},\n}\n@book{b,\n  title = {Caf\xe9},\n  note = {na\xefve},\n}\n"
    path = tmp_path / "x.bib"
    path.write_bytes(data)
    library = citekit.read(path)
    [problem] = library.problems
    assert (problem.kind, problem.severity, problem.location.line) == ("encoding", "warning", 5)
    assert problem.location.file == str(path)
    assert library["b"].fields["title"] == "Café" and library["b"].fields["note"] == "naïve"


def test_undefined_windows_1252_bytes_do_not_refuse(tmp_path: Path) -> None:
    path = tmp_path / "x.bib"
    path.write_bytes(b"@book{a, title = {x\x81y\x9dz}}\n")
    assert citekit.read(path)["a"].fields["title"] == "x\x81y\x9dz"


@pytest.mark.parametrize(
    ("header", "byte", "codec"),
    [
        (b"% Encoding: MacRoman", b"\x8e", "mac-roman"),  # JabRef: e-acute in Mac OS Roman
        (b"% Encoding: ISO8859_2", b"\xaf", "iso8859-2"),  # Java's spelling; Z-dot-above
        (b"%% Saved with string encoding Western (Mac OS Roman)", b"\x8e", "mac-roman"),  # BibDesk
        (b"% -*- coding: latin-9-unix -*-", b"\xa6", "iso8859-15"),  # Emacs; S-caron
        (b"% Encoding: windows-1252", b"\x80", "cp1252"),
    ],
)
def test_a_declared_encoding_is_obeyed(tmp_path: Path, header: bytes, byte: bytes, codec: str) -> None:
    data = header + b"\n@misc{k, title = {A" + byte + b"B}}\n"
    assert _title_read_back(tmp_path, data) == "A" + byte.decode(codec) + "B"
    assert not citekit.read(tmp_path / "in.bib").problems


def test_a_wrong_utf8_header_falls_back_with_a_warning(tmp_path: Path) -> None:
    data = b"% Encoding: UTF-8\n\n@misc{k, title = {25\xb0 C}}\n"
    assert _title_read_back(tmp_path, data) == "25° C"
    [problem] = citekit.read(tmp_path / "in.bib").problems
    assert problem.location.line == 3 and "utf-8" in problem.message


def test_the_named_encoding_overrides(tmp_path: Path) -> None:
    title = "中文期刊"
    data = _entry(title).encode("gbk")
    assert _title_read_back(tmp_path, data, encoding="gbk") == title
    assert _title_read_back(tmp_path, data, encoding="GBK") == title


def test_a_named_encoding_that_does_not_fit_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "x.bib"
    path.write_bytes(b"@misc{k,\n title = {\xff\xfe\xfd}}\n")
    with pytest.raises(citekit.ParseError) as info:
        citekit.read(path, encoding="utf-8")
    assert info.value.location.line == 2
    with pytest.raises(citekit.ParseError, match="unknown encoding"):
        citekit.read(path, encoding="no-such-codec")


def test_every_format_reads_through_the_same_decoding(tmp_path: Path) -> None:
    path = tmp_path / "x.ris"
    path.write_bytes("TY  - JOUR\nID  - k\nTI  - Söderström\nER  - \n".encode("utf-16"))
    library = citekit.read(path)
    assert [r.fields.get("title") for r in library.records] == ["Söderström"]


def test_cli_encoding_option(tmp_path: Path) -> None:
    path = tmp_path / "x.bib"
    path.write_bytes("@misc{k, title = {中文}}\n".encode("gbk"))
    result = CliRunner().invoke(main, ["convert", str(path), "-", "--to", "csljson", "--encoding", "gbk"])
    assert result.exit_code == 0, result.output
    assert "中文" in result.stdout


def test_mark_beats_nul_pattern_and_utf32_mark_beats_utf16() -> None:
    text = "@misc{k, title = {x}}"
    assert decode(codecs.BOM_UTF32_LE + text.encode("utf-32-le")).encoding == "utf-32-le"
    assert decode(codecs.BOM_UTF16_LE + text.encode("utf-16-le")).encoding == "utf-16-le"
    assert decode(text.encode("utf-16-be")).text == text


def test_write_to_a_missing_folder_is_a_citekit_error(tmp_path: Path) -> None:
    with pytest.raises(citekit.CitekitError) as info:
        citekit.write([], tmp_path / "no" / "such" / "out.bib")
    assert info.value.location.file is not None  # type: ignore[attr-defined]


_TURKEY = "Investigation of the best suture pattern to close a stuffed Christmas turkey"
_CORPUS_FILES = {
    # file -> a title it holds, as the file's own comment or header describes its encoding
    "biber/encoding1.bib": "Šome title",
    "biber/encoding3.bib": "Söme title",
    "biber/encoding4.bib": "Żome title",
    "jabref/encoding-utf-16BE-with-header.bib": "Ü ist ein Umlaut",
    "jabref/encoding-utf-16BE-without-header.bib": "Ü ist ein Umlaut",
    "jabref/tiny-BE-noBOM.bib": _TURKEY,
    "jabref/tiny-LE-noBOM.bib": _TURKEY,
    "jabref/tiny-BE-withBOM.bib": _TURKEY,
    "jabref/tiny-LE-withBOM.bib": _TURKEY,
}


@pytest.mark.parametrize(("name", "title"), sorted(_CORPUS_FILES.items()))
def test_corpus_files_once_refused(name: str, title: str) -> None:
    path = CORPUS / name
    if not path.is_file():
        pytest.skip("../shared/bib-corpus is not available")
    library = citekit.read(path)
    assert [r.fields.get("title") for r in library.records] == [title]
    assert [p for p in library.problems if p.kind == "encoding"] == []
