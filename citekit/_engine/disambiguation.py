"""Disambiguating cites: add-names, add-givenname (every givenname-disambiguation-rule),
`disambiguate="true"`, and year suffixes — none of which citeproc-py does.

Run once per session over every registered item, in the spec's order:

1. global name disambiguation (rules `all-names*`, `primary-name*`): a family name shared
   by different people gets initials (then the full given name, unless `-with-initials`);
2. each item's cite is rendered alone; items whose cites read the same are ambiguous;
3. `disambiguate-add-names`: more names are shown, one at a time, until cites differ;
4. `disambiguate-add-givenname` with `by-cite`: name by name, initials then the full given
   name, until the cite is told apart (`A. N. Hansen and Campbell`);
5. `disambiguate="true"` branches are taken for the items still ambiguous;
6. `disambiguate-add-year-suffix`: a, b, c… in bibliography order.

The decisions are stored on each reference under private keys (`NAMES`, `GIVEN`,
`CONDITION`) and in `year_suffix`, and read by `names`, `conditions` and `dates`.
"""

from __future__ import annotations

import functools
import re
import string
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from citeproc import Citation, CitationItem

from .._markup import strip_markers

NAMES = "ck_show_names"  # int: names to show before et-al in citations
GIVEN = "ck_given"  # {(variable, index): 1 initials | 2 full given name}
CONDITION = "ck_disambiguate"  # True: disambiguate="true" tests succeed
_PERSON_VARIABLES = ("author", "editor", "translator", "composer", "director", "container_author")


def _option(citation: Any, name: str) -> str:
    return str(citation.get(name, "false")).lower()


@functools.lru_cache(maxsize=65536)
def in_citation(element: Any) -> bool:
    return bool(element.xpath_search("./ancestor-or-self::cs:citation"))


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


def _family(name: Any) -> tuple[str, str]:
    return (str(name.get("non-dropping-particle") or ""), str(name.get("family") or ""))


def _given(name: Any) -> str:
    """A given name compared as citeproc-js does: "J. J." and "J.J." are the same."""
    return "".join(str(name.get("given") or "").replace(".", " ").split())


def _cite_names(reference: Any) -> list[tuple[str, int, Any]]:
    """The names a cite shows: the first of the person variables the item has."""
    for variable in _PERSON_VARIABLES:
        names = reference.get(variable) or []
        if names:
            return [(variable, index, name) for index, name in enumerate(names)]
    return []


def _initials(given: str) -> str:
    return "".join(word[0] for word in re.split(r"[\s.\-]+", given) if word)


def _global_givennames(items: list[Any], rule: str) -> None:
    """Rules all-names and primary-name: a person whose family name is shared by another
    person gets initials, or the full given name when the initials are the same. Under the
    `-with-initials` rules, initials shared with some of them are still added when they tell
    the person from the others (citeproc-js: `Y. Adeyemi` beside Yosef and Layla Adeyemi)."""
    primary = rule.startswith("primary-name")
    people: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)  # family -> given -> initials
    for item in items:
        for _variable, index, name in _cite_names(item.reference):
            if (primary and index > 0) or not name.get("family"):
                continue
            people[_family(name)][_given(name)] = _initials(str(name.get("given") or ""))
    initials_only = rule.endswith("with-initials")
    for item in items:
        levels: dict[tuple[str, int], int] = {}
        for variable, index, name in _cite_names(item.reference):
            if primary and index > 0:
                continue
            mine = _given(name)
            others = {g: i for g, i in people.get(_family(name), {}).items() if g != mine}
            if not others:
                continue
            initials = _initials(str(name.get("given") or ""))
            if initials not in others.values():
                levels[(variable, index)] = 1
            elif not initials_only:
                levels[(variable, index)] = 2
            elif set(others.values()) - {initials}:  # initials tell it from some of them
                levels[(variable, index)] = 1
        if levels:
            item.reference[GIVEN] = levels


def _frozen(given: Any) -> Any:
    return tuple(sorted(given.items())) if given else None


def _groups(texts: dict[str, str]) -> list[list[str]]:
    by_text: dict[str, list[str]] = defaultdict(list)
    for key, text in texts.items():
        by_text[text].append(key)
    return [keys for keys in by_text.values() if len(keys) > 1]


def disambiguate(
    bibliography: Any,
    style: Any,
    callback: Callable[[Any], Any],
    plain: dict[tuple[Any, ...], str] | None = None,
    numbered: bool = True,
) -> None:
    """Decide, for every registered item, what its cites need to be told apart. `plain`
    remembers the cites rendered (by item, number and decisions) across calls: a Document
    disambiguates again whenever a record is first cited, and most cites are as before."""
    citation = style.root.citation
    if citation is None:
        return
    items = list(bibliography.items)
    add_names = _option(citation, "disambiguate-add-names") == "true"
    add_given = _option(citation, "disambiguate-add-givenname") == "true"
    add_suffix = _option(citation, "disambiguate-add-year-suffix") == "true"
    condition = bool(
        style.root.xpath_search(".//cs:if[@disambiguate='true'] | .//cs:else-if[@disambiguate='true']")
    )
    if not (add_names or add_given or add_suffix or condition):
        return
    rule = str(citation.get("givenname-disambiguation-rule", "by-cite"))
    if add_given and rule != "by-cite":
        _global_givennames(items, rule)
    by_key = {item.key: item for item in items}
    number = {key: index for index, key in enumerate(bibliography.keys, 1)} if numbered else {}
    if plain is None:
        plain = {}

    def render(keys: Iterable[str]) -> dict[str, str]:
        """Each item's cite alone, remembered by what it depends on (the item, its number,
        its decisions so far), across calls."""
        out = {}
        for key in keys:
            reference = by_key[key].reference
            given = reference.get(GIVEN)
            memo = (key, number.get(key, 0), reference.get(NAMES), _frozen(given), reference.get(CONDITION))
            if memo not in plain:
                citation = Citation([CitationItem(key)])
                citation.bibliography = bibliography
                plain[memo] = strip_markers(str(style.render_citation(citation, [], callback)))
            out[key] = plain[memo]
        return out

    texts = render(by_key)
    ambiguous = _groups(texts)
    # What add-givenname may do under the rule: full given names or only initials, for
    # every name or only the first of each cite.
    most = 1 if rule.endswith("with-initials") else 2
    first_only = rule.startswith("primary-name")
    if add_names and ambiguous:
        ambiguous = _add_names(ambiguous, by_key, render, most if add_given else 0)
    if add_given and ambiguous:
        ambiguous = _add_givennames(ambiguous, by_key, render, most, first_only)
    if condition and ambiguous:
        keys = [k for group in ambiguous for k in group]
        for key in keys:
            by_key[key].reference[CONDITION] = True
        ambiguous = _groups(render(keys))
    if add_suffix and ambiguous:
        order = {item.key: index for index, item in enumerate(items)}
        for group in ambiguous:
            for index, key in enumerate(sorted(group, key=order.__getitem__)):
                by_key[key].reference["year_suffix"] = _suffix(index)


def _add_names(
    groups: list[list[str]], by_key: dict[str, Any], render: Callable[..., dict[str, str]], given_level: int
) -> list[list[str]]:
    """Each item shows the fewest names at which it is confused with the fewest others
    (given names counted as shown when add-givenname may use them)."""
    remaining: list[list[str]] = []
    for group in groups:
        most = max(
            max((len(by_key[k].reference.get(v) or []) for v in _PERSON_VARIABLES), default=0) for k in group
        )
        if most < 2:
            remaining.append(group)
            continue
        saved = {k: by_key[k].reference.get(GIVEN) for k in group}
        best: dict[str, tuple[int, int]] = {}  # key -> (confused with, names shown)
        for shown in range(1, most + 1):
            for key in group:
                reference = by_key[key].reference
                reference[NAMES] = shown
                if given_level:
                    reference[GIVEN] = {(v, i): given_level for v, i, _ in _names_of(reference)}
            texts = render(group)
            for key in group:
                confused = sum(1 for other in group if texts[other] == texts[key])
                if key not in best or confused < best[key][0]:
                    best[key] = (confused, shown)
        for key in group:
            reference = by_key[key].reference
            reference[GIVEN] = saved[key]
            if saved[key] is None:
                del reference[GIVEN]
            reference[NAMES] = best[key][1]
        remaining.extend(_groups(render(group)))
    return remaining


def _add_givennames(
    groups: list[list[str]],
    by_key: dict[str, Any],
    render: Callable[..., dict[str, str]],
    most: int = 2,
    first_only: bool = False,
) -> list[list[str]]:
    """Name by name, initials then the full given name, until each cite is told apart. A cite
    left ambiguous keeps the fewest expansions that told it from the most others (citeproc-js:
    `S. Jansen et al.` beside Niamh Jansen, though two works of Seo-yeon Jansen stay alike)."""
    remaining: list[list[str]] = []
    for group in groups:
        done: set[str] = set()
        saved = {k: dict(by_key[k].reference.get(GIVEN) or {}) for k in group}
        best = {k: (len(group), saved[k]) for k in group}  # (confused with, levels)
        names = 1 if first_only else max(len(list(_names_of(by_key[k].reference))) for k in group)
        levels_allowed = (1, 2)[:most]
        for position, level in ((p, lv) for p in range(names) for lv in levels_allowed):
            trying = [k for k in group if k not in done]
            if len(trying) < 2:
                break
            for key in trying:
                reference = by_key[key].reference
                levels = dict(reference.get(GIVEN) or {})
                for index, (v, i, _) in enumerate(_names_of(reference)):
                    if index == position:
                        levels[(v, i)] = max(level, saved[key].get((v, i), 0))
                reference[GIVEN] = levels
            texts = render(trying)
            for key in trying:
                confused = sum(1 for other in trying if texts[other] == texts[key])
                if confused < best[key][0]:
                    best[key] = (confused, by_key[key].reference[GIVEN])
                if confused == 1:
                    done.add(key)
        left = [k for k in group if k not in done]
        for key in left:
            by_key[key].reference[GIVEN] = best[key][1]
        if len(left) > 1:
            remaining.extend(_groups(render(left)))
    return remaining
