"""pybtex's alpha labels (Knu84, KL84, vNM44, ABC+17; vdB90, SJ91, ONeil16 and Muller93
for M{\\"u}ller, as pybtex abbreviates the name as written), made by citekit for label styles and
`:cite:label:`, against pybtex's own label style (the reference, where pybtex is installed)."""

from __future__ import annotations

from pathlib import Path

import pytest

import citekit
from citekit.sphinxext._pybtex import STYLES, alpha_labels, csl_style

BIB = (Path(__file__).resolve().parent.parent / "roots" / "test-compat" / "refs.bib").read_text(
    encoding="utf-8"
)
EXTRA = """
@article{two1984, author = {Knuth, Donald E. and Lamport, Leslie}, title = {T}, journal = {J}, year = {1984}}
@article{five2001, author = {A, Ann and B, Bob and C, Cy and D, Di and E, Ed}, title = {F},
  journal = {J}, year = {2001}}
@book{knuth1984b, author = {Knuth, Donald E.}, title = {The {TeX}book}, publisher = {AW}, year = {1984}}
@article{vdb1990, author = {van der Berg, Jan}, year = 1990, title = {T}}
@article{sj1991, author = {Smith-Jones, Ann}, year = 1991, title = {T}}
@article{oneil2016, author = {O'Neil, Cathy}, year = 2016, title = {T}}
@article{sjvdb1992, author = {Smith-Jones, Ann and van der Berg, Jan}, year = 1992, title = {T}}
@article{mueller1993, author = {M{\\"u}ller, Hans}, year = 1993, title = {T}}
@article{mueller1993b, author = {M\\"uller, Hans}, year = 1993, title = {T}}
@article{mueller1994, author = {Müller, Hans}, year = 1994, title = {T}}
@article{who1995, author = {{World Health Organization}}, year = 1995, title = {T}}
@article{li1996, author = {Li, Wei}, year = 1996, title = {T}}
@article{mcmahon2010, author = {{McMahon}, Harvey and Kozlov, M.}, year = 2010, title = {T}}
@article{lafontaine1668, author = {Jean de la Fontaine}, year = 1668, title = {T}}
@article{knuth1984c, author = {Donald E. Knuth}, year = 1984, title = {Written first name first}}
"""


def test_labels_match_pybtex() -> None:
    pytest.importorskip("pybtex", reason="the reference labels come from pybtex")
    from pybtex.database import parse_string
    from pybtex.style.labels.alpha import LabelStyle

    text = BIB + EXTRA
    entries = list(parse_string(text, "bibtex").entries.values())
    theirs = dict(zip((e.key for e in entries), LabelStyle().format_labels(entries), strict=True))
    records = citekit.parse(text, "bibtex").records
    assert alpha_labels(records) == theirs


def test_every_pybtex_style_names_a_csl_style() -> None:
    for name, (csl, _) in STYLES.items():
        assert citekit.Style.load(csl).citation_format in ("numeric", "label"), name
    assert csl_style(None, None) == STYLES["alpha"][0]  # sphinxcontrib-bibtex's defaults
    assert citekit.Style.load(csl_style("plain", "author_year")).citation_format == "author-date"


ORDER_BIB = """
@article{b1, author = {van der Berg, Jan}, title = {Zeta}, journal = {J}, year = {1990}}
@article{b2, author = {Berg, Anna}, title = {Alpha}, journal = {J}, year = {1990}}
@article{k2, author = {Knuth, Donald E.}, title = {Beta}, journal = {J}, year = {1984}}
@article{k1, author = {Knuth, Donald E.}, title = {Alpha}, journal = {J}, year = {1984}}
@article{k3, author = {Knuth, Donald E. and Lamport, Leslie}, title = {A}, journal = {J}, year = {1980}}
@book{ed1, editor = {Adams, Zoe}, title = {Edited}, publisher = {P}, year = {2000}}
@incollection{ed2, editor = {Adams, Zoe}, title = {Chapter}, booktitle = {B}, publisher = {P}, year = {2000}}
@misc{none, title = {No names}, year = {2010}}
@article{old, author = {Knuth, Donald E.}, title = {Gamma}, journal = {J}, year = {1974}}
@article{mc, author = {{McMahon}, Harvey}, title = {Braced}, journal = {J}, year = {2010}}
@article{ma, author = {Marrink, Siewert J.}, title = {Plain}, journal = {J}, year = {2003}}
@article{mu, author = {M{\\"u}ller, Hans}, title = {Accent}, journal = {J}, year = {1993}}
"""


@pytest.mark.parametrize("style", ["alpha", "unsrtalpha"])
def test_list_order_matches_pybtex(style: str) -> None:
    """sphinxcontrib-bibtex lists entries as pybtex's style sorts them (alpha: author,
    year, title; books by editor when they have no author; unsrtalpha: as given)."""
    pytest.importorskip("pybtex", reason="the reference order comes from pybtex")
    from pybtex.database import parse_string
    from pybtex.plugin import find_plugin

    from citekit.sphinxext._pybtex import list_order

    given = ["k2", "none", "b1", "ed2", "k1", "old", "ed1", "b2", "k3"]  # an order of citation
    theirs = parse_string(ORDER_BIB, "bibtex").entries
    reference = [
        e.key for e in find_plugin("pybtex.style.formatting", style)().sort([theirs[k] for k in given])
    ]
    ours = {record.key: record for record in citekit.parse(ORDER_BIB, "bibtex").records}
    assert list_order(style, [ours[k] for k in given]) == reference
