"""sphinxcontrib-bibtex's pybtex style names, as the nearest CSL styles, and pybtex's alpha labels.

sphinxcontrib-bibtex formats with pybtex, whose styles are not CSL. A project that names one
(`bibtex_default_style`, `:style:` on a list) gets the CSL style that orders and labels its
entries the same way; `bibtex_reference_style` chooses how citations look. The table is the
one the documentation's migration page shows.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

import citekit

ALPHA_CSL = "american-mathematical-society-label"


@functools.cache
def alpha_xml() -> str:
    """The stand-in for pybtex's alpha style: the AMS label style without
    `collapse="citation-number"`. Its citations print labels, and a run of labels is not a
    range of numbers: [Chu36a, Chu36b, Tur36], as pybtex's, never [Chu36a–Tur36]."""
    xml = citekit.Style.load(ALPHA_CSL).xml.decode("utf-8")
    return re.sub(r'(<citation\b[^>]*?)\s+collapse="citation-number"', r"\1", xml, count=1)


# pybtex style -> (CSL style, why it is the nearest)
STYLES: dict[str, tuple[str, str]] = {
    "alpha": (ALPHA_CSL, "labels such as [Knu84], entries sorted by author"),
    "unsrtalpha": (ALPHA_CSL, "labels such as [Knu84]; entries sorted by author, not citation"),
    "plain": ("elsevier-with-titles-alphabetical", "numbers, entries sorted by author and year"),
    "unsrt": ("ieee", "numbers in order of first citation"),
    "abbrv": ("acm-sig-proceedings", "numbers, entries sorted by author, given names as initials"),
}
# bibtex_reference_style -> CSL style, when the citations are not labels
REFERENCE_STYLES: dict[str, tuple[str, str]] = {
    "author_year": ("chicago-author-date", "Knuth (1984), (Knuth 1984)"),
    "author_year_round": ("chicago-author-date", "the same, round brackets"),
    "super": ("nature", "superscript numbers"),
}


def csl_style(pybtex_style: str | None, reference_style: str | None) -> str:
    """The CSL style for a pybtex style and reference style (alpha and label by default, as
    sphinxcontrib-bibtex has them); an unknown name is passed on as a CSL name."""
    reference = (reference_style or "label").strip()
    if reference in REFERENCE_STYLES:
        return REFERENCE_STYLES[reference][0]
    name = (pybtex_style or "alpha").strip()
    return STYLES[name][0] if name in STYLES else name


def list_style(name: str) -> str:
    """A list's `:style:`: a pybtex name maps to CSL, anything else is a CSL name."""
    return STYLES[name][0] if name in STYLES else name


def is_alpha(pybtex_style: str | None) -> bool:
    return (pybtex_style or "alpha").strip() in ("alpha", "unsrtalpha")


def _plain(text: str) -> str:
    """Letters and digits only, accents dropped, as pybtex's label style keeps them."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if char.isalnum() and not unicodedata.combining(char))


def _last(name: citekit.Name, letters: int) -> str:
    """The von part's initials and the family name's first letters: 'van der Berg' -> 'vdBer'
    (pybtex's `{v{}}{l{}}`)."""
    words = f"{name.dropping_particle or ''} {name.non_dropping_particle or ''}".split()
    particles = "".join(word[:1] for word in words)
    return particles + _plain(name.family or name.literal or "")[:letters]


def alpha_label(record: citekit.Record) -> str:
    """pybtex's alpha label without the disambiguating letter: Knu84, KL84, KLM+84."""
    names = record.names("author") or record.names("editor")
    if not names:
        base = _plain(record.key)[:3]
    elif len(names) == 1:
        base = _last(names[0], 3)
    else:
        base = "".join(_last(name, 1) for name in names[: 3 if len(names) > 4 else 4])
        base += "+" if len(names) > 4 else ""
    date = record.date("issued")
    year = str(date.year)[-2:] if date is not None and date.year is not None else ""
    return base + year


def alpha_labels(records: Iterable[citekit.Record]) -> dict[str, str]:
    """key -> label, with a, b, c after labels that repeat (in the order given)."""
    ordered = list(records)
    bases = {record.key: alpha_label(record) for record in ordered}
    counts = Counter(bases.values())
    seen: Counter[str] = Counter()
    labels: dict[str, str] = {}
    for record in ordered:
        base = bases[record.key]
        if counts[base] > 1:
            labels[record.key] = base + chr(ord("a") + seen[base] % 26)
            seen[base] += 1
        else:
            labels[record.key] = base
    return labels


def sorted_labels(records: Iterable[citekit.Record]) -> dict[str, str]:
    """key -> label, the letters given in pybtex's alpha order (author, year, title)."""
    return alpha_labels(sorted(records, key=_sort_key))


def with_labels(records: dict[str, citekit.Record], labels: dict[str, str]) -> dict[str, citekit.Record]:
    """The records with `citation-label` filled where they have none (for label styles)."""
    return {
        key: record if record.text("citation-label") else record.with_fields({"citation-label": labels[key]})
        for key, record in records.items()
    }


def _sort_key(record: citekit.Record) -> tuple[str, str, str]:
    names = record.names("author") or record.names("editor")
    date = record.date("issued")
    return (
        " ".join(f"{name.family_full()} {name.given or ''}" for name in names).casefold(),
        str(date.year) if date is not None and date.year is not None else "",
        re.sub(r"\s+", " ", record.text("title") or record.key).casefold(),
    )


# pybtex styles whose lists keep the order of citation (then of the files): the others sort
UNSORTED = frozenset({"unsrt", "unsrtalpha"})


def _person_key(name: citekit.Name) -> str:
    """pybtex's `person_key`: von and last names, first and middle names, lineage."""
    last = " ".join(part for part in (name.non_dropping_particle, name.family or name.literal) if part)
    if name.dropping_particle:
        last = f"{name.dropping_particle} {last}"
    return "  ".join((last, name.given or "", name.suffix or "")).lower()


def _author_year_title(record: citekit.Record) -> tuple[str, str, str]:
    """pybtex's `author_year_title` sorting key (the alpha style's): books list by author,
    else editor; other entries by author only."""
    names = record.names("author")
    if not names and _entry_type(record) in ("book", "inbook"):
        names = record.names("editor")
    date = record.date("issued")
    return (
        "   ".join(_person_key(name) for name in names),
        str(date.year) if date is not None and date.year is not None else "",
        record.text("title") or "",
    )


def _entry_type(record: citekit.Record) -> str:
    """The BibTeX entry type as written (kept by the reader), else the CSL type."""
    stash = record.extra.get("bibtex")
    written = stash.get("entrytype") if isinstance(stash, dict) else None
    return written.lower() if isinstance(written, str) else record.type


def list_order(style: str, records: Iterable[citekit.Record]) -> list[str]:
    """The keys in the order pybtex's `style` lists them (given in citation order, then
    file order, as sphinxcontrib-bibtex gives them): alpha sorts by author, year, title."""
    ordered = list(records)
    if style not in UNSORTED:
        ordered.sort(key=_author_year_title)
    return [record.key for record in ordered]
