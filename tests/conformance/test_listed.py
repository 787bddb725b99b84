"""The list-and-stored-output rules themselves (listed.py), on small lists in a temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from listed import TODO, judge, read_outputs, read_reasons, update, write_outputs

HEADER = "# a header line\n"


@pytest.fixture
def lst(tmp_path: Path) -> Path:
    path = tmp_path / "known.txt"
    path.write_text(HEADER + "b  # b differs for a reason\na  # a differs for a reason\n", encoding="utf-8")
    write_outputs(path, {"a": "A today", "b": "B today"})
    return path


def test_unchanged_outputs_pass(lst: Path) -> None:
    assert judge(lst, {"a": "A today", "b": "B today", "c": None}) == []


def test_a_changed_output_fails(lst: Path) -> None:
    (problem,) = judge(lst, {"a": "A worse", "b": "B today"})
    assert problem.startswith("a: output changed") and "A worse" in problem


def test_a_listed_case_that_passes_fails(lst: Path) -> None:
    (problem,) = judge(lst, {"a": None, "b": "B today"})
    assert problem.startswith("a: passes now")


def test_a_listed_case_without_stored_output_or_reason_fails(lst: Path) -> None:
    with open(lst, "a", encoding="utf-8") as handle:
        handle.write(f"c  # {TODO}\n")
    problems = judge(lst, {"c": "C today"})
    assert [p.split(":")[0] for p in problems] == ["c", "c"]
    assert "no reason" in problems[0] and "no stored output" in problems[1]


def test_cases_not_run_are_left_alone(lst: Path) -> None:
    assert judge(lst, {"b": "B today"}) == []


def test_update_only_shrinks_and_keeps_reasons_and_order(lst: Path) -> None:
    done = update(lst, {"a": None, "b": "B today", "z": "new failure"})
    assert done.removed == ["a"] and done.regressions == ["z"] and done.added == []
    assert lst.read_text(encoding="utf-8") == HEADER + "b  # b differs for a reason\n"
    assert read_outputs(lst) == {"b": "B today"}


def test_update_adds_new_failures_as_todo_only_when_asked(lst: Path) -> None:
    done = update(lst, {"a": "A today", "b": "B today", "z": "new failure"}, add_new=True)
    assert done.added == ["z"]
    assert read_reasons(lst)["z"] == TODO
    assert read_outputs(lst)["z"] == "new failure"
    assert judge(lst, {"z": "new failure"}) == ["z: no reason given in known.txt (write why it differs)"]


def test_changed_outputs_are_stored_only_when_accepted(lst: Path) -> None:
    done = update(lst, {"a": "A changed", "b": "B today"})
    assert done.changed == ["a"] and read_outputs(lst)["a"] == "A today"
    done = update(lst, {"a": "A changed", "b": "B today"}, accept_changed=True)
    assert done.changed == ["a"] and read_outputs(lst)["a"] == "A changed"
    assert judge(lst, {"a": "A changed", "b": "B today"}) == []


def test_stored_outputs_of_entries_taken_off_elsewhere_are_dropped(lst: Path) -> None:
    lst.write_text(HEADER + "b  # b differs for a reason\n", encoding="utf-8")  # another branch fixed a
    update(lst, {"b": "B today"})
    assert read_outputs(lst) == {"b": "B today"}
