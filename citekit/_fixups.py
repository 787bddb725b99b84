"""Punctuation where the pieces of a rendering meet, done on the marked tree: the
corrections where citeproc-py differs from citeproc-js (the reference). One entry point,
`finish(marked, context) -> Node`, which the Formatter calls once per citation or entry.

The engine hands over a marked string (see `_markup`): formatting and display spans, and
quotes as `quote` spans whose first and last characters are the quote glyphs (see
`_engine.quotes.resolve`). Apostrophes are plain `’` text and never a quote, so no rule
can mistake `Parents’, teachers’` for a closing quote and a comma.

The rules, one table each, as citeproc-js's:
- `MOVED_INTO_QUOTE`: with the locale's `punctuation-in-quote`, the marks right after a
  quote (only span ends between) move inside it, one after another, as citeproc-js's
  `SWAP_IN` (`.`, `,`, `!`, `?`; never `:` or `;`): `“Title”,` -> `“Title,”`, `“Title”!,`
  -> `“Title!,”`; a mark is absorbed by the same mark or by one its merge table keeps
  instead, already there (`ABSORBED_INSIDE_QUOTE`: `“Why?”.` -> `“Why?”`). A quote followed
  by a mark of its own string (`‘God willing’.` in one field or prefix) is a `quote-held`
  span and keeps it outside, as citeproc-js does.
- A layout suffix after a display block goes inside the last block; an entry's trailing
  space does not.
- `ABSORBED`: a `.` right after terminal punctuation (`?.` -> `?`, `..` -> `.`, but not
  after an ellipsis) is dropped where it ends something: before a space, a closing
  bracket or quote, a span boundary or the end.

citeproc-py renders field values and affixes into one string, so a field's own text is
told from its affixes by the record's data: `Context.protected` holds, for each field
value with such a pair in it (`Is it?. Yes`), the text around the pair, and a pair that
lies inside such text is left alone, and so is a mark that starts a field value. Data is
never rewritten (a Hypothesis property in tests/test_fixups.py). The price: a record with a
field that is only `.` turns the period rules off for its Formatter. Marking each field in
the engine's output would say exactly where fields are; citeproc-py's own seams (which look
at the characters on either side) and text-case would see such markers, so that is left
for the engine.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

import attrs

from ._markup import OPEN, Node, flip_flop, parse

MOVED_INTO_QUOTE = frozenset(".,!?")
ABSORBED_INSIDE_QUOTE = frozenset(
    {("?", "."), ("!", "."), (";", "."), (":", "."), *((mark, mark) for mark in MOVED_INTO_QUOTE)}
)
ABSORBED = frozenset({("?", "."), ("!", "."), (".", ".")})
_PAIRS = frozenset(a + b for a, b in ABSORBED)
_HAS_PAIR = re.compile("|".join(re.escape(pair) for pair in sorted(_PAIRS))).search
_ENDS = frozenset("\"')]”’»›")  # what may follow a dropped mark (with space, a span end, the end)
_WINDOW = 12  # characters of a field value kept on each side of a protected pair
_FOLD = str.maketrans({c: "'" for c in '"“”‘’«»‹›'})


def _norm(text: str) -> str:
    """Case and quote style folded, length kept (so positions line up)."""
    return text.lower().translate(_FOLD)


@attrs.frozen
class Context:
    """What the rules need to know: the locale's punctuation-in-quote, the locale's closing
    quotes, and the field text that must not be touched (see `protected_text`)."""

    punctuation_in_quote: bool = False
    close_quotes: str = "”’"
    protected: frozenset[str] = frozenset()


def protected_text(values: Iterable[object]) -> frozenset[str]:
    """The pieces of field values (strings, or lists/dicts of them) that hold a pair the
    `ABSORBED` rule would change, with `_WINDOW` characters each side, and the start of a
    value that starts with such a mark, folded by `_norm`."""
    out: set[str] = set()
    starts = {second for _, second in ABSORBED} | MOVED_INTO_QUOTE
    for text in _strings(values):
        if text[:1] in starts:  # a field may start with a mark a rule would move or drop
            out.add(_norm(text[: 1 + _WINDOW]).rstrip())
        if _HAS_PAIR(text) is None:  # most text: one regex scan, not a loop over its characters
            continue
        for index in range(len(text) - 1):
            if (text[index], text[index + 1]) in ABSORBED:
                start = max(0, index - _WINDOW)
                out.add(_norm(text[start : index + 2 + _WINDOW]).strip())
    return frozenset(out)


def _strings(values: Iterable[object]) -> Iterator[str]:
    for value in values:
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            yield from _strings(value.values())
        elif isinstance(value, list | tuple):
            yield from _strings(value)


def finish(marked: str, context: Context) -> Node:
    """The engine's marked output as a tree, with the punctuation rules applied and
    formatting flip-flopped (italic in italic is upright)."""
    tree = _fixed(marked, context)
    # Only rich text and `nodecor` spans flip; without them flip_flop would copy the tree as is.
    return flip_flop(tree) if _FLIPPED(marked) else tree


def _any_of(*tags: str) -> Callable[[str], object]:
    """A test whether a marked string holds any of these tags' markers (a regex scan)."""
    return re.compile(f"[{''.join(OPEN[tag] for tag in tags)}]").search


_FLIPPED = _any_of("rich-italic", "rich-bold", "rich-smallcaps", "nodecor")
_DISPLAYED = _any_of("block", "right-inline", "indent", "left-margin")


# -- the text leaves of a tree, in order, with the spans around each --


@attrs.define
class _Leaf:
    parent: Node
    index: int
    ancestors: tuple[int, ...]  # ids of the nodes around this text, outermost first

    @property
    def text(self) -> str:
        text = self.parent.children[self.index]
        assert isinstance(text, str)
        return text

    @text.setter
    def text(self, value: str) -> None:
        self.parent.children[self.index] = value


def _leaves(tree: Node) -> list[_Leaf]:
    """The text leaves in document order. Recursive: `parse` nests no deeper than
    `MAX_DEPTH`."""
    out: list[_Leaf] = []

    def walk(node: Node, ancestors: tuple[int, ...]) -> None:
        for index, child in enumerate(node.children):
            if isinstance(child, str):
                out.append(_Leaf(node, index, ancestors))
            else:
                walk(child, (*ancestors, id(child)))

    walk(tree, (id(tree),))
    return out


def _quotes(tree: Node) -> Iterator[Node]:
    stack = [tree]
    while stack:
        node = stack.pop()
        if node.tag == "quote":
            yield node
        stack.extend(child for child in node.children if isinstance(child, Node))


_DISPLAY = frozenset(("block", "right-inline", "indent"))


def _suffix_into_display(tree: Node) -> None:
    """The layout's suffix after a display block goes inside the last block, as
    citeproc-js writes it (`<div class="csl-right-inline">….</div>`, not `…</div>.`). Only
    punctuation moves: text after a block is the entry going on, which citeproc-js keeps outside."""
    children = tree.children
    start = len(children)
    while start > 0 and isinstance(children[start - 1], str):
        start -= 1
    if start in (0, len(children)):
        return
    last = children[start - 1]
    # A left margin takes it only when the entry starts with a display part: citeproc-js then
    # puts the suffix on the layout's last child (`using_display`), else after it.
    first = children[0]
    starts_displayed = isinstance(first, Node) and first.tag in (*_DISPLAY, "left-margin")
    if not isinstance(last, Node):
        return
    displayed = last.tag in _DISPLAY or (last.tag == "left-margin" and starts_displayed and last is not first)
    if not displayed:
        return
    trailing = "".join(str(child) for child in children[start:])
    if trailing.strip() and not any(char.isalnum() for char in trailing):
        del children[start:]
        last.children.append(trailing)


def _space_out_of_display(tree: Node) -> None:
    """Spaces at the edges of a display part are outside it, as citeproc-js moves an affix's
    space up out of a part that is not formatted (`upward`): a block's leading space goes
    before it (` \n2017`), and an entry ending in a display part keeps its trailing space
    outside (`…, NJ,</div>`), but for a `cs:text value`'s own (`[s.l.] , </div>`: not an
    affix, so citeproc-js leaves it in place)."""
    children = tree.children
    index = 0
    while index < len(children):
        node = children[index]
        if isinstance(node, Node) and node.tag in _DISPLAY and node.tag != "right-inline":
            leaf = _edge(node, 0)
            if leaf is not None:
                parent, at = leaf
                text = parent.children[at]
                assert isinstance(text, str)
                kept = text.lstrip()
                if kept != text:
                    parent.children[at] = kept
                    children.insert(index, text[: len(text) - len(kept)])
                    index += 1
        index += 1
    last = children[-1] if children else None
    if not (isinstance(last, Node) and last.tag in _DISPLAY):
        return
    leaf = _edge(last, -1)
    if leaf is None:
        return
    parent, at = leaf
    text = parent.children[at]
    assert isinstance(text, str)
    kept = text.rstrip()
    if kept != text and parent.tag != "kept":  # a `cs:text value`'s own space stays inside
        parent.children[at] = kept
        children.append(text[len(kept) :])


def _edge(node: Node, end: int) -> tuple[Node, int] | None:
    """The first (`end` 0) or last (-1) text of `node`, as (its parent, its index)."""
    while node.children and isinstance(node.children[end], Node):
        child = node.children[end]
        assert isinstance(child, Node)
        node = child
    if not node.children:
        return None
    return node, (0 if end == 0 else len(node.children) - 1)


def _fixed(marked: str, context: Context) -> Node:
    """`marked` parsed, with the rules applied. A rule whose markers `marked` lacks (display
    parts, quotes) is skipped without walking the tree."""
    tree = parse(marked)
    if _DISPLAYED(marked):
        _suffix_into_display(tree)
        _space_out_of_display(tree)
    # The rules below edit texts in place and never the tree's shape, so one list of leaves
    # (whose texts are read from their parents) serves them all.
    leaves = _leaves(tree)
    if context.punctuation_in_quote and OPEN["quote"] in marked:
        _into_quotes(tree, leaves, context.protected)
    _absorb(leaves, context)
    return tree


def _into_quotes(tree: Node, leaves: list[_Leaf], protected: frozenset[str]) -> None:
    for quote in list(_quotes(tree)):
        while _move_one_into(leaves, quote, protected):
            pass


def _move_one_into(leaves: list[_Leaf], quote: Node, protected: frozenset[str]) -> bool:
    """Move the mark right after `quote` into it; False when there is none to move."""
    last = quote.children[-1] if quote.children else None
    if not isinstance(last, str) or not last:
        return False
    following = _after(leaves, quote)
    if following is None or not following.text or following.text[0] not in MOVED_INTO_QUOTE:
        return False
    if protected and _offset(leaves, following) in _guarded("".join(x.text for x in leaves), protected):
        return False  # the mark starts a field: it is data
    mark, following.text = following.text[0], following.text[1:]
    before = _last_char(quote, skip=1)
    if (before, mark) not in ABSORBED_INSIDE_QUOTE:
        quote.children[-1] = last[:-1] + mark + last[-1]
    return True


def _offset(leaves: list[_Leaf], leaf: _Leaf) -> int:
    """Where `leaf` starts in the leaves' joined text."""
    offset = 0
    for other in leaves:
        if other is leaf:
            return offset
        offset += len(other.text)
    return offset


def _after(leaves: list[_Leaf], node: Node) -> _Leaf | None:
    """The first non-empty text after `node`, if only span ends come between."""
    inside = False
    around: tuple[int, ...] | None = None
    for leaf in leaves:
        if id(node) in leaf.ancestors:
            inside = True
            around = leaf.ancestors[: leaf.ancestors.index(id(node))]
            continue
        if not inside or not leaf.text:
            continue
        assert around is not None
        return leaf if around[: len(leaf.ancestors)] == leaf.ancestors else None
    return None


def _last_char(node: Node, skip: int = 0) -> str:
    """The last character of `node`'s text, `skip` characters from its end."""
    text = node.plain()
    return text[-1 - skip] if len(text) > skip else ""


def _absorb(leaves: list[_Leaf], context: Context) -> None:
    flat = "".join(leaf.text for leaf in leaves)
    if _HAS_PAIR(flat) is None:
        return
    protected, ends = context.protected, _ENDS | set(context.close_quotes)
    owner: list[tuple[int, int]] = []  # flat index -> (leaf number, index in leaf)
    boundary_after: set[int] = set()  # flat indices followed by a span boundary (or the end)
    for number, leaf in enumerate(leaves):
        owner.extend((number, i) for i in range(len(leaf.text)))
        if owner:
            boundary_after.add(len(owner) - 1)
    guarded = _guarded(flat, protected)
    drop: set[int] = set()
    for i in range(len(flat) - 1):
        first, second = flat[i], flat[i + 1]
        if (first, second) not in ABSORBED or i in drop or i + 1 in guarded:
            continue
        if first == "." and i > 0 and flat[i - 1] == ".":
            continue  # an ellipsis
        follow = flat[i + 2 : i + 3]
        if not follow or follow.isspace() or follow in ends or (i + 1) in boundary_after:
            drop.add(i + 1)
    by_leaf: dict[int, set[int]] = {}
    for flat_index in drop:
        number, index = owner[flat_index]
        by_leaf.setdefault(number, set()).add(index)
    for number, indices in by_leaf.items():
        leaf = leaves[number]
        leaf.text = "".join(c for i, c in enumerate(leaf.text) if i not in indices)


def _guarded(flat: str, protected: frozenset[str]) -> set[int]:
    """Flat indices inside field text that appears in `protected`."""
    if not protected:
        return set()
    folded = _norm(flat)
    out: set[int] = set()
    for piece in protected:
        start = folded.find(piece)
        while piece and start >= 0:  # every occurrence, overlapping ones too
            out.update(range(start, start + len(piece)))
            start = folded.find(piece, start + 1)
    return out


def apply(text: str, ctx: Context) -> str:
    """The rules on a marked string, giving a marked string (for callers that parse later;
    `finish` is the one to use)."""
    return _marked(_fixed(text, ctx))


def _marked(tree: Node) -> str:
    from ._markup import CLOSE, OPEN

    out: list[str] = []
    stack: list[str | Node] = list(reversed(tree.children))
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            out.append(item)
            continue
        out.append(OPEN[item.tag or ""])
        stack.append(CLOSE)
        stack.extend(reversed(item.children))
    return "".join(out)
