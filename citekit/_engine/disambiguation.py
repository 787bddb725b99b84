"""Disambiguating cites: add-names, add-givenname (every givenname-disambiguation-rule),
`disambiguate="true"`, and year suffixes — none of which citeproc-py does.

The spec's order, for the registered items:

1. global name disambiguation (rules `all-names*`, `primary-name*`): a family name shared
   by different people gets initials (then the full given name, unless `-with-initials`);
2. each item's cite is rendered alone; items whose cites read the same are ambiguous;
3. `disambiguate-add-names`: more names are shown, one at a time, until cites differ;
4. `disambiguate-add-givenname` with `by-cite`: name by name, initials then the full given
   name, until the cite is told apart (`A. N. Hansen and Campbell`); under the global rules
   a cite's given names are those of step 1 only (citeproc-js expands them by cite under
   `by-cite` alone), so works of the same authors go on to a year suffix;
5. `disambiguate="true"` branches are taken for the items still ambiguous;
6. `disambiguate-add-year-suffix`: a, b, c… in bibliography order.

Steps 3-6 only ever look inside one group of cites that read the same at step 2, so a
`Disambiguation` (one per session, like citeproc-js's registry) keeps each item's step-2 text
and the groups, and when more items are registered redoes only the groups they join (or
leave, when a global given name changes an item's text). A Document registers records one
at a time, and this keeps each registration's cost to the size of the groups it touches.

The decisions are stored on each reference under private keys (`NAMES`, `GIVEN`,
`CONDITION`) and in `year_suffix`, and read by `names`, `conditions` and `dates`.
"""

from __future__ import annotations

import functools
import string
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs
from citeproc import Citation

from .._markup import strip_markers
from ._state import current
from .positions import Position

NAMES = "ck_show_names"  # int: names to show before et-al (citations; bibliography too, as citeproc-js)
GIVEN = "ck_given"  # {(variable, index): 1 initials | 2 full given name}
GLOBAL_GIVEN = "ck_global_given"  # the same, from the global given-name rule alone (bibliography)
CONDITION = "ck_disambiguate"  # True: disambiguate="true" tests succeed
SUFFIX = "year_suffix"  # the letter citeproc-py's dates print after the year
_PERSON_VARIABLES = ("author", "editor", "translator", "composer", "director", "container_author")

Memo = tuple[Any, ...]  # what a cite alone depends on: item, number and decisions so far
Family = tuple[str, str]


def _option(citation: Any, name: str) -> str:
    return str(citation.get(name, "false")).lower()


@functools.lru_cache(maxsize=65536)
def in_citation(element: Any) -> bool:
    return bool(element.xpath_search("./ancestor-or-self::cs:citation"))


@functools.lru_cache(maxsize=256)
def names_in_bibliography(root: Any) -> bool:
    """Whether the names add-names showed in an item's cites are shown in its bibliography
    entry too: citeproc-js does so when the style adds both names and given names (its
    bibliography then asks for the item's disambiguation, `disambig_request`)."""
    options = Options.of(root)
    return options.add_names and options.add_given


@functools.lru_cache(maxsize=256)
def global_given_in_bibliography(root: Any) -> bool:
    """Whether a global given-name rule (`all-names*`, `primary-name*`) shows its given names in
    the bibliography too: citeproc-js's name registry is global, and its bibliography asks it
    for every name it renders (`evalname`): `Ivanova, P. 1971` beside another Ivanova."""
    return Options.of(root).registers_names


@functools.lru_cache(maxsize=256)
def initials_by_rule(root: Any) -> bool:
    """Whether a given name that disambiguation expands to initials is initialised even
    without `initialize-with`: under the `-with-initials` rules citeproc-js initialises it
    with an empty mark (`McDonald P` in a style whose short names set none)."""
    return Options.of(root).rule.endswith("-with-initials")


def _suffix(index: int) -> str:
    letters = string.ascii_lowercase
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = letters[rest] + out
    return out


def _names_of(reference: Any) -> Iterable[tuple[str, int, Any]]:
    for variable in _PERSON_VARIABLES:
        for index, name in enumerate(reference.get(variable) or []):
            yield variable, index, name


def _family(name: Any) -> Family:
    return (str(name.get("non-dropping-particle") or ""), str(name.get("family") or ""))


def _given(name: Any) -> str:
    """A given name compared as citeproc-js does: "J. J." and "J.J." are the same."""
    return "".join(str(name.get("given") or "").replace(".", " ").split())


def _cite_names(reference: Any, variables: Iterable[str] = _PERSON_VARIABLES) -> list[tuple[str, int, Any]]:
    """The names a cite shows: the first of the person variables (`variables`: those the
    citation prints) the item has."""
    for variable in variables:
        names = reference.get(variable) or []
        if names:
            return [(variable, index, name) for index, name in enumerate(names)]
    return []


def _citation_variables(root: Any) -> tuple[str, ...]:
    """The person variables some cs:names of the citation (or a macro it calls) prints: a
    director the cites never show does not share a family name with an author (citeproc-js
    registers the names cites print)."""
    citation = root.citation
    if citation is None:
        return _PERSON_VARIABLES
    found: set[str] = set()
    macros: set[str] = set()
    stack = [citation]
    while stack:
        for element in stack.pop().iter():
            tag = str(element.tag)
            if tag.endswith("}names"):
                found.update(v.replace("-", "_") for v in str(element.get("variable", "")).split())
            elif tag.endswith("}text") and element.get("macro") and element.get("macro") not in macros:
                macros.add(element.get("macro"))
                stack.extend(root.xpath_search(f"cs:macro[@name='{element.get('macro')}'][1]"))
    return tuple(v for v in _PERSON_VARIABLES if v in found)


def _initials(given: str) -> str:
    """The initials a cite would print, as the name renderer makes them: a lower-case part
    after a hyphen is dropped, so `Min-seo` and `Min-jun` are both `M.` and initials cannot
    tell them apart (citeproc-js then adds none under the `-with-initials` rules)."""
    out = []
    for word in given.replace(".", " ").split():
        parts = word.split("-")
        out += [parts[0][:1], *(part[0] for part in parts[1:] if part[:1].isupper())]
    return "".join(c for c in out if c)


def saw_sort_names(key: str, variable: str, names: Iterable[Any]) -> None:
    """Remember the names a sort key rendered for an item: citeproc-js registers every name it
    renders, sort keys included, in its global given-name registry, so an editor that only the
    bibliography's sort shows still gives a namesake's cite its initial (`P. Hoffmann` in
    chicago-author-date beside an edited volume of Nikolai Hoffmann)."""
    state = current()
    if not state.sorting:
        return
    seen = state.sort_names.setdefault(key, {})
    for index, name in enumerate(names):
        seen.setdefault((variable, index), name)


def _frozen(given: Any) -> Any:
    return tuple(sorted(given.items())) if given else None


def _groups(texts: dict[str, str]) -> list[list[str]]:
    by_text: dict[str, list[str]] = defaultdict(list)
    for key, text in texts.items():
        by_text[text].append(key)
    return [keys for keys in by_text.values() if len(keys) > 1]


def _no_callback(item: Any) -> None:
    return None


_AMBIGUOUS = Position(first=False, near_note=True)  # the position citeproc-js compares cites in


@attrs.frozen
class Options:
    """The style's disambiguation options (cs:citation attributes and cs:if tests)."""

    add_names: bool
    add_given: bool
    add_suffix: bool
    condition: bool
    rule: str
    positional: bool = False  # a cite's form depends on its position (the style tests it)

    @property
    def active(self) -> bool:
        return self.add_names or self.add_given or self.add_suffix or self.condition

    @property
    def registers_names(self) -> bool:
        """Whether a global given-name rule applies, so the names every sort key renders count
        (citeproc-js's name registry): the bibliography's keys are then rendered in full."""
        return self.add_given and self.rule != "by-cite"

    @classmethod
    def of(cls, root: Any) -> Options:
        """The options of the style whose root (`cs:style`) element this is."""
        citation = root.citation
        if citation is None:
            return cls(False, False, False, False, "by-cite")
        condition = ".//cs:if[@disambiguate='true'] | .//cs:else-if[@disambiguate='true']"
        positional = (
            ".//cs:if[@position] | .//cs:else-if[@position] | .//cs:*[@et-al-subsequent-min]"
            " | .//cs:*[@et-al-subsequent-use-first] | .//cs:*[@variable='first-reference-note-number']"
        )
        return cls(
            _option(citation, "disambiguate-add-names") == "true",
            _option(citation, "disambiguate-add-givenname") == "true",
            _option(citation, "disambiguate-add-year-suffix") == "true",
            bool(root.xpath_search(condition)),
            str(citation.get("givenname-disambiguation-rule", "by-cite")),
            bool(root.xpath_search(positional)),
        )


@attrs.define(eq=False)
class Disambiguation:
    """What disambiguation has learned in one session (never shared): each registered item's
    cite alone (`base`, after the global given-name rule), the groups of items whose cites
    read the same, and every cite rendered on the way (`plain`, `marked`)."""

    style: Any
    numbered: bool
    options: Options
    make_item: Callable[[str], Any]  # key -> the session's cite item (items.EngineItem)
    # key -> the footnote of the item's first cite in a document (None: not in a footnote)
    first_note: Callable[[str], int | None] = _no_callback
    base: dict[str, str] = attrs.Factory(dict)
    groups: dict[str, list[str]] = attrs.Factory(dict)
    numbers: dict[str, int] = attrs.Factory(dict)
    plain: dict[Memo, str] = attrs.Factory(dict)
    # The same cites with citekit's markers, so that a lone first cite is not rendered again
    # (a Formatter's cite of one record is exactly the cite disambiguation rendered).
    marked: dict[Memo, str] = attrs.Factory(dict)
    global_levels: dict[str, dict[tuple[str, int], int]] = attrs.Factory(dict)
    people: dict[Family, dict[str, str]] = attrs.Factory(dict)  # family -> given -> initials
    by_family: dict[Family, set[str]] = attrs.Factory(dict)  # family -> items whose cite names it
    cite_variables: tuple[str, ...] = _PERSON_VARIABLES  # the person variables cites print

    @classmethod
    def for_style(cls, style: Any, numbered: bool, make_item: Callable[[str], Any]) -> Disambiguation:
        root = style.root
        return cls(style, numbered, Options.of(root), make_item, cite_variables=_citation_variables(root))

    def update(self, bibliography: Any, new: Iterable[str]) -> set[str]:
        """Take in newly registered items (the bibliography already sorted); -> the keys whose
        number or decisions may have changed. Only the groups the new items join are decided
        again (and the groups of items whose text a global given name or number changed)."""
        new = list(new)
        touched = set(new)
        dirty = list(new)
        if self.numbered:
            numbers = {key: number for number, key in enumerate(bibliography.keys, 1)}
            moved = [key for key, number in self.numbers.items() if numbers.get(key) != number]
            self.numbers = numbers
            touched.update(moved)
            dirty += moved
        if not self.options.active:
            return touched
        source = bibliography.source
        if self.options.registers_names:
            dirty += self._global_givennames(source, new)
        texts: set[str] = set()
        for key in dict.fromkeys(dirty):
            old = self.base.pop(key, None)
            if old is not None:
                self.groups[old].remove(key)
                texts.add(old)
            self._reset(key, source[key])
        for key, text in self._render(bibliography, dict.fromkeys(dirty)).items():
            self.base[key] = text
            self.groups.setdefault(text, []).append(key)
            texts.add(text)
        ambiguous = []
        start: dict[str, int] = {}
        for text in texts:
            members = self.groups.get(text)
            if not members:
                self.groups.pop(text, None)
                continue
            for key in members:
                shown = source[key].get(NAMES)
                if shown:
                    start[key] = shown
                self._reset(key, source[key])
            touched.update(members)
            if len(members) > 1:
                ambiguous.append(list(members))
        if ambiguous:
            self._decide(bibliography, ambiguous, start)
        return touched

    def rendered(self, key: str, reference: Any) -> str | None:
        """The marked text of this item's cite alone, in position first, if disambiguation
        rendered it with the decisions the item has now."""
        if reference.get(SUFFIX):
            return None
        return self.marked.get(self._memo(key, reference))

    # -- internals ------------------------------------------------------------------------

    def _memo(self, key: str, reference: Any) -> Memo:
        given = reference.get(GIVEN)
        number = self.numbers.get(key, 0)
        return (key, number, reference.get(NAMES), _frozen(given), reference.get(CONDITION))

    def _reset(self, key: str, reference: Any) -> None:
        """Back to what the item's cite is before steps 3-6: only the global given names."""
        for decision in (NAMES, CONDITION, SUFFIX):
            reference.pop(decision, None)
        levels = self.global_levels.get(key)
        if levels:
            reference[GIVEN] = dict(levels)
        else:
            reference.pop(GIVEN, None)

    def _render(self, bibliography: Any, keys: Iterable[str], visual: bool = False) -> dict[str, str]:
        """Each item's cite alone, remembered by what it depends on. As citeproc-js's
        `getAmbiguousCite`, a style whose cites depend on their position is compared in the
        form of a later cite near its first (`subsequent`, `near-note`: AGLC's `Kim (n 21)`);
        `visual` (deciding within a group, under `by-cite`): with the note of the item's
        first cite as `first-reference-note-number`."""
        out = {}
        source = bibliography.source
        positional = self.options.positional
        visual = visual and positional and self.options.rule == "by-cite"
        for key in keys:
            reference = source[key]
            note = self.first_note(key) if visual else None
            memo = self._memo(key, reference) + ((note,) if visual else ())
            text = self.plain.get(memo)
            if text is None:
                item = self.make_item(key)
                if positional:
                    item.ck_position = _AMBIGUOUS
                saved = reference.pop("first_reference_note_number", None)
                if note:
                    reference["first_reference_note_number"] = str(note)
                try:
                    citation = Citation([item])
                    citation.bibliography = bibliography
                    marked = str(self.style.render_citation(citation, [], _no_callback))
                finally:
                    reference.pop("first_reference_note_number", None)
                    if saved is not None:
                        reference["first_reference_note_number"] = saved
                text = self.plain[memo] = strip_markers(marked)
                if not positional and "first_reference_note_number" not in reference:
                    self.marked[memo] = marked
            out[key] = text
        return out

    def _global_givennames(self, source: Mapping[str, Any], new: list[str]) -> list[str]:
        """Rules all-names and primary-name: a person whose family name is shared by another
        person gets initials, or the full given name when the initials are the same. Under the
        `-with-initials` rules, initials shared with some of them are still added when they
        tell the person from the others (citeproc-js: `Y. Adeyemi` beside Yosef and Layla
        Adeyemi). -> the earlier items whose levels changed (a new person in their family)."""
        primary = self.options.rule.startswith("primary-name")
        grown: set[Family] = set()
        sorted_names = current().sort_names
        for key in new:
            seen = sorted_names.get(key, {})
            named = [
                *_cite_names(source[key], self.cite_variables),
                *((v, i, name) for (v, i), name in seen.items()),
            ]
            for _variable, index, name in named:
                if (primary and index > 0) or not name.get("family"):
                    continue
                family, given = _family(name), _given(name)
                people = self.people.setdefault(family, {})
                if given not in people:
                    grown.add(family)
                people[given] = _initials(str(name.get("given") or ""))
                self.by_family.setdefault(family, set()).add(key)
        candidates = set(new).union(*(self.by_family[family] for family in grown))
        changed = []
        for key in candidates:
            levels = self._levels(source[key], primary)
            if levels != self.global_levels.get(key, {}):
                if levels:
                    self.global_levels[key] = levels
                    source[key][GLOBAL_GIVEN] = levels
                else:
                    self.global_levels.pop(key, None)
                    source[key].pop(GLOBAL_GIVEN, None)
                changed.append(key)
        return changed

    def _levels(self, reference: Any, primary: bool) -> dict[tuple[str, int], int]:
        initials_only = self.options.rule.endswith("with-initials")
        levels: dict[tuple[str, int], int] = {}
        for variable, index, name in _cite_names(reference, self.cite_variables):
            if primary and index > 0:
                continue
            mine = _given(name)
            others = {g: i for g, i in self.people.get(_family(name), {}).items() if g != mine}
            if not others:
                continue
            initials = _initials(str(name.get("given") or ""))
            if initials not in others.values():
                levels[(variable, index)] = 1
            elif not initials_only:
                levels[(variable, index)] = 2
            elif set(others.values()) - {initials}:  # initials tell it from some of them
                levels[(variable, index)] = 1
        return levels

    def _decide(
        self, bibliography: Any, ambiguous: list[list[str]], start: dict[str, int] | None = None
    ) -> None:
        """Steps 3-6 for these groups of items whose cites read the same (`start`: the names
        each item showed before its group was opened again)."""
        options, source = self.options, bibliography.source
        render = functools.partial(self._render, bibliography, visual=True)
        if options.positional and options.rule == "by-cite":  # the notes may tell them apart
            ambiguous = [still for group in ambiguous for still in _groups(render(group))]
        # add-givenname works cite by cite only under `by-cite`: under the global rules the
        # given names are those of step 1 alone, and add-names shows more names with them
        # (citeproc-js sets `givensMax` for by-cite only): two works of the same authors then
        # take year suffixes, never given names.
        by_cite = options.add_given and options.rule == "by-cite"
        if options.add_names and by_cite and ambiguous:
            ambiguous = _names_with_givens(ambiguous, source, render, 2, start or {})
        elif options.add_names and ambiguous:
            ambiguous = _add_names(ambiguous, source, render, 2 if by_cite else 0)
        if by_cite and ambiguous:
            ambiguous = _add_givennames(ambiguous, source, render)
        if options.condition and ambiguous:
            for key in (key for group in ambiguous for key in group):
                source[key][CONDITION] = True
            ambiguous = [still for group in ambiguous for still in _groups(render(group))]
        if options.add_suffix and ambiguous:
            order = {key: index for index, key in enumerate(bibliography.keys)}
            for group in ambiguous:
                for index, key in enumerate(sorted(group, key=order.__getitem__)):
                    source[key][SUFFIX] = _suffix(index)


def _add_names(
    groups: list[list[str]],
    source: Mapping[str, Any],
    render: Callable[..., dict[str, str]],
    given_level: int,
) -> list[list[str]]:
    """Each item shows the fewest names at which it is confused with the fewest others
    (given names counted as shown when add-givenname may use them)."""
    remaining: list[list[str]] = []
    for group in groups:
        most = max(max((len(source[k].get(v) or []) for v in _PERSON_VARIABLES), default=0) for k in group)
        if most < 2:
            remaining.append(group)
            continue
        saved = {k: source[k].get(GIVEN) for k in group}
        best: dict[str, tuple[int, int]] = {}  # key -> (confused with, names shown)
        for shown in range(1, most + 1):
            for key in group:
                reference = source[key]
                reference[NAMES] = shown
                if given_level:
                    reference[GIVEN] = {(v, i): given_level for v, i, _ in _names_of(reference)}
            texts = render(group)
            for key in group:
                confused = sum(1 for other in group if texts[other] == texts[key])
                if key not in best or confused < best[key][0]:
                    best[key] = (confused, shown)
        for key in group:
            reference = source[key]
            reference[GIVEN] = saved[key]
            if saved[key] is None:
                del reference[GIVEN]
            reference[NAMES] = best[key][1]
        remaining.extend(_groups(render(group)))
    return remaining


def _names_with_givens(
    groups: list[list[str]],
    source: Mapping[str, Any],
    render: Callable[..., dict[str, str]],
    most_level: int,
    start: Mapping[str, int],
) -> list[list[str]]:
    """add-names with add-givenname under `by-cite`, in citeproc-js's order: at each count of
    names (from the most any member showed before the group was opened again, as citeproc-js
    starts from the group's current names), the shown names' given names are expanded one
    name and one step at a time; a cite told apart keeps that form and leaves the group, an
    expansion that tells a cite from no more others is dropped (`O. Ortega et al.`, then
    `I. Ortega, Brennan, et al.` and `I. Ortega, Kowalski, et al.`). A cite never told apart
    goes back to the fewest names that told it from the most others."""
    remaining: list[list[str]] = []
    for group in groups:
        if max(len(_cite_names(source[k])) for k in group) < 2:
            remaining.append(group)
            continue
        left = _expand_group(group, source, render, (1, 2)[:most_level], start)
        if len(left) > 1:
            remaining.extend(_groups(render(left)))
    return remaining


def _expand_group(
    group: list[str],
    source: Mapping[str, Any],
    render: Callable[..., dict[str, str]],
    levels_allowed: tuple[int, ...],
    start: Mapping[str, int],
) -> list[str]:
    """`_names_with_givens` for one group; -> the keys still not told apart."""
    most = max(len(_cite_names(source[k])) for k in group)
    first = min(most, max([1, *(start.get(k, 1) for k in group)]))
    levels = {k: dict(source[k].get(GIVEN) or {}) for k in group}
    confused = {k: len(group) + 1 for k in group}
    fewest = {k: first for k in group}  # names at which it was confused with the fewest
    trying = list(group)

    def attempt(candidate: dict[str, dict[tuple[str, int], int]], shown: int) -> None:
        for key in trying:
            source[key][NAMES] = shown
            source[key][GIVEN] = candidate[key]
        texts = render(trying)
        for key in trying:
            count = sum(1 for other in trying if texts[other] == texts[key])
            if count < confused[key]:
                confused[key], levels[key], fewest[key] = count, candidate[key], shown
        for key in trying:
            source[key][GIVEN] = levels[key]
        trying[:] = [k for k in trying if confused[k] > 1]

    for shown in range(first, most + 1):
        if len(trying) < 2:
            break
        attempt(levels, shown)
        for position, level in ((p, lv) for p in range(shown) for lv in levels_allowed):
            if len(trying) < 2:
                break
            candidate = {}
            for key in trying:
                mine = dict(levels[key])
                for variable, index, _name in _cite_names(source[key]):
                    if index == position:
                        mine[(variable, index)] = max(level, mine.get((variable, index), 0))
                candidate[key] = mine
            attempt(candidate, shown)
    for key in group:
        if levels[key]:
            source[key][GIVEN] = levels[key]
        else:
            source[key].pop(GIVEN, None)
    for key in trying:
        source[key][NAMES] = fewest[key]
    return trying


def _add_givennames(
    groups: list[list[str]],
    source: Mapping[str, Any],
    render: Callable[..., dict[str, str]],
    most: int = 2,
) -> list[list[str]]:
    """Name by name, initials then the full given name, until each cite is told apart. A cite
    left ambiguous keeps the fewest expansions that told it from the most others (citeproc-js:
    `S. Jansen et al.` beside Niamh Jansen, though two works of Seo-yeon Jansen stay alike)."""
    remaining: list[list[str]] = []
    for group in groups:
        done: set[str] = set()
        saved = {k: dict(source[k].get(GIVEN) or {}) for k in group}
        best = {k: (len(group), saved[k]) for k in group}  # (confused with, levels)
        names = max(len(list(_names_of(source[k]))) for k in group)
        levels_allowed = (1, 2)[:most]
        for position, level in ((p, lv) for p in range(names) for lv in levels_allowed):
            trying = [k for k in group if k not in done]
            if len(trying) < 2:
                break
            for key in trying:
                reference = source[key]
                levels = dict(reference.get(GIVEN) or {})
                for index, (v, i, _) in enumerate(_names_of(reference)):
                    if index == position:
                        levels[(v, i)] = max(level, saved[key].get((v, i), 0))
                reference[GIVEN] = levels
            texts = render(trying)
            for key in trying:
                confused = sum(1 for other in trying if texts[other] == texts[key])
                if confused < best[key][0]:
                    best[key] = (confused, source[key][GIVEN])
                if confused == 1:
                    done.add(key)
        left = [k for k in group if k not in done]
        for key in left:
            source[key][GIVEN] = best[key][1]
        if len(left) > 1:
            remaining.extend(_groups(render(left)))
    return remaining
