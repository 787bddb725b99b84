"""Cite: one item in a citation, as the engine and the public API both take it."""

from __future__ import annotations

from typing import Any

import attrs

from ._errors import InvalidRecordError, Location

# The CSL 1.0.2 locator terms, the only labels a locator can have.
LOCATOR_LABELS: tuple[str, ...] = (
    "act",
    "appendix",
    "article-locator",
    "book",
    "canon",
    "chapter",
    "column",
    "elocation",
    "equation",
    "figure",
    "folio",
    "issue",
    "line",
    "note",
    "opus",
    "page",
    "paragraph",
    "part",
    "rule",
    "scene",
    "section",
    "sub-verbo",
    "supplement",
    "table",
    "timestamp",
    "title-locator",
    "verse",
    "version",
    "volume",
)
# Spellings of CSL 1.0.1 and of citeproc-js users, read as the CSL term.
_LABEL_ALIASES = {"sub verbo": "sub-verbo", "s.v.": "sub-verbo"}


def _label(value: str | None) -> str | None:
    if value is None:
        return None
    name = str(value).strip().lower()
    return _LABEL_ALIASES.get(name, name)


def _check_label(instance: Cite, attribute: Any, value: str | None) -> None:
    if value is not None and value not in LOCATOR_LABELS:
        raise InvalidRecordError(
            f"unknown locator label {value!r}; the CSL locator terms are {', '.join(LOCATOR_LABELS)}",
            Location(item=instance.id, field="label"),
        )


@attrs.frozen
class Cite:
    """One cited item: its id, and an optional locator ("12", label "page"), prefix, suffix.

    `label` is one of the CSL locator terms (`LOCATOR_LABELS`; default "page" when there is
    a locator). `suppress_author` leaves the author out of the cite (`Smith (2018) showed`
    is written `Smith` + a cite with `suppress_author=True`); `author_only` prints only the
    author, as the style would name them in the cite.
    """

    id: str
    locator: str | None = None
    label: str | None = attrs.field(default=None, converter=_label, validator=_check_label)
    prefix: str | None = None
    suffix: str | None = None
    suppress_author: bool = False
    author_only: bool = False
