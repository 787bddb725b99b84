"""The render shortcuts give what the full render gives (the full render is the reference):

- a lone numeric cite made from the text learnt from an earlier one (`collapse.numbers_only`);
- a group or macro call that printed nothing for one item, replayed for the next item of the
  same kind instead of walked again (`substitute.blank_key` / `render_blank`).

Each property renders the same records twice, with the shortcut and with it switched off, and
asks for the same texts; the records are drawn so that many lack most variables (where the
replay applies) and some share a type (where it is reused).
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import records

import citekit
from citekit import Record
from citekit._engine import _session, substitute

NUMERIC = ("ieee", "vancouver", "nature", "american-medical-association", "american-chemical-society")
ANY = ("apa", "chicago-notes-bibliography", "chicago-author-date", "modern-language-association", "ieee")

record_lists = st.lists(records(), min_size=1, max_size=6, unique_by=lambda record: record.id)


def _job(records: list[Record], style: str, output: str) -> list[str]:
    """Every record cited alone, in order, then the bibliography (as a whole job does)."""
    formatter = citekit.Formatter(records, style, output)
    out = []
    for record in records:
        try:
            out.append(formatter.cite([record.key]))
        except citekit.CitekitError as exc:
            out.append(f"error: {exc}")
    try:
        out += [entry.text for entry in formatter.bibliography()]
    except citekit.CitekitError as exc:
        out.append(f"error: {exc}")
    return out


_SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


# (style, the module and name that switch the shortcut off, what they become)
_NUMBER_SLOT = [
    pytest.param(style, _session, "numbers_only", lambda root: False, id=f"{style}-number-slot")
    for style in NUMERIC
]
_BLANK_REPLAY = [
    pytest.param(style, substitute, "blank_key", lambda *args: None, id=f"{style}-blank-replay")
    for style in ANY
]


@pytest.mark.parametrize(("style", "module", "name", "off"), _NUMBER_SLOT + _BLANK_REPLAY)
@_SETTINGS
@given(chosen=record_lists, output=st.sampled_from(["text", "html"]))
def test_shortcut_gives_the_full_render(
    style: str, module: Any, name: str, off: Any, chosen: list[Record], output: str, monkeypatch: Any
) -> None:
    shortcut = _job(chosen, style, output)
    with monkeypatch.context() as patched:
        patched.setattr(module, name, off)
        full = _job(chosen, style, output)
    assert shortcut == full


def test_the_shortcuts_are_taken() -> None:
    """The properties above compare something: ieee learns its number slot, and a style's
    session replays blank groups, for records like those drawn."""
    chosen = [Record(id=f"r{n}", type="book", fields={"title": f"Title {n}"}) for n in range(3)]
    formatter = citekit.Formatter(chosen, "ieee", "text")
    for record in chosen:
        formatter.cite([record.key])
    session = formatter._session
    assert session._number_slot is not None
    formatter = citekit.Formatter(chosen, "chicago-notes-bibliography", "text")
    formatter.bibliography()
    blanks = formatter._session._state.blanks
    assert any(value is not None for value in blanks.values())
