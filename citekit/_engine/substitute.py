"""`subsequent-author-substitute`: in the bibliography, an entry whose names read the same
as the previous entry's has them replaced (e.g. by "———"), which citeproc-py ignores.

The names are those of the entry's first rendered `cs:names` (reported by
`collapse.ReportedNames`); the rule `complete-all` (the default) replaces them whole, the
per-name rules are in `subsequent`. `reset` starts a new bibliography.

Also `cs:substitute` itself: the variables it renders are suppressed in the rest of the
entry, and a `cs:choose` in it is transparent (the first rendering child of the matching
branch substitutes).
"""

from __future__ import annotations

import contextvars
import functools
from collections.abc import Callable
from typing import Any

import attrs
from citeproc.model import Names
from citeproc.source import VariableError
from citeproc.string import String

from .._markup import strip_markers
from ._elements import extend
from ._state import current, fingerprint
from .conditions import position_of
from .subsequent import replacements


def reset(tree: Any) -> None:
    """Start a bibliography: forget the previous entry's names (in the current render state)."""
    entry = current().bibliography
    entry.previous = entry.previous_parts = None


@extend("layout")
class SubsequentAuthorSubstitute:
    def render_bibliography(self, citation_items: Any) -> Any:
        bibliography = self.getparent()  # type: ignore[attr-defined]
        substitute = bibliography.get("subsequent-author-substitute")
        rule = bibliography.get("subsequent-author-substitute-rule", "complete-all")
        entry = current().bibliography
        out = []
        for item in citation_items:
            entry.name_parts, entry.name_data, entry.replace_each = [], [], None
            text, names = self._entry(item, None)
            remember = True
            if names is not None:
                names = self.ck_names_key  # type: ignore[attr-defined]  # compared without a label
                # citeproc-js compares the names' data, not their text ("Lefèvre Chloé" and
                # "Lefèvre, Chloé" are the same person), and a term standing for the names
                # (`anon.`) is never replaced, nor remembered
                terms = {_bare(strip_markers(str(term))) for term in self.ck_terms}  # type: ignore[attr-defined]
                if entry.name_data:
                    names = ",".join(entry.name_data)
                elif names is not None and _bare(names) in terms:
                    names, remember = None, False
            parts = entry.name_parts
            if substitute is not None and names is not None:
                # a substitute that is no name (a title) is replaced whole under every rule,
                # as citeproc-js does
                if rule == "complete-all" or not parts:
                    if names == entry.previous:
                        text, _ = self._entry(item, substitute)
                else:
                    chosen = replacements(rule, parts, entry.previous_parts)
                    if chosen:
                        entry.name_parts, entry.replace_each, entry.substitute = [], chosen, substitute
                        text, _ = self._entry(item, None)
            if remember:
                entry.previous, entry.previous_parts = names, parts
            entry.name_parts, entry.name_data, entry.replace_each = None, None, None
            formatted = self.format(self.wrap(text))  # type: ignore[attr-defined]
            if formatted is not None:
                out.append(formatted)
        return out

    def _entry(self, item: Any, replace: str | None) -> tuple[Any, str | None]:
        text, names = render_entry(self, item, replace=replace)
        if text is not None and self.ck_terms:  # type: ignore[attr-defined]
            text = capitalize_opening_term(text, self.ck_terms)  # type: ignore[attr-defined]
        return text, names


def render_entry(
    layout: Any, item: Any, *, suppress: bool = False, replace: str | None = None
) -> tuple[Any, str | None]:
    """Render one bibliography entry or one cite with fresh per-entry state (names seen,
    variables suppressed by substitution, terms and variables counted); -> (text, names)."""
    layout.repressed = {}
    layout.ck_collecting, layout.ck_names, layout.ck_names_text = True, None, None
    layout.ck_names_key = None
    layout.ck_suppress, layout.ck_replace = suppress, replace
    layout.ck_terms = []
    layout.ck_suppressed = set()
    layout.ck_recording = []
    layout.ck_variables = [0, 0]
    layout.ck_year_suffix_done = False
    try:
        text = layout.render_children(item)
    finally:
        layout.ck_collecting, layout.ck_replace = False, None
        layout.ck_suppressed, layout.ck_recording = set(), None  # outside an entry: sort keys
        layout.ck_variables = None
    return text, layout.ck_names


def capitalize_opening_term(text: Any, terms: list[str]) -> Any:
    """`ibid.` -> `Ibid.` when the cite or entry starts with a term (also printed with
    `strip-periods`: AGLC's `ibid` opens a note as `Ibid`), as citeproc-js capitalises a term
    rendered first (`term_predecessor`), except in in-text citations: `Anon. (1953)`."""
    plain = strip_markers(str(text)).lstrip()
    forms = {form for t in terms if t for form in (t, t.replace(".", "")) if form}
    if not plain[:1].islower() or not any(plain.startswith(form) for form in forms):
        return text
    raw = str(text)
    for index, char in enumerate(raw):
        if char.isalpha():
            return String(raw[:index] + char.upper() + raw[index + 1 :])
    return text


def _bare(text: str) -> str:
    """A term compared whatever its case and periods (`strip-periods`, `capitalize-first`)."""
    return text.replace(".", "").strip().casefold()


def layout_of(element: Any) -> Any:
    try:
        return element.get_layout()
    except IndexError:  # a macro rendered outside a layout (a sort key)
        return None


def suppressed(layout: Any, variable: str) -> bool:
    """Whether a `cs:substitute` has already rendered `variable` in this entry."""
    return variable in _suppressed(layout)


def record_variable(layout: Any, variable: str) -> None:
    """`variable` rendered: inside a `cs:substitute`, it is suppressed in the rest of the entry."""
    _record(layout, {variable})


def _record(layout: Any, variables: set[str]) -> None:
    recording = getattr(layout, "ck_recording", None)
    if recording:
        recording[-1].update(variables)


def count_variable(layout: Any, *, rendered: bool) -> None:
    """One variable tried (and maybe rendered), for `MacroAsGroup`."""
    counts = getattr(layout, "ck_variables", None)
    if counts is not None:
        counts[0] += 1
        counts[1] += rendered


def _suppressed(layout: Any) -> set[str]:
    return getattr(layout, "ck_suppressed", None) or set()


# Variables the processor makes (not the item's data): they never suppress a group, but fill it.
GENERATED = frozenset(("year-suffix", "citation-number", "citation-label", "first-reference-note-number"))


def _generated(element: Any) -> bool:
    """Whether `element` is a `cs:text` of a variable the processor makes (not data)."""
    return _local(element) == "text" and element.get("variable") in GENERATED


@extend("substitute")
class SuppressingSubstitute:
    """The variables a `cs:substitute` renders are suppressed in the rest of the entry (the
    spec: "substituted variables are suppressed"), not only the substituting element's own."""

    def render(self, item: Any, context: Any = None, **kwargs: Any) -> Any:
        layout = layout_of(context if context is not None else self)
        if layout is None or getattr(layout, "ck_recording", None) is None:
            return self._first(item, context, **kwargs)
        layout.ck_recording.append(set())
        try:
            text = self._first(item, context, **kwargs)
        finally:
            recorded = layout.ck_recording.pop()
        if text:
            layout.ck_suppressed = _suppressed(layout) | recorded
            count_variable(layout, rendered=True)  # a substitute stands in for its names
        return text

    def _first(self, item: Any, context: Any, **kwargs: Any) -> Any:
        """citeproc-py's `Substitute.render`, except that a `cs:text` of a term ends the
        search even when the term is empty, as in citeproc-js (a term always "renders")."""
        for child in self.getchildren():  # type: ignore[attr-defined]
            try:
                if isinstance(child, Names) and child.name is None:
                    names = self.xpath_search("./parent::cs:names[1]")[0]  # type: ignore[attr-defined]
                    text = child.render(item, names_context=names, context=context, **kwargs)
                else:
                    text = child.render(item, context=context, **kwargs)
            except VariableError:
                continue
            if text:
                self.add_to_repressed_list(child, context)  # type: ignore[attr-defined]
                printed = _SUBSTITUTED_BY.get()
                if printed is not None:
                    printed.append(_local(child))
                return text
            if _local(child) == "text" and child.get("term") is not None:
                return None
        return None


def _local(element: Any) -> str:
    return str(element.tag).rpartition("}")[2]


# While a cs:names renders: what its cs:substitute printed in its stead (the element's name).
_SUBSTITUTED_BY: contextvars.ContextVar[list[str] | None] = contextvars.ContextVar(
    "substituted_by", default=None
)


@extend("names")
class SubstituteAffixes:
    """citeproc-js puts a cs:names's affixes and formatting around the names it prints, and
    around names its cs:substitute prints in their stead, but not around a title or a term
    printed there (`<names suffix=". ">` substituted by "Anon." prints `Anon.`, not `Anon.. `)."""

    def render(self, *args: Any, **kwargs: Any) -> Any:
        token = _SUBSTITUTED_BY.set([])
        try:
            return super().render(*args, **kwargs)  # type: ignore[misc]
        finally:
            _SUBSTITUTED_BY.reset(token)

    def markup(self, text: Any) -> Any:
        printed = _SUBSTITUTED_BY.get()
        if printed and printed[-1] != "names":
            return text
        return super().markup(text)  # type: ignore[misc]


@functools.lru_cache(maxsize=4096)
def _substitute_candidates(branch: Any) -> bool:
    """Whether the children of this `cs:choose` branch are candidates of a `cs:substitute`
    (the choose sits in the substitute, maybe through other choose branches)."""
    choose = branch.getparent()
    while choose is not None and _local(choose) == "choose":
        holder = choose.getparent()
        if holder is None or _local(holder) == "substitute":
            return holder is not None
        if _local(holder) not in ("if", "else-if", "else"):
            return False
        choose = holder.getparent()
    return False


@extend("if", "else-if", "else", when=_substitute_candidates.__wrapped__)
class SubstituteChoice:
    """A `cs:choose` in a `cs:substitute` is transparent, as in citeproc-js: each child of the
    matching branch is a candidate, and the first that renders is the substitute (chicago:
    `editor`, else `translator`; citeproc-py rendered both, run together)."""

    def render_children(self, item: Any, delimiter: str = "", **kwargs: Any) -> Any:
        if not _substitute_candidates(self):
            return super().render_children(item, delimiter=delimiter, **kwargs)  # type: ignore[misc]
        for child in self.iterchildren():  # type: ignore[attr-defined]
            try:
                if _local(child) == "choose":
                    text = child.render(item, delimiter=delimiter, **kwargs)
                else:
                    text = child.render(item, **kwargs)
            except VariableError:
                continue
            if text:
                return text
        return None


@extend("text")
class SuppressedText:
    def _variable(self, item: Any, context: Any) -> Any:
        variable = str(self.get("variable"))  # type: ignore[attr-defined]
        layout = layout_of(context if context is not None else self)
        if variable in GENERATED:  # not data: never suppresses a group, but fills one
            text = super()._variable(item, context)  # type: ignore[misc]
            if text:
                count_variable(layout, rendered=True)
            return text
        if variable in _suppressed(layout):
            count_variable(layout, rendered=False)
            return None
        try:
            text = super()._variable(item, context)  # type: ignore[misc]
        except VariableError:
            count_variable(layout, rendered=False)
            raise
        count_variable(layout, rendered=bool(text))
        if text:
            _record(layout, {variable})
        return text


@functools.lru_cache(maxsize=4096)
def _substituted_names(names: Any) -> Any:
    """The `cs:names` whose `cs:substitute` holds `names` (it lends its `cs:name`), if any."""
    found = names.xpath_search("ancestor::cs:substitute[1]/parent::cs:names")
    return found[0] if found else None


@extend("names")
class SuppressedNames:
    def process(self, item: Any, names_context: Any = None, context: Any = None, **kwargs: Any) -> Any:
        if names_context is None and self.find("cs:name", self.nsmap) is None:  # type: ignore[attr-defined]
            names_context = _substituted_names(self)
        layout = layout_of(context if context is not None else self)
        variable = str(self.get("variable", ""))  # type: ignore[attr-defined]
        roles = variable.split()
        present = {r for r in roles if item.reference.get(r.replace("-", "_"))}
        # as citeproc-js, names a substitute has just rendered are suppressed at once, even
        # later in the same substituting macro
        recording = getattr(layout, "ck_recording", None) or []
        suppressed = present & _suppressed(layout).union(*recording)
        if present and present == suppressed:
            count_variable(layout, rendered=False)
            return None
        present -= suppressed
        # `editor translator` after `editor` substituted: the translator alone. The roles are
        # hidden on this session's own reference, never by editing the shared style tree.
        hidden = {r: item.reference.pop(r.replace("-", "_")) for r in suppressed}
        # citeproc-py looks a role up as written (`container-author`) in a reference keyed
        # `container_author`, so a hyphenated name variable never rendered: both keys, meanwhile
        spelled = {
            r: item.reference[r.replace("-", "_")] for r in present if "-" in r and r not in item.reference
        }
        item.reference.update(spelled)
        try:
            text = super().process(item, names_context=names_context, context=context, **kwargs)  # type: ignore[misc]
        except VariableError:
            count_variable(layout, rendered=False)
            raise
        finally:
            for role in spelled:
                del item.reference[role]
            item.reference.update(hidden)
        count_variable(layout, rendered=bool(text))
        if text:
            _record(layout, present)
        return text


# A cs:if test that makes what a subtree prints depend on more than the item and its
# position: the disambiguation in progress.
_CITE_TESTS = ("disambiguate",)
# Variables the processor makes as it renders, not held by the reference.
_CITE_VARIABLES = frozenset(("citation-number", "citation-label"))
_LOCATOR = "locator"  # the cite's, not the reference's


@attrs.frozen
class _Reads:
    """What a subtree may read of an item: the variables it may print (or test for a value:
    `is-numeric`) and those it only tests for presence."""

    printed: frozenset[str]
    tested: tuple[str, ...]
    positional: bool  # a position test: what it prints depends on the cite's position
    # the branches taken only when all of some variables are present (`<if variable="a b">`,
    # match all): what they read counts only for an item that holds those variables
    guarded: tuple[tuple[tuple[str, ...], _Reads], ...] = ()

    def blank(self, item: Any) -> bool:
        """Whether `item` holds none of the variables this may print."""
        reference = item.reference
        if not self.printed.isdisjoint(reference.keys()) or (_LOCATOR in self.printed and _LOCATOR in item):
            return False
        for guard, reads in self.guarded:
            if all(name in reference for name in guard) and not reads.blank(item):
                return False
        return True


@functools.lru_cache(maxsize=65536)
def _triggers(element: Any, kind: str) -> _Reads | None:
    """What `element` or its descendants (through macros and `cs:substitute`) may read of an
    item of type `kind` (a `cs:choose` branch whose type test rules it out, or one after a
    branch that is always taken, is not read); None when what it prints may depend on more
    than the item's variables, type, language and position (a generated variable, the
    disambiguation in progress). A fact of the compiled tree, found once per element and
    type; like `calls_variable`, it takes the CSL rule that no macro calls itself."""
    return _read(element, kind)


def _spellings(name: str) -> set[str]:
    """The reference keys that may stand for a variable: a short form and its long one stand in
    for each other, `page-first` is made from `page`; in whatever case the reference spells them."""
    key = name.replace("-", "_")
    keys: set[str] = set()
    for spelled in (key, f"{key}_short", key.removesuffix("_short"), key.removesuffix("_first")):
        keys.update((spelled, spelled.lower(), spelled.upper()))
    return keys


def _read(node: Any, kind: str) -> _Reads | None:
    """`_triggers` of one element, from those of its children and its macro."""
    attrib = node.attrib
    if any(test in attrib for test in _CITE_TESTS):
        return None
    printed: set[str] = set()
    tested: set[str] = set()
    branch = _local(node) in ("if", "else-if")
    if "locator" in attrib:
        printed.add(_LOCATOR)  # the label of the cite's locator: a cite without one is blank
    for attribute in ("variable", "is-numeric", "is-uncertain-date"):
        for name in str(attrib.get(attribute, "")).split():
            if name in _CITE_VARIABLES:
                return None
            if branch and attribute == "variable":
                tested.add(name.replace("-", "_"))
            else:
                printed.update(_spellings(name))
    parts = []
    macro = attrib.get("macro")
    if macro is not None:
        parts.append(node.get_macro(macro))
    for child in node.iterchildren():
        taken = _taken(child, kind)
        if taken is not False:
            parts.append(child)
        if taken:
            break  # the later branches of the choose are never tried
    positional = "position" in attrib
    guarded: list[tuple[tuple[str, ...], _Reads]] = []
    for part in parts:
        reads = _triggers(part, kind)
        if reads is None:
            return None
        tested.update(reads.tested)
        positional = positional or reads.positional
        guard = _guard(part)
        if guard:
            guarded.append((guard, reads))
        else:
            printed |= reads.printed
            guarded += reads.guarded
    return _Reads(frozenset(printed), tuple(sorted(tested)), positional, tuple(guarded))


def _guard(branch: Any) -> tuple[str, ...]:
    """The variables a `cs:choose` branch needs, all of them, to be taken: those of a branch
    testing nothing but their presence under `match="all"` (not the cite's locator)."""
    if _local(branch) not in ("if", "else-if") or branch.get("match", "all") != "all":
        return ()
    if set(branch.attrib) - {"variable", "match"}:
        return ()
    names = tuple(name.replace("-", "_") for name in str(branch.get("variable", "")).split())
    return () if _LOCATOR in names else names


def _taken(branch: Any, kind: str) -> bool | None:
    """Whether a `cs:choose` branch is taken for an item of type `kind`, when its type test
    alone decides it; None when it does not (or `branch` is no branch)."""
    tag = _local(branch)
    if tag == "else":
        return True
    types = branch.get("type") if tag in ("if", "else-if") else None
    if types is None:
        return None
    typed = kind in {name.lower() for name in types.split()}
    match = branch.get("match", "all")
    alone = len(branch.attrib) == (2 if "match" in branch.attrib else 1)
    if match == "none":
        return (not typed) if alone else (False if typed else None)
    if match == "any":
        return typed if alone else (True if typed else None)
    return typed if alone else (False if not typed else None)


def blank_key(element: Any, item: Any, layout: Any, options: dict[str, Any]) -> tuple[Any, ...] | None:
    """For an item that holds none of the variables `element` could print, what its render
    depends on (it prints the same nothing for every item with the same key); else None.
    Not inside a `cs:names` (its substitute's state is the enclosing render's), nor with
    render options (citeproc-py passes `sort_options=None` down every macro)."""
    reference = item.reference
    kind = reference.get("type")
    reads = _triggers(element, str(kind))
    if reads is None or not reads.blank(item) or _SUBSTITUTED_BY.get() is not None:
        return None
    for value in options.values():
        if value is not None:
            return None
    present = tuple((name in item) if name == _LOCATOR else (name in reference) for name in reads.tested)
    position = position_of(item) if reads.positional else None
    return (element, layout, kind, reference.get("language"), position, present)


_UNSEEN = object()


def render_blank(key: tuple[Any, ...], layout: Any, counts: list[int], render: Callable[[], Any]) -> Any:
    """`render()`, for an element and item of `blank_key`. A render that printed nothing and
    changed nothing but the variables counted and the terms reported is remembered (in the
    session's state) and, for the next such item, replayed instead: its effects on the
    counts and terms (which decide the enclosing groups and capitalise an opening term), its
    result or its `VariableError`; the subtree is not walked again."""
    blanks = current().blanks
    known = blanks.get(key, _UNSEEN)
    if known is None:
        return render()
    if known is not _UNSEEN:
        tried, terms, result = known
        counts[0] += tried
        if terms:
            layout.ck_terms.extend(terms)
        if result is _UNSEEN:
            raise VariableError
        return result
    state = current()
    before, tried, printed = fingerprint(state), counts[0], counts[1]
    reported = layout.ck_terms
    start = len(reported)
    try:
        result = render()
    except VariableError:
        result = _UNSEEN
    blank = result is _UNSEEN or result is None or (isinstance(result, tuple) and result[0] is None)
    blank = blank and counts[1] == printed
    if blank and fingerprint(state) == before and layout.ck_terms is reported:
        blanks[key] = (counts[0] - tried, tuple(reported[start:]), result)
    else:
        blanks[key] = None
    if result is _UNSEEN:
        raise VariableError
    return result


def _macro_call(element: Any) -> bool:
    return "macro" in element.attrib


@extend("text", when=_macro_call)
class MacroAsGroup:
    """A macro call is an implicit group (as in citeproc-js): when the variables it tries are
    all empty or suppressed, its terms and fixed text are left out too."""

    def process(self, item: Any, context: Any = None, **kwargs: Any) -> Any:
        if "macro" not in self.attrib:  # type: ignore[attr-defined]
            return super().process(item, context, **kwargs)  # type: ignore[misc]
        layout = layout_of(context if context is not None else self)
        counts = getattr(layout, "ck_variables", None)
        if counts is None:
            return super().process(item, context, **kwargs)  # type: ignore[misc]
        key = blank_key(self, item, layout, kwargs)
        if key is None:
            return self._ck_implicit_group(item, context, layout, counts, **kwargs)
        return render_blank(
            key, layout, counts, lambda: self._ck_implicit_group(item, context, layout, counts, **kwargs)
        )

    def _ck_implicit_group(
        self, item: Any, context: Any, layout: Any, counts: list[int], **kwargs: Any
    ) -> Any:
        tried, printed = counts[0], counts[1]
        text, language = super().process(item, context, **kwargs)  # type: ignore[misc]
        if counts[0] > tried and counts[1] == printed:
            return None, language
        if text:
            count_variable(layout, rendered=True)  # for an enclosing macro, this one is content
        return text, language


@extend("number")
class CountedNumber:
    def process(self, item: Any, context: Any = None, **kwargs: Any) -> Any:
        layout = layout_of(context if context is not None else self)
        variable = str(self.get("variable", ""))  # type: ignore[attr-defined]
        if suppressed(layout, variable):
            count_variable(layout, rendered=False)
            return None
        try:
            text = super().process(item, context, **kwargs)  # type: ignore[misc]
        except VariableError:
            count_variable(layout, rendered=False)
            raise
        count_variable(layout, rendered=bool(text))
        if text:
            _record(layout, {variable})
        return text


@functools.lru_cache(maxsize=65536)
def _group_children(group: Any) -> tuple[tuple[Any, bool, bool, bool], ...]:
    """A group's children, each with what `CountedGroup` asks of it on every render: whether
    it calls a variable, is a `cs:choose` (passed the delimiter), is a generated variable."""
    return tuple(
        (child, bool(child.calls_variable()), _local(child) == "choose", _generated(child))
        for child in group.iterchildren()
    )


@extend("group")
class CountedGroup:
    """A group is left out when it tried variables and none rendered, however its children
    nest (citeproc-js): citeproc-py counts a `cs:choose` that printed anything, a label's
    term for one, as a rendered variable. A nested group that printed counts as rendered (the
    CSL suite's variables_TitleShortOnShortTitleNoTitleCondition). A generated variable that
    printed (`year-suffix`, `citation-number`) fills the group too, beside an empty locator
    (citeproc-py did not count it, so `<group><text variable="locator"/><text
    variable="year-suffix"/></group>` lost its suffix)."""

    def process(self, item: Any, context: Any = None, **kwargs: Any) -> Any:
        layout = layout_of(context if context is not None else self)
        counts = getattr(layout, "ck_variables", None)
        if counts is None:
            return super().process(item, context=context, **kwargs)  # type: ignore[misc]
        key = blank_key(self, item, layout, kwargs)
        if key is None:
            return self._ck_counted(item, context, layout, counts, **kwargs)
        return render_blank(
            key, layout, counts, lambda: self._ck_counted(item, context, layout, counts, **kwargs)
        )

    def _ck_counted(self, item: Any, context: Any, layout: Any, counts: list[int], **kwargs: Any) -> Any:
        tried, printed = counts[0], counts[1]
        # citeproc-py's Group.process, with the counts deciding as well
        output = []
        called = rendered = False
        delimiter = self.get("delimiter", "")  # type: ignore[attr-defined]
        for child, calls, choose, generated in _group_children(self):
            called = called or calls
            try:
                if choose:
                    text = child.render(item, context=context, delimiter=delimiter, **kwargs)
                else:
                    text = child.render(item, context=context, **kwargs)
            except VariableError:
                continue
            if text is not None:
                output.append(text)
                rendered = rendered or calls or bool(text and generated)
        if counts[0] > tried and counts[1] == printed:
            raise VariableError
        if not output or (called and not rendered):
            raise VariableError
        text = self.join(output)  # type: ignore[attr-defined]
        if text:
            count_variable(layout, rendered=True)  # a group that printed fills its enclosing one
        return text
