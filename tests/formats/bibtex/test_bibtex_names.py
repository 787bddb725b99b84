"""BibTeX names. Expected values follow "Tame the BeaST" (Markey) and the BibLaTeX manual,
section 3.4 (name lists, extended name format)."""

from __future__ import annotations

import pytest

from citekit import Name
from citekit.formats.bibtex._names import format_names, parse_name, parse_names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Donald E. Knuth", Name(family="Knuth", given="Donald E.")),
        ("Knuth, Donald E.", Name(family="Knuth", given="Donald E.")),
        ("Ludwig van Beethoven", Name(family="Beethoven", given="Ludwig", dropping_particle="van")),
        ("van Beethoven, Ludwig", Name(family="Beethoven", given="Ludwig", dropping_particle="van")),
        ("Jean de La Fontaine", Name(family="La Fontaine", given="Jean", dropping_particle="de")),
        ("de La Fontaine, Jean", Name(family="La Fontaine", given="Jean", dropping_particle="de")),
        ("Ford, Jr., Henry", Name(family="Ford", given="Henry", suffix="Jr.")),
        ("von Ford, Jr, Henry", Name(family="Ford", given="Henry", suffix="Jr", dropping_particle="von")),
        (
            "Charles Louis Xavier Joseph de la Vall{\\'e}e Poussin",
            Name(family="Vallée Poussin", given="Charles Louis Xavier Joseph", dropping_particle="de la"),
        ),
        ("{\\'E}mile Zola", Name(family="Zola", given="Émile")),
        ("{\\'e}mile Zola", Name(family="Zola", dropping_particle="émile")),  # lowercase: a von part
        ("Jean-Paul Sartre", Name(family="Sartre", given="Jean-Paul")),
        ("J.G. Smith", Name(family="Smith", given="J. G.")),
        ("Aristotle", Name(family="Aristotle")),
        # BibLaTeX (biber) reads the comma form's family whole when it starts uppercase
        ("Drummond de Andrade, Carlos", Name(family="Drummond de Andrade", given="Carlos")),
    ],
)
def test_name_forms(text: str, name: Name) -> None:
    assert parse_name(text) == name


def test_corporate_name_is_literal() -> None:
    assert parse_name("{World Health Organization}") == Name(literal="World Health Organization")
    assert parse_name("{Barnes and Noble}") == Name(literal="Barnes and Noble")


def test_useprefix_makes_the_particle_non_dropping() -> None:
    assert parse_name("van Gogh, Vincent", useprefix=True) == Name(
        family="Gogh", given="Vincent", non_dropping_particle="van"
    )


def test_extended_name_format() -> None:
    name = parse_name("family=Geus, given=Tom, prefix=de, useprefix=true")
    assert name == Name(family="Geus", given="Tom", non_dropping_particle="de")
    assert parse_name("given=Tom, family={de Geus}") == Name(family="de Geus", given="Tom")


def test_name_list_and_others() -> None:
    names, et_al = parse_names("Alice Adams and {Barnes and Noble} AND Bob Brody and others")
    assert [str(n) for n in names] == ["Alice Adams", "Barnes and Noble", "Bob Brody"]
    assert et_al


@pytest.mark.parametrize(
    "name",
    [
        Name(family="Werner", given="Rudolf A."),
        Name(family="Beethoven", given="Ludwig", dropping_particle="van"),
        Name(family="Ford", given="Henry", suffix="Jr."),
        Name(literal="World Health Organization"),
        Name(family="hooks", given="bell"),
        Name(family="Van Der Berg"),
        Name(family="Müller", given="Zoë"),
    ],
)
def test_format_then_parse(name: Name) -> None:
    text = format_names((name,), False, ascii=True, useprefix=False)
    assert text.isascii()
    assert parse_names(text) == ((name,), False)


def test_mixed_particles_use_the_extended_form() -> None:
    names = (
        Name(family="Gogh", given="Vincent", non_dropping_particle="van"),
        Name(family="Beethoven", given="Ludwig", dropping_particle="van"),
    )
    text = format_names(names, True, ascii=True, useprefix=False)
    assert text.endswith(" and others")
    assert parse_names(text) == (names, True)
