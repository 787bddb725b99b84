"""Writers make documents a user can paste: checked by real renderers (markdown-it-py,
docutils, html5lib), not by comparing strings with citekit's own output.

`tests/data/writers_36.json` holds 36 records written to be hard to write: markup
characters, newlines and control characters in titles, entries starting like list items
(`J. Doe`, `1.`, `-`, `#`, `(a)`), HTML and `javascript:` in fields, a Wikipedia URL with
parentheses, an old Wiley DOI with `<…>`, `^^` in a URL.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import Any

import docutils.core
import docutils.nodes
import html5lib
import pytest
from click.testing import CliRunner
from conftest import ROOT
from markdown_it import MarkdownIt

import citekit
from citekit import Formatter, Record
from citekit._cli import main

DATA = ROOT / "tests" / "data" / "writers_36.json"
STYLES = ("apa", "ieee", "chicago-author-date")


@pytest.fixture(scope="module")
def records() -> list[Record]:
    return list(citekit.read(DATA).records)


@pytest.fixture(scope="module")
def documents() -> dict[tuple[str, str], str]:
    """`citekit format` output, as a new user runs it, for each style and output."""
    runner = CliRunner()
    out: dict[tuple[str, str], str] = {}
    for style in STYLES:
        for output in ("text", "html", "markdown", "rst", "latex"):
            result = runner.invoke(main, ["format", str(DATA), "-s", style, "-o", output])
            assert result.exit_code == 0, result.output
            out[style, output] = result.stdout
    return out


def test_the_data_has_36_records(records: list[Record]) -> None:
    assert len(records) == 36
    assert len(json.loads(DATA.read_text(encoding="utf-8"))) == 36


@pytest.mark.parametrize("style", STYLES)
def test_markdown_makes_one_paragraph_per_entry(documents: dict[tuple[str, str], str], style: str) -> None:
    tokens = MarkdownIt().parse(documents[style, "markdown"])
    blocks = Counter(token.type for token in tokens if token.level == 0)
    assert blocks == {"paragraph_open": 36, "paragraph_close": 36}


def _markdown_text(source: str) -> list[str]:
    """The text a reader sees in each rendered paragraph."""
    rendered = MarkdownIt().render(source)
    fragment = html5lib.parseFragment(rendered, namespaceHTMLElements=False)
    return [" ".join("".join(p.itertext()).split()) for p in fragment.iter("p")]


def _text_entries(source: str) -> list[str]:
    return [" ".join(line.split()) for line in source.splitlines() if line.strip()]


@pytest.mark.parametrize("style", STYLES)
def test_markdown_reads_as_the_text_output(documents: dict[tuple[str, str], str], style: str) -> None:
    """Property: what markdown-it shows is exactly the plain-text entry (nothing lost to
    markup, nothing unescaped)."""
    assert _markdown_text(documents[style, "markdown"]) == _text_entries(documents[style, "text"])


def _doctree(source: str) -> Any:
    return docutils.core.publish_doctree(
        source, settings_overrides={"report_level": 5, "halt_level": 5, "warning_stream": False}
    )


@pytest.mark.parametrize("style", STYLES)
def test_rst_makes_one_paragraph_per_entry(documents: dict[tuple[str, str], str], style: str) -> None:
    doctree = _doctree(documents[style, "rst"])
    assert Counter(type(child).__name__ for child in doctree.children) == {"paragraph": 36}
    assert not list(doctree.findall(docutils.nodes.problematic))
    assert not list(doctree.findall(docutils.nodes.system_message))


@pytest.mark.parametrize("style", STYLES)
def test_rst_reads_as_the_text_output(documents: dict[tuple[str, str], str], style: str) -> None:
    doctree = _doctree(documents[style, "rst"])
    shown = [" ".join(p.astext().split()) for p in doctree.children]
    assert shown == _text_entries(documents[style, "text"])


@pytest.mark.parametrize("style", STYLES)
def test_rst_links_only_to_safe_schemes(documents: dict[tuple[str, str], str], style: str) -> None:
    doctree = _doctree(documents[style, "rst"])
    targets = [ref.get("refuri", "") for ref in doctree.findall(docutils.nodes.reference)]
    assert targets and all(re.match(r"(https?|ftp)://", t) for t in targets), targets


@pytest.mark.parametrize("style", STYLES)
def test_html_is_a_valid_fragment_with_one_entry_each(
    documents: dict[tuple[str, str], str], style: str
) -> None:
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    fragment = parser.parseFragment(documents[style, "html"])  # strict: raises on any parse error
    bodies = fragment.findall("div[@class='csl-bib-body']")
    assert len(bodies) == 1
    assert len(bodies[0].findall("div[@class='csl-entry']")) == 36
    # the left-margin and right-inline divs stand where the text output has a space
    shown = ["".join("".join(e.itertext()).split()) for e in bodies[0].findall("div[@class='csl-entry']")]
    assert shown == ["".join(entry.split()) for entry in _text_entries(documents[style, "text"])]


_LATEX_COMMANDS = re.compile(r"\\([A-Za-z]+|.)")
_LATEX_ALLOWED = {
    "textit", "textbf", "textsc", "textsuperscript", "textsubscript", "underline", "textup", "href",
    "newline", "textbackslash", "textasciitilde", "textasciicircum", "textless", "textgreater",
    "{", "}", "$", "&", "%", "#", "_",
}  # fmt: skip


@pytest.mark.parametrize("style", STYLES)
def test_latex_makes_one_paragraph_per_entry(documents: dict[tuple[str, str], str], style: str) -> None:
    tex = documents[style, "latex"]
    paragraphs = [p for p in re.split(r"\n\s*\n", tex) if p.strip()]
    assert len(paragraphs) == 36
    assert set(_LATEX_COMMANDS.findall(tex)) <= _LATEX_ALLOWED
    for paragraph in paragraphs:  # braces balance once escaped ones are set aside
        depth = 0
        for char in re.sub(r"\\[{}]", "", paragraph):
            depth += {"{": 1, "}": -1}.get(char, 0)
            assert depth >= 0
        assert depth == 0


def test_latex_href_targets_are_percent_encoded(documents: dict[tuple[str, str], str]) -> None:
    targets = re.findall(r"\\href\{([^}]*)\}", documents["apa", "latex"])
    assert r"https://example.org/\%5E\%5E5c/\%7E" in targets
    assert all("^" not in t and "\\" not in t.replace(r"\%", "").replace(r"\#", "") for t in targets)


@pytest.mark.parametrize(
    ("text", "url"),
    [
        ("see https://en.wikipedia.org/wiki/Python_(programming_language).", None),
        ("(https://example.org/a_(b))", "https://example.org/a_(b)"),
        (
            "doi:10.1002/(SICI)1097-4636(199706)35:4<475::AID-JBM8>3.0.CO;2-M.",
            "https://doi.org/10.1002/(SICI)1097-4636(199706)35:4%3C475::AID-JBM8%3E3.0.CO;2-M",
        ),
        ("ftp://ftp.example.org/x.txt,", "ftp://ftp.example.org/x.txt"),
    ],
)
def test_links_are_taken_whole(text: str, url: str | None) -> None:
    from citekit._links import find_links, href

    found = [href(text[start:end]) for start, end in find_links(text)]
    assert found == [url or "https://en.wikipedia.org/wiki/Python_(programming_language)"]


@pytest.mark.parametrize(
    "text", ["javascript:alert(1)", "data:text/html,x", "vbscript:x", "file:///etc/passwd"]
)
def test_other_schemes_never_become_links(text: str) -> None:
    from citekit._links import find_links

    assert list(find_links(f"see {text} now")) == []


def test_rst_inline_markup_gets_boundaries() -> None:
    record = Record.from_csl(
        {
            "id": "a",
            "type": "article-journal",
            "title": "T",
            "container-title": "J",
            "volume": "10",
            "issue": "1",
            "issued": {"date-parts": [[2000]]},
        }
    )
    entry = Formatter([record], "apa", "rst").bibliography()[0].text
    doctree = _doctree(entry)
    emphasis = [e.astext() for e in doctree.findall(docutils.nodes.emphasis)]
    assert emphasis == ["J", "10"]  # `*10*(1)` would show the asterisks


def test_write_bibliography_takes_strings_and_entries(records: list[Record]) -> None:
    entries = Formatter(records[:2], "apa", "html").bibliography()
    assert citekit.write_bibliography(entries, "html") == citekit.write_bibliography(
        [e.text for e in entries], "html"
    )
    assert citekit.write_bibliography([], "html") == ""


def test_unknown_output_is_a_citekit_error() -> None:
    with pytest.raises(citekit.UnknownFormatError, match="unknown output format 'pdf'"):
        citekit.write_bibliography([], "pdf")


def test_the_layout_suffix_stays_inside_the_last_display_block(records: list[Record]) -> None:
    """american-anthropological-association puts its layout suffix `.` after blocks: as
    citeproc-js does (tests/data/writers_36_citeproc_js.json), it goes inside the last one."""
    reference = json.loads((ROOT / "tests" / "data" / "writers_36_citeproc_js.json").read_text("utf-8"))
    expected = reference["styles"]["american-anthropological-association"]["html"]
    entries = Formatter(records, "american-anthropological-association", "html", links=False).bibliography()
    assert len(entries) == 36
    for entry in entries:
        assert entry.text.endswith(".</div>")
        assert entry.text[-12:] == expected[entry.id][-12:], entry.id
