"""The CSL 1.0.2 vocabulary: item types and variables, in one table.

Every other module asks this one what a variable is; nothing else lists variables.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from types import MappingProxyType


class Kind(enum.Enum):
    """How a CSL variable's value is shaped."""

    TEXT = "text"
    NUMBER = "number"
    DATE = "date"
    NAME = "name"


ITEM_TYPES: frozenset[str] = frozenset(
    [
        "article",
        "article-journal",
        "article-magazine",
        "article-newspaper",
        "bill",
        "book",
        "broadcast",
        "chapter",
        "classic",
        "collection",
        "dataset",
        "document",
        "entry",
        "entry-dictionary",
        "entry-encyclopedia",
        "event",
        "figure",
        "graphic",
        "hearing",
        "interview",
        "legal_case",
        "legislation",
        "manuscript",
        "map",
        "motion_picture",
        "musical_score",
        "pamphlet",
        "paper-conference",
        "patent",
        "performance",
        "periodical",
        "personal_communication",
        "post",
        "post-weblog",
        "regulation",
        "report",
        "review",
        "review-book",
        "software",
        "song",
        "speech",
        "standard",
        "thesis",
        "treaty",
        "webpage",
    ]
)

_TEXT = """
    abstract annote archive archive_collection archive_location archive-place authority
    call-number citation-key citation-label collection-title container-title
    container-title-short dimensions division DOI event event-title event-place genre ISBN ISSN
    jurisdiction keyword language license medium note original-publisher
    original-publisher-place original-title part-title PMCID PMID publisher publisher-place
    references reviewed-genre reviewed-title scale source status title title-short URL
    volume-title volume-title-short year-suffix
"""
_NUMBER = """
    chapter-number citation-number collection-number edition first-reference-note-number issue
    locator number number-of-pages number-of-volumes page page-first part-number printing-number
    section supplement-number version volume
"""
_DATE = "accessed available-date event-date issued original-date submitted"
_NAME = """
    author chair collection-editor compiler composer container-author contributor curator
    director editor editorial-director editor-translator executive-producer guest host
    illustrator interviewer narrator organizer original-author performer producer recipient
    reviewed-author script-writer series-creator translator
"""

VARIABLES: Mapping[str, Kind] = MappingProxyType(
    {
        name: kind
        for kind, names in (
            (Kind.TEXT, _TEXT),
            (Kind.NUMBER, _NUMBER),
            (Kind.DATE, _DATE),
            (Kind.NAME, _NAME),
        )
        for name in names.split()
    }
)


def kind_of(variable: str) -> Kind | None:
    """The kind of a CSL variable, or None when CSL does not define it."""
    return VARIABLES.get(variable)


def variables_of(kind: Kind) -> frozenset[str]:
    return frozenset(name for name, k in VARIABLES.items() if k is kind)
