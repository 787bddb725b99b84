"""The labels a list gives its entries, and citations that show them.

sphinxcontrib-bibtex formats each bibliography on its own with pybtex, so labels are a
list's own: pybtex's alpha style adds the letters that tell equal labels apart (Tes84a,
Tes84b) over the entries of that list only, and a `:labelprefix:` list is numbered from its
`:start:` (A1, A2) whatever the style numbers elsewhere. A citation shows the label of the
list it links to. citekit renders citations from one Formatter per style (numbers and labels
that follow the build), so a list whose labels differ from those records the pair here, and
the part of a citation that stands for that entry has its label replaced: one field of one
keyed part, never the rest of the citation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import attrs

import citekit

from . import _pybtex
from ._model import Part


def alpha_labels(style: str | None, records: Iterable[citekit.Record]) -> dict[str, str]:
    """key -> pybtex alpha label over one list's `records` (given in citation, then file
    order), the letters counted in the order the list shows them (`style`: alpha or
    unsrtalpha; None: pybtex's alpha order)."""
    given = {record.key: record for record in records}
    order = _pybtex.list_order(style or "alpha", given.values())
    return _pybtex.alpha_labels(given[key] for key in order)


def build_labels(
    records: Mapping[str, citekit.Record], shown: Iterable[str], lists: Iterable[Mapping[str, str]]
) -> dict[str, str]:
    """key -> the label citations show by default: the first list's that holds the entry,
    else pybtex's label counted over what the build shows (cited, listed, footnoted): a
    record only in the file never adds a letter to another's."""
    labels = _pybtex.sorted_labels(records[key] for key in dict.fromkeys(shown) if key in records)
    chosen: dict[str, str] = {}
    for found in lists:
        for key, label in found.items():
            chosen.setdefault(key, label)
    labels.update(chosen)
    for key, record in records.items():
        labels.setdefault(key, _pybtex.alpha_label(record))
    return labels


@attrs.frozen
class Relabel:
    """In a citation going to one entry of a list with labels of its own: `plain` (the
    label the build's Formatter prints) becomes `label`."""

    plain: str
    label: str
    markup: str  # the label as the output's markup (escaped)

    def apply(self, part: Part) -> Part:
        if not self.plain:
            return part
        pattern = re.compile(rf"(?<![0-9A-Za-z]){re.escape(self.plain)}(?![0-9A-Za-z])")
        text = part.text
        if part.markup:  # a label never stands inside a tag: replace in the text between tags
            pieces = re.split(r"(<[^>]*>)", text)
            for index, piece in enumerate(pieces):
                if piece.startswith("<") or not pattern.search(piece):
                    continue
                pieces[index] = pattern.sub(lambda _: self.markup, piece, count=1)
                return attrs.evolve(part, text="".join(pieces))
            return part
        return attrs.evolve(part, text=pattern.sub(lambda _: self.label, text, count=1))


def relabel(
    parts: list[Part], relabels: Mapping[str, Relabel], places: Mapping[str, tuple[int, ...]]
) -> list[Part]:
    """The parts with each keyed one relabelled. When every item of the citation has a
    place in `places` (its list's and its own in the list), the items follow that order, as
    sphinxcontrib-bibtex gives them ([A1, A2] whatever order the keys were written in)."""
    parts = [relabels[p.key].apply(p) if p.key is not None and p.key in relabels else p for p in parts]
    slots = [index for index, part in enumerate(parts) if part.key is not None]
    if len(slots) > 1 and all(parts[index].key in places for index in slots):
        items = sorted((parts[index] for index in slots), key=lambda p: places[p.key or ""])
        for index, item in zip(slots, items, strict=True):
            parts[index] = item
    return parts
