"""Ordinal suffixes from the locale that defines them (`2.` in German, not `2nd`).

CSL 1.0.1: a locale that defines `ordinal` or any `ordinal-00` … `ordinal-99` replaces every
ordinal term of the locales it falls back to. citeproc-py looks each term up through the whole
chain, so a German style found en-US's `ordinal-02` ("nd") before de-DE's `ordinal` (".");
citeproc-js prints `2.`. Here the first locale with any ordinal term answers alone.

CSL 1.0.1 gendered ordinals: an ordinal term may come in `gender-form` variants; a day takes
the gender of its month's term (`1ᵉʳ septembre`), a number that of its variable's term (the
`gender` attribute). Without a gender (or a variant of it), the variant with no gender-form
answers, else the feminine, else the masculine, as citeproc-js fills its default.
"""

from __future__ import annotations

from typing import Any

from citeproc.model import to_ordinal

from ._elements import extend


def _own_terms(element: Any) -> Any:
    """The term table of the first locale that defines an ordinal term, or None."""
    tables = getattr(element, "ck_tables", None)
    if tables is None:
        return None
    for table in tables.terms:
        if table and any(str(name).startswith("ordinal") for name, _, _ in table):
            return table
    return None


def _variants(table: Any) -> dict[str, dict[str | None, Any]]:
    """Every ordinal term of the locale behind `table`: name -> gender-form (None: neuter)
    -> cs:term (the table itself keeps one term a name)."""
    some = next(term for (name, _, _), term in table.items() if str(name).startswith("ordinal"))
    parent = some.getparent()
    out: dict[str, dict[str | None, Any]] = {}
    for term in parent.iterchildren(some.tag) if parent is not None else [some]:
        name = str(term.get("name"))
        if name.startswith("ordinal") and term.get("form") in (None, "long"):
            out.setdefault(name, {})[term.get("gender-form")] = term
    return out


def _term(variants: dict[str | None, Any], gender: str | None) -> Any:
    """citeproc-js's getTerm with a gender: that gender's variant, else the default (the
    neuter term; without one, the feminine, else the masculine)."""
    for wanted in (gender, None, "feminine", "masculine"):
        if wanted in variants:
            return variants[wanted]
    return None


def gender_of(element: Any, name: str) -> str | None:
    """The grammatical gender the locale gives the term `name` (its `gender` attribute)."""
    term = element.get_term(name)
    get = getattr(term, "get", None)
    gender = get("gender") if get is not None else None
    return str(gender) if gender else None


def ordinal(number: int, element: Any, gender: str | None = None) -> str:
    """`number` with its ordinal suffix, as citeproc-js's CSL 1.0.1 ordinalizer: the term
    `ordinal-NN` whose `match` (`last-two-digits` for `ordinal-10` … `ordinal-99`, else
    `last-digit`) fits, whole number first, then the last two digits, then the last digit;
    else `ordinal`. Only terms of `gender`'s form (or neuter ones, when no gender is asked)
    are candidates; the term found is then taken in `gender`'s variant."""
    table = _own_terms(element)
    if table is None:
        return str(to_ordinal(number, element))
    variants = _variants(table)
    found: dict[tuple[str, str, str | None], str] = {}
    for name, by_gender in variants.items():
        if name == "ordinal":
            continue
        stub = name[8:]
        for form, term in by_gender.items():
            match = term.get("match") or ("last-digit" if stub.startswith("0") else "last-two-digits")
            found[(match, stub[1:] if stub.startswith("0") else stub, form)] = name
    digits = str(number)
    wanted = gender if gender in ("masculine", "feminine") else None
    for key in (
        ("whole-number", digits, wanted),
        ("last-two-digits", digits[-2:], wanted),
        ("last-digit", digits[-1:], wanted),
    ):
        if key in found:
            term = _term(variants[found[key]], gender)
            return f"{number}{term.single}"
    term = _term(variants.get("ordinal", {}), gender)
    return f"{number}{term.single}" if term is not None else str(number)


def _ordinal(element: Any) -> bool:
    return bool(element.get("form") == "ordinal")


@extend("number", when=_ordinal)
class LocaleOrdinal:
    def format_number(self, number: Any) -> Any:
        try:
            variable = self.get("variable")  # type: ignore[attr-defined]
            return ordinal(int(number), self, gender_of(self, variable) if variable else None)
        except ValueError:
            return number
