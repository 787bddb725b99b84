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

import attrs

import citekit

ALPHA_CSL = "american-mathematical-society-label"


@functools.cache
def alpha_xml() -> str:
    """The stand-in for pybtex's alpha style: the AMS label style without
    `collapse="citation-number"`. Its citations print labels, and a run of labels is not a
    range of numbers: [Chu36a, Chu36b, Tur36], as pybtex's, never [Chu36a–Tur36]."""
    return without_number_ranges(citekit.Style.load(ALPHA_CSL).xml.decode("utf-8"))


_NUMBER_RANGES = re.compile(r'(<citation\b[^>]*?)\s+collapse="citation-number"')


def without_number_ranges(xml: str) -> str:
    """A style's XML with its citations' `collapse="citation-number"` taken out: for
    citations that print labels ([A1, A2, A3] of a `:labelprefix:` list, pybtex's alpha
    labels), where a range of numbers would hide them."""
    return _NUMBER_RANGES.sub(r"\1", xml, count=1)


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


@attrs.frozen
class Plugin:
    """A pybtex formatting style registered as a plugin (a class in conf.py or a package's
    `pybtex.style.formatting` entry point), and the built-in style it is formatted as."""

    name: str
    class_name: str
    base: str  # a key of STYLES: the built-in style the class derives from, else alpha
    derived: bool  # False: the class derives from no built-in style, and alpha stands in


def plugin(name: str) -> Plugin | None:
    """The plugin registered under `name`, or None when pybtex is not installed or knows no
    such style. Whatever pybtex raises while looking is taken as "not a plugin": a name
    never stops a build. Not cached: conf.py may register the class at any time."""
    if name in STYLES:
        return None
    try:
        from pybtex.plugin import find_plugin  # type: ignore[import-untyped,import-not-found,unused-ignore]

        found = find_plugin("pybtex.style.formatting", name)
    except Exception:
        return None
    for klass in getattr(found, "__mro__", ()):
        module = str(getattr(klass, "__module__", ""))
        parent, _, base = module.rpartition(".")
        if parent == "pybtex.style.formatting" and base in STYLES:
            return Plugin(name, getattr(found, "__name__", name), base, derived=True)
    return Plugin(name, getattr(found, "__name__", name), "alpha", derived=False)


def builtin(name: str) -> str:
    """A pybtex style name with a registered plugin replaced by the built-in style it
    derives from; any other name as it is."""
    found = plugin(name)
    return found.base if found is not None else name


def plugin_note(name: str | None, csl: str) -> str | None:
    """What a build says when a pybtex plugin style is asked for: citekit formats with CSL,
    so the class's own formatting, label and name code is not run."""
    found = plugin((name or "").strip())
    if found is None:
        return None
    how = (
        f"derives from pybtex's {found.base!r}"
        if found.derived
        else "derives from none of pybtex's built-in styles, so 'alpha' stands in"
    )
    return (
        f"pybtex style {found.name!r} is a plugin class ({found.class_name}) that {how}; citekit"
        f" formats with the CSL style {csl!r}, and the class's own formatting, label and name"
        " code is not used (set citekit_style to choose another CSL style)"
    )


def csl_style(pybtex_style: str | None, reference_style: str | None) -> str:
    """The CSL style for a pybtex style and reference style (alpha and label by default, as
    sphinxcontrib-bibtex has them); a plugin style counts as the built-in it derives from;
    an unknown name is passed on as a CSL name."""
    reference = (reference_style or "label").strip()
    if reference in REFERENCE_STYLES:
        return REFERENCE_STYLES[reference][0]
    name = builtin((pybtex_style or "alpha").strip())
    return STYLES[name][0] if name in STYLES else name


def list_style(name: str) -> str:
    """A list's `:style:`: a pybtex name (or plugin) maps to CSL, anything else is a CSL name."""
    name = builtin(name)
    return STYLES[name][0] if name in STYLES else name


def is_alpha(pybtex_style: str | None) -> bool:
    return builtin((pybtex_style or "alpha").strip()) in ("alpha", "unsrtalpha")


_NOT_ALNUM = re.compile(r"[^A-Za-z0-9]+")
_DELIMITER = re.compile(r"([\s\-])")


def _plain(text: str) -> str:
    """ASCII letters and digits only, accents dropped first, as pybtex's label style keeps
    them (`_strip_nonalnum`)."""
    decomposed = unicodedata.normalize("NFD", text)
    return _NOT_ALNUM.sub("", "".join(char for char in decomposed if not unicodedata.combining(char)))


def _abbreviate(text: str) -> str:
    """pybtex's `abbreviate`: a word of letters only becomes its initial, any other word
    (hyphenated parts apart; O'Neil, M{\\"u}ller, {McMahon}) stays whole."""
    return "".join(part[0] + "." if part.isalpha() else part for part in _DELIMITER.split(text))


def _split_top(text: str, pattern: str) -> list[str]:
    """`text` split where `pattern` matches outside braces."""
    pieces, depth, start = [], 0, 0
    for match in re.finditer(rf"[{{}}]|{pattern}", text):
        token = match.group()
        if token == "{":
            depth += 1
        elif token == "}":
            depth = max(0, depth - 1)
        elif depth == 0:
            pieces.append(text[start : match.start()])
            start = match.end()
    return [*pieces, text[start:]]


def _raw_names(record: citekit.Record, field: str) -> list[tuple[str, str]] | None:
    """(von and last, last) of each name of a BibTeX field as written (LaTeX and braces
    kept, as pybtex sees them), or None when the record does not come from BibTeX."""
    stash = record.extra.get("bibtex")
    fields = stash.get("fields") if isinstance(stash, dict) else None
    if not isinstance(fields, list):
        return None
    raw = next(
        (str(v) for k, v in zip(fields[::2], fields[1::2], strict=False) if str(k).lower() == field), None
    )
    if raw is None:
        return None
    raw = raw.strip()
    if (raw[:1], raw[-1:]) in (("{", "}"), ('"', '"')):
        raw = raw[1:-1]
    found = []
    for name in _split_top(raw.strip(), r"\s+and\s+"):
        parts = _split_top(name.strip(), ",")
        words = [w for w in _split_top(parts[0].strip(), r"\s+") if w]
        if len(parts) == 1 and len(words) > 1:  # First von Last: von starts lower case
            von = next((i for i, w in enumerate(words[:-1]) if w[:1].islower()), None)
            words = words[von:] if von is not None else words[-1:]
        lower = [i for i, w in enumerate(words[:-1]) if w[:1].islower()]
        last = words[lower[-1] + 1 :] if lower else words
        found.append((" ".join(words), " ".join(last)))
    return found


def _name_parts(name: citekit.Name) -> tuple[str, str]:
    """(von and last, last) of a name read from elsewhere (CSL-JSON, RIS)."""
    last = name.family or name.literal or ""
    von = f"{name.dropping_particle or ''} {name.non_dropping_particle or ''}".split()
    return " ".join([*von, last]), last


def _label_names(names: list[tuple[str, str]]) -> str:
    """pybtex's `format_lab_names`: one name gives its initials of von and last (vdB, SJ),
    or the last name's first three letters when that is under two (Knu); several give the
    initials of each, up to three of more than four, then +."""
    if len(names) == 1:
        result = _plain(_abbreviate(names[0][0]))
        return result if len(result) >= 2 else _plain(names[0][1])[:3]
    shown = names[:3] if len(names) > 4 else names
    return "".join(_plain(_abbreviate(full)) for full, _ in shown) + ("+" if len(names) > 4 else "")


def alpha_label(record: citekit.Record) -> str:
    """pybtex's alpha label without the disambiguating letter: Knu84, KL84, KLM+84, vdB90."""
    field = "author" if record.names("author") else "editor"
    names = record.names(field)
    if not names:
        base = record.key[:3]
    else:
        raw = _raw_names(record, field)
        base = _label_names(
            raw if raw is not None and len(raw) == len(names) else [_name_parts(n) for n in names]
        )
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


def _person_key(name: citekit.Name, written: str | None = None) -> str:
    """pybtex's `person_key`: von and last names (as written in the .bib file where it is
    known: pybtex sorts {McMahon} after every letter), first and middle names, lineage."""
    last = " ".join(part for part in (name.non_dropping_particle, name.family or name.literal) if part)
    if name.dropping_particle:
        last = f"{name.dropping_particle} {last}"
    return "  ".join((written or last, name.given or "", name.suffix or "")).lower()


def _author_year_title(record: citekit.Record) -> tuple[str, str, str]:
    """pybtex's `author_year_title` sorting key (the alpha style's): books list by author,
    else editor; other entries by author only."""
    field = "author"
    names = record.names("author")
    if not names and _entry_type(record) in ("book", "inbook"):
        field, names = "editor", record.names("editor")
    raw = _raw_names(record, field) if names else None
    written = [full for full, _ in raw] if raw is not None and len(raw) == len(names) else [None] * len(names)
    date = record.date("issued")
    return (
        "   ".join(_person_key(name, text) for name, text in zip(names, written, strict=True)),
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
    if builtin(style) not in UNSORTED:
        ordered.sort(key=_author_year_title)
    return [record.key for record in ordered]
