"""No field can inject markup: whatever a record holds, no `<script>`, `on*=` attribute or
`javascript:`/`data:` link survives into any output, as the user's renderer reads it
(a browser's HTML parser, markdown-it-py, docutils, TeX's command syntax), in
`Formatter` output and in `cite_this`. And deep nesting in field markup is no crash."""

from __future__ import annotations

import re
from typing import Any

import docutils.core
import html5lib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

import citekit
from citekit import Formatter, Record

PAYLOADS = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    '<a href="javascript:alert(3)">x</a>',
    "javascript:alert(4)",
    "JaVaScRiPt:alert(5)",
    "data:text/html;base64,PHNjcmlwdD4=",
    "[x](javascript:alert(6))",
    "<javascript:alert(7)>",
    "`x <javascript:alert(8)>`_",
    ".. raw:: html\n\n   <script>alert(9)</script>",
    "\n\n.. raw:: html\n\n   <script>alert(10)</script>\n\n",
    "<svg onload=alert(11)>",
    '" onmouseover="alert(12)',
    "&lt;script&gt;alert(13)&lt;/script&gt;",
    "<iframe src=//x></iframe>",
    "\\input{/etc/passwd} \\write18{rm -rf /} ^^5cinput",
    "<![CDATA[<script>alert(14)</script>]]>",
    '<i><b><sc><sup>x</sup></sc></b></i><span class="nocase"><script>alert(15)</script></span>',
)
TEXT_FIELDS = (
    "title",
    "container-title",
    "publisher",
    "publisher-place",
    "note",
    "URL",
    "DOI",
    "volume",
    "issue",
    "page",
    "edition",
    "genre",
    "collection-title",
    "event-title",
)
OUTPUTS = ("text", "html", "markdown", "rst", "latex")
_ALLOWED_SCHEMES = re.compile(r"(https?|ftp|mailto):", re.IGNORECASE)
_LATEX_ALLOWED = {
    "textit", "textbf", "textsc", "textsuperscript", "textsubscript", "underline", "textup", "href",
    "newline", "textbackslash", "textasciitilde", "textasciicircum", "textless", "textgreater",
    "ttfamily", "raggedright", "par", "{", "}", "$", "&", "%", "#", "_",
}  # fmt: skip


def _html_problems(markup: str) -> list[str]:
    """What a browser would run: script-like elements, event attributes, unsafe link targets."""
    problems: list[str] = []
    fragment = html5lib.parseFragment(markup, namespaceHTMLElements=False)
    for element in fragment.iter():
        tag = str(element.tag).lower()
        if tag in ("script", "iframe", "object", "embed", "svg", "img", "style", "base", "form"):
            problems.append(f"<{tag}>")
        for name, value in element.attrib.items():
            if name.lower().startswith("on"):
                problems.append(f"{name}=")
            if name.lower() in ("href", "src", "action") and not _ALLOWED_SCHEMES.match(value.strip()):
                problems.append(f"{name}={value}")
    return problems


def _rendered(output: str, text: str) -> str:
    """`text` as the user finally sees it: HTML for everything that becomes HTML."""
    if output == "markdown":
        return str(MarkdownIt().render(text))
    if output == "rst":
        parts = docutils.core.publish_parts(
            text, writer="html5", settings_overrides={"report_level": 5, "halt_level": 5}
        )
        return str(parts["body"])
    return text


def _check(output: str, text: str) -> None:
    if output == "latex":
        commands = set(re.findall(r"\\([A-Za-z]+|.)", text))
        assert commands <= _LATEX_ALLOWED, commands - _LATEX_ALLOWED
        for target in re.findall(r"\\href\{([^}]*)\}", text):
            assert _ALLOWED_SCHEMES.match(target), target
    elif output != "text":
        assert _html_problems(_rendered(output, text)) == [], text


def _record(values: dict[str, str], name: str) -> Record:
    item: dict[str, Any] = {"id": "r", "type": "article-journal", "issued": {"date-parts": [[2020]]}}
    item.update(values)
    item["author"] = [{"family": name, "given": name}, {"literal": name}]
    return Record.from_csl(item)


_values = st.dictionaries(
    st.sampled_from(TEXT_FIELDS),
    st.tuples(st.sampled_from(PAYLOADS), st.text(max_size=8)).map(lambda pair: pair[1] + pair[0]),
    min_size=1,
    max_size=5,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(values=_values, name=st.sampled_from(PAYLOADS))
def test_no_field_injects_markup(values: dict[str, str], name: str) -> None:
    record = _record(values, name)
    for style in ("apa", "ieee"):
        for output in OUTPUTS:
            formatter = Formatter([record], style, output)
            _check(output, citekit.write_bibliography(formatter.bibliography(), output))
            _check(output, formatter.cite(["r"]))


@pytest.mark.parametrize("output", OUTPUTS)
def test_cite_this_escapes_every_format(output: str) -> None:
    record = _record({field: PAYLOADS[i % len(PAYLOADS)] for i, field in enumerate(TEXT_FIELDS)}, PAYLOADS[0])
    results = citekit.cite_this(record, output)
    assert set(results) == set(citekit.PORTAL_FORMATS)
    for text in results.values():
        _check(output, text)
    if output == "html":
        assert "&lt;script&gt;" in results["bibtex"] and "&lt;script&gt;" in results["ris"]


def test_330_nested_tags_are_no_crash() -> None:
    title = "<i>" * 330 + "deep" + "</i>" * 330
    record = Record.from_csl({"id": "d", "type": "book", "title": title, "issued": {"date-parts": [[2000]]}})
    for output in OUTPUTS:
        text = Formatter([record], "apa", output).bibliography()[0].text
        assert "deep" in text
        _check(output, text)
