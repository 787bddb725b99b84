"""The text of a citation role: keys, locators with labels, prefixes and suffixes."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citekit import Cite
from citekit.sphinxext._citesyntax import CiteSyntaxError, parse_cites, parse_locator


def test_plain_keys() -> None:
    assert parse_cites("a, b;c") == [Cite("a"), Cite("b"), Cite("c")]


def test_braces_with_prefix_locator_and_suffix() -> None:
    assert parse_cites("see {werner2018, p. 12}; {kumar1975, chap. 3} for a review") == [
        Cite("werner2018", locator="12", label="page", prefix="see "),
        Cite("kumar1975", locator="3", label="chapter", suffix=" for a review"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12", ("12", "page")),
        ("pp. 12-14", ("12-14", "page")),
        ("§ 4", ("4", "section")),
        ("fig. 2", ("2", "figure")),
        ("vol. 3", ("3", "volume")),
        ("chapter 7", ("7", "chapter")),
        ("xii", ("xii", "page")),
    ],
)
def test_locator_labels(text: str, expected: tuple[str, str]) -> None:
    assert parse_locator(text) == expected


@pytest.mark.parametrize("text", ["", "  ", "{}", "{, p. 3}", "see {a", "{a} {b}"])
def test_unreadable_text(text: str) -> None:
    with pytest.raises(CiteSyntaxError):
        parse_cites(text)


ABBREVIATIONS = {
    "page": "p.",
    "chapter": "chap.",
    "section": "§",
    "figure": "fig.",
    "volume": "vol.",
    "note": "n.",
}
keys = st.from_regex(r"[a-z][a-z0-9_:.-]{0,15}", fullmatch=True)
cites = st.builds(
    Cite,
    id=keys,
    locator=st.none() | st.from_regex(r"[1-9][0-9]{0,3}(-[1-9][0-9]{0,3})?", fullmatch=True),
    label=st.sampled_from(sorted(ABBREVIATIONS)),
    prefix=st.none() | st.from_regex(r"[a-z]{1,8}( [a-z]{1,8}){0,2} ", fullmatch=True),
    suffix=st.none() | st.from_regex(r"(,? [a-z]{1,8}){1,3}", fullmatch=True),
)


def written(cite: Cite) -> str:
    locator = f", {ABBREVIATIONS[cite.label or 'page']} {cite.locator}" if cite.locator else ""
    return f"{cite.prefix or ''}{{{cite.id}{locator}}}{cite.suffix or ''}"


# generation is quick; on a machine shared with other work one draw can stall for seconds
@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(cites, min_size=1, max_size=4))
def test_written_citations_read_back(items: list[Cite]) -> None:
    expected = [c if c.locator else Cite(c.id, prefix=c.prefix, suffix=c.suffix) for c in items]
    assert parse_cites("; ".join(written(c) for c in items)) == expected
