"""Maintain the lists of known failures and reference mismatches and their stored outputs.

    .venv/bin/python tools/update_lists.py [--list suite|oracle|documents ...] [--accept-changed]

For each list (tests/conformance/known_failures.txt: the CSL suite; tests/conformance/
oracle_mismatches.txt: the citeproc-js oracle items; tests/documents/mismatches.txt: the
documents, once citekit has Document), runs the cases and then: removes listed cases that pass
now (the lists only shrink), stores citekit's output for listed cases that have none yet, and
reports listed cases whose output differs from the stored one, storing the new output only with
`--accept-changed` (look at them first: a changed output may be a regression). A failure that is
not listed is reported and never added, except in the documents list, where it is added with
reason TODO, which the test rejects until a person writes the reason. Reasons and the order of
the lines are kept. Exits 1 while changed outputs are left unaccepted or unlisted failures exist.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "conformance"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "documents"))

import doc_oracle
import oracle
import suite_run
from listed import Update, update

LISTS = ("suite", "oracle", "documents")


def suite(accept: bool) -> Update | None:
    if not suite_run.RUNNER.exists():
        print(f"suite: skipped, no runner at {suite_run.RUNNER}")
        return None
    with tempfile.TemporaryDirectory() as tmp:
        done = suite_run.run(Path(tmp), gate=False)
        if done.returncode != 0:
            raise SystemExit(f"the CSL suite runner failed:\n{done.stderr[-2000:]}")
        current = suite_run.outputs(Path(tmp))
    return update(suite_run.KNOWN_FAILURES, current, accept_changed=accept)


def oracle_items(accept: bool) -> Update | None:
    if not oracle.ORACLE.is_dir():
        print(f"oracle: skipped, no oracle at {oracle.ORACLE}")
        return None
    # The portal record is gated on its own (it must match everywhere), never listed.
    checks = [c for file in ("sample-1.json", "sample-2.json") for c in oracle.compare(file)]
    path = oracle.ROOT / "tests" / "conformance" / "oracle_mismatches.txt"
    return update(path, {c.key: None if c.ok else c.actual for c in checks}, accept_changed=accept)


def documents(accept: bool) -> Update | None:
    if not doc_oracle.has_document():
        print("documents: skipped, citekit.Document does not exist in this checkout")
        return None
    checks = [c for style in doc_oracle.stored_styles() for c in doc_oracle.compare(style)]
    return update(doc_oracle.MISMATCHES, doc_oracle.current(checks), accept_changed=accept, add_new=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--list", action="append", choices=LISTS, help="only these lists (default: all)")
    parser.add_argument(
        "--accept-changed", action="store_true", help="store the new output of listed cases that changed"
    )
    args = parser.parse_args(argv)
    status = 0
    for name in args.list or LISTS:
        done = {"suite": suite, "oracle": oracle_items, "documents": documents}[name](args.accept_changed)
        if done is None:
            continue
        print(done.summary(name))
        for key in done.removed:
            print(f"  passes now, removed: {key}")
        for key in done.added:
            print(f"  added with reason TODO (write one): {key}")
        for key in done.regressions:
            print(f"  REGRESSION (not listed, not added): {key}")
        for key in done.changed:
            print(f"  output changed{' (stored)' if args.accept_changed else ''}: {key}")
        if done.regressions or (done.changed and not args.accept_changed):
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
