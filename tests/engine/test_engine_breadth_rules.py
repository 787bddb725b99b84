"""Rules found by the breadth check (issue 12): text case on macro calls and terms, particles
and static name order, joins inside a name list, punctuation next to formatted elements,
`type` tests, `page-first`. Each case is a small style in data/breadth_rules (or a
repository style) with items written here; every expected string is citeproc-js 2.4.63's
output for it (../shared/oracle/render_js.mjs), never citekit's."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from citekit import Formatter, Record
from citekit._engine.names import parse_particles

DATA = Path(__file__).parent / "data" / "breadth_rules"


def _bibliography(style: str, items: list[dict[str, Any]], output: str = "text") -> dict[str, str]:
    path = DATA / f"{style}.csl"
    formatter = Formatter(
        [Record.from_csl(item) for item in items],
        str(path) if path.is_file() else style,
        output,
        links=False,
        strip=False,
    )
    return {
        entry.id: entry.text.rstrip() if output == "text" else entry.text.strip()
        for entry in formatter.bibliography()
    }


def test_text_case_on_a_macro_call_changes_nothing() -> None:
    item = {
        "id": "t1",
        "type": "book",
        "title": "a title of it",
        "author": [{"family": "Álvarez", "given": "Carlos"}],
    }
    # uppercase, capitalize-first and title on `<text macro=...>`: citeproc-js ignores them
    expected = "a title of it|anonymous|Carlos Álvarez|a title of it|a title of it|a title of it"
    assert _bibliography("macro-text-case", [item])["t1"] == expected


def test_title_case_of_terms_and_values_in_a_non_english_item() -> None:
    item = {"type": "book", "title": "a title of it", "publisher": "the pub house", "genre": "some genre"}
    entries = _bibliography(
        "title-case-terms",
        [{**item, "id": "f1", "language": "fr"}, {**item, "id": "f2", "language": "en-GB"}],
    )
    assert entries["f1"] == "Edition|A Value of It|a title of it|the pub house|some genre|In"
    assert entries["f2"] == "Edition|A Value of It|A Title of It|The Pub House|Some Genre|In"


_KING = {"family": "King", "given": "Martin Luther", "suffix": "Jr."}
_HUMBOLDT = {"family": "Humboldt", "given": "Alexander", "dropping-particle": "von"}
_BERG = {"family": "Berg", "given": "Hendrik", "non-dropping-particle": "van der"}


@pytest.mark.parametrize(
    ("language", "authors", "expected"),
    [
        # Japanese and Chinese items: family first, no dropping particle, no suffix, and a
        # hyphenated particle parsed from the family name is still joined with a space
        ("ja", [_KING, _HUMBOLDT, _BERG], "King M. L., Humboldt A., & van der Berg H. (2001). T."),
        (
            "zh-CN",
            [_KING, {"family": "al-Rahman", "given": "Ahmed"}, _BERG],
            "King M. L., al- Rahman A., & van der Berg H. (2001). T.",
        ),
        ("vi", [_KING, _HUMBOLDT], "King M. L., & Humboldt A. (2001). T."),
        # Korean and hu-HU items are not special
        (
            "ko",
            [_KING, _HUMBOLDT, _BERG],
            "King, M. L., Jr., Humboldt, A. von, & van der Berg, H. (2001). T.",
        ),
        ("hu-HU", [_KING, _HUMBOLDT], "King, M. L., Jr., & Humboldt, A. von. (2001). T."),
    ],
)
def test_static_name_order_by_item_language(
    language: str, authors: list[dict[str, str]], expected: str
) -> None:
    item = {"id": "a", "type": "book", "title": "T", "issued": {"date-parts": [[2001]]}}
    assert _bibliography("apa", [{**item, "language": language, "author": authors}])["a"] == expected


@pytest.mark.parametrize(
    ("family", "particle", "rest"),
    [
        ("al-Rahman", "al-", "Rahman"),  # CSL suite name_HyphenatedNonDroppingParticle1
        ("van der Berg", "van der", "Berg"),
        ("d’Alembert", "d’", "Alembert"),
        ("de’ Frinkle", "de’ ", "Frinkle"),  # sort_LeadingApostropheOnNameParticle: "de’ Frinkle"
        ("ʻAkana", None, "ʻAkana"),
        ("O’Connor", None, "O’Connor"),
        ("La Fontaine", None, "La Fontaine"),
        ("Smith-Jones", None, "Smith-Jones"),
    ],
)
def test_particles_parsed_from_the_family_name(family: str, particle: str | None, rest: str) -> None:
    parsed = parse_particles({"family": family, "given": "A"})
    assert parsed.get("non-dropping-particle") == particle
    assert parsed["family"] == rest


def test_a_name_without_a_given_name_is_not_parsed() -> None:
    assert parse_particles({"family": "van Gogh"}) == {"family": "van Gogh"}


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        ("chicago-author-date", "Rahman, Ahmed al-, and María José Chen. 2001. T One."),
        ("modern-language-association", "al-Rahman, Ahmed, and María José Chen. T One. 2001."),
        ("histoire-at-politique", "Rahman Ahmed al- et Chen María José, T one, 2001."),
    ],
)
def test_hyphenated_particle_in_inverted_names(style: str, expected: str) -> None:
    item = {
        "id": "b1",
        "type": "book",
        "title": "T one",
        "issued": {"date-parts": [[2001]]},
        "author": [{"family": "al-Rahman", "given": "Ahmed"}, {"family": "Chen", "given": "María José"}],
    }
    assert _bibliography(style, [item])["b1"] == expected


_NAME_JOINS = [
    {
        "id": "n1",
        "type": "book",
        "title": "T",
        "page": "S773-S778",
        "author": [
            {"family": "Dijk", "given": "Pieter", "non-dropping-particle": "van"},
            {"family": "Humboldt", "given": "Alexander", "dropping-particle": "von"},
            {"family": "Gaulle", "given": "Charles", "non-dropping-particle": "de"},
        ],
    },
    {
        "id": "n2",
        "type": "book",
        "title": "T2",
        "page": "12",
        "author": [{"family": "Berg", "given": "Hendrik"}, {"family": "Chen", "given": "Emily"}],
    },
]


@pytest.mark.parametrize(
    ("output", "item_id", "expected"),
    [
        (
            "text",
            "n1",
            " Pieter van\xa0Dijk; Alexander von\xa0Humboldt; et Charles de\xa0Gaulle"
            "| In: Dijk, Pieter van; In: Humboldt, Alexander von;  In: Gaulle, Charles de"
            "|Dijk, P. van., Humboldt, A. von., Gaulle, C. de."
            "|DIJK, Pieter VAN, HUMBOLDT, Alexander von, GAULLE, Charles DE"
            "|Pieter VAN\xa0DIJK, Alexander von\xa0HUMBOLDT, Charles DE\xa0GAULLE|S773",
        ),
        (
            "text",
            "n2",
            " Hendrik Berg et Emily Chen| In: Berg, Hendrik;  In: Chen, Emily|Berg, H., Chen, E."
            "|BERG, Hendrik, CHEN, Emily|Hendrik BERG, Emily CHEN|12",
        ),
        (
            "html",
            "n1",
            "Pieter van\xa0Dijk; Alexander von\xa0Humboldt; et Charles de\xa0Gaulle"
            "| In: Dijk, Pieter van; In: Humboldt, Alexander von;  In: Gaulle, Charles de"
            "|Dijk, P. van., Humboldt, A. von., Gaulle, C. de."
            "|DIJK, Pieter VAN, HUMBOLDT, Alexander von, GAULLE, Charles DE"
            "|<i>Pieter</i> VAN\xa0DIJK, <i>Alexander</i> <i>von</i>\xa0HUMBOLDT,"
            " <i>Charles</i> DE\xa0GAULLE|S773",
        ),
    ],
)
def test_joins_affixes_and_particle_styling_in_a_name_list(output: str, item_id: str, expected: str) -> None:
    """A prefix's space merges into the delimiter before it, and into "and", but not into the
    final delimiter of a list without "and"; a cs:name suffix "." merges into an initial's;
    particles take their own name part's text case and formatting; page-first from page."""
    assert _bibliography("name-joins", _NAME_JOINS, output)[item_id] == expected


_QUOTED = [{"id": "q1", "type": "book", "title": "A title", "container-title": "Journal"}]


@pytest.mark.parametrize(
    ("style", "output", "expected"),
    [
        (
            "quote-prefix",
            "html",
            "“A title,” Journal“A title”, <i>Journal</i>“A title,” Journal“A title,” Journal"
            "“A title,” Journal“A title.” Journal“A title,” Journal",
        ),
        (
            "quote-prefix-formatted",
            "text",
            "“A title” , Journal|“A title”! Journal|“A title”, Journal|“A title,” Journal|“A title”, Journal",
        ),
    ],
)
def test_a_formatted_elements_prefix_stays_out_of_the_quote(style: str, output: str, expected: str) -> None:
    assert _bibliography(style, _QUOTED, output)["q1"] == expected


@pytest.mark.parametrize(
    ("output", "expected"),
    [
        ("text", "Journal,  vol. 26|Journal, vol. 26|Journal,  vol. 26"),
        ("html", "Journal,  vol. 26|Journal, vol. 26|Journal, <i> vol. 26</i>"),
    ],
)
def test_a_formatted_groups_leading_space_merges_with_nothing(output: str, expected: str) -> None:
    item = {"id": "v1", "type": "article-journal", "title": "T", "container-title": "Journal", "volume": "26"}
    assert _bibliography("formatted-group-space", [item], output)["v1"] == expected


def test_a_type_test_is_any_of_its_types() -> None:
    item = {"id": "w", "type": "post-weblog", "title": "T"}
    assert _bibliography("type-any", [item])["w"] == "ABCD"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("cities survey edge for a", "Cities Survey Edge for a"),  # a one-letter last word stays
        ("something to look at", "Something to Look At"),
        ("the end of the", "The End of The"),
        (
            "a tale of two cities: the beginning and the end of",
            "A Tale of Two Cities: The Beginning and the End Of",
        ),
    ],
)
def test_title_case_of_the_last_word(title: str, expected: str) -> None:
    assert (
        _bibliography("title-case-last-word", [{"id": "x", "type": "book", "title": title}])["x"] == expected
    )


@pytest.mark.parametrize(
    ("style", "output", "expected"),
    [
        # a formatted element's suffix space merges with no prefix after it (an unformatted one's
        # does), but with a group's delimiter
        ("formatted-suffix-space", "text", "T, 5|T,  5|T, 5|T, 5|T,  5|T. . 5|T 5"),
        (
            "formatted-suffix-space",
            "html",
            "T, 5|<i>T</i>,  5|T, <i>5</i>|T, <i>5</i>|<i>T</i>,  <i>5</i>|T. . 5|<i>T</i> 5",
        ),
        # a value's own leading space is no affix: it stays after the delimiter's
        ("value-leading-space", "text", "T.  o. O."),
    ],
)
def test_spaces_citeproc_js_does_not_merge(style: str, output: str, expected: str) -> None:
    item = {"id": "s1", "type": "book", "title": "T", "volume": "5"}
    assert _bibliography(style, [item], output)["s1"] == expected
