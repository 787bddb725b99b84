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
]  # fmt: skip
