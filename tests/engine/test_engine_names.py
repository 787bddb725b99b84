"""citekit._engine.names: initials, particles, suffixes. Expected values come from the CSL
test suite (name_Initials* fixtures) and citeproc-js's output in ../shared/oracle."""

from __future__ import annotations

import pytest
from oracle_entries import bibliography_entry

import citekit
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


_SORT_SEPARATOR_STYLE = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id>x</id><title>x</title><updated>2020-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout>
    <names variable="author">
      <name name-as-sort-order="all" sort-separator="SEPARATOR" initialize-with="" delimiter="; "/>
    </names>
  </layout></bibliography>
</style>"""


@pytest.mark.parametrize(
    ("separator", "expected"),
    # citeproc-js 2.4.63 (render_js.mjs, text): one space fewer when the separator ends in two
    # (medicinski-razgledi's `sort-separator="  "`)
    [
        ("  ", "Smith A; Jones B Jr"),
        (",  ", "Smith, A; Jones, B, Jr"),
        ("   ", "Smith  A; Jones  B  Jr"),
        (" ;  ", "Smith ; A; Jones ; B ; Jr"),
        (", ", "Smith, A; Jones, B, Jr"),
    ],
)
def test_sort_separator_as_citeproc_js(separator: str, expected: str) -> None:
    record = citekit.Record.from_csl(
        {
            "id": "a",
            "type": "book",
            "title": "T",
            "author": [
                {"family": "Smith", "given": "Anna"},
                {"family": "Jones", "given": "Bo", "suffix": "Jr."},
            ],
        }
    )
    style = citekit.Style.load(_SORT_SEPARATOR_STYLE.replace("SEPARATOR", separator))
    assert citekit.Formatter([record], style, "text").bibliography()[0].text == expected
