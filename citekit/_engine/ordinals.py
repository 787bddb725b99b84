"""Ordinal suffixes from the locale that defines them (`2.` in German, not `2nd`).

CSL 1.0.1: a locale that defines `ordinal` or any `ordinal-00` … `ordinal-99` replaces every
ordinal term of the locales it falls back to. citeproc-py looks each term up through the whole
chain, so a German style found en-US's `ordinal-02` ("nd") before de-DE's `ordinal` (".");
citeproc-js prints `2.`. Here the first locale with any ordinal term answers alone.
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


def ordinal(number: int, element: Any) -> str:
    """`number` with its ordinal suffix: `ordinal-10` … `ordinal-99` match the last two digits
    (`111th`), `ordinal-00` … `ordinal-09` the last digit, each unless its `match` says
    otherwise; else `ordinal`."""
    table = _own_terms(element)
    if table is None:
        return str(to_ordinal(number, element))
    value = abs(number)
    for name, default in (
        (f"ordinal-{value % 100:02}", "last-two-digits"),
        (f"ordinal-{value % 10:02}", "last-digit"),
    ):
        term = table.get((name, None, False))
        if term is None:
            continue
        wanted = int(name[-2:])
        match = term.get("match") or default
        if (
            (match == "whole-number" and value == wanted)
            or (match == "last-two-digits" and value % 100 == wanted)
            or (match == "last-digit" and value % 10 == wanted)
        ):
            return f"{number}{term.single}"
    term = table.get(("ordinal", None, False))
    return f"{number}{term.single}" if term is not None else str(number)


@extend("number")
class LocaleOrdinal:
    def format_number(self, number: Any) -> Any:
        if self.get("form") != "ordinal":  # type: ignore[attr-defined]
            return super().format_number(number)  # type: ignore[misc]
        try:
            return ordinal(int(number), self)
        except ValueError:
            return number
