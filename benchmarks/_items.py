"""A seeded generator of realistic CSL-JSON items for the benchmarks.

Realistic means the mix a real bibliography has: mostly journal articles, then chapters,
books, conference papers, reports, theses, web pages and datasets; one to a dozen authors,
with particles, suffixes, hyphenated and corporate names; shared surnames and same-year
works (so disambiguation has work to do); page ranges, DOIs, editors and publishers.

When ../shared/oracle/sample-*.json are present their names, titles and containers are
used as word pools (read at benchmark time, never copied into the repository); otherwise
small built-in pools are used. The same seed always gives the same items.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


ORACLE = Path(__file__).resolve().parent.parent.parent / "shared" / "oracle"

_FAMILIES = _words(
    "Smith Müller García Nguyen Kowalski O'Brien Tanaka Rossi Johansson Dubois Okafor Ivanova "
    "Chen Patel Schmidt Hernández Kim Larsen Novak Papadopoulos Haddad Silva Andersen Fischer "
    "Moreau Yilmaz Costa"
)
_GIVENS = _words(
    "Anna John María Wei Piotr Siobhan Hiroshi Giulia Lars Camille Chinedu Olga Li Priya Jonas "
    "Lucía Min-jun Mette Tomáš Eleni Karim Ana Søren Lena Hugo Ayşe Rui"
)
_WORDS = _words(
    "analysis model study effect evidence review trial network learning protein cell climate "
    "policy health data theory method system response risk outcome design impact structure "
    "dynamics signal patients children water energy memory language urban soil ocean gene tumor "
    "imaging quantum"
)
_JOURNALS = (
    "Nature",
    "The Lancet",
    "Journal of Applied Physics",
    "PLOS ONE",
    "Annual Review of Sociology",
    "Theranostics",
    "Physical Review Letters",
    "Journal of the American Chemical Society",
)
_PUBLISHERS = (
    ("Oxford University Press", "Oxford"),
    ("Springer", "Berlin"),
    ("MIT Press", "Cambridge, MA"),
    ("Routledge", "London"),
    ("Elsevier", "Amsterdam"),
)
_TYPES = (
    ("article-journal", 60),
    ("chapter", 8),
    ("book", 8),
    ("paper-conference", 8),
    ("report", 5),
    ("thesis", 3),
    ("webpage", 4),
    ("dataset", 2),
    ("article-magazine", 2),
)


def _pools() -> dict[str, list[Any]]:
    """Word pools, from the shared sample items when present."""
    families, givens, titles, containers = set(_FAMILIES), set(_GIVENS), [], set(_JOURNALS)
    for path in sorted(ORACLE.glob("sample-*.json")):
        for item in json.loads(path.read_text(encoding="utf-8"))["items"]:
            for name in item.get("author", []):
                if name.get("family") and name.get("given"):
                    families.add(name["family"])
                    givens.add(name["given"])
            if isinstance(item.get("title"), str) and "<" not in item["title"]:
                titles.append(item["title"])
            if item.get("type") == "article-journal" and item.get("container-title"):
                containers.add(item["container-title"])
    words = list(_WORDS)
    for title in titles:
        words.extend(w for w in title.split() if w.isalpha() and len(w) > 3)
    return {
        "families": sorted(families),
        "givens": sorted(givens),
        "words": words,
        "containers": sorted(containers),
    }


def _name(rng: random.Random, pools: dict[str, list[Any]]) -> dict[str, str]:
    roll = rng.random()
    if roll < 0.02:
        return {"literal": f"{rng.choice(pools['words']).title()} Research Consortium"}
    name = {"family": rng.choice(pools["families"]), "given": rng.choice(pools["givens"])}
    if roll < 0.05:
        name["non-dropping-particle"] = rng.choice(("van", "de", "von"))
    elif roll < 0.07:
        name["suffix"] = "Jr."
    elif roll < 0.10:
        name["family"] += "-" + rng.choice(pools["families"])
    return name


def _title(rng: random.Random, pools: dict[str, list[Any]], low: int = 4, high: int = 12) -> str:
    words = [rng.choice(pools["words"]) for _ in range(rng.randint(low, high))]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def make_items(count: int, seed: int = 20261201) -> list[dict[str, Any]]:
    """`count` CSL-JSON items, the same for the same seed and pools."""
    rng = random.Random(seed)
    pools = _pools()
    kinds = [kind for kind, weight in _TYPES for _ in range(weight)]
    # A small set of prolific first authors, so author-year styles must disambiguate.
    prolific = [_name(rng, pools) for _ in range(max(5, count // 20))]
    items = []
    for index in range(count):
        kind = rng.choice(kinds)
        authors = [rng.choice(prolific) if rng.random() < 0.3 else _name(rng, pools)]
        authors += [_name(rng, pools) for _ in range(rng.choice((0, 1, 1, 2, 2, 3, 4, 5, 7, 11)))]
        year = rng.randint(1985, 2025)
        item: dict[str, Any] = {
            "id": f"item{index:06d}",
            "type": kind,
            "title": _title(rng, pools),
            "author": authors,
            "issued": {"date-parts": [[year, rng.randint(1, 12)] if rng.random() < 0.4 else [year]]},
        }
        if kind in ("article-journal", "article-magazine", "paper-conference"):
            start = rng.randint(1, 2000)
            item["container-title"] = rng.choice(pools["containers"])
            item["volume"] = str(rng.randint(1, 120))
            item["issue"] = str(rng.randint(1, 12))
            item["page"] = f"{start}-{start + rng.randint(2, 30)}"
            if rng.random() < 0.7:
                item["DOI"] = f"10.{rng.randint(1000, 9999)}/bench.{index}"
        elif kind in ("book", "report", "thesis"):
            publisher, place = rng.choice(_PUBLISHERS)
            item["publisher"] = publisher if kind != "thesis" else "University of " + place.split(",")[0]
            item["publisher-place"] = place
            if kind == "report":
                item["number"] = str(rng.randint(1, 999))
        elif kind == "chapter":
            publisher, place = rng.choice(_PUBLISHERS)
            start = rng.randint(1, 400)
            item["container-title"] = _title(rng, pools, 3, 6)
            item["editor"] = [_name(rng, pools) for _ in range(rng.randint(1, 3))]
            item["publisher"] = publisher
            item["publisher-place"] = place
            item["page"] = f"{start}-{start + rng.randint(10, 40)}"
        else:  # webpage, dataset
            item["URL"] = f"https://example.org/{kind}/{index}"
            item["accessed"] = {"date-parts": [[2026, rng.randint(1, 11), rng.randint(1, 28)]]}
            if kind == "dataset":
                item["publisher"] = "Zenodo"
                item["DOI"] = f"10.5281/zenodo.{1000000 + index}"
        items.append(item)
    return items
