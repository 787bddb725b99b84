"""Hypothesis strategies shared by every round-trip test: CSL names, dates and records."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from citekit import Date, Name, Record
from citekit._vocab import ITEM_TYPES, Kind, variables_of

# Text without control characters or surrogates; CSL data is free text.
text = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\x00"),
    min_size=1,
    max_size=30,
)
plain_words = st.from_regex(r"[A-Z][a-z]{1,10}( [A-Z][a-z]{1,10}){0,2}", fullmatch=True)

names = st.one_of(
    st.builds(Name, family=plain_words, given=st.none() | plain_words),
    st.builds(
        Name,
        family=plain_words,
        given=plain_words,
        non_dropping_particle=st.none() | st.sampled_from(["van", "de", "von", "van der", "di"]),
        dropping_particle=st.none() | st.sampled_from(["de", "d'", "von"]),
        suffix=st.none() | st.sampled_from(["Jr.", "Sr.", "III"]),
        comma_suffix=st.none() | st.booleans(),
    ),
    st.builds(Name, literal=plain_words),
)

_years = st.integers(min_value=1000, max_value=2100)
_date_part = st.one_of(
    st.tuples(_years),
    st.tuples(_years, st.integers(1, 12)),
    st.tuples(_years, st.integers(1, 12), st.integers(1, 28)),
)
dates = st.one_of(
    st.builds(Date, date_parts=st.tuples(_date_part)),
    st.builds(Date, date_parts=st.tuples(_date_part, _date_part)),
    st.builds(Date, date_parts=st.tuples(st.tuples(_years)), season=st.integers(1, 4)),
    st.builds(Date, date_parts=st.tuples(st.tuples(_years)), circa=st.just(True)),
    st.builds(Date, literal=plain_words),
    st.builds(Date, raw=st.sampled_from(["2018-05-03", "May 2018", "1988/1992"])),
)

_values: dict[Kind, st.SearchStrategy[Any]] = {
    Kind.TEXT: text,
    Kind.NUMBER: st.one_of(st.integers(0, 9999), st.from_regex(r"[0-9]{1,4}(-[0-9]{1,4})?", fullmatch=True)),
    Kind.DATE: dates,
    Kind.NAME: st.lists(names, min_size=1, max_size=4).map(tuple),
}


@st.composite
def records(draw: st.DrawFn, kinds: tuple[Kind, ...] = tuple(Kind)) -> Record:
    """A Record with a handful of CSL variables of the given kinds, and maybe unknown keys."""
    fields: dict[str, Any] = {}
    for kind in kinds:
        for name in draw(st.lists(st.sampled_from(sorted(variables_of(kind))), max_size=3, unique=True)):
            fields[name] = draw(_values[kind])
    extra = draw(st.dictionaries(st.sampled_from(["custom", "zotero-key", "shortTitle"]), text, max_size=2))
    return Record(
        id=draw(st.from_regex(r"[a-z][a-z0-9_:-]{0,15}", fullmatch=True)),
        type=draw(st.sampled_from(sorted(ITEM_TYPES))),
        fields=fields,
        extra=extra,
    )
