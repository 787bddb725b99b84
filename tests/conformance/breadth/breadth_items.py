"""A seeded generator of realistic CSL-JSON items for the breadth check.

Every common item type, with the things styles trip over: particles (`van der Berg`,
`di Stefano`), suffixes, hyphenated and initialled given names, corporate authors, names in
CJK, Cyrillic and Greek scripts and with Ł/Ø/Æ/Đ/ʻ, long author lists, page and number
ranges, partial dates, seasons, date ranges, literal dates, DOIs and URLs, rich text, and
the CSL 1.0.2 variables citeproc-py does not know (`director`, `compiler`, `available-date`).
The same seed always gives the same items (only `random.Random(seed)` is used).
"""

from __future__ import annotations

import random
from typing import Any

Item = dict[str, Any]

_GIVEN = [
    "Anna", "James", "María José", "Jean-Paul", "Seo-yeon", "Wei", "Olga", "Thomas A.", "R. A.",
    "Fatima", "Kwame", "Ingrid", "Pedro", "Hiroshi", "Ana Lucía", "Mark", "Emily", "Lars",
    "Chloé", "Zoë", "Dmitri", "Priya", "Łukasz", "Søren", "Ewa", "Noah", "Aisha", "Carlos",
]  # fmt: skip
_FAMILY = [
    "Smith", "García", "Müller", "Nguyen", "Kowalski", "O'Connor", "Öztürk", "Okafor", "Johansson",
    "Rossi", "Ivanova", "Tanaka", "Brown", "Lefèvre", "Andersen", "Łukasiewicz", "Østergaard",
    "Ærø", "Đorđević", "ʻAkana", "Zhang", "Álvarez", "Ziegler", "Baker", "Chen", "Schmidt",
    "Young", "Eriksson", "McDonald", "Abbott",
]  # fmt: skip
_PARTICLED = [
    {"family": "Berg", "given": "Hendrik", "non-dropping-particle": "van der"},
    {"family": "Stefano", "given": "Lucia", "non-dropping-particle": "di"},
    {"family": "Gaulle", "given": "Charles", "non-dropping-particle": "de"},
    {"family": "Humboldt", "given": "Alexander", "dropping-particle": "von"},
    {"family": "La Fontaine", "given": "Jean", "dropping-particle": "de"},
    {"family": "van Dijk", "given": "Pieter"},
    {"family": "al-Rahman", "given": "Ahmed"},
]
_SUFFIXED = [
    {"family": "King", "given": "Martin Luther", "suffix": "Jr."},
    {"family": "Gates", "given": "William H.", "suffix": "III"},
]
_CORPORATE = [
    "World Health Organization",
    "National Research Council",
    "Deutsche Forschungsgemeinschaft",
    "European Commission",
    "The Cochrane Collaboration",
]
_FOREIGN = [
    {"family": "王", "given": "小明"},
    {"family": "山田", "given": "太郎"},
    {"family": "김", "given": "민준"},
    {"family": "Петров", "given": "Иван"},
    {"family": "Παπαδόπουλος", "given": "Γιώργος"},
]
_WORDS = [
    "climate",
    "adaptation",
    "in",
    "coastal",
    "cities",
    "the",
    "role",
    "of",
    "gut",
    "microbiota",
    "on",
    "sleep",
    "a",
    "survey",
    "of",
    "neural",
    "network",
    "pruning",
    "methods",
    "for",
    "edge",
    "devices",
    "and",
    "measuring",
    "inequality",
    "across",
    "European",
    "regions",
    "toward",
    "reproducible",
    "research",
    "software",
    "under",
    "uncertainty",
    "with",
    "Bayesian",
    "models",
    "of",
    "language",
    "change",
    "in",
    "the",
    "Andes",
    "from",
    "policy",
    "to",
    "practice",
]
_JOURNALS = [
    "Nature Communications",
    "Journal of Applied Ecology",
    "The Lancet",
    "Physical Review Letters",
    "Annual Review of Sociology",
    "Zeitschrift für Soziologie",
    "PLOS ONE",
    "IEEE Transactions on Pattern Analysis and Machine Intelligence",
]
_PUBLISHERS = [
    ("Oxford University Press", "Oxford"),
    ("Springer", "Cham"),
    ("MIT Press", "Cambridge, MA"),
    ("Routledge", "London"),
    ("Éditions du Seuil", "Paris"),
    ("Wiley-Blackwell", "Hoboken, NJ"),
]
_SPECIAL_TITLES = [
    "The {G}aussian process revisited",
    "Parents’ and teachers’ views on homework",
    "Is it worth it? A cost analysis",
    "<i>Escherichia coli</i> in drinking water",
    "CO<sub>2</sub> uptake and the “greening” of the Sahel",
    "気候変動と都市",
    "arXiv:2101.01234 and the rise of preprints",
    "Why “small” data still matter",
]
_TYPES = [
    "article-journal", "article-journal", "article-journal", "book", "book", "chapter",
    "paper-conference", "report", "thesis", "webpage", "article-newspaper", "article-magazine",
    "dataset", "software", "motion_picture", "patent", "entry-encyclopedia", "manuscript",
    "broadcast", "interview", "post-weblog", "article", "legislation", "map", "speech",
]  # fmt: skip
# CSL 1.0.2 name variables (and available-date) that citeproc-py 0.11 does not know.
NEW_NAME_VARIABLES = (
    "chair", "compiler", "contributor", "curator", "executive-producer", "guest", "host",
    "narrator", "organizer", "performer", "producer", "script-writer", "series-creator",
    "director", "editorial-director", "illustrator",
)  # fmt: skip


def _person(rng: random.Random) -> dict[str, Any]:
    roll = rng.random()
    if roll < 0.10:
        return dict(rng.choice(_PARTICLED))
    if roll < 0.14:
        return dict(rng.choice(_SUFFIXED))
    if roll < 0.20:
        return dict(rng.choice(_FOREIGN))
    return {"family": rng.choice(_FAMILY), "given": rng.choice(_GIVEN)}


def _names(rng: random.Random, low: int = 1, high: int = 4) -> list[dict[str, Any]]:
    if rng.random() < 0.08:
        return [{"literal": rng.choice(_CORPORATE)}]
    count = rng.choice([1, 1, 2, 2, 3, 4, 6, 8, 12]) if high > 4 else rng.randint(low, high)
    people = [_person(rng) for _ in range(count)]
    if count > 1 and rng.random() < 0.05:
        people[-1] = {"literal": rng.choice(_CORPORATE)}
    return people


def _title(rng: random.Random, low: int = 3, high: int = 9) -> str:
    if rng.random() < 0.12:
        return rng.choice(_SPECIAL_TITLES)
    words = [rng.choice(_WORDS) for _ in range(rng.randint(low, high))]
    text = " ".join(words)
    if rng.random() < 0.2:
        text += ": " + " ".join(rng.choice(_WORDS) for _ in range(rng.randint(2, 5)))
    return text[0].upper() + text[1:]


def _date(rng: random.Random) -> dict[str, Any]:
    year = rng.randint(1950, 2025)
    roll = rng.random()
    if roll < 0.45:
        return {"date-parts": [[year]]}
    if roll < 0.70:
        return {"date-parts": [[year, rng.randint(1, 12)]]}
    if roll < 0.90:
        return {"date-parts": [[year, rng.randint(1, 12), rng.randint(1, 28)]]}
    if roll < 0.94:
        return {"date-parts": [[year]], "season": rng.randint(1, 4)}
    if roll < 0.97:
        return {"date-parts": [[year, 3], [year, 5]]}
    if roll < 0.985:
        return {"date-parts": [[year]], "circa": True}
    return {"literal": "in press"}


def _pages(rng: random.Random) -> str:
    start = rng.randint(1, 900)
    return rng.choice(
        [
            f"{start}-{start + rng.randint(2, 40)}",
            f"{start}–{start + rng.randint(2, 9)}",
            f"e{rng.randint(1000, 9999)}",
            f"S{start}-S{start + 5}",
            str(start),
            f"{start}-{start + 3}, {start + 10}",
        ]
    )


def _doi(rng: random.Random) -> str:
    return f"10.{rng.randint(1000, 9999)}/{rng.choice(['j', 'abc', 'nature'])}.{rng.randint(10000, 99999)}"


def item(rng: random.Random, key: str) -> Item:
    """One realistic item of a randomly chosen type."""
    kind = rng.choice(_TYPES)
    it: Item = {"id": key, "type": kind, "title": _title(rng), "issued": _date(rng)}
    authors = _names(rng, high=12)
    if kind not in ("legislation", "motion_picture", "broadcast") or rng.random() < 0.3:
        it["author"] = authors
    publisher, place = rng.choice(_PUBLISHERS)
    if kind in ("article-journal", "article-magazine", "article-newspaper", "article"):
        it["container-title"] = rng.choice(_JOURNALS) if kind != "article" else "arXiv"
        if kind == "article-journal":
            it["volume"] = str(rng.randint(1, 120))
            if rng.random() < 0.7:
                it["issue"] = rng.choice([str(rng.randint(1, 12)), "3-4", "Suppl. 2"])
            it["page"] = _pages(rng)
        if kind == "article":
            it["number"] = f"arXiv:{rng.randint(1000, 2599)}.{rng.randint(10000, 99999)}"
        if rng.random() < 0.3:
            it["container-title-short"] = "".join(w[0] for w in it["container-title"].split()) + "."
    elif kind in ("book", "report", "thesis", "manuscript", "map"):
        it["publisher"], it["publisher-place"] = publisher, place
        if kind == "book":
            if rng.random() < 0.3:
                it["edition"] = rng.choice(["2", "3rd", "Rev. ed."])
            if rng.random() < 0.4:
                it["number-of-pages"] = str(rng.randint(80, 900))
            if rng.random() < 0.2:
                it["editor"] = _names(rng, high=2)
            if rng.random() < 0.15:
                it["translator"] = [_person(rng)]
            if rng.random() < 0.15:
                it["compiler"] = [_person(rng)]
            if rng.random() < 0.15:
                it["collection-title"] = "Lecture Notes in Computer Science"
                it["collection-number"] = str(rng.randint(1000, 12000))
            it["ISBN"] = f"978-{rng.randint(0, 9)}-{rng.randint(100, 999)}-{rng.randint(10000, 99999)}-0"
        if kind == "report":
            it["number"] = rng.choice(["TR-2000-25", "No. 45", str(rng.randint(1, 999)), "WP 2019/03"])
            it["genre"] = rng.choice(["Technical report", "Working paper"])
        if kind == "thesis":
            it["genre"] = rng.choice(["PhD thesis", "Master's thesis", "Doctoral dissertation"])
            it["publisher"] = rng.choice(["University of Oxford", "Universität Wien", "MIT"])
    elif kind in ("chapter", "paper-conference", "entry-encyclopedia"):
        it["container-title"] = _title(rng, 2, 5)
        it["editor"] = _names(rng, high=3)
        it["publisher"], it["publisher-place"] = publisher, place
        it["page"] = _pages(rng)
        if kind == "paper-conference" and rng.random() < 0.6:
            it["event-title"] = "International Conference on " + _title(rng, 2, 3)
            it["event-place"] = rng.choice(["Vienna, Austria", "Kyoto", "Montréal, QC"])
    elif kind in ("webpage", "post-weblog"):
        it["container-title"] = rng.choice(["BBC News", "Wikipedia", "The Conversation"])
        it["URL"] = f"https://example.org/{rng.randint(100, 999)}/{rng.choice(_WORDS)}"
        it["accessed"] = {"date-parts": [[2024, rng.randint(1, 12), rng.randint(1, 28)]]}
    elif kind in ("dataset", "software"):
        it["publisher"] = rng.choice(["Zenodo", "Dryad", "GitHub"])
        it["version"] = rng.choice(["1.2.0", "2", "v0.9"])
        if rng.random() < 0.4:
            it["available-date"] = {"date-parts": [[rng.randint(2010, 2024), rng.randint(1, 12)]]}
    elif kind in ("motion_picture", "broadcast"):
        it["director"] = [_person(rng)]
        if rng.random() < 0.5:
            it[rng.choice(NEW_NAME_VARIABLES)] = [_person(rng)]
        it["publisher"] = rng.choice(["Warner Bros.", "BBC", "Studio Ghibli"])
        if kind == "broadcast":
            it["container-title"] = "Planet " + rng.choice(_WORDS).capitalize()
            it["number"] = str(rng.randint(1, 12))
    elif kind == "patent":
        it["number"] = f"US {rng.randint(1000000, 9999999)} B2"
        it["authority"] = "U.S. Patent and Trademark Office"
    elif kind == "legislation":
        it["container-title"] = "Official Journal of the European Union"
        it["section"] = str(rng.randint(1, 40))
    elif kind == "interview":
        it["interviewer"] = [_person(rng)]
        it["medium"] = "Audio recording"
    elif kind == "speech":
        it["event-title"] = "Annual Meeting of the " + rng.choice(_CORPORATE)
        it["event-place"] = place
        if rng.random() < 0.5:
            it["organizer"] = [{"literal": rng.choice(_CORPORATE)}]
    if rng.random() < 0.45 and kind not in ("webpage", "post-weblog"):
        it["DOI"] = _doi(rng)
    elif rng.random() < 0.15:
        it["URL"] = f"https://doi.org/{_doi(rng)}"
    if rng.random() < 0.08:
        it["language"] = rng.choice(["de", "fr", "ja", "zh-CN"])
    if rng.random() < 0.1:
        it["title-short"] = " ".join(it["title"].split()[:3])
    if rng.random() < 0.05:
        it["curator"] = [_person(rng)]
    return it


def generate(seed: int, count: int) -> list[Item]:
    """`count` items from `seed`; one in eight shares an author and year with an earlier
    item, so year-suffixes and name disambiguation are exercised."""
    rng = random.Random(seed)
    items: list[Item] = []
    for index in range(count):
        it = item(rng, f"i{seed % 1000:03d}-{index:02d}")
        if items and rng.random() < 0.125:
            other = rng.choice(items)
            if "author" in other:
                it["author"] = [dict(n) for n in other["author"]]
                it["issued"] = dict(other["issued"])
        items.append(it)
    return items
