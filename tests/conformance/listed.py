"""Lists of known failures and reference mismatches, and the output stored for each entry.

A list (`known_failures.txt`, `oracle_mismatches.txt`, `../documents/mismatches.txt`) names one
case per line, `name  # reason`; it only shrinks. Beside it, a sidecar JSON file of the same stem
(`known_failures.json`, ...) keeps the output citekit gave for each listed case when the list was
last updated, so a listed case cannot quietly get worse: the gates fail when a listed case now
passes (take it off) or its output differs from the stored one (look, then refresh with
`tools/update_lists.py --accept-changed`).

The txt format is the one other branches edit by deleting lines, so it is read and rewritten line
by line, never re-sorted; the sidecar holds one entry per line, sorted, so that deleting an entry
merges as cleanly as deleting a line of the list.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

import attrs

TODO = "TODO"


def _key(line: str) -> str:
    return line.split("#", 1)[0].strip()


def read_reasons(path: Path) -> dict[str, str]:
    """Listed keys and their reasons, in file order; `#` starts the reason (or a comment)."""
    if not path.exists():
        return {}
    reasons: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        key, _, reason = line.partition("#")
        if key.strip():
            reasons[key.strip()] = reason.strip()
    return reasons


def sidecar(path: Path) -> Path:
    """The stored-outputs file of a list: same folder and stem, `.json`."""
    return path.with_suffix(".json")


def read_outputs(path: Path) -> dict[str, str]:
    """The outputs stored beside the list at `path` (empty when there is no sidecar yet)."""
    side = sidecar(path)
    if not side.exists():
        return {}
    data: dict[str, str] = json.loads(side.read_text(encoding="utf-8"))
    return data


def write_outputs(path: Path, outputs: Mapping[str, str]) -> None:
    text = json.dumps(dict(sorted(outputs.items())), ensure_ascii=False, indent=0)
    sidecar(path).write_text(text + "\n", encoding="utf-8")


def judge(path: Path, current: Mapping[str, str | None]) -> list[str]:
    """What is wrong with the listed cases among `current` (key -> citekit's output today, None
    when the case passes). Unlisted failures are the caller's business; listed keys that were
    not run are left alone."""
    reasons = read_reasons(path)
    stored = read_outputs(path)
    problems = []
    for key, reason in reasons.items():
        if key not in current:
            continue
        actual = current[key]
        if len(reason) <= 10 or reason == TODO:
            problems.append(f"{key}: no reason given in {path.name} (write why it differs)")
        if actual is None:
            problems.append(f"{key}: passes now; take it off {path.name} (tools/update_lists.py)")
        elif key not in stored:
            problems.append(f"{key}: no stored output in {sidecar(path).name} (tools/update_lists.py)")
        elif stored[key] != actual:
            problems.append(
                f"{key}: output changed (if it is no worse: tools/update_lists.py --accept-changed)\n"
                f"  stored: {stored[key]}\n  now:    {actual}"
            )
    return problems


@attrs.frozen
class Update:
    """What `update` did to one list."""

    removed: list[str]  # listed cases that pass now
    added: list[str]  # failing cases added with reason TODO (only where new entries are allowed)
    regressions: list[str]  # failing cases not listed and not added
    changed: list[str]  # listed cases whose output differs from the stored one
    refreshed: bool  # whether the changed outputs were stored

    def summary(self, name: str) -> str:
        tail = "" if not self.changed else " (stored)" if self.refreshed else " (kept: see --accept-changed)"
        return (
            f"{name}: {len(self.removed)} now pass (removed), {len(self.added)} added as TODO, "
            f"{len(self.regressions)} unlisted failures, {len(self.changed)} changed outputs{tail}"
        )


def update(
    path: Path,
    current: Mapping[str, str | None],
    *,
    accept_changed: bool = False,
    add_new: bool = False,
    header: str = "",
) -> Update:
    """Bring a list and its sidecar up to date with `current` (as in `judge`).

    The list only shrinks: a listed case that passes is removed; an unlisted failure is added
    (with reason TODO, which the gate rejects until a person writes one) only when `add_new`,
    else reported as a regression. Outputs of listed cases are stored when missing; a stored
    output that differs is replaced only with `accept_changed`. Entries of keys not in `current`
    are kept as they are.
    """
    reasons = read_reasons(path)
    stored = read_outputs(path)
    removed = [k for k in reasons if k in current and current[k] is None]
    failing = sorted(k for k, v in current.items() if v is not None and k not in reasons)
    added = failing if add_new else []
    regressions = [] if add_new else failing
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else header.splitlines()
    kept = [line for line in lines if _key(line) not in removed]
    kept += [f"{key}  # {TODO}" for key in added]
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    listed = set(read_reasons(path))
    changed = []
    outputs = {k: v for k, v in stored.items() if k in listed}
    for key in listed:
        actual = current.get(key)
        if actual is None:
            continue
        if key in outputs and outputs[key] != actual:
            changed.append(key)
            if not accept_changed:
                continue
        outputs[key] = actual
    write_outputs(path, outputs)
    return Update(removed, added, regressions, sorted(changed), accept_changed)
