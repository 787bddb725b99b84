"""Render the long-tail engine test cases (tests/engine/longtail_cases.py) with citeproc-js
and store the outputs in tests/engine/data/longtail_js.json.

    .venv/bin/python tools/longtail_reference.py

Needs node and ../shared/oracle (render_js.mjs, with its node_modules). Outputs are
normalised as the breadth check's (tests/conformance/breadth/breadth_check.py).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "engine"))
sys.path.insert(0, str(ROOT / "tests" / "conformance" / "breadth"))

from _citeproc_js import RENDER, run_node  # noqa: E402
from breadth_check import OUTPUTS, normalise, style_path  # noqa: E402
from longtail_cases import CASES  # noqa: E402

TARGET = ROOT / "tests" / "engine" / "data" / "longtail_js.json"


def main() -> int:
    jobs = [
        {
            "style": str(style_path(case["style"])),
            "locale": case["locale"],
            "format": output,
            "items": case["items"],
        }
        for case in CASES
        for output in OUTPUTS
    ]
    answers = iter(run_node(RENDER, jobs))
    out = {}
    for case in CASES:
        record = {"style": case["style"], "locale": case["locale"], "items": case["items"]}
        for output in OUTPUTS:
            answer = next(answers)
            if answer["error"]:
                raise SystemExit(f"{case['name']}: citeproc-js failed: {answer['error']}")
            record[output] = {
                "bibliography_order": answer["bibliography_order"],
                "bibliography": {
                    r["id"]: normalise(r["bibliography"], output, "bibliography") for r in answer["items"]
                },
                "citations": {
                    r["id"]: normalise(r["citation"], output, "citations") for r in answer["items"]
                },
            }
        out[case["name"]] = record
    TARGET.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{TARGET.relative_to(ROOT)}: {len(out)} cases")
    return 0


if __name__ == "__main__":
    sys.exit(main())
