"""cite_many and `citekit cite --jobs/--json`: many independent records, in input order, on a
process pool, with bad records reported and the rest rendered.

Expected texts come from citeproc-js (the portal record) or from a property: a record's
result from the pool is the result `cite_this` gives for it alone, whatever the chunking.
Speed is measured in benchmarks/cite_many.py, not here.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import ROOT, oracle
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import records as any_records

import citekit
from citekit import _cli
from citekit._cli import main

EXAMPLE = ROOT / "examples" / "theranostics.json"


@pytest.fixture(scope="module")
def items() -> list[dict[str, Any]]:
    """Varied real-looking items: the first of each type in the reference sample, then more."""
    sample = oracle("sample-1.json")["items"]
    seen: dict[str, dict[str, Any]] = {}
    for item in sample:
        seen.setdefault(item["type"], item)
    chosen = list(seen.values()) + [i for i in sample if i not in seen.values()]
    return chosen[:24]


@pytest.fixture(scope="module")
def records(items: list[dict[str, Any]]) -> list[citekit.Record]:
    return [citekit.Record.from_csl(item) for item in items]


FORMATS = ("apa", "ris")


@pytest.fixture(scope="module")
def alone(records: list[citekit.Record]) -> list[dict[str, str]]:
    return [citekit.cite_this(record, "text", FORMATS) for record in records]


def test_the_pool_gives_each_record_what_cite_this_gives_it(
    records: list[citekit.Record], alone: list[dict[str, str]]
) -> None:
    results = list(citekit.cite_many(records, FORMATS, jobs=2, chunk_size=5))
    assert [r.id for r in results] == [r.key for r in records]
    assert [r.formats for r in results] == alone
    assert all(r.ok for r in results)


@pytest.mark.parametrize("chunk_size", [1, 7, 100])
def test_input_order_whatever_the_chunking(
    records: list[citekit.Record], alone: list[dict[str, str]], chunk_size: int
) -> None:
    results = list(citekit.cite_many(records[:8], FORMATS, jobs=1, chunk_size=chunk_size))
    assert [r.formats for r in results] == alone[:8]


def test_csl_json_dicts_are_taken_as_records(
    items: list[dict[str, Any]], alone: list[dict[str, str]]
) -> None:
    results = list(citekit.cite_many(items[:3], FORMATS))
    assert [r.formats for r in results] == alone[:3]


REFERENCE_STYLES = [("apa", "apa"), ("harvard", "harvard-cite-them-right"), ("vancouver", "vancouver-nlm")]


@pytest.mark.parametrize(("name", "style"), REFERENCE_STYLES)
def test_the_portal_record_matches_citeproc_js(name: str, style: str) -> None:
    reference = oracle("portal-record.json")
    expected = reference["styles"][style]["text"]["bibliography"]["werner2018theranostic"]
    if style == "vancouver-nlm":  # one record, not a list: the citation number is left off
        expected = expected.removeprefix("1. ")
    (result,) = citekit.cite_many(reference["items"], [name])
    assert result.formats == {name: expected}


def test_a_bad_record_is_a_problem_and_the_rest_goes_on(
    monkeypatch: pytest.MonkeyPatch, records: list[citekit.Record], alone: list[dict[str, str]]
) -> None:
    real = citekit.cite_this

    def flaky(record: citekit.Record, output: str = "text", formats: Any = None) -> dict[str, str]:
        if record.key == records[1].key and formats == ("apa",):
            raise KeyError("deep inside the engine")
        return real(record, output, formats)

    monkeypatch.setattr("citekit._many.cite_this", flaky)
    batch: list[Any] = [records[0], {"id": "broken", "type": "book", "author": "not a list"}, records[1], 42]
    results = list(citekit.cite_many(batch, FORMATS))
    assert [r.id for r in results] == [records[0].key, "broken", records[1].key, ""]
    assert results[0].formats == alone[0] and results[0].ok
    (invalid,) = results[1].problems
    assert invalid.kind == "invalid-record" and invalid.location.field == "author"
    assert results[1].formats == {}
    (render,) = results[2].problems
    assert render.kind == "render" and "KeyError" in render.message
    assert (render.location.item, render.location.field) == (records[1].key, "apa")
    assert results[2].formats == {"ris": alone[1]["ris"]}
    assert results[3].problems[0].kind == "invalid-record"
    assert results[2].to_json()["problems"] == [
        {
            "kind": "render",
            "message": render.message,
            "severity": "error",
            "item": records[1].key,
            "field": "apa",
        }
    ]


@settings(max_examples=15, deadline=None)
@given(st.lists(any_records(), max_size=4), st.integers(min_value=1, max_value=3))
def test_one_result_per_record_and_every_format_accounted_for(
    batch: list[citekit.Record], chunk_size: int
) -> None:
    """Whatever the data, nothing raises: each format is rendered or explained by a problem."""
    results = list(citekit.cite_many(batch, ("apa", "ris"), chunk_size=chunk_size))
    assert [r.id for r in results] == [r.key for r in batch]
    for result in results:
        explained = {p.location.field for p in result.problems}
        assert set(result.formats) | explained == {"apa", "ris"}
        assert not set(result.formats) & explained
        assert json.loads(json.dumps(result.to_json())) == result.to_json()


def test_an_unknown_format_fails_before_anything_renders() -> None:
    with pytest.raises(citekit.UnknownFormatError, match="'mla'"):
        citekit.cite_many([], ["apa", "mla"])
    with pytest.raises(ValueError, match="chunk_size"):
        citekit.cite_many([], chunk_size=0)


def test_results_stream_and_stopping_early_stops_the_pool(records: list[citekit.Record]) -> None:
    consumed = 0

    def endless() -> Iterator[citekit.Record]:
        nonlocal consumed
        for record in itertools.cycle(records):
            consumed += 1
            yield record

    results = citekit.cite_many(endless(), ["ris"], jobs=2, chunk_size=4)
    first = list(itertools.islice(results, 10))
    results.close()
    assert [r.id for r in first] == [r.key for r in itertools.islice(itertools.cycle(records), 10)]
    assert consumed <= 4 * 2 * 4 + 4 * 4  # a bounded number of chunks in flight, not the whole input


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


def test_cli_json_lines_in_order_with_and_without_jobs(tmp_path: Any, items: list[dict[str, Any]]) -> None:
    many = [{**item, "id": f"{item['id']}-{n}"} for n in range(3) for item in items]  # 72: pool is used
    path = tmp_path / "many.json"
    path.write_text(json.dumps(many), encoding="utf-8")
    code, out, _ = run("cite", path, "--format", "ris", "--json", "--jobs", "2")
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["id"] for line in lines] == [item["id"] for item in many]
    assert all(line["problems"] == [] and list(line["formats"]) == ["ris"] for line in lines)
    assert run("cite", path, "--format", "ris", "--json")[1] == out


def test_cli_json_for_the_portal_record() -> None:
    code, out, _ = run("cite", EXAMPLE, "--format", "apa", "--json")
    assert code == 0
    (line,) = out.splitlines()
    expected = oracle("portal-record.json")["styles"]["apa"]["text"]["bibliography"]["werner2018theranostic"]
    assert json.loads(line) == {"id": "werner2018theranostic", "formats": {"apa": expected}, "problems": []}


def test_cli_reports_a_bad_record_and_prints_the_rest(tmp_path: Any) -> None:
    good = json.loads(EXAMPLE.read_text(encoding="utf-8"))[0]
    path = tmp_path / "mixed.json"
    path.write_text(json.dumps([{"id": "bad", "type": "book", "issued": 2020}, good]), encoding="utf-8")
    code, out, err = run("cite", path, "--format", "ris", "--json", "-j", "0")
    assert code == 2
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["werner2018theranostic"]
    assert "'bad'" in err and "issued" in err


def test_format_draws_stages_on_a_terminal_and_prints_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    plain = run("format", EXAMPLE, "--style", "apa")
    monkeypatch.setattr(_cli, "_PROGRESS_MIN", 1)
    monkeypatch.setattr(_cli, "_on_terminal", lambda: True)
    code, out, err = run("format", EXAMPLE, "--style", "apa")
    assert (code, out) == plain[:2]
    assert "citekit: 1 entries" in err
