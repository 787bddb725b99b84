"""Per-style identical rates of citekit.Document against citeproc-js on whole documents.

    .venv/bin/python tools/doc_report.py [--style apa] [--show N] [--kind citation] [--output html]
    .venv/bin/python tools/doc_report.py --heldout SEED [--docs 3]    # fresh documents (needs node)
    .venv/bin/python tools/doc_report.py --write-mismatches [--accept-changed]
    .venv/bin/python tools/doc_report.py --baseline                   # Formatter, for a 'before'

Prints, per style, the share of citations and of bibliography entries identical to citeproc-js's
(text and html), whether each document's bibliography order matches, and the totals. The stored
documents are tests/documents/*.json; `--heldout SEED` makes new documents with another seed
(tools/make_documents.py), renders them with citeproc-js and measures those instead, so the rates
can be checked on documents the engine was never tuned on (nothing is written). `--show N`
prints N differences per style. `--write-mismatches` maintains tests/documents/mismatches.txt and
its sidecar (listed checks that match are removed; new differences are added with reason TODO;
stored outputs of listed checks that changed are refreshed only with `--accept-changed`).
`--baseline` drives the stateless `Formatter` instead (one `cite` call per citation; no note
numbers, suppress-author or author-only), to show where citekit stood before `Document`.
"""

from __future__ import annotations

import argparse
import collections
import difflib
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import citekit

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "conformance"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "documents"))

import doc_oracle
from doc_oracle import MISMATCHES, Check, compare, current, has_document, stored_styles
from listed import update

COLUMNS = [(kind, output) for kind in ("citation", "bibliography", "order") for output in ("text", "html")]


class FormatterDocument:
    """The Document calls the report makes, done with what citekit had before Document: a
    Formatter over the cited (and, for the bibliography, uncited) records in order of first
    citation, one `cite` per citation. Before Document, Formatter.cite kept hidden state, so later
    citations got short forms; once Formatter is stateless, every one is a first citation."""

    def __init__(
        self, records: Sequence[citekit.Record], style: citekit.Style, output: str, links: bool
    ) -> None:
        self._records = list(records)
        self._style, self._output, self._links = style, output, links
        self._cited: list[list[citekit.Cite]] = []

    def cite(self, cites: list[Any], note: int | None = None) -> None:
        self._cited.append(cites)

    def _formatter(self, uncited: Iterable[str]) -> citekit.Formatter:
        used = {c.id for cites in self._cited for c in cites} | set(uncited)
        order = list(dict.fromkeys([c.id for cites in self._cited for c in cites]))
        by_id = {r.key: r for r in self._records}
        records = [by_id[i] for i in order] + [
            r for r in self._records if r.key in used and r.key not in order
        ]
        return citekit.Formatter(records, self._style, self._output, links=self._links)

    @property
    def citations(self) -> list[Any]:
        formatter = self._formatter(())
        return [_Text(formatter.cite(cites)) for cites in self._cited]

    def bibliography(self, uncited: Iterable[str] = ()) -> list[citekit.Entry]:
        return self._formatter(uncited).bibliography()


class _Text:
    def __init__(self, text: str) -> None:
        self.text = text


def _use_baseline() -> None:
    """Point doc_oracle at FormatterDocument (and a Cite that drops what Formatter lacks)."""
    plain_cite = citekit.Cite

    def cite(item_id: str, **options: Any) -> citekit.Cite:
        options.pop("suppress_author", None)
        options.pop("author_only", None)
        return plain_cite(item_id, **options)

    def document(records: Sequence[citekit.Record], style: citekit.Style, *, output: str, links: bool) -> Any:
        return FormatterDocument(records, style, output, links)

    class Shim:
        Cite = staticmethod(cite)
        Document = staticmethod(document)
        Record = citekit.Record
        Style = citekit.Style

    doc_oracle.citekit = Shim  # type: ignore[assignment]


def table(checks: list[Check]) -> str:
    counts: dict[str, collections.Counter[tuple[str, str, bool]]] = collections.defaultdict(
        collections.Counter
    )
    for c in checks:
        counts[c.style][(c.kind, c.output, c.ok)] += 1
        counts["TOTAL"][(c.kind, c.output, c.ok)] += 1
    head = " ".join(f"{k[:5]:>5}/{o:4}" for k, o in COLUMNS)
    lines = [f"{'style':36} {head}"]
    for style in [*sorted(s for s in counts if s != "TOTAL"), "TOTAL"]:
        rates = []
        for kind, output in COLUMNS:
            good, bad = counts[style][(kind, output, True)], counts[style][(kind, output, False)]
            rates.append(f"{100 * good / max(1, good + bad):9.1f}%")
        lines.append(f"{style:36} " + " ".join(rates))
    total = counts["TOTAL"]
    for kind in ("citation", "bibliography"):
        good = sum(n for (k, _, ok), n in total.items() if k == kind and ok)
        every = sum(n for (k, _, _), n in total.items() if k == kind)
        lines.append(f"{kind} checks identical: {good}/{every} ({100 * good / max(1, every):.1f}%)")
    return "\n".join(lines)


def show(checks: list[Check], per_style: int, kind: str | None, output: str | None) -> None:
    shown: collections.Counter[str] = collections.Counter()
    for c in checks:
        if c.ok or (kind and c.kind != kind) or (output and c.output != output):
            continue
        if shown[c.style] < per_style:
            shown[c.style] += 1
            print(f"\n{c.key}\n  js: {c.expected}\n  ck: {c.actual}")
            opcodes = difflib.SequenceMatcher(None, c.expected, c.actual).get_opcodes()
            marks = "".join((" " if op == "equal" else "^") * max(1, i2 - i1) for op, i1, i2, _, _ in opcodes)
            print(f"      {marks.rstrip()}")  # where citeproc-js's text differs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--style", action="append", help="only these styles")
    parser.add_argument("--show", type=int, default=0, help="differences to print per style")
    parser.add_argument("--kind", choices=("citation", "bibliography", "order"), help="only show this kind")
    parser.add_argument("--output", choices=("text", "html"), help="only show this output")
    parser.add_argument("--heldout", type=int, metavar="SEED", help="measure fresh documents made with SEED")
    parser.add_argument("--docs", type=int, default=3, help="documents per style with --heldout")
    parser.add_argument("--write-mismatches", action="store_true", help=f"maintain {MISMATCHES.name}")
    parser.add_argument(
        "--accept-changed", action="store_true", help="store changed outputs of listed checks"
    )
    parser.add_argument("--baseline", action="store_true", help="drive Formatter, not Document")
    args = parser.parse_args(argv)
    if args.baseline:
        _use_baseline()
    elif not has_document():
        raise SystemExit("citekit.Document does not exist in this checkout yet (try --baseline)")
    if args.heldout is not None:
        if args.write_mismatches:
            raise SystemExit("--write-mismatches works on the stored documents, not --heldout ones")
        import make_documents

        styles = args.style or list(make_documents.STYLES)
        corpus = make_documents.build_documents(args.heldout, styles, args.docs)
        checks = []
        for style, documents in corpus.items():
            data = {"documents": make_documents.render_with_citeproc_js(style, documents)}
            checks.extend(compare(style, data))
    else:
        styles = args.style or stored_styles()
        checks = [c for style in styles for c in compare(style)]
    print(table(checks))
    if args.show:
        show(checks, args.show, args.kind, args.output)
    if args.write_mismatches:
        if args.baseline or args.style:
            raise SystemExit("--write-mismatches needs every stored style, rendered by Document")
        done = update(MISMATCHES, current(checks), accept_changed=args.accept_changed, add_new=True)
        print(done.summary(MISMATCHES.name))
        for key in done.changed:
            print(f"changed: {key}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
