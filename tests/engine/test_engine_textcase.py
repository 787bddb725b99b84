"""citekit._engine.textcase: title case. Expected values from citeproc-js's output in
../shared/oracle (american-chemical-society, chicago-author-date titles) and the CSL suite."""

from __future__ import annotations

import pytest

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
