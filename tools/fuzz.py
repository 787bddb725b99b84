"""Fuzz citekit's readers and writers (a tool, not a test; the tests keep its reproducers).

    python tools/fuzz.py [--seconds 300] [--seed 1] [--formats bibtex,ris,csljson] [--out fuzz-failures]

Inputs come from three sources: byte-level mutations (bit flips, deleted, repeated and swapped
slices, splices of two files, inserted special bytes) of the files in ../shared/bib-corpus and
tests/formats/exports; generators of the shapes that broke readers before (deep nesting, long
runs of continuation lines, huge numbers, @string doubling, many blocks); and small random
texts. Each input runs in a child process under a CPU-time and an address-space limit
(resource.setrlimit): it is read in each format, and what was read is written in every format
and read again. The run reports an input that

- raises anything but a CitekitError (a traceback from deep inside is a bug),
- takes more than 2 s per MB of input to read (at least --min-seconds; the writes after it get
  WRITE_FACTOR times that),
- needs more memory than --memory-factor times the input beyond the interpreter's own.

Each failing input is saved to --out with a note of what went wrong, to become a reproducer.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import attrs

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "bib-corpus"
EXPORTS = ROOT / "tests" / "formats" / "exports"
FORMATS = ("bibtex", "ris", "csljson")
WRITERS = ("bibtex", "biblatex", "ris", "csljson")
SECONDS_PER_MB = 2.0
WRITE_FACTOR = 8  # one read, then four writes and four reads of what they wrote

# Runs in the child: read the input in one format, write what was read in every format and read
# that again. Prints one JSON line: what happened, peak memory and time.
_WORKER = r"""
import json, resource, sys, time, traceback
path, fmt = sys.argv[1], sys.argv[2]


def peak_kb():
    # VmHWM is this process's own peak (fresh at exec); ru_maxrss also counts the forked copy of
    # the parent before exec, which hides the child's use when the parent is large (pytest).
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


import citekit
base = peak_kb()
data = open(path, "rb").read()
try:
    text = data.decode("utf-8")
except UnicodeDecodeError:
    text = data.decode("latin-1")
start = time.perf_counter()
outcome, read, read_kb = "ok", None, None
try:
    library = citekit.parse(text, fmt)
    read = time.perf_counter() - start
    read_kb = peak_kb()
    for out in ("bibtex", "biblatex", "ris", "csljson"):
        written = citekit.dumps(library, out)
        citekit.parse(written, out)
except citekit.CitekitError:
    outcome = "citekit-error"
except BaseException:
    outcome = "crash:" + traceback.format_exc(limit=-4)
elapsed = time.perf_counter() - start
peak = peak_kb()
report = {"outcome": outcome, "read": read, "seconds": elapsed, "base_kb": base, "read_kb": read_kb}
print(json.dumps({**report, "peak_kb": peak}))
"""


@attrs.frozen
class Result:
    """What one input did: `failure` is None when it behaved."""

    fmt: str
    size: int
    seconds: float
    extra_kb: int
    failure: str | None


def limits(size: int, min_seconds: float, memory_factor: float) -> tuple[float, int]:
    """The time (s) and extra memory (KiB) one input of `size` bytes may take."""
    seconds = max(min_seconds, SECONDS_PER_MB * size / 1_000_000)
    return seconds, int(memory_factor * size / 1024) + 64 * 1024  # + 64 MiB for the run's own objects


def run_one(
    data: bytes, fmt: str, *, min_seconds: float = 2.0, memory_factor: float = 20.0, worker: str = ""
) -> Result:
    """Run one input in a child process under limits, and judge it. `worker` replaces the
    child's code (a test of the harness gives one that misbehaves)."""
    seconds, extra_kb = limits(len(data), min_seconds, memory_factor)
    # The read is held to `seconds`; the four writes and reads after it to WRITE_FACTOR times
    # that; the process (with the interpreter's start) is killed well after.
    hard_seconds = int(seconds * (WRITE_FACTOR + 2) + 10)

    def confine() -> None:
        resource.setrlimit(resource.RLIMIT_CPU, (hard_seconds, hard_seconds + 1))
        cap = (1 << 30) + extra_kb * 1024 * 4
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

    with tempfile.NamedTemporaryFile(suffix=".in", delete=False) as handle:
        handle.write(data)
    try:
        proc = subprocess.run(
            [sys.executable, "-c", worker or _WORKER, handle.name, fmt],
            capture_output=True,
            text=True,
            timeout=hard_seconds + 10,
            preexec_fn=confine,
            cwd=ROOT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return Result(fmt, len(data), float(hard_seconds), 0, f"timeout (> {hard_seconds} s)")
    finally:
        os.unlink(handle.name)
    line = proc.stdout.strip().splitlines()[-1:] if proc.stdout.strip() else []
    if proc.returncode != 0 or not line:
        why = f"child died (status {proc.returncode}): {proc.stderr.strip()[-800:]}"
        return Result(fmt, len(data), 0.0, 0, why)
    report = json.loads(line[0])
    extra = int(report["read_kb"] or report["peak_kb"]) - int(report["base_kb"])
    extra_all = int(report["peak_kb"]) - int(report["base_kb"])
    failure: str | None = None
    if str(report["outcome"]).startswith("crash:"):
        failure = report["outcome"]
    elif report["read"] is not None and report["read"] > seconds:
        failure = f"slow read: {report['read']:.2f} s for {len(data)} bytes (limit {seconds:.2f} s)"
    elif report["seconds"] > seconds * WRITE_FACTOR:
        limit = seconds * WRITE_FACTOR
        failure = f"slow writes: {report['seconds']:.2f} s for {len(data)} bytes (limit {limit:.2f} s)"
    elif extra > extra_kb:
        failure = (
            f"read memory: {extra} KiB beyond the interpreter for {len(data)} bytes (limit {extra_kb} KiB)"
        )
    elif extra_all > extra_kb * 3:
        failure = f"memory: {extra_all} KiB with the writes for {len(data)} bytes (limit {extra_kb * 3} KiB)"
    return Result(fmt, len(data), float(report["seconds"]), extra, failure)


# --- Inputs --------------------------------------------------------------------------------------


def seeds() -> list[tuple[str, bytes]]:
    """(format, bytes) of every file to mutate: the corpus (when present) and the examples."""
    out: list[tuple[str, bytes]] = []
    for path in sorted(EXPORTS.iterdir()):
        fmt = {".bib": "bibtex", ".ris": "ris", ".json": "csljson"}.get(path.suffix)
        if fmt is not None:
            out.append((fmt, path.read_bytes()))
    if CORPUS.is_dir():
        out.extend(
            ("bibtex", p.read_bytes()) for p in sorted(CORPUS.rglob("*.bib")) if p.stat().st_size < 200_000
        )
    return out


_SPECIAL = [
    b"{",
    b"}",
    b"\\",
    b"@",
    b'"',
    b"%",
    b"#",
    b",",
    b"=",
    b"\n",
    b"\r",
    b"\x00",
    b"\xff",
    b"TY  - ",
    b"ER  - ",
    b"[",
    b"]",
    b":",
    b"\\'",
    b"$",
    b"~",
    b"\xc3",
    b"\xe2\x80",
]


def mutate(rng: random.Random, data: bytes, other: bytes) -> bytes:
    """One to four byte-level edits of `data` (`other` is a second file to splice from)."""
    buf = bytearray(data or b" ")
    for _ in range(rng.randint(1, 4)):
        i = rng.randrange(len(buf) + 1)
        j = min(len(buf), i + rng.randint(1, 64))
        op = rng.randrange(7)
        if op == 0 and buf:
            buf[min(i, len(buf) - 1)] ^= 1 << rng.randrange(8)
        elif op == 1:
            del buf[i:j]
        elif op == 2:
            buf[i:i] = buf[i:j] * rng.randint(2, 50)
        elif op == 3:
            buf[i:i] = rng.choice(_SPECIAL) * rng.randint(1, 8)
        elif op == 4 and other:
            k = rng.randrange(len(other))
            buf[i:j] = other[k : k + rng.randint(1, 400)]
        elif op == 5:
            k = rng.randrange(len(buf) + 1)
            buf[i:j], buf[k:k] = b"", buf[i:j]
        else:
            buf[i:i] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
    return bytes(buf)


def shapes(rng: random.Random) -> Iterator[tuple[str, bytes]]:
    """Inputs of the shapes that broke readers before, at a random size."""
    n = rng.choice([100, 1_000, 10_000, 100_000])
    yield "bibtex", b"@article{k, title = {" + b"{" * n + b"x" + b"}" * n + b"}}"
    yield "bibtex", b"@article{k, title = {" + b"\\textbf{" * n + b"x" + b"}" * n + b"}}"
    yield "bibtex", b"@article{k, title = {" + b"\\'" * n + b"e}}"
    yield "bibtex", b"".join(b"@article{k%d, crossref = {k%d}}\n" % (i, i + 1) for i in range(min(n, 5000)))
    yield (
        "bibtex",
        b"@string{s0 = {ab}}\n" + b"".join(b"@string{s%d = s%d # s%d}\n" % (i + 1, i, i) for i in range(40)),
    )
    yield "bibtex", b"@article{k, month = " + b"9" * 5000 + b", year = " + b"9" * 5000 + b"}"
    yield "bibtex", b"@preamble{" + b" " * n * 2 + b"}"
    yield "bibtex", b"@article{a, title={x}} @article{b, title={y}}\n" * (n // 100 + 1)
    yield "csljson", b"[" * n + b"]" * n
    yield "csljson", b'[{"id": "a", "type": "book", "x": ' + b"[" * n + b"]" * n + b"}]"
    yield "csljson", b'[{"id": "a", "type": "book", "volume": ' + b"9" * 5000 + b"}]"
    yield "csljson", b'[{"id": "a", "type": "book", "issued": {"date-parts": [["' + b"9" * 5000 + b'"]]}}]'
    yield "csljson", b'[{"id": "a", "type": "book", "issued": {"date-parts": [[]]}}]'
    yield "csljson", b"[" + b",".join(b'{"id": "i%d", "type": "book"}\n' % i for i in range(n)) + b"]"
    yield "ris", b"TY  - JOUR\nAB  - x\n" + b"more\n" * n + b"ER  - \n"
    yield "ris", b"stray\n\nTY  - JOUR\nER  - \n\n" * (n // 10 + 1)
    yield "ris", b"TY  - JOUR\nTI  - " + b"x" * n * 10 + b"\nER  - \n"


def random_texts(rng: random.Random) -> Iterator[tuple[str, bytes]]:
    alphabet = '@{}\\"%#,= \n\tTYER-AU:[]abc09\u00e9\u2013'
    for fmt in FORMATS:
        yield fmt, "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 300))).encode("utf-8")


def inputs(rng: random.Random, formats: tuple[str, ...]) -> Iterator[tuple[str, bytes]]:
    pool = seeds()
    while True:
        for fmt, data in shapes(rng):
            if fmt in formats:
                yield fmt, data
        for _ in range(20):
            fmt, data = rng.choice(pool)
            other = rng.choice(pool)[1]
            target = fmt if rng.random() < 0.8 else rng.choice(formats)
            if target in formats:
                yield target, mutate(rng, data, other)
        yield from ((f, d) for f, d in random_texts(rng) if f in formats)


# --- The run ---------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=float, default=300.0, help="how long to run")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--out", default="fuzz-failures", help="folder for failing inputs")
    parser.add_argument("--min-seconds", type=float, default=2.0)
    parser.add_argument("--memory-factor", type=float, default=20.0)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    formats = tuple(f for f in args.formats.split(",") if f in FORMATS)
    out = Path(args.out)
    deadline = time.monotonic() + args.seconds
    count, failures = 0, 0
    seen: set[str] = set()
    judge: Callable[[bytes, str], Result] = lambda d, f: run_one(  # noqa: E731
        d, f, min_seconds=args.min_seconds, memory_factor=args.memory_factor
    )
    for fmt, data in inputs(rng, formats):
        if time.monotonic() > deadline:
            break
        count += 1
        result = judge(data, fmt)
        if result.failure is None:
            continue
        signature = re.sub(r"[0-9.]+", "N", result.failure.strip().splitlines()[-1])[:120]
        failures += 1
        if signature in seen:
            continue
        seen.add(signature)
        out.mkdir(parents=True, exist_ok=True)
        stem = out / f"{fmt}-{count:06d}"
        stem.with_suffix(".in").write_bytes(data)
        stem.with_suffix(".txt").write_text(f"format: {fmt}\n{result.failure}\n", encoding="utf-8")
        print(f"[{count}] {fmt} {len(data)} bytes: {signature}", flush=True)
    print(f"{count} inputs, {failures} failures ({len(seen)} distinct); saved in {out}/")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
