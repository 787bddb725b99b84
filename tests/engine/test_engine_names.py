"""citekit._engine.names: initials, particles, suffixes. Expected values come from the CSL
test suite (name_Initials* fixtures) and citeproc-js's output in ../shared/oracle."""

from __future__ import annotations

import pytest
from oracle_entries import bibliography_entry

from citekit._engine.names import initialize, parse_particles


@pytest.mark.parametrize(
    ("given", "mark", "initialize_all", "expected"),
    [
        # name_InitialsInitializeTruePeriodSpace
        ("M E", ". ", True, "M. E."),
        ("ME.", ". ", True, "ME."),
        ("Ph.M.E.", ". ", True, "Ph. M. E."),
        ("Ph. M.E.", ". ", True, "Ph. M. E."),
        # name_InitialsInitializeTrueEmpty / TruePeriod
        ("Ph.M.E.", "", True, "PhME"),
        ("M E", ".", True, "M.E."),
        # name_InitialsInitializeFalsePeriod: only existing initials are touched
        ("Me.", ".", False, "Me."),
        ("M E", ".", False, "M.E."),
        # citeproc-js (oracle, portal record in MLA/Chicago keep "Rudolf A.")
        ("Rudolf A.", ". ", False, "Rudolf A."),
        # oracle: cell "Morris, S." for "Seo-yeon"; ieee "J.-P." for "Jean-Pierre"
        ("Seo-yeon", ". ", True, "S."),
        ("Jean-Pierre", ". ", True, "J.-P."),
        # oracle: vancouver "Parker GA"
        ("G. A.", "", True, "GA"),
        # oracle: apa "Ibn Khaldun, A. al-Rahman", american-medical-association "Ibn Khaldun A al-Rahman"
        ("Abd al-Rahman", ". ", True, "A. al-Rahman"),
        ("Abd al-Rahman", "", True, "A al-Rahman"),
    ],
)
def test_initialize(given: str, mark: str, initialize_all: bool, expected: str) -> None:
    assert initialize(given, mark, initialize_all=initialize_all) == expected


def test_hyphen_kept_out_when_initialize_with_hyphen_is_false() -> None:
    assert initialize("Jean-Pierre", ".", hyphen=False) == "J.P."


def test_particles_are_parsed_from_family_and_given() -> None:
    # name_ParseNames: "van Gogh, Vincent; Humboldt, Alexander von; van der Vlist, Eric"
    assert parse_particles({"family": "van der Vlist", "given": "Eric"}) == {
        "family": "Vlist",
        "given": "Eric",
        "non-dropping-particle": "van der",
    }
    assert parse_particles({"family": "Humboldt", "given": "Alexander von"}) == {
        "family": "Humboldt",
        "given": "Alexander",
        "dropping-particle": "von",
    }


def test_suffix_after_comma_in_given_name() -> None:
    # magic_NameSuffixNoComma / magic_NameSuffixWithComma
    assert parse_particles({"family": "Doe", "given": "John, III"})["suffix"] == "III"
    parsed = parse_particles({"family": "Doe", "given": "John,! Jr."})
    assert (parsed["given"], parsed["suffix"], parsed["comma-suffix"]) == ("John", "Jr.", True)


def test_literal_and_unparsed_names_are_left_alone() -> None:
    assert parse_particles({"literal": "van Gogh Museum"}) == {"literal": "van Gogh Museum"}
    name = {"family": "van Gogh", "given": "Vincent", "parse-names": False}
    assert parse_particles(name) == name


def test_initialize_keeps_lower_case_hyphenated_part_without_hyphen_initials() -> None:
    # oracle: american-medical-association (initialize-with-hyphen="false") "Ibn Khaldun A al-Rahman"
    assert initialize("Abd al-Rahman", "", hyphen=False) == "A al-Rahman"
    # oracle: american-medical-association "Park S yeon"
    assert initialize("Seo-yeon", "", hyphen=False) == "S yeon"


@pytest.mark.parametrize("output", ["text", "html"])
@pytest.mark.parametrize(
    ("style", "item_id"),
    [
        # a cs:names with no cs:name child: suffix `Jr` without its period under initialize-with=""
        ("american-medical-association", "lopez2012-018"),
        ("vancouver-nlm", "lopez2012-018"),
        ("american-medical-association", "ibnkhaldun2003-083"),
        ("vancouver-nlm", "ibnkhaldun2003-083"),
    ],
)
def test_names_without_name_element_as_citeproc_js(style: str, item_id: str, output: str) -> None:
    expected, actual = bibliography_entry("sample-1.json", style, item_id, output)
    assert actual == expected
