"""Cite: one item in a citation, as the engine and the public API both take it."""

from __future__ import annotations

import attrs


@attrs.frozen
class Cite:
    """One cited item: its id, and an optional locator ("12", label "page"), prefix, suffix."""

    id: str
    locator: str | None = None
    label: str | None = None
    prefix: str | None = None
    suffix: str | None = None
