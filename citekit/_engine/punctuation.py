"""Punctuation merging where an affix or a delimiter meets rendered text.

citeproc-py's seams (`citeproc.string.normalize_seam`) drop a doubled space or a doubled
mark (`..`, `;;`) and nothing else. citeproc-js merges the two marks by its table
(`CSL.Output.Queue.adjust`, `LtoR_MAP`), and where the table keeps one mark the other goes:
a `;` or `:` on the left absorbs the mark that opens the right side (`;` + `:` -> `;`,
`;` + `.` -> `;`, `:` + `.` -> `:`), so plos-one's `1975;` + `: 105–126` prints
`1975; 105–126` when the volume between them is empty, and a publisher group ending in `;`
takes no closing `.` (`Wiley;`); a `!` or `?` absorbs a `:` after it (`Why?` + `: ` ->
`Why? `) and replaces a `:` or `;` before it (`Note:` + `! ` -> `Note! `). (`!`/`?` + `.`
is `_fixups`'s rule, which keeps a field's own `?.`.)

Applied where an affix meets text: an element's prefix and suffix, and the pieces a
`cs:group` joins. A delimiter absorbs nothing and is absorbed by nothing beyond citeproc-py's
doubled marks: citeproc-js keeps springer's `114:` + `. ` as `114:.`.

A cite's own suffix (`Cite(suffix=...)`) after a cite that ends in a quote follows
citeproc-js's rule for that seam (`cite_suffix`), not the locale's punctuation-in-quote:
a leading `,` stays outside (`“Title”, emphasis added`); with punctuation-in-quote a leading
`;` or `:` goes inside the outermost closing quote (`“Title;” and passim`, `“Why ‘Fold’;”`)
and a `!` or `?` inside the innermost (`“Why ‘Fold!’”`). A `.` is the fixups' (it moves as
any `.` does) and a space first keeps everything where it is.
"""

from __future__ import annotations

from typing import Any

from citeproc.string import MixedString, String, join, normalize_seam

from .._markup import CLOSE, MARKERS, wrap
from ._elements import extend
from .quotes import HELD, QUOTE, QUOTE_MARKERS

# (last mark on the left, first mark on the right): the right one is dropped.
ABSORBED = frozenset({(";", ":"), (";", "."), (":", "."), ("!", ":"), ("?", ":")})
# (last mark on the left, first mark on the right): the left one is dropped.
REPLACED = frozenset({(":", "!"), (":", "?"), (";", "!"), (";", "?")})


def _drop_first(other: Any) -> Any:
    if isinstance(other, MixedString):
        segments = list(other)
        head = type(segments[0])(str(segments[0])[1:])
        return MixedString([head, *segments[1:]] if str(head) else segments[1:])
    return type(other)(str(other)[1:])


def _drop_last(left: Any) -> Any:
    if isinstance(left, MixedString):
        segments = list(left)
        while segments and not str(segments[-1]):
            segments.pop()
        tail = _drop_last(segments[-1])
        return MixedString([*segments[:-1], tail] if str(tail) else segments[:-1])
    return type(left)(str(left)[:-1])


# The first characters `normalize_seam` drops where the text before ends in the same one.
_DOUBLED = frozenset(" .,;:!?")
# The (last, first) pairs of the merge table: a seam with none of these, and no doubled
# `_DOUBLED` character, is left as it is by every rule here and by citeproc-py's addition.
_TABLE = ABSORBED | REPLACED


def _first(text: Any) -> str:
    """`str(text)[:1]`, without joining a `MixedString` whole (its first non-empty segment)."""
    if isinstance(text, MixedString):
        for segment in text:
            flat = str(segment)
            if flat:
                return flat[0]
        return ""
    return str(text)[:1]


def _last(text: Any) -> str:
    """`str(text)[-1:]`, without joining a `MixedString` whole (its last non-empty segment)."""
    if isinstance(text, MixedString):
        for segment in reversed(text):
            flat = str(segment)
            if flat:
                return flat[-1]
        return ""
    return str(text)[-1:]


def _inert(last: str, first: str) -> bool:
    """Whether a seam between text ending in `last` and text starting with `first` is left
    as it is: no doubled mark or space for `normalize_seam`, no pair of the merge table."""
    return not last or not first or ((last != first or last not in _DOUBLED) and (last, first) not in _TABLE)


def _joined(left: Any, other: Any) -> Any:
    """`left + other` for a seam `normalize_seam` leaves as it is: the same result, of the same
    types, as citeproc-py's addition, without its `normalize_seam` (which joins both sides
    whole to read two characters). Types whose addition is not citeproc-py's are added as
    they are."""
    kind, other_kind = type(left), type(other)
    if kind is str and other_kind in (String, MixedString):
        if left == "":  # `String.__radd__` / `MixedString.__radd__` discard an empty left side
            return other
        kind, left = MixedString, MixedString([left])
    elif kind is String and other_kind in (str, String, MixedString):
        if other == "":
            return left
        kind, left = MixedString, MixedString([left])
    if kind is MixedString:
        if other_kind is MixedString:
            return MixedString([*left, *other]) if other else left
        if other_kind in (str, String):
            return MixedString([*left, other]) if other != "" else left
    return left + other


def _unaffixed(text: Any) -> Any:
    """`text` with an empty affix merged on either side: itself, or the plain str citeproc-py's
    addition makes of a str subclass that is not its own (such as a formatter's)."""
    return text if isinstance(text, String | MixedString) else "" + text


def merge_seam(left: Any, other: Any) -> Any:
    """`other`, as appended to `left`: citeproc-py's seam, then the merge table's `ABSORBED`."""
    other = normalize_seam(left, other)
    before, after = str(left), str(other)
    if before and after and (before[-1], after[0]) in ABSORBED:
        return _drop_first(other)
    return other


def merged(left: Any, other: Any) -> Any:
    """`left` + `other` with the seam merged by the whole table (a `REPLACED` mark on the left goes)."""
    if _inert(_last(left), _first(other)):  # most seams: nothing to merge
        return _joined(left, other)
    other = merge_seam(left, other)
    before, after = str(left), str(other)
    if before and after and (before[-1], after[0]) in REPLACED:
        left = _drop_last(left)
        if not str(left):
            return other
    return left + other


# A cite suffix's first mark that goes inside the outermost / innermost quote ending the cite.
INTO_OUTER_QUOTE = frozenset(";:")
INTO_INNER_QUOTE = frozenset("!?")


def _quote_closers(raw: str) -> list[tuple[int, int]]:
    """(opener index, close index) of the quotes `raw` ends with (only span ends after them),
    innermost first."""
    opened: dict[int, int] = {}
    stack: list[int] = []
    for index, char in enumerate(raw):
        if char == CLOSE:
            if stack:
                opened[index] = stack.pop()
        elif char in MARKERS or char in QUOTE_MARKERS:
            stack.append(index)
    end = len(raw)
    while end > 0 and raw[end - 1] == CLOSE:
        end -= 1
    return [
        (opened[index], index)
        for index in range(end, len(raw))
        if index in opened and raw[opened[index]] in QUOTE_MARKERS
    ]


def cite_suffix(text: Any, suffix: str, punctuation_in_quote: bool) -> tuple[Any, str]:
    """(cite text, suffix) as joined by citeproc-js where a cite ending in a quote meets its
    own suffix (see the module docstring)."""
    mark = suffix[:1]
    if mark not in (",", *INTO_OUTER_QUOTE, *INTO_INNER_QUOTE) or text is None:
        return text, suffix
    raw = str(text)
    closers = _quote_closers(raw)
    if not closers:
        return text, suffix
    if mark == ",":  # held: the fixups leave the comma outside
        chars = list(raw)
        for opener, _ in closers:
            chars[opener] = HELD.get(chars[opener], chars[opener])
        return String("".join(chars)), suffix
    if not punctuation_in_quote:
        return text, suffix
    _, at = closers[-1] if mark in INTO_OUTER_QUOTE else closers[0]
    return String(raw[:at] + mark + raw[at:]), suffix[1:]


# Formatting attributes that make an element a "decorated" blob in citeproc-js.
DECORATIONS = ("font-style", "font-variant", "font-weight", "text-decoration", "vertical-align")
# The marks citeproc-js moves into a quote before them (`SWAP_IN`).
_SWAPPED_IN = frozenset(".,!?")
# What citeproc-js's `upward` would move out of a first child's prefix (`PUNCT_OR_SPACE`).
_LEADING = frozenset(".,;:!? ")
_TRANSPARENT = frozenset(("choose", "if", "else-if", "else"))
# A suffix's first mark that `downward` takes into a quote ending the element (the fixups
# move `.` and `,` already, wherever they come from).
_DOWNWARD = frozenset(";:")


def _kept_first(text: Any) -> Any:
    """`text` with its first character in a `kept` span."""
    return String(wrap("kept", str(text)[:1])) + _drop_first(text)


def _kept_last(text: Any) -> Any:
    """`text` with its last character in a `kept` span."""
    return _drop_last(text) + String(wrap("kept", str(text)[-1:]))


def _decorated(element: Any) -> bool:
    return any(attribute in element.attrib for attribute in DECORATIONS)


def _leaf(element: Any) -> bool:
    """A `cs:text` that prints its own text (not a macro's)."""
    return bool(element.tag.endswith("}text") and "macro" not in element.attrib)


def _bare(element: Any) -> bool:
    """No affix, no formatting, not a `cs:text`'s own text: `MergedAffixes` has nothing to do."""
    return not (element.get("prefix") or element.get("suffix") or _decorated(element) or _leaf(element))


_AFFIXED = ("text", "group", "number", "date", "names", "label", "layout")


@extend(*_AFFIXED, when=_bare)
class BareAffixes:
    """What `MergedAffixes` gives an element with neither affix nor formatting (decided when
    the style is compiled): its text as it is, with citeproc-py's adding of the empty affixes
    (a str subclass that is no citeproc-py `String`, such as a formatter's, becomes a str)."""

    def wrap(self, string: Any) -> Any:
        return None if string is None else _unaffixed(string)


@extend(*_AFFIXED, when=lambda element: not _bare(element) and not _decorated(element))
class MergedAffixes:
    # Whether the element has a formatting attribute (`DecoratedAffixes`), fixed at compile time.
    decorated = False

    def wrap(self, string: Any) -> Any:
        if string is None:
            return None
        prefix: str = self.get("prefix", "")  # type: ignore[attr-defined]
        suffix: str = self.get("suffix", "")  # type: ignore[attr-defined]
        decorated = self.decorated
        if not prefix and _first(string) == " " and _leaf(self):
            # a text's own leading space is no affix: citeproc-js merges it with nothing
            # (neues-jahrbuch's value " o. O." after the delimiter ". ": `.  o. O.`)
            string = _kept_first(string)
        elif decorated and not prefix and _first(string) in _LEADING:
            # A formatted element's first child's prefix stays inside it in citeproc-js
            # (`upward`): no seam outside merges it (histoire's `, ` + ` vol.`: `,  vol.`).
            string = _kept_first(string)
        if suffix[:1] in _DOWNWARD and self.get("quotes") != "true":  # type: ignore[attr-defined]
            string, suffix = self._suffix_into_quote(string, suffix)
        out = merged(prefix, string) if prefix else _unaffixed(string)
        out = merged(out, suffix) if suffix else _unaffixed(out)
        if decorated and prefix[:1] in _SWAPPED_IN and _first(out) == prefix[:1] and not self._migrates_up():
            # citeproc-js moves a prefix's mark to the element before it (and so into a
            # quote there) only when neither is formatted (`leftward`): `“Title”, <i>J</i>`
            out = _kept_first(out)
        if decorated and suffix[-1:] == " " and _last(out) == " " and self._meets_sibling():
            # nor does the space ending its suffix merge with the sibling after it (`<i>T</i>,
            # 5`); as a last child's, it moves up to the parent (`upward`) and merges there,
            # and a group's delimiter absorbs it
            out = _kept_last(out)
        return out

    def _meets_sibling(self) -> bool:
        """Whether this element's suffix meets the next sibling's prefix directly: there is
        a next sibling, and the group joining them (through `cs:choose`) has no delimiter."""
        if self.getnext() is None:  # type: ignore[attr-defined]
            return False
        parent = self.getparent()  # type: ignore[attr-defined]
        while parent is not None and parent.tag.rsplit("}", 1)[-1] in _TRANSPARENT:
            parent = parent.getparent()
        return parent is None or parent.tag.endswith("}layout") or not parent.get("delimiter")

    def _suffix_into_quote(self, string: Any, suffix: str) -> tuple[Any, str]:
        """citeproc-js's `downward`: with punctuation-in-quote, the mark starting a group's
        suffix moves down into its last child when that ends in a quoted element, and so
        into the quotes, `;` and `:` too (`“…adaptation edge:” Physical Review`). A quoted
        element's own suffix stays outside (`fix` swaps only `.`, `,`, `!`, `?`)."""
        raw = str(string)
        closers = _quote_closers(raw)
        if not closers or raw[closers[-1][0]] != QUOTE:
            return string, suffix
        if str(self.get_locale_option("punctuation-in-quote")).lower() != "true":  # type: ignore[attr-defined]
            return string, suffix
        at = closers[-1][1]
        return String(raw[:at] + suffix[0] + raw[at:]), suffix[1:]

    def _migrates_up(self) -> bool:
        """Whether this element's prefix mark first moves up to the group around it (citeproc-js's
        `upward`: a first child's leading mark goes to a parent with no prefix and no formatting
        or quotes), where `leftward` may move it on: `“Title,” <i>Journal</i>` for a group
        starting with `<text variable="container-title" font-style="italic" prefix=", "/>`."""
        element = self
        parent = element.getparent()  # type: ignore[attr-defined]
        while parent is not None:
            if element.getprevious() is not None:  # type: ignore[attr-defined]
                return False
            if parent.tag.rsplit("}", 1)[-1] not in _TRANSPARENT:
                break
            if parent.tag.endswith("}choose"):
                element = parent
            parent = parent.getparent()
        if parent is None or not parent.tag.endswith("}group") or parent.get("prefix"):
            return False
        return not any(attribute in parent.attrib for attribute in (*DECORATIONS, "quotes"))


@extend(*_AFFIXED, when=_decorated)
class DecoratedAffixes(MergedAffixes):
    decorated = True


@extend("group")
class MergedDelimiters:
    def join(self, strings: Any, default_delimiter: str = "") -> Any:
        delimiter: str = self.get("delimiter", default_delimiter)  # type: ignore[attr-defined]
        pieces = [s for s in strings if s is not None]
        if not pieces:
            return join(pieces, delimiter)
        output = pieces[0]
        for piece in pieces[1:]:
            if delimiter:
                last = _last(output)
                if last == delimiter[0] and last in _DOUBLED:  # citeproc-py's seam drops one
                    output = output + normalize_seam(output, delimiter)
                else:  # a delimiter is merged by no more than citeproc-py's seam
                    output = _joined(output, delimiter)
            else:
                output = _unaffixed(output)
            output = merged(output, piece)
        return output
