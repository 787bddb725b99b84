"""Inputs of the long-tail engine tests, rendered by citeproc-js with
`tools/longtail_reference.py` into data/longtail_js.json (which the tests read: node is
never run at test time). Each case: a style id, an optional forced locale, and items."""

from __future__ import annotations

from typing import Any

COLLATION_NAMES = [
    "Łukasiewicz", "Lewandowski", "Lyons", "Østergaard", "Olsen", "Ozawa", "O'Connor", "Öztürk",
    "Ærø", "Adams", "Azevedo", "Đorđević", "Dietrich", "Dzeko", "ʻAkana", "Akerman", "Zimmer",
    "Zoltan", "Ziółkowski", "Ñúñez", "Nunes", "Szabó", "Šimek", "Sørensen",
]  # fmt: skip
PARTICLE_NAMES = [
    {"family": "Stefano", "given": "Lucia", "non-dropping-particle": "di"},
    {"family": "Berg", "given": "Hendrik", "non-dropping-particle": "van der"},
    {"family": "Dalton", "given": "John"},
    {"family": "Sanders", "given": "Ann"},
    {"family": "Bell", "given": "Eve"},
    {"family": "Vance", "given": "Ray"},
    {"family": "Tanaka", "given": "Ai"},
]


def _people(names: list[str]) -> list[dict[str, Any]]:
    return [
        {"id": f"n{index:02d}", "type": "book", "title": f"Book {index}", "publisher": "P",
         "author": [{"family": name, "given": "Anna"}], "issued": {"date-parts": [[2000]]}}
        for index, name in enumerate(names)
    ]  # fmt: skip


def _particles() -> list[dict[str, Any]]:
    return [
        {"id": f"p{index}", "type": "book", "title": "A book", "publisher": "P",
         "author": [name], "issued": {"date-parts": [[2001]]}}
        for index, name in enumerate(PARTICLE_NAMES)
    ]  # fmt: skip


FILM = {
    "id": "film", "type": "motion_picture", "title": "Spirited away", "publisher": "Studio Ghibli",
    "director": [{"family": "Miyazaki", "given": "Hayao"}], "issued": {"date-parts": [[2001, 7, 20]]},
}  # fmt: skip
NEW_VARIABLES = [
    FILM,
    {"id": "compiled", "type": "book", "title": "Folk songs of the north", "publisher": "Faber",
     "compiler": [{"family": "Lomax", "given": "Alan"}], "issued": {"date-parts": [[1960]]}},
    {"id": "exhibit", "type": "exhibit" if False else "event", "title": "Light and shadow",
     "curator": [{"family": "Okafor", "given": "Ngozi"}], "issued": {"date-parts": [[2019, 5]]},
     "available-date": {"date-parts": [[2019, 4, 1]]}},
    {"id": "podcast", "type": "broadcast", "title": "Episode 12", "container-title": "Science talk",
     "host": [{"family": "Rossi", "given": "Marco"}], "guest": [{"family": "Chen", "given": "Wei"}],
     "issued": {"date-parts": [[2021, 3, 4]]}},
]  # fmt: skip


def _authors(count: int, key: str) -> dict[str, Any]:
    names = [{"family": family, "given": "Anna"} for family in ("Young", "Brown", "Okafor", "Rossi", "Chen")]
    return {"id": key, "type": "book", "title": "A book", "publisher": "P", "author": names[:count],
            "issued": {"date-parts": [[1990 + count]]}}  # fmt: skip


ET_AL = [_authors(1, "one"), _authors(2, "two"), _authors(3, "three"), _authors(5, "five")]
_GAUSS = 'The <span class="nocase">G</span>aussian process revisited'
_MRNA = 'Of mice and <span class="nocase">mRNA</span>: a review'
NOCASE = [
    {"id": "gauss", "type": "article-journal", "title": _GAUSS, "container-title": "Journal of things",
     "author": [{"family": "Smith", "given": "Ann"}], "issued": {"date-parts": [[2010]]}},
    {"id": "dna", "type": "article-journal", "title": _MRNA, "container-title": "Journal of things",
     "author": [{"family": "Jones", "given": "Bo"}], "issued": {"date-parts": [[2011]]}},
]  # fmt: skip
# What `author = {Smith, John and others}` should cite as: the first author and the style's
# et-al term. citeproc-js has no `and others`, so the reference is the same item with so many
# authors that every style shortens the list to the first one in citations.
_CROWD = [{"family": "Smith", "given": "John"}] + [{"family": f"X{i}", "given": "Y"} for i in range(30)]
MANY = [
    {"id": "many", "type": "book", "title": "A book", "publisher": "P", "issued": {"date-parts": [[2000]]},
     "author": _CROWD}
]  # fmt: skip
# Breadth causes (issue 12): cs:name affixes and formatting per name, explicit "none" and
# "baseline" decorations, upright CJK titles, particles in French styles, Turkish upper case.
_ANON = {"id": "anon", "type": "book", "title": "A book without authors", "publisher": "P",
         "issued": {"date-parts": [[1999]]}}  # fmt: skip
_BODY = {"id": "body", "type": "book", "title": "A report", "publisher": "P",
         "author": [{"literal": "World Health Organization"}],
         "issued": {"date-parts": [[1998]]}}  # fmt: skip
NAME_LISTS = [*ET_AL, _BODY, _ANON]
CJK = [
    {"id": "cjk", "type": "book", "title": "気候変動と都市", "publisher": "P",
     "author": [{"family": "Tanaka", "given": "Ai"}], "issued": {"date-parts": [[2014]]}},
    {"id": "latin", "type": "book", "title": "Climate and cities", "publisher": "P",
     "author": [{"family": "Sato", "given": "Ai"}], "issued": {"date-parts": [[2015]]}},
]  # fmt: skip
CHAPTER = [
    {"id": "chapter", "type": "chapter", "title": "A chapter", "container-title": "A Book", "publisher": "P",
     "publisher-place": "London", "author": [{"family": "Schmidt", "given": "Carl"}],
     "editor": [{"family": "Rahman", "given": "Ahmed", "non-dropping-particle": "al-"},
                {"family": "Abbott", "given": "Fay"}, {"family": "Nguyen", "given": "Pham"}],
     "issued": {"date-parts": [[2021]]}},
]  # fmt: skip
TURKISH = [
    {"id": "plain", "type": "book", "title": "Bir kitap", "publisher": "P",
     "author": [{"family": "Smith", "given": "Iris"}], "issued": {"date-parts": [[2001]]}},
    {"id": "french", "type": "book", "title": "Un livre", "publisher": "P", "language": "fr",
     "author": [{"family": "Smith", "given": "Iris"}], "issued": {"date-parts": [[2002]]}},
]  # fmt: skip
EN, DE, MLA = "chicago-author-date", "din-1505-2", "modern-language-association"
BCH = "bulletin-de-correspondance-hellenique"
CASES: list[dict[str, Any]] = [
    {"name": "collation-en", "style": EN, "locale": None, "items": _people(COLLATION_NAMES)},
    {"name": "collation-de", "style": DE, "locale": None, "items": _people(COLLATION_NAMES)},
    {"name": "collation-pl", "style": EN, "locale": "pl-PL", "items": _people(COLLATION_NAMES)},
    {"name": "collation-da", "style": EN, "locale": "da-DK", "items": _people(COLLATION_NAMES)},
    {"name": "sort-only-particles", "style": DE, "locale": None, "items": _particles()},
    {"name": "display-and-sort-particles", "style": EN, "locale": None, "items": _particles()},
    {"name": "new-variables-apa", "style": "apa", "locale": None, "items": NEW_VARIABLES},
    {"name": "new-variables-chicago", "style": EN, "locale": None, "items": NEW_VARIABLES},
    {"name": "new-variables-mla", "style": MLA, "locale": None, "items": NEW_VARIABLES},
    {"name": "et-al-normal-bch", "style": BCH, "locale": None, "items": ET_AL},
    {"name": "et-al-normal-din", "style": DE, "locale": None, "items": ET_AL},
    {"name": "et-al-italic-chicago", "style": EN, "locale": None, "items": ET_AL},
    {"name": "nocase-chicago", "style": EN, "locale": None, "items": NOCASE},
    {"name": "nocase-apa", "style": "apa", "locale": None, "items": NOCASE},
    {"name": "and-others-apa", "style": "apa", "locale": None, "items": MANY},
    {"name": "and-others-chicago", "style": EN, "locale": None, "items": MANY},
    {"name": "and-others-din", "style": DE, "locale": None, "items": MANY},
    {"name": "name-affixes-uludag", "style": "uludag-universitesi-sosyal-bilimler-enstitusu-author-date",
     "locale": None, "items": [ET_AL[1], ET_AL[3], _BODY, _ANON]},
    {"name": "et-al-small-caps-revista", "style": "revista-de-derecho-de-la-universidad-austral-de-chile",
     "locale": None, "items": NAME_LISTS},
    {"name": "baseline-electrophoresis", "style": "electrophoresis", "locale": None, "items": NAME_LISTS},
    {"name": "baseline-substitute", "style": "transactions-of-the-philological-society", "locale": None,
     "items": NAME_LISTS},
    {"name": "decoration-none-york", "style": "university-of-york-harvard", "locale": None,
     "items": NAME_LISTS},
    {"name": "bold-in-bold", "style": "the-canadian-journal-of-chemical-engineering", "locale": None,
     "items": NAME_LISTS},
    {"name": "cjk-upright-chicago", "style": EN, "locale": None, "items": CJK},
    {"name": "particles-nbsp-quebec", "style": "universite-du-quebec-a-montreal", "locale": None,
     "items": _particles()},
    {"name": "name-suffix-and-oceanography", "style": "oceanography", "locale": None, "items": CHAPTER},
    {"name": "turkish-item-language",
     "style": "ankara-universitesi-sosyal-bilimler-enstitusu-hukuk-fakultesi", "locale": None,
     "items": TURKISH},
]  # fmt: skip
