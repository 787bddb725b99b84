"""Regenerate tests/formats/bibtex/data/case_oracle.json: BibTeX titles read by citekit into
CSL sentence case (with nocase spans), rendered by citeproc-js in a title-case style
(Chicago author-date) and a sentence-case style (APA), as the oracle for
tests/formats/bibtex/test_bibtex_case.py. Needs node and ../shared/oracle; run from the
repository root: `.venv/bin/python tools/bib_case_oracle.py`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from _citeproc_js import RENDER, run_node  # tools/ is no package: its folder is on sys.path

import citekit
from citekit._styles import Style

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "tests" / "formats" / "bibtex" / "data" / "case_oracle.json"
TITLES = [
    "Deep Learning for {NLP}: A Survey of {BERT} Models",
    "Attention Is All You Need",
    "{G}aussian Processes for Machine Learning",
    "{F}ourier Analysis on Groups",
    "Volcanic Ash over {Iceland} in the Spring of 2010",
    "Fine-Tuning {LoRA} Adapters with Self-Supervised Objectives",
    "What I Learned from the \\emph{Drosophila} Genome",
    "On the Origin of Species",
    "A study of glaciers in {Iceland}",
]


def main() -> None:
    entries = "".join(
        f"@book{{t{i}, author = {{Smith, Ann}}, year = {{2020}}, publisher = {{Pub}}, title = {{{t}}}}}\n"
        for i, t in enumerate(TITLES)
    )
    library = citekit.parse(entries, "bibtex")
    items = []
    for record in library.records:
        item = record.to_csl()
        item.pop("bibtex", None)
        items.append(item)
    results = {}
    for style in ("chicago-author-date", "apa"):
        job = {"style": str(Style.load(style).path), "locale": "en-US", "format": "text", "items": items}
        (answer,) = run_node(RENDER, [job])
        results[style] = {it["id"]: it["bibliography"] for it in answer["items"]}
    data = {"titles": TITLES, "items": items, "citeproc-js": results}
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
