"""Given-name disambiguation compares the initials a cite would print. `Min-seo` and `Min-jun`
both print `M.` (a lower-case part after a hyphen is dropped), so under APA's
primary-name-with-initials rule initials cannot tell the two Kims apart and only the year
suffix does; `Seo-yeon` and `Ji-Ho` Lee print `S.` and `J.-H.` and do get them.

Expected citations: citeproc-js 2.4.63 through ../shared/oracle/render_js.mjs (every item
registered, each cited alone), 2026-12-01.
"""

from __future__ import annotations

import pytest

import citekit

ITEMS = [
    ("a", "One", "Kim", "Min-seo", 2021),
    ("b", "Two", "Kim", "Min-jun", 2021),
    ("c", "Three", "Lee", "Seo-yeon", 2020),
    ("d", "Four", "Lee", "Ji-Ho", 2020),
]

CITEPROC_JS = {
    "apa": {"a": "(Kim, 2021a)", "b": "(Kim, 2021b)", "c": "(S. Lee, 2020)", "d": "(J.-H. Lee, 2020)"},
    "chicago-author-date": {
        "a": "(Min-seo Kim 2021)",
        "b": "(Min-jun Kim 2021)",
        "c": "(S. Lee 2020)",
        "d": "(J.-H. Lee 2020)",
    },
}


def _records() -> list[citekit.Record]:
    return [
        citekit.Record(
            key,
            "article-journal",
            {
                "title": title,
                "author": (citekit.Name(family=family, given=given),),
                "issued": citekit.Date(date_parts=((year,),)),
            },
        )
        for key, title, family, given, year in ITEMS
    ]


@pytest.mark.parametrize("style", sorted(CITEPROC_JS))
def test_initials_that_print_alike_do_not_disambiguate(style: str) -> None:
    formatter = citekit.Formatter(_records(), style)
    assert {key: formatter.cite([key]) for key, *_ in ITEMS} == CITEPROC_JS[style]
