"""Hypothesis fuzzing of the RIS and CSL-JSON readers and writers, in-process: any text gives
records and problems (CitekitErrors at most), and what was read can be written and read again."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

import citekit

_RIS_PIECES = st.sampled_from(
    [
        "TY  - JOUR\n",
        "TY  - GEN\n",
        "ER  - \n",
        "AU  - ",
        "AF  - ",
        "N1  - ",
        "M3  - ",
        "DA  - ",
        "SP  - ",
        "EP  - ",
        "KW  - ",
        "ID  - ",
        "PMID: ",
        "type: ",
        "issued: ",
        ", ",
        "\n",
        "\r",
        "  ",
        "2018/05/03/",
        "<i>",
        "</i>",
        "Article",
        "x",
    ]
)
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(
                ["id", "type", "title", "author", "issued", "date-parts", "family", "volume", "x"]
            ),
            inner,
            max_size=4,
        )
    ),
    max_leaves=12,
)


def _round(text: str, fmt: str) -> None:
    try:
        library = citekit.parse(text, fmt)
    except citekit.CitekitError:
        return
    for record in library.records:  # the RIS reader skips Record's checks: they must hold anyway
        assert citekit.Record(record.id, record.type, dict(record.fields), record.extra) == record
    for out in ("ris", "csljson"):
        written = citekit.dumps(library, out)
        again = citekit.parse(written, out)
        assert len(again) >= len(library.records) or out != fmt


@given(st.lists(_RIS_PIECES, max_size=40).map("".join) | st.text(max_size=200))
@settings(max_examples=200, deadline=None)
def test_ris_text(text: str) -> None:
    _round(text, "ris")


@given(_JSON.map(json.dumps) | st.lists(_JSON, max_size=4).map(json.dumps) | st.text(max_size=100))
@settings(max_examples=200, deadline=None)
def test_csljson_text(text: str) -> None:
    _round(text, "csljson")
