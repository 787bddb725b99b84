"""The variable table against the CSL schema that citeproc-py ships (the reference)."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest

from citekit._vocab import ITEM_TYPES, VARIABLES, Kind, kind_of, variables_of

SCHEMA = Path(str(resources.files("citeproc"))) / "data" / "schema" / "schemas" / "styles"


def _groups(path: Path) -> dict[str, set[str]]:
    """`name = "a" | "b" ...` blocks of an RNC file, as name -> quoted values."""
    if not path.is_file():
        pytest.skip(f"citeproc-py's CSL schema is not at {path}")
    groups: dict[str, set[str]] = {}
    current: set[str] | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        line = re.sub(r"#.*", "", line)
        if line.startswith("namespace") or "}" in line:
            current = None
            continue
        if header := re.match(r"\s*([\w.-]+)\s*=", line):
            current = groups.setdefault(header.group(1), set())
            line = line[header.end() :]
        if current is not None:
            current.update(re.findall(r"\"([^\"]+)\"", line))
    return groups


def test_every_schema_variable_has_its_kind() -> None:
    groups = _groups(SCHEMA / "csl-variables.rnc")
    expected = {
        Kind.DATE: groups["variables.dates"],
        Kind.NAME: groups["variables.names"],
        Kind.NUMBER: groups["variables.numbers"],
        Kind.TEXT: groups["variables.strings"] | groups["variables.titles"],
    }
    for kind, names in expected.items():
        missing = names - variables_of(kind)
        assert not missing, f"{kind}: {sorted(missing)}"


def test_every_schema_item_type_is_known() -> None:
    groups = _groups(SCHEMA / "csl-types.rnc")
    schema_types = set().union(*groups.values())
    assert schema_types - ITEM_TYPES == set()


def test_lookups() -> None:
    assert kind_of("issued") is Kind.DATE
    assert kind_of("author") is Kind.NAME
    assert kind_of("page") is Kind.NUMBER
    assert kind_of("DOI") is Kind.TEXT
    assert kind_of("journalAbbreviation") is None
    assert len(VARIABLES) == sum(len(variables_of(k)) for k in Kind)
