"""citekit._engine.textcase: title case. Expected values from citeproc-js's output in
../shared/oracle (american-chemical-society, chicago-author-date titles) and the CSL suite."""

from __future__ import annotations

import pytest

from citekit import Cite, Formatter, Record
from citekit._engine.textcase import title_case


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "Long-term trends in sleep deprivation in the United States: a systematic review and"
            " meta-analysis",
            "Long-Term Trends in Sleep Deprivation in the United States: A Systematic Review and"
            " Meta-Analysis",
        ),
        (
            "Association between climate change and model robustness in the United States: a case study",
            "Association between Climate Change and Model Robustness in the United States: A Case Study",
        ),
        ("mRNA stability and reading comprehension", "mRNA Stability and Reading Comprehension"),
        # textcase_StopWordBeforeHyphen, textcase_LastChar
        ("employee pro-environmental behavior", "Employee Pro-Environmental Behavior"),
        ("07-x", "07-x"),
        # textcase_NonEnglishChars
        ("saline solution of β-carotine", "Saline Solution of β-Carotine"),
    ],
)
def test_title_case(title: str, expected: str) -> None:
    assert title_case(title) == expected


def test_capitals_are_left_alone() -> None:  # textcase_CapitalsUntouched
    assert title_case("UK") == "UK"
    assert title_case("OC 1") == "OC 1"


def _style(text_case: str) -> str:
    return f"""<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
  <info><id/><title/><updated>2009-08-10T04:49:00+09:00</updated></info>
  <citation><layout><text variable="title" text-case="{text_case}"/></layout></citation>
</style>"""


def _cased(title: str, text_case: str, **fields: str) -> str:
    record = Record.from_csl({"id": "a", "type": "book", "title": title, **fields})
    return Formatter([record], _style(text_case), "html").cite([Cite("a")])


@pytest.mark.parametrize(
    ("title", "expected"),
    [  # textcase_ImplicitNocase: small caps, superscript and subscript protect their text
        (
            "My <sc>small caps phrase</sc> in a title",
            'My <span style="font-variant:small-caps;">small caps phrase</span> in a Title',
        ),
        ("My <sup>superscript phrase</sup> in a title", "My <sup>superscript phrase</sup> in a Title"),
        ("My <sub>subscript phrase</sub> in a title", "My <sub>subscript phrase</sub> in a Title"),
    ],
)
def test_formatting_protects_from_title_case(title: str, expected: str) -> None:
    assert _cased(title, "title") == expected


def test_text_after_a_protected_span_is_title_cased() -> None:
    # citeproc-js, breadth check (ecclesial-practices): the quote after the subscript is cased
    title = 'CO<sub>2</sub> uptake and the "greening" of the Sahel'
    assert _cased(title, "title") == "CO<sub>2</sub> Uptake and the “Greening” of the Sahel"


def test_nocase_protects_from_lower_and_upper_case() -> None:  # textcase_Lowercase, _Uppercase
    title = 'This is a pen that is a <span class="nocase">Smith</span> pencil'
    assert _cased(title, "lowercase") == "this is a pen that is a Smith pencil"
    assert _cased(title, "uppercase") == "THIS IS A PEN THAT IS A Smith PENCIL"


def test_turkish_item_upper_cases_with_the_dotted_capital() -> None:  # textcase_LocaleUnicode
    assert _cased("ic and ıd TR", "uppercase", language="tr") == "İC AND ID TR"
    assert _cased("ia and ıb EN", "uppercase", language="en") == "IA AND IB EN"
