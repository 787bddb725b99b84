"""Are the readers linear? Each input is read at n, 2n, 4n... units; the time ratio of each
doubling is printed (a script, not a test: timings belong here, never in tests).

    python benchmarks/readers.py [--start 2000] [--doublings 4] [--repeat 3]

A linear reader shows ratios near 2.0; a quadratic one, near 4.0. The verdict is on the growth
from the smallest size to the largest, per doubling. The shapes are those that
were quadratic before (CSL-JSON line counting, RIS continuation lines and unreadable blocks)
and ordinary files of each format. The best of --repeat runs is taken for each size.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable

import citekit


def _csljson(n: int) -> str:
    item = {
        "type": "article-journal",
        "title": "A title of ordinary length for a paper",
        "author": [{"family": "Smith", "given": "Jane"}, {"family": "Doe", "given": "J."}],
        "issued": {"date-parts": [[2020, 5, 3]]},
        "container-title": "Journal of Things",
        "volume": "12",
        "page": "1-10",
    }
    return json.dumps([{"id": f"i{k}", **item} for k in range(n)], indent=2)


def _csljson_tiny(n: int) -> str:
    return "[" + ",\n".join(f'{{"id": "i{k}", "type": "book"}}' for k in range(n)) + "]"


def _ris(n: int) -> str:
    record = (
        "TY  - JOUR\nID  - k{k}\nAU  - Smith, Jane\nAU  - Doe, J.\nTI  - A title of ordinary length\n"
        "T2  - Journal of Things\nPY  - 2020\nDA  - 2020/05/03/\nVL  - 12\nSP  - 1\nEP  - 10\n"
        "N1  - PMID: 123\nER  - \n\n"
    )
    return "".join(record.replace("{k}", str(k)) for k in range(n))


def _ris_continuation(n: int) -> str:
    return "TY  - JOUR\nAB  - start\n" + "a continued line of the abstract\n" * (n * 10) + "ER  - \n"


def _ris_blocks(n: int) -> str:
    return "text between records\n\nTY  - JOUR\nTI  - T\nER  - \n\n" * n


def _bibtex(n: int) -> str:
    entry = (
        "@article{{k{k},\n  author = {{Smith, Jane and Doe, J.}},\n"
        "  title = {{A title of ordinary length}},\n  journal = {{Journal of Things}},\n"
        "  year = {{2020}},\n  volume = {{12}},\n  pages = {{1--10}},\n}}\n\n"
    )
    return "".join(entry.format(k=k) for k in range(n))


SHAPES: dict[str, tuple[str, Callable[[int], str]]] = {
    "csljson items": ("csljson", _csljson),
    "csljson tiny items": ("csljson", _csljson_tiny),
    "ris records": ("ris", _ris),
    "ris continuation lines": ("ris", _ris_continuation),
    "ris unreadable blocks": ("ris", _ris_blocks),
    "bibtex entries": ("bibtex", _bibtex),
}


def best_time(text: str, fmt: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        citekit.parse(text, fmt)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--start", type=int, default=2000, help="units in the smallest input")
    parser.add_argument("--doublings", type=int, default=4)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"{'input':<24} {'units':>8} {'MB':>7} {'seconds':>8} {'s/MB':>6} {'ratio':>6}")
    for name, (fmt, make) in SHAPES.items():
        previous: float | None = None
        first: float | None = None
        ratios: list[float] = []
        for step in range(args.doublings + 1):
            n = args.start * 2**step
            text = make(n)
            seconds = best_time(text, fmt, args.repeat)
            ratio = seconds / previous if previous else None
            if ratio is not None:
                ratios.append(ratio)
            mb = len(text.encode("utf-8")) / 1e6
            shown = f"{ratio:6.2f}" if ratio is not None else " " * 6
            print(f"{name:<24} {n:>8} {mb:7.2f} {seconds:8.3f} {seconds / mb:6.2f} {shown}")
            previous = seconds
            first = first or seconds
        # One noisy step says little; the growth from the smallest to the largest size says more.
        growth = (previous / first) ** (1 / args.doublings) if previous and first else 0.0
        verdict = "linear" if growth < 2.4 else "NOT LINEAR"
        print(f"{name:<24} growth per doubling {growth:.2f} (worst step {max(ratios):.2f}): {verdict}")


if __name__ == "__main__":
    main()
