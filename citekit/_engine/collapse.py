"""Cite grouping and collapsing (`collapse="citation-number" | "year" | "year-suffix" |
"year-suffix-ranged"`), which citeproc-py ignores.

The citation layout is rendered here, one cite at a time as citeproc-py does, while the
first `cs:names` of each cite reports its text (the cite's author). Then:

- `citation-number`: three or more consecutive numbers become a range (`[1]–[3]`);
- `year`: cites by the same author are grouped (brought together when the citation is
  sorted, else only neighbours, as in citeproc-js); after the first, each is rendered
  without its names and joined by `cite-group-delimiter`;
- `year-suffix`, `year-suffix-ranged`: within such a group, cites of the same year print
  only their year-suffix (`2000a, b` or `2000a–c`), joined by `year-suffix-delimiter`;
- a collapsed group is followed by `after-collapse-delimiter`.

Defaults follow citeproc-js: the delimiters default to the layout's delimiter.
"""

from __future__ import annotations

import functools
from typing import Any

from citeproc.string import String

from .._markup import CLOSE, OPEN, strip_markers
from ._elements import extend
from ._state import current
from .labels import NAME_LABELS
from .punctuation import cite_suffix
from .substitute import capitalize_opening_term, render_entry

NO_PRINTED_FORM = "[CSL STYLE ERROR: reference with no printed form.]"
NO_PRINTED_FORM_WORD_PROCESSOR = "[NO_PRINTED_FORM]"


@functools.lru_cache(maxsize=4096)
def _in_names(names: Any) -> bool:
    """A `cs:names` inside another's `cs:substitute`: suppressing or replacing the author is
    done to the outer one, substitute and all (else the next candidate, a title, stands in)."""
    return bool(names.xpath_search("ancestor::cs:names"))


@extend("names")
class ReportedNames:
    """The first names of a cite tell the layout their text, and vanish when it asks."""

    def render(self, item: Any, *args: Any, **kwargs: Any) -> Any:
        outer = NAME_LABELS.get()
        labels: list[Any] = [] if outer is None else outer  # a substitute's names: the outer list
        token = NAME_LABELS.set(labels)
        try:
            out = super().render(item, *args, **kwargs)  # type: ignore[misc]
        finally:
            NAME_LABELS.reset(token)
        if not out or _in_names(self):  # a substitute's names: the outer `cs:names` reports
            return out
        context: Any = kwargs.get("context")
        if context is None:
            context = self
        try:
            layout = context.get_layout()
        except IndexError:
            return out
        if getattr(layout, "ck_collecting", False) and getattr(layout, "ck_names", None) is None:
            layout.ck_names = strip_markers(str(out))
            layout.ck_names_text = out
            label = _trailing_label(out, labels)
            layout.ck_names_key = layout.ck_names[: len(layout.ck_names) - len(strip_markers(str(label)))]
            if getattr(layout, "ck_suppress", False):
                return None
            replace = getattr(layout, "ck_replace", None)
            if replace is not None:
                # as citeproc-js: the names are replaced and their label kept ("--- ed.")
                return String(replace) + label if replace else None
        return out


def _trailing_label(out: Any, labels: list[Any]) -> Any:
    """The label a names' text ends with (the one label its names rendered), or ""."""
    if len(labels) != 1:
        return ""
    label = strip_markers(str(labels[0]))
    return labels[0] if label and strip_markers(str(out)).endswith(label) else ""


def _term(element: Any) -> bool:
    return "term" in element.attrib and element.get("text-case") != "lowercase"


@extend("text", when=_term)
class ReportedTerms:
    """Terms rendered in a cite are told to the layout (to capitalise one that opens it)."""

    def process(self, item: Any, context: Any = None, **kwargs: Any) -> Any:
        text, language = super().process(item, context, **kwargs)  # type: ignore[misc]
        # a term the style asks for in lower case (OSCOLA's `ibid`) stays so, as in citeproc-js
        lowered = self.get("text-case") == "lowercase"  # type: ignore[attr-defined]
        if text and "term" in self.attrib and not lowered:  # type: ignore[attr-defined]
            try:
                owner: Any = context if context is not None else self
                layout = owner.get_layout()
            except IndexError:
                return text, language
            if getattr(layout, "ck_collecting", False):
                layout.ck_terms.append(strip_markers(str(text)))
        return text, language


# The variables and condition tests through which a `numbers_only` layout may read a cite:
# of the item's own data, its number alone (a lone cite with nothing added has no locator).
_NUMBER_VARIABLES = frozenset(("citation-number", "locator"))
_CONDITION_TESTS = frozenset(("position", "locator", "match", "variable", "is-numeric"))


@functools.lru_cache(maxsize=256)
def numbers_only(root: Any) -> bool:
    """Whether the citation layout (with the macros it calls) of the style whose root this
    is reads nothing of an item but its citation number and the cite's locator: groups,
    terms, values, the locator and its label, the number as a `cs:text`, and conditions on
    position or locator only. A lone first cite of such a style with nothing added to it
    then prints the same text for every item, but for the number (IEEE's `[12]`). A
    text-case over a term is refused: citeproc-js title-cases only English items."""
    citation = root.citation
    if citation is None:
        return False
    pending = list(citation.xpath_search("./cs:layout"))
    seen: set[str] = set()
    while pending:
        for element in pending.pop().iter():
            if not isinstance(element.tag, str):
                continue  # a comment
            tag, attrib = element.tag.rpartition("}")[2], element.attrib
            if tag in ("layout", "macro", "group", "choose", "else"):
                if "text-case" in attrib:
                    return False
            elif tag == "text" and "macro" in attrib:
                if "text-case" in attrib:
                    return False
                name = str(attrib["macro"])
                if name not in seen:
                    seen.add(name)
                    if "'" in name:
                        return False
                    pending += root.xpath_search(f"./cs:macro[@name='{name}']")
            elif tag == "text" and ("term" in attrib or "value" in attrib):
                if "text-case" in attrib:
                    return False
            elif tag == "text" or tag in ("label", "number"):
                allowed = _NUMBER_VARIABLES if tag == "text" else {"locator"}
                if attrib.get("variable") not in allowed:
                    return False
            elif tag in ("if", "else-if"):
                if not set(attrib) <= _CONDITION_TESTS:
                    return False
                for test in ("variable", "is-numeric"):
                    if not set(str(attrib.get(test, "")).split()) <= _NUMBER_VARIABLES:
                        return False
            else:
                return False
    return True


def number_slot(marked: str, number: int) -> tuple[str, str] | None:
    """A lone cite's marked text around its one citation number (`numbers_only`): the
    number is the only text between the citation-number marker and its close."""
    opening, closing = OPEN["citation-number"], CLOSE
    if marked.count(opening) != 1:
        return None
    start = marked.index(opening) + 1
    end = marked.find(closing, start)
    if marked[start:end] != str(number):
        return None
    return marked[:start], marked[end:]


class _Cite:
    def __init__(self, item: Any, text: Any, author: str | None) -> None:
        self.item = item
        self.text = text
        self.author = author
        self.short: Any = None  # the text without the author

    @property
    def year(self) -> Any:
        issued = self.item.reference.get("issued")
        return getattr(issued, "get", lambda _k: None)("year") if issued is not None else None


def _ranges(numbers: list[int], breaks: frozenset[int] = frozenset()) -> list[tuple[int, int]]:
    """Runs of consecutive numbers as (start index, end index); a run also ends before each
    index in `breaks`."""
    runs: list[tuple[int, int]] = []
    start = 0
    for index in range(1, len(numbers) + 1):
        if index == len(numbers) or numbers[index] != numbers[index - 1] + 1 or index in breaks:
            runs.append((start, index - 1))
            start = index
    return runs


@extend("layout")
class CollapsingLayout:
    def render_citation(self, citation: Any, callback: Any) -> Any:
        element = self.getparent()  # type: ignore[attr-defined]
        good = [cite for cite in citation.cites if not cite.is_bad()]
        bad = [cite for cite in citation.cites if cite.is_bad()]
        if element.sort is not None and len(good) > 1:  # only a style that sorts reorders (stable)
            good = element.sort.sort(good, self)
        cites: list[_Cite] = []
        empty = 0  # cites with no printed form
        word_processor = current().word_processor
        note = self.get_root().get("class") == "note"  # type: ignore[attr-defined]
        for item in good:
            text, author = self._one(item, suppress=bool(item.get("ck_suppress_author")))
            if item.get("ck_author_only"):
                text = self.ck_names_text  # type: ignore[attr-defined]
            if not text:
                empty += 1  # as citeproc-js: the cite is not silently dropped
                text = String(NO_PRINTED_FORM_WORD_PROCESSOR if word_processor else NO_PRINTED_FORM)
            prefix = strip_markers(str(item.get("prefix", ""))).strip()
            if (
                text is not None
                and note
                and ((not cites and not prefix) or (prefix.endswith(".") and " " in prefix))
            ):
                text = capitalize_opening_term(text, self.ck_terms)  # type: ignore[attr-defined]
            if text is not None:
                cites.append(_Cite(item, self._affixed(item, text), author))
                element.cites.append(item)
        delimiter = self.get("delimiter", "")  # type: ignore[attr-defined]
        collapse = element.get("collapse")
        if collapse == "citation-number" and cites:
            pieces = self._numbers(cites, delimiter, element)
        elif collapse in ("year", "year-suffix", "year-suffix-ranged") and cites:
            pieces = self._years(cites, delimiter, element, collapse)
        elif element.get("cite-group-delimiter") is not None and cites:
            pieces = self._years(cites, delimiter, element, None)
        else:
            pieces = []
            for index, cite in enumerate(cites):
                if pieces and _ends_punctuated(cites[index - 1].item):
                    pieces.append(delimiter[delimiter.index(" ") :] if " " in delimiter else "")
                elif pieces and not _punctuated(cite.item):
                    pieces.append(delimiter)
                pieces.append(cite.text)
        for item in bad:
            value = callback(item)
            pieces += [delimiter, value or f"{item.key}?"] if pieces else [value or f"{item.key}?"]
        if word_processor and good and not bad and empty == len(good):
            return String(NO_PRINTED_FORM_WORD_PROCESSOR)  # bare: no layout affixes, no formatting
        out: Any = String("")
        for piece in pieces:
            out = out + piece
        if good and all(item.get("ck_author_only") for item in good):
            return self.format(out)  # type: ignore[attr-defined]  # as citeproc-js: no layout affixes
        return self.format(self.wrap(out))  # type: ignore[attr-defined]

    def _affixed(self, item: Any, text: Any) -> Any:
        """The cite with its own prefix and suffix (the suffix's seam as in citeproc-js)."""
        in_quote = str(self.get_locale_option("punctuation-in-quote")).lower() == "true"  # type: ignore[attr-defined]
        text, suffix = cite_suffix(text, str(item.get("suffix", "")), in_quote)
        return item.get("prefix", "") + text + suffix

    def _one(self, item: Any, suppress: bool = False) -> tuple[Any, str | None]:
        return render_entry(self, item, suppress=suppress)

    def _numbers(self, cites: list[_Cite], delimiter: str, element: Any) -> list[Any]:
        pieces: list[Any] = []
        for start, end in _ranges([c.item.number for c in cites], _breaks(cites)):
            if pieces and not _punctuated(cites[start].item):
                pieces.append(delimiter)
            if end - start >= 2:
                pieces += [cites[start].text, "–", cites[end].text]
            else:
                for index in range(start, end + 1):
                    if index > start:
                        pieces.append(delimiter)
                    pieces.append(cites[index].text)
        return pieces

    def _years(self, cites: list[_Cite], delimiter: str, element: Any, collapse: str | None) -> list[Any]:
        order = _groups(
            cites,
            sorted_citation=element.sort is not None,
            share_no_author=collapse in ("year-suffix", "year-suffix-ranged"),
        )
        group_delimiter = element.get("cite-group-delimiter", ", " if collapse == "year" else delimiter)
        suffix_delimiter = element.get(
            "year-suffix-delimiter", element.get("cite-group-delimiter", delimiter)
        )
        after = element.get("after-collapse-delimiter", delimiter)
        explicit = element.get("after-collapse-delimiter") is not None
        pieces: list[Any] = []
        previous_collapsed = False
        previous: _Cite | None = None
        for group in order:
            if pieces:
                # citeproc-js (`getSpliceDelimiter`): an explicit after-collapse-delimiter also
                # follows a cite with a locator, and joins uncollapsed cites unless year-suffix
                after_too = explicit and (
                    (previous is not None and previous.item.has_locator) or collapse != "year-suffix"
                )
                pieces.append(after if previous_collapsed or after_too else delimiter)
            previous_collapsed = len(group) > 1
            for index, cite in enumerate(group):
                previous = cite
                if index == 0:
                    pieces.append(cite.text)
                    continue
                last = group[index - 1]
                if explicit and last.item.has_locator and collapse is not None:
                    pieces += [after, cite.item.get("prefix", "")]
                    text, _ = self._one(cite.item, suppress=True)
                    pieces.append((text or "") + cite.item.get("suffix", ""))
                    continue
                if collapse is None:  # grouped, not collapsed
                    pieces += [group_delimiter, cite.text]
                    continue
                if collapse != "year" and self._same_year(last, cite):
                    pieces.append(suffix_delimiter)
                    pieces.append(str(cite.item.reference.get("year_suffix")))
                    continue
                pieces.append(group_delimiter)
                text, _ = self._one(cite.item, suppress=True)
                if not text:
                    pieces.pop()  # nothing left once the author is gone
                    continue
                pieces.append(self._affixed(cite.item, text))
        if collapse == "year-suffix-ranged":
            pieces = self._suffix_ranges(pieces, cites)
        return pieces

    @staticmethod
    def _same_year(one: _Cite, two: _Cite) -> bool:
        return (
            one.year is not None
            and one.year == two.year
            and bool(one.item.reference.get("year_suffix"))
            and bool(two.item.reference.get("year_suffix"))
            and not one.item.has_locator
            and not two.item.has_locator
        )

    @staticmethod
    def _suffix_ranges(pieces: list[Any], cites: list[_Cite]) -> list[Any]:
        """Three or more consecutive year-suffixes become `a–c`."""
        suffixes = {
            str(c.item.reference.get("year_suffix")) for c in cites if c.item.reference.get("year_suffix")
        }
        out: list[Any] = []
        index = 0
        while index < len(pieces):
            run = [index]
            while (
                run[-1] + 2 < len(pieces)
                and isinstance(pieces[run[-1] + 2], str)
                and pieces[run[-1] + 2] in suffixes
                and len(str(pieces[run[-1] + 2])) == 1
                and _letter(pieces[run[-1]]) is not None
                and ord(pieces[run[-1] + 2]) == ord(_letter(pieces[run[-1]]) or "a") + 1
            ):
                run.append(run[-1] + 2)
            if len(run) >= 3:
                out.append(pieces[run[0]])
                out.append("–")
                out.append(pieces[run[-1]])
                index = run[-1] + 1
            else:
                out.append(pieces[index])
                index += 1
        return out


def _groups(cites: list[_Cite], sorted_citation: bool, share_no_author: bool) -> list[list[_Cite]]:
    """The cites in groups of one author, in order. As citeproc-js: a citation the style sorts
    brings every cite of an author to the first (its grouped sort); an unsorted one groups
    only neighbours, so `A 2001; B 1999; A 2005` stays three groups. Where year-suffixes
    collapse, cites printing no names share the empty author (citeproc-js)."""
    groups: dict[str | None, list[_Cite]] = {}
    order: list[list[_Cite]] = []
    for cite in cites:
        if cite.author is None and not share_no_author:
            order.append([cite])
        elif sorted_citation and cite.author in groups:
            groups[cite.author].append(cite)
        elif not sorted_citation and order and order[-1][0].author == cite.author:
            order[-1].append(cite)
        else:
            groups[cite.author] = [cite]
            order.append(groups[cite.author])
    return order


def _located(cite: _Cite) -> bool:
    """A cite whose locator is printed is never part of a collapsed range; one whose style
    prints no locator (nature: the number alone) is, as in citeproc-js (`1–3`)."""
    if not cite.item.has_locator:
        return False
    return strip_markers(str(cite.text)).strip() != str(cite.item.number)


def _breaks(cites: list[_Cite]) -> frozenset[int]:
    """Where a run of numbers breaks besides a gap, as in citeproc-js: before a cite with a
    prefix (which may open a range: `see 3–5`), before and after one with a suffix or a
    printed locator (which stands alone: `1–3, 4 x, 5–7`)."""
    out: set[int] = set()
    for index, cite in enumerate(cites):
        if _affix(cite.item, "prefix"):
            out.add(index)
        if _affix(cite.item, "suffix") or _located(cite):
            out.update((index, index + 1))
    return frozenset(out)


def _affix(item: Any, affix: str) -> bool:
    return bool(strip_markers(str(item.get(affix, ""))).strip())


def _punctuated(item: Any) -> bool:
    """A cite whose prefix starts with punctuation takes no delimiter before it."""
    return strip_markers(str(item.get("prefix", ""))).lstrip()[:1] in (",", ";", ".")


def _ends_punctuated(item: Any) -> bool:
    """After a cite whose suffix ends in `,`, `;` or `.`, the delimiter keeps only what follows
    its first space (citeproc-js: "is one source," + "; " -> "is one source, ")."""
    return strip_markers(str(item.get("suffix", "")))[-1:] in (",", ";", ".")


def _letter(piece: Any) -> str | None:
    text = strip_markers(str(piece)).rstrip()
    return text[-1] if text and text[-1].isalpha() else None
