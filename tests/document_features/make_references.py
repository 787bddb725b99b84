"""Write `references.json`: the documents of `test_document_features.py` (citekit's own small
items and citations, one document per feature of issue 9) with citeproc-js's rendering of each,
driven as a word processor drives it by the oracle's `render_doc_js.mjs`.

Run from the repository root when a document is added or changed (needs node and ../shared):

    .venv/bin/python tests/document_features/make_references.py

The tests never run node: they read the stored file.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import citekit

HERE = Path(__file__).resolve().parent
SCRIPT = HERE.parents[2] / "shared" / "oracle" / "render_doc_js.mjs"


def person(family: str, given: str) -> dict[str, str]:
    return {"family": family, "given": given}


def article(
    item_id: str, authors: list[dict[str, str]], year: int, title: str, **more: Any
) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": item_id,
        "type": "article-journal",
        "author": authors,
        "issued": {"date-parts": [[year]]},
        "title": title,
        "container-title": "Journal of Invented Results",
        "volume": "12",
        "issue": "3",
        "page": "101-117",
    }
    item.update(more)
    return item


def book(item_id: str, authors: list[dict[str, str]], year: int, title: str, **more: Any) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": item_id,
        "type": "book",
        "author": authors,
        "issued": {"date-parts": [[year]]},
        "title": title,
        "publisher": "Harbour Press",
        "publisher-place": "Leeds",
    }
    item.update(more)
    return item


ITEMS = [
    article("smith2018", [person("Smith", "Anna")], 2018, "A first look at tidal gardens"),
    article("smith2020", [person("Smith", "Anna")], 2020, "The second paper on tidal gardens"),
    article("smith2020b", [person("Smith", "Anna")], 2020, "Tidal gardens revisited"),
    article("wangjing", [person("Wang", "Jing")], 2020, "Lattice methods for river deltas"),
    article("wangjun", [person("Wang", "Jun")], 2020, "Sediment budgets in estuaries"),
    book("knuth84a", [person("Knuth", "Donald E.")], 1984, "Literate programming"),
    book("knuth84b", [person("Knuth", "Donald E.")], 1984, "The TeXbook"),
    book("ortiz", [person("Ortiz", "Lucía"), person("Brandt", "Jonas")], 2015, "Harbours of the north"),
    book("ortiz2", [person("Ortiz", "Lucía")], 2016, "Harbours of the south"),
    book("ortiz3", [person("Ortiz", "Lucía"), person("Keller", "Mia")], 2017, "Harbours of the east"),
    article("abbott", [person("Abbott", "Ruth")], 2011, "Bees in cities"),
    article(
        "baker",
        [person("Baker", "Tom"), person("Chen", "Li"), person("Diaz", "Rosa")],
        2012,
        "Moths at night",
    ),
    article("zeller", [person("Zeller", "Karl")], 2009, "Ants in winter"),
    book("homer", [person("Homer", "")], 1990, "The Odyssey", translator=[person("Fagles", "Robert")]),
    book("ortiz4", [person("Ortiz", "Lucía"), person("Brandt", "Jonas")], 2019, "Harbours of the west"),
    article(
        "many",
        [person("Quinn", "Ada"), person("Rossi", "Bea"), person("Sato", "Cai"), person("Tran", "Dan")],
        2014,
        "Four hands on one problem",
    ),
    book("hoffmann16", [person("Hoffmann", "Pieter")], 2016, "Dykes and polders"),
    book(
        "lindqvist84",
        [person("Lindqvist", "Diego")],
        1984,
        "Letters from the coast",
        editor=[person("Hoffmann", "Nikolai")],
    ),
    article(
        "ortega21",
        [person("Ortega", "Owen"), person("Haddad", "Lucía"), person("Lindqvist", "Elena")],
        2021,
        "Salt marsh carbon",
    ),
    article(
        "ortega19a",
        [person("Ortega", "Ingrid"), person("Brennan", "Claire"), person("Andersen", "Farida")],
        2019,
        "Reed beds and herons",
    ),
    article(
        "ortega19b",
        [
            person("Ortega", "Ingrid"),
            person("Kowalski", "Marek"),
            person("Novak", "Farida"),
            person("Novak", "Rahul"),
        ],
        2019,
        "Herons and reed beds",
    ),
    article("kim14a", [person("Kim", "Min-seo")], 2014, "Public urban soil"),
    article("kim14b", [person("Kim", "Min-seo")], 2014, "Coastal sensors"),
]


def cites(*specs: str | dict[str, Any]) -> list[dict[str, Any]]:
    return [{"id": s} if isinstance(s, str) else s for s in specs]


def doc(
    name: str, style: str, citations: list[tuple[list[dict[str, Any]], int]], **more: Any
) -> dict[str, Any]:
    return {
        "doc": name,
        "style": style,
        "citations": [{"citationItems": c, "properties": {"noteIndex": n}} for c, n in citations],
        **more,
    }


LABELS = ["chapter", "line", "verse", "section", "paragraph", "figure", "volume", "page"]

DOCUMENTS = [
    doc(
        "ibid-oscola",
        "oscola",
        [
            (cites("abbott"), 1),
            (cites("abbott"), 2),
            (cites({"id": "abbott", "locator": "5"}), 3),
            (cites({"id": "abbott", "locator": "5"}), 4),
            (cites({"id": "abbott", "locator": "7"}), 5),
            (cites("abbott"), 6),
            (cites("zeller", "zeller"), 7),
            (cites("abbott", "zeller"), 8),
            (cites("zeller"), 9),
            (cites("abbott"), 30),
        ],
    ),
    doc("partial-first-mhra", "mhra-notes", [(cites("ortiz", "ortiz2", "ortiz3", "ortiz4"), 1)]),
    doc(
        "et-al-subsequent",
        "biometrics",
        [(cites("many"), 0), (cites("many"), 0), (cites("baker"), 0), (cites("baker"), 0)],
    ),
    doc("same-author-two-works", "apa", [(cites("smith2018", "smith2020"), 0)]),
    doc("same-author-chicago", "chicago-author-date", [(cites("smith2018", "smith2020"), 0)]),
    doc("same-author-year-suffix", "apa", [(cites("smith2018", "smith2020", "smith2020b"), 0)]),
    doc("wang-givenname", "apa", [(cites("wangjing"), 0), (cites("wangjun"), 0)]),
    doc("wang-givenname-chicago", "chicago-author-date", [(cites("wangjing"), 0), (cites("wangjun"), 0)]),
    doc("uncited-take-no-part", "apa", [(cites("knuth84a"), 0)]),
    doc("uncited-registered", "apa", [(cites("knuth84a"), 0)], uncited=["knuth84b"]),
    doc("no-cluster-sort", "chicago-author-date", [(cites("zeller", "abbott"), 0)]),
    doc("cluster-sort", "apa", [(cites("zeller", "abbott"), 0)]),
    doc("mla-order", "modern-language-association", [(cites("zeller", "abbott"), 0)]),
    doc(
        "numbering-first-citation", "ieee", [(cites("zeller"), 0), (cites("abbott"), 0), (cites("zeller"), 0)]
    ),
    doc(
        "numeric-collapse",
        "american-medical-association",
        [
            (cites("abbott", "baker", "zeller"), 0),
            (cites("smith2018"), 0),
            (cites("zeller", "smith2018", "abbott"), 0),
        ],
    ),
    doc(
        "numeric-collapse-prefix",
        "american-medical-association",
        [(cites("abbott", "baker", {"id": "zeller", "prefix": "see "}), 0)],
    ),
    doc(
        "notes-positions",
        "chicago-notes-bibliography",
        [
            (cites("abbott"), 1),
            (cites("abbott"), 2),
            (cites({"id": "abbott", "locator": "5"}), 3),
            (cites({"id": "abbott", "locator": "5"}), 4),
            (cites({"id": "abbott", "locator": "7"}), 5),
            (cites("abbott"), 6),
            (cites("zeller", "abbott"), 7),
            (cites("abbott"), 8),
            (cites("baker"), 9),
            (cites("baker"), 20),
        ],
    ),
    doc(
        "apa-positions",
        "apa",
        [(cites("baker"), 0), (cites("baker"), 0), (cites({"id": "baker", "locator": "3"}), 0)],
    ),
    doc(
        "locator-labels-apa",
        "apa",
        [(cites({"id": "abbott", "locator": "3", "label": label}), 0) for label in LABELS]
        + [(cites({"id": "abbott", "locator": "12-15", "label": "page"}), 0)],
    ),
    doc(
        "locator-labels-notes",
        "chicago-notes-bibliography",
        [(cites({"id": "abbott", "locator": "3", "label": label}), n + 1) for n, label in enumerate(LABELS)]
        + [(cites({"id": "zeller", "locator": "12-15", "label": "page"}), 20)],
    ),
    doc(
        "suppress-author",
        "apa",
        [
            (cites({"id": "abbott", "suppress-author": True}), 0),
            (cites({"id": "zeller", "author-only": True}), 0),
            (cites({"id": "abbott", "prefix": "see ", "suffix": ", for bees"}), 0),
        ],
    ),
    doc(
        "positions-aglc",
        "australian-guide-to-legal-citation",
        [
            (cites("abbott"), 1),
            (cites("abbott"), 2),  # ibid: the note before
            (cites("abbott"), 5),  # notes 3-4 have no citation: subsequent
            (cites("zeller", "baker"), 6),
            (cites("zeller"), 7),  # note 6 holds two cites: subsequent
            (cites("abbott", "baker"), 8),
            (cites("baker"), 8),  # same note, the citation before ends with baker: ibid
            (cites("smith2018"), 10),
            (cites("abbott", "smith2018"), 10),  # subsequent in its first note: no (n 10)
            (cites("smith2018"), 0),  # running text is its own stream: first again
            (cites("smith2018"), 11),
        ],
    ),
    doc(
        "suffix-after-quote",
        "chicago-notes-bibliography",
        [(cites("abbott"), 1)]
        + [
            (cites({"id": "abbott", "suffix": suffix}, "zeller"), 3 + n)
            for n, suffix in enumerate([", emphasis added", "; and passim", ": x", "? x", ". x"])
        ],
    ),
    doc(
        "unsorted-grouping-chicago",
        "chicago-author-date",
        [(cites("smith2018", "abbott", "smith2020"), 0), (cites("smith2018", "smith2020", "abbott"), 0)],
    ),
    doc(
        "sorted-grouping-apa",
        "apa",
        [(cites("smith2018", "abbott", "smith2020"), 0)],
    ),
    doc(
        "numeric-collapse-affixes",
        "american-chemical-society",
        [
            (cites("abbott", "baker", "zeller", "smith2018", "smith2020", "wangjing"), 0),
            (cites({"id": "abbott", "prefix": "see "}, "baker", "zeller", "smith2018"), 0),
            (
                cites(
                    "abbott", "baker", {"id": "zeller", "suffix": " x"}, "smith2018", "smith2020", "wangjing"
                ),
                0,
            ),
            (
                cites(
                    "abbott",
                    "baker",
                    "zeller",
                    {"id": "smith2018", "prefix": "; see "},
                    "smith2020",
                    "wangjing",
                ),
                0,
            ),
        ],
    ),
    doc(
        "numeric-collapse-locator",
        "american-medical-association",
        [
            (
                cites(
                    "abbott", "baker", "zeller", {"id": "smith2018", "locator": "5"}, "smith2020", "wangjing"
                ),
                0,
            )
        ],
    ),
    doc(
        "page-locator-range",
        "chicago-author-date",
        [
            (cites({"id": "abbott", "locator": "112-118", "label": "page"}), 0),
            (cites({"id": "abbott", "locator": "112-118", "label": "line"}), 0),
            (cites({"id": "zeller", "locator": "1496-1504"}), 0),
        ],
    ),
    doc(
        "mla-substitute",
        "modern-language-association",
        [(cites("ortiz", "ortiz2", "ortiz3"), 0)],
    ),
    doc(
        "chicago-substitute",
        "chicago-author-date",
        [(cites("ortiz", "ortiz2", "ortiz3"), 0)],
    ),
    # A namesake only the bibliography's sort keys show (an editor) gives the cite an initial.
    doc(
        "givenname-sort-key-names",
        "chicago-author-date",
        [(cites("hoffmann16"), 0), (cites("lindqvist84"), 0), (cites("hoffmann16"), 0)],
    ),
    # by-cite add-names and add-givenname: given names tried at each names count ...
    doc(
        "by-cite-names-and-givens",
        "modern-language-association",
        [(cites("ortega21"), 0), (cites("ortega19a"), 0), (cites("ortega19b"), 0)],
    ),
    # ... from the names the group already shows when another item joins it
    doc(
        "by-cite-names-group-joined",
        "modern-language-association",
        [(cites("ortega19a"), 0), (cites("ortega19b"), 0), (cites("ortega21"), 0)],
    ),
    # Cites compared in their subsequent form with the first note: AGLC's title when two works
    # of one author were first cited in the same note (tests/documents has the other case).
    doc(
        "subsequent-form-disambiguate",
        "australian-guide-to-legal-citation",
        [
            (cites("kim14a", "kim14b"), 1),
            (cites("kim14a"), 2),
            (cites({"id": "kim14b", "suppress-author": True}), 3),
            (cites("kim14b"), 4),
        ],
    ),
]


def main() -> None:
    if not SCRIPT.is_file():
        sys.exit(f"the citeproc-js oracle is not here: {SCRIPT}")
    jobs = []
    for document in DOCUMENTS:
        style = citekit.Style.load(document["style"])
        jobs.append({**document, "style": style.path, "format": "text", "locale": None, "items": ITEMS})
    env = {**os.environ, "PYTHON": sys.executable}
    result = subprocess.run(
        ["node", str(SCRIPT)],
        input="\n".join(json.dumps(j) for j in jobs),
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    outputs = [json.loads(line) for line in result.stdout.splitlines()]
    stored = []
    for document, output in zip(DOCUMENTS, outputs, strict=True):
        if output["error"]:
            sys.exit(f"{document['doc']}: {output['error']}")
        stored.append(
            {**document, "expected": {k: output[k] for k in ("engine", "citations", "bibliography")}}
        )
    (HERE / "references.json").write_text(
        json.dumps({"items": ITEMS, "documents": stored}, indent=1, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
