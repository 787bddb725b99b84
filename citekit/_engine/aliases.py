"""CSL variable aliases: the rendering option `csl_aliases` (on by default).

CSL 1.0.2 renamed the variable `event` to `event-title`; styles and data use either. With
the option on, an item that has one of a pair of aliases gets the other too, so a style
asking for `event` prints a record's `event-title`. citeproc-js has no such alias, which is
why it is a named option: comparisons with citeproc-js can be made with it off.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

ALIASES: tuple[tuple[str, str], ...] = (("event-title", "event"),)


def with_aliases(item: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(item)
    for one, other in ALIASES:
        if one in out and other not in out:
            out[other] = out[one]
        elif other in out and one not in out:
            out[one] = out[other]
    return out
