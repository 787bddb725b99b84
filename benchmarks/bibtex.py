"""BibTeX read/write speed and memory, as ratios to bibtexparser v2 (a script, not a test).

    python benchmarks/bibtex.py [--entries 50000] [--seed 1] [--repeat 3]

Generates a file with a realistic mix of entry types (journal articles, conference papers,
books, chapters, theses, reports, misc), about 30% of name and title fields carrying LaTeX
accents, plus braces, month macros, DOIs and some abstracts. Then measures, in one run:
citekit's full read (LaTeX decoded, mapped to CSL) against bibtexparser's plain parse (no
middleware) and against bibtexparser with its LatexDecodingMiddleware (measured on a 5,000-entry
slice and scaled, as it is ~30x slower), citekit's write, and peak memory (tracemalloc).

citekit's read turns Python's cyclic garbage collector off while it builds records (it makes
no cycles); the plain parse runs as a user would call it, collector on. The row "plain
parse, collector off" shows how much of the difference that is.
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

import bibtexparser
from bibtexparser.middlewares import LatexDecodingMiddleware

from citekit.formats.bibtex import read, write

_SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ra",
    "ne",
    "to",
    "su",
    "vi",
    "de",
    "ha",
    "ber",
    "man",
    "son",
    "gar",
    "ci",
    "a",
    "el",
    "in",
    "or",
    "sch",
]
_ACCENTS = [r"\"u", r"\'e", r"\`a", r"\"o", r"\c{c}", r"\v{s}", r"\o", r"\ss", r"\'\i", r"\~n"]
_WORDS = [
    "analysis",
    "of",
    "the",
    "model",
    "for",
    "a",
    "study",
    "on",
    "learning",
    "deep",
    "networks",
    "graph",
    "theory",
    "quantum",
    "systems",
    "data",
    "towards",
    "robust",
    "efficient",
    "methods",
    "in",
    "large",
    "scale",
    "inference",
    "with",
    "applications",
]
_TYPES = [
    ("article", 45),
    ("inproceedings", 25),
    ("book", 8),
    ("incollection", 8),
    ("phdthesis", 4),
    ("techreport", 5),
    ("misc", 5),
]


def generate(count: int, seed: int = 1) -> str:
    rnd = random.Random(seed)
    pool = [t for t, weight in _TYPES for _ in range(weight)]

    def accented() -> bool:
        return rnd.random() < 0.3

    def word(accent: bool = False) -> str:
        w = "".join(rnd.choice(_SYLLABLES) for _ in range(rnd.randint(2, 3)))
        if accent:
            i = rnd.randrange(1, len(w))
            w = w[:i] + "{" + rnd.choice(_ACCENTS) + "}" + w[i:]
        return w.capitalize()

    def name() -> str:
        particle = rnd.choice(["van ", "de ", "von "]) if rnd.random() < 0.05 else ""
        if rnd.random() < 0.8:
            return f"{particle}{word(accented())}, {word(accented())}"
        return f"{word(accented())} {particle}{word(accented())}"

    def title() -> str:
        words = [rnd.choice(_WORDS) for _ in range(rnd.randint(4, 12))]
        if accented():
            words[1] = word(True).lower()
        text = " ".join(words).capitalize()
        return text + (" with {DNA} in {\\TeX}" if rnd.random() < 0.2 else "")

    entries = []
    for i in range(count):
        kind = rnd.choice(pool)
        pages = f"{{{rnd.randint(1, 500)}--{rnd.randint(501, 900)}}}"
        fields = [
            ("author", "{" + " and ".join(name() for _ in range(rnd.randint(1, 6))) + "}"),
            ("title", "{" + title() + "}"),
            ("year", str(rnd.randint(1950, 2024))),
        ]
        if kind == "article":
            fields += [
                ("journal", "{Journal of " + word(accented()) + "}"),
                ("volume", str(rnd.randint(1, 99))),
                ("number", str(rnd.randint(1, 12))),
                ("pages", pages),
            ]
        elif kind in ("inproceedings", "incollection"):
            fields += [
                ("booktitle", "{Proceedings of the " + word(accented()) + " Conference}"),
                ("pages", pages),
                ("publisher", "{" + word(accented()) + "}"),
            ]
        elif kind == "book":
            fields += [
                ("publisher", "{" + word(accented()) + " Press}"),
                ("address", "{" + word(accented()) + "}"),
            ]
        elif kind == "phdthesis":
            fields += [("school", "{Universit{\\'e} de " + word() + "}")]
        elif kind == "techreport":
            fields += [
                ("institution", "{" + word(accented()) + " Institute}"),
                ("number", str(rnd.randint(1, 999))),
            ]
        else:
            fields += [("howpublished", "{\\url{https://example.org/" + str(i) + "}}")]
        if rnd.random() < 0.6:
            fields.append(("doi", f"{{10.{rnd.randint(1000, 9999)}/x{i}}}"))
        if rnd.random() < 0.3:
            fields.append(("month", rnd.choice(["jan", "feb", "mar", "oct", "nov"])))
        if rnd.random() < 0.2:
            abstract = " ".join(rnd.choice(_WORDS) for _ in range(60))
            fields.append(
                ("abstract", "{" + abstract + (" caf{\\'e} --- r{\\'e}sum{\\'e}" if accented() else "") + "}")
            )
        body = "".join(f"  {k} = {v},\n" for k, v in fields)
        entries.append(f"@{kind}{{key{i},\n{body}}}\n")
    return "\n".join(entries)


def timed(action: Callable[[], Any], repeat: int = 1) -> tuple[float, Any]:
    """Median wall time of `repeat` runs (a fresh collection before each), and the last result.

    The median, not the best, because the machine is shared: one lucky or unlucky run should
    not decide a ratio.
    """
    times: list[float] = []
    result = None
    for _ in range(repeat):
        result = None
        gc.collect()
        start = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def paired(plain: Callable[[], Any], ours: Callable[[], Any], repeat: int) -> tuple[float, float, float, Any]:
    """Median times of `plain` and `ours` run in turns, the median of each turn's ratio, and
    ours' last result. In turns because the machine is shared: a load that comes and goes
    then weighs on both sides of a ratio, not on whichever ran while it lasted."""
    plain_times: list[float] = []
    ours_times: list[float] = []
    result = None
    for _ in range(repeat):
        plain_times.append(timed(plain)[0])
        seconds, result = timed(ours)
        ours_times.append(seconds)
    ratios = [o / p for o, p in zip(ours_times, plain_times, strict=True)]
    return statistics.median(plain_times), statistics.median(ours_times), statistics.median(ratios), result


def without_gc(action: Callable[[], Any]) -> Callable[[], Any]:
    def run() -> Any:
        gc.disable()
        try:
            return action()
        finally:
            gc.enable()

    return run


def peak(action: Callable[[], Any]) -> int:
    gc.collect()
    tracemalloc.start()
    result = action()
    _, top = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del result
    return top


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--entries", type=int, default=50_000)
    parser.add_argument("--slice", type=int, default=5_000, help="entries for the LaTeX middleware run")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3, help="runs per timing; the median is shown")
    args = parser.parse_args()

    text = generate(args.entries, args.seed)
    part = generate(args.slice, args.seed)

    plain_s, ours_s, ratio, library = paired(
        lambda: bibtexparser.parse_string(text, parse_stack=[]), lambda: read(text), args.repeat
    )
    plain_nogc_s, _ = timed(
        without_gc(lambda: bibtexparser.parse_string(text, parse_stack=[])), repeat=args.repeat
    )
    assert len(library) == args.entries and library.ok
    latex_part_s, _ = timed(
        lambda: bibtexparser.parse_string(part, parse_stack=[LatexDecodingMiddleware()]), repeat=args.repeat
    )
    plain_part_s, _ = timed(lambda: bibtexparser.parse_string(part, parse_stack=[]), repeat=args.repeat)
    latex_s = latex_part_s * args.entries / args.slice
    write_s, _ = timed(lambda: write(library), repeat=args.repeat)
    plain_mem = peak(lambda: bibtexparser.parse_string(text, parse_stack=[]))
    ours_mem = peak(lambda: read(text))

    rows = [
        ("bibtexparser plain parse", plain_s, 1.0),
        ("bibtexparser plain parse, collector off", plain_nogc_s, plain_nogc_s / plain_s),
        ("bibtexparser + LatexDecodingMiddleware*", latex_s, latex_s / plain_s),
        ("citekit read (LaTeX decoded, CSL mapped)**", ours_s, ratio),
        ("citekit write", write_s, write_s / plain_s),
    ]
    print(f"{args.entries:,} entries, {len(text) / 1e6:.1f} MB of BibTeX\n")
    print(f"{'':44}{'seconds':>9}{'x plain':>9}")
    for label, seconds, ratio in rows:
        print(f"{label:44}{seconds:9.2f}{ratio:9.2f}")
    print(f"\ncitekit read vs bibtexparser + LaTeX middleware: {ours_s / latex_s:.3f}x the time")
    print(
        f"peak memory: bibtexparser plain {plain_mem / 1e6:.0f} MB, citekit read {ours_mem / 1e6:.0f} MB "
        f"({ours_mem / plain_mem:.2f}x)"
    )
    print(
        f"* measured on {args.slice:,} entries ({latex_part_s:.2f} s; plain parse of the same slice "
        f"{plain_part_s:.2f} s) and scaled linearly to {args.entries:,}"
    )
    print(
        f"** run in turns with the plain parse; its ratio is the median of the {args.repeat} turns' ratios"
        f" (median times: {plain_s:.2f} s plain, {ours_s:.2f} s citekit: {ours_s / plain_s:.2f}x)"
    )


if __name__ == "__main__":
    main()
