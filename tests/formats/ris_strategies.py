"""Hypothesis strategies for RIS: records that RIS can carry whole, and RIS text with the usual mess
(synonym and unknown tags, repeats, empty values, continuation lines, missing ER, stray text)."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st
from strategies import date_part, plain_words

from citekit import Date, Name, Record
from citekit.formats import _ris_tags as table
from citekit.formats._ris_tags import Shape

# One line of free text with nothing a RIS reader strips (edge blanks) or splits on (line breaks),
# and no "<": CSL rich text such as "<i>x</i>" is written to RIS as plain text, on purpose.
line_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="<"),
    min_size=1,
    max_size=30,
).filter(lambda s: s == s.strip(" \t"))

# A continuation line can never be taken for a tag line: tags are two capitals.
_continuation = st.from_regex(r"[ a-z][a-z ,.;()]{0,25}[a-z.)]", fullmatch=True)
multiline_text = st.builds(
    lambda first, rest: "\n".join([first, *rest]),
    line_text,
    st.lists(st.one_of(_continuation, st.just("")), max_size=3).map(
        lambda lines: [*lines, "end."] if lines and lines[-1] == "" else lines
    ),
)

ris_names = st.one_of(
    st.builds(
        Name,
        family=plain_words,
        given=st.none() | plain_words,
        suffix=st.none() | st.sampled_from(["Jr.", "Sr.", "III"]),
    ),
    st.builds(Name, given=plain_words),
    st.builds(Name, literal=plain_words),
)

ris_dates = st.builds(
    lambda parts, season: Date(date_parts=(parts,), season=season),
    date_part,
    st.none() | st.integers(1, 4) | st.sampled_from(["Fall", "Christmas"]),
)

_keyword = st.from_regex(r"[A-Za-z][A-Za-z0-9 -]{0,15}[A-Za-z0-9]", fullmatch=True)

_BY_SHAPE: dict[Shape, st.SearchStrategy[Any]] = {
    Shape.TEXT: line_text,
    Shape.NAMES: st.lists(ris_names, min_size=1, max_size=4).map(tuple),
    Shape.KEYWORDS: st.lists(_keyword, min_size=1, max_size=4).map(", ".join),
    Shape.YEAR: ris_dates,
    Shape.DATE: ris_dates,
    Shape.PAGE_START: st.from_regex(r"(e?[0-9]{1,4}(-[0-9]{1,4})?)|([0-9]{1,3}, [0-9]{1,3})", fullmatch=True),
}
_MULTILINE = {"abstract", "note"}

MAPPED_TYPES = sorted({csl for _, csl in table.TYPES})


def writable(csl_type: str) -> dict[str, Shape]:
    """The variables the writer has a tag for in a record of this type, with their shapes."""
    return {
        row.variable: row.shape for row in table.TAGS if table.row_for_variable(csl_type, row.variable) is row
    }


@st.composite
def ris_records(draw: st.DrawFn) -> Record:
    """A Record of an RIS-mapped type whose every field has an RIS tag and a value RIS can hold."""
    csl_type = draw(st.sampled_from(MAPPED_TYPES))
    shapes = writable(csl_type)
    chosen = draw(st.lists(st.sampled_from(sorted(shapes)), max_size=8, unique=True))
    fields: dict[str, Any] = {}
    for variable in chosen:
        strategy = multiline_text if variable in _MULTILINE else _BY_SHAPE[shapes[variable]]
        fields[variable] = draw(strategy)
    record_id = draw(st.from_regex(r"[A-Za-z][A-Za-z0-9_:.-]{0,15}", fullmatch=True))
    return Record(id=record_id, type=csl_type, fields=fields)


# RIS text, line by line.
_TYS = [*(ty for ty, _ in table.TYPES), "jour", "ABST", "XYZ", ""]
_TAGS = [*sorted({row.tag for row in table.TAGS}), "ID", "C1", "M2", "RP", "XX", "Y9"]
_VALUES = st.one_of(
    line_text,
    st.sampled_from(
        [
            "",
            "Smith, John",
            "Smith,John, Jr.",
            "World Health Organization",
            ",",
            "a, b, c",
            "2018",
            "2018/05/03/",
            "2018///",
            "2018/05//Spring",
            "2018/00/00/",
            "May 2018",
            "27-30 June 2016",
            "1988-1992",
            "n.d.",
            "2018/13//",
            "12",
            "e5",
            "1-5, 7",
            "A-1",
        ]
    ),
)


@st.composite
def _record_lines(draw: st.DrawFn) -> list[str]:
    lines = [f"TY  - {draw(st.sampled_from(_TYS))}".rstrip(" ")]
    for _ in range(draw(st.integers(0, 10))):
        tag, value = draw(st.sampled_from(_TAGS)), draw(_VALUES)
        lines.append(f"{tag}  - {value}")
        lines.extend(draw(st.lists(_continuation, max_size=2)))
    if draw(st.integers(0, 9)):  # mostly, but not always, closed
        lines.append(draw(st.sampled_from(["ER  - ", "ER  -"])))
    return lines


_STRAY = st.sampled_from(
    [
        ["Exported from SomeTool 1.0"],
        ["AU  - Nobody, Knows", "TI  - A record without a type", "ER  - "],
        ["ER  - "],
    ]
)


@st.composite
def ris_texts(draw: st.DrawFn) -> str:
    """RIS text: records (some unterminated), and now and then lines that are no record."""
    pieces = draw(st.lists(st.one_of(_record_lines(), _STRAY), min_size=1, max_size=5))
    return "\n".join("\n".join(piece) + "\n" for piece in pieces)
