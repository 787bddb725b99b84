"""Benchmark: a Sphinx build of a 2,000-entry bibliography cited over 50 documents, with
citekit's extension and with sphinxcontrib-bibtex, printed as times and a ratio.

    python benchmarks/sphinx_build.py [--entries 2000] [--documents 50] [--style apa] [--edit]
                                      [--repeat 3]

Both builds read the same generated BibTeX file and cite every entry once with `:cite:p:`;
one page holds the bibliography of everything cited. Each build runs `sphinx-build` in a
fresh process on a fresh copy. sphinxcontrib-bibtex is not a citekit dependency: without
it, that side is skipped with a message.

`--edit` (issue 10) then retitles one entry in the .bib file and builds again in the same
output folder (an incremental build), reporting the clean and incremental times of each
side and the incremental build as a share of the clean one, and what citekit rendered
again (no such line: it rendered everything). `--style` takes any citekit style: ieee
(numeric) and chicago-notes-bibliography (notes) have incremental paths of their own.

Times are wall-clock seconds, with the build's CPU seconds (user + system of the
`sphinx-build` process) beside them: on a machine that runs other work the CPU time is the
figure to compare. `--repeat N` builds each side N times, alternating, and reports medians.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FAMILIES = ["Werner", "Kumar", "Byrne", "Berg", "Fournier", "King", "Nakamura", "Okafor", "Silva", "Novak"]
GIVEN = ["Rudolf A.", "Inês", "Olga K.", "Jan", "Priya", "Paul L.", "Yui", "Chidi", "Ana", "Petr"]
JOURNALS = ["Theranostics", "Mind", "Journal of Tests", "Nature Methods", "Philosophy of Science"]


def bibtex(entries: int) -> str:
    out = []
    for n in range(entries):
        first, second = n % len(FAMILIES), (n * 7 + 3) % len(FAMILIES)
        out.append(
            f"@article{{key{n:04d},\n"
            f"  author = {{{FAMILIES[first]}, {GIVEN[first]} and {FAMILIES[second]}, {GIVEN[second]}}},\n"
            f"  title = {{A study of question number {n} in a long series}},\n"
            f"  journal = {{{JOURNALS[n % len(JOURNALS)]}}},\n"
            f"  year = {{{1950 + n % 70}}},\n"
            f"  volume = {{{n % 40 + 1}}},\n"
            f"  pages = {{{n % 300 + 1}--{n % 300 + 12}}},\n"
            f"  doi = {{10.1000/bench.{n}}},\n"
            "}\n"
        )
    return "\n".join(out)


def project(root: Path, entries: int, documents: int, extension: str, conf: str, bibliography: str) -> None:
    root.mkdir(parents=True)
    (root / "refs.bib").write_text(bibtex(entries), encoding="utf-8")
    (root / "conf.py").write_text(f'extensions = ["{extension}"]\n{conf}\n', encoding="utf-8")
    names = [f"doc{d:02d}" for d in range(documents)]
    toctree = "".join(f"   {name}\n" for name in [*names, "references"])
    (root / "index.rst").write_text(f"Benchmark\n=========\n\n.. toctree::\n\n{toctree}", encoding="utf-8")
    per_document = -(-entries // documents)
    for d, name in enumerate(names):
        keys = [f"key{n:04d}" for n in range(d * per_document, min(entries, (d + 1) * per_document))]
        lines = "".join(f"Sentence {i} cites :cite:p:`{key}`.\n\n" for i, key in enumerate(keys))
        (root / f"{name}.rst").write_text(f"Document {d}\n============\n\n{lines}", encoding="utf-8")
    (root / "references.rst").write_text(f"References\n==========\n\n{bibliography}", encoding="utf-8")


EDITED = "key1000"  # a middle entry: cited on one page, listed on the bibliography page


def edit_one_entry(root: Path, key: str = EDITED) -> None:
    """Retitle one entry, as a writer fixing a typo would."""
    bib = root / "refs.bib"
    text, count = re.subn(
        rf"(@article{{{key},\n(?:.*\n)*?  title = {{)A study",
        r"\g<1>A retitled study",
        bib.read_text(encoding="utf-8"),
        count=1,
    )
    if count != 1:
        raise SystemExit(f"entry {key} not found in {bib}")
    bib.write_text(text, encoding="utf-8")


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def build(root: Path, *, report: bool = False) -> tuple[float, float]:
    """(wall, CPU) seconds of one `sphinx-build` run; `report`: print what citekit says it
    rendered again (an incremental build's "rendered 3 of 2000 entries again")."""
    start, cpu = time.perf_counter(), _cpu()
    quiet = [] if report else ["-q"]
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", *quiet, "-b", "html", str(root), str(root / "_build")],
        capture_output=True,
        text=True,
    )
    elapsed, used = time.perf_counter() - start, _cpu() - cpu
    if result.returncode != 0:
        raise SystemExit(f"the build of {root.name} failed:\n{result.stderr[-3000:]}")
    warnings = [line for line in result.stderr.splitlines() if "WARNING" in line]
    if warnings:
        print(f"  {root.name}: {len(warnings)} warnings, e.g. {warnings[0][:160]}")
    for line in result.stdout.splitlines() if report else []:
        if line.startswith("citekit: rendered"):
            print(f"  {line}")
    return elapsed, used


def clean_build(root: Path) -> tuple[float, float]:
    """A build from nothing: the output folder (and its environment) removed first."""
    shutil.rmtree(root / "_build", ignore_errors=True)
    return build(root)


def incremental(root: Path, clean: float, name: str) -> None:
    edit_one_entry(root)
    again, cpu = build(root, report=True)
    print(
        f"{name}, one entry edited:  {again:7.2f} s (CPU {cpu:6.2f} s)"
        f"  ({100 * again / clean:.0f} % of the clean build)"
    )


def _median(times: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(t[0] for t in times), statistics.median(t[1] for t in times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=2000)
    parser.add_argument("--documents", type=int, default=50)
    parser.add_argument("--style", default="apa", help="citekit's CSL style (default: apa)")
    parser.add_argument("--edit", action="store_true", help="then edit one entry and build again")
    parser.add_argument("--only-citekit", action="store_true", help="skip the sphinxcontrib-bibtex side")
    parser.add_argument("--repeat", type=int, default=1, help="clean builds per side (medians)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="citekit-sphinx-bench-"))
    try:
        print(f"{args.entries} entries cited over {args.documents} documents, one bibliography page")
        project(
            work / "citekit",
            args.entries,
            args.documents,
            "citekit.sphinxext",
            f'citekit_bibfiles = ["refs.bib"]\ncitekit_style = "{args.style}"',
            ".. bibliography::\n   :scope: global\n",
        )
        has_bibtex = importlib.util.find_spec("sphinxcontrib.bibtex") is not None
        if not args.only_citekit and has_bibtex:
            project(
                work / "bibtex",
                args.entries,
                args.documents,
                "sphinxcontrib.bibtex",
                'bibtex_bibfiles = ["refs.bib"]',
                ".. bibliography::\n",
            )
        mine: list[tuple[float, float]] = []
        others: list[tuple[float, float]] = []
        for _ in range(max(1, args.repeat)):  # alternating, so both sides see the same load
            mine.append(clean_build(work / "citekit"))
            if not args.only_citekit and has_bibtex:
                others.append(clean_build(work / "bibtex"))
        ours, ours_cpu = _median(mine)
        print(f"citekit ({args.style}):             {ours:7.2f} s (CPU {ours_cpu:6.2f} s)")
        if args.edit:
            incremental(work / "citekit", ours, "citekit")
        if args.only_citekit:
            return
        if not has_bibtex:
            print(
                "sphinxcontrib-bibtex is not installed: skipping that side (pip install sphinxcontrib-bibtex)"
            )
            return
        theirs, theirs_cpu = _median(others)
        print(f"sphinxcontrib-bibtex (plain):    {theirs:7.2f} s (CPU {theirs_cpu:6.2f} s)")
        if args.edit:
            incremental(work / "bibtex", theirs, "sphinxcontrib-bibtex")
        print(
            f"ratio citekit / sphinxcontrib-bibtex: {ours / theirs:.2f} wall, {ours_cpu / theirs_cpu:.2f} CPU"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
