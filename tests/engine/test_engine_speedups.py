"""The speed-ups give citeproc-py's own answers (citeproc-py's code is the reference): the lazy
sort keys order as `Sort.sort` does, the child and XPath look-ups answer as `find` and
`xpath` do, and a session registers as `CitationStylesBibliography.register` does."""

from __future__ import annotations

import copy
import gc
from typing import Any, ClassVar

import pytest
from citeproc import Citation, CitationItem, model
from hypothesis import given, settings
from hypothesis import strategies as st

from citekit import Style
from citekit._engine import Session, compile_style
from citekit._engine.keysort import LazyKeySort, shows_names
from citekit._engine.tables import _AXES, CompiledLookups

STYLES = ("apa", "ieee", "chicago-author-date", "chicago-notes-bibliography", "modern-language-association")


class _Key:
    """A cs:key stand-in: a fixed column of sort keys, counting the items it renders."""

    def __init__(self, values: list[Any], descending: bool) -> None:
        self.values = values
        self.descending = descending
        self.rendered: list[int] = []

    def get(self, name: str, default: str = "") -> str:
        return "descending" if self.descending else default

    def sort_keys(self, items: list[int], context: Any) -> list[Any]:
        self.rendered += items
        return [self.values[item] for item in items]


class _Sort:
    nsmap: ClassVar[dict[str, str]] = {}

    def __init__(self, keys: list[_Key]) -> None:
        self.keys = keys

    def findall(self, path: str, nsmap: Any) -> list[_Key]:
        return self.keys


_VALUES = st.one_of(
    st.none(),
    st.integers(-3, 12),
    st.sampled_from(["a", "A", "b", "B", "1", "01", "2", "10", " 3", "x1", "", "Z"]),
)


@settings(max_examples=300, deadline=None)
@given(
    columns=st.integers(1, 4).flatmap(
        lambda width: st.lists(
            st.tuples(st.lists(_VALUES, min_size=width, max_size=width), st.booleans()),
            min_size=0,
            max_size=4,
        ).map(lambda keys: (width, keys))
    ),
    size=st.integers(0, 12),
    data=st.data(),
)
def test_lazy_keys_order_as_citeproc_py(columns: Any, size: int, data: Any) -> None:
    width, keys = columns
    rows = data.draw(st.lists(st.integers(0, width - 1), min_size=size, max_size=size))
    items = list(range(size))
    table = [([values[row] for row in rows], descending) for values, descending in keys]

    def theirs() -> Any:
        try:
            return model.Sort.sort(_Sort([_Key(v, d) for v, d in table]), items, None)
        except TypeError:  # citeproc-py cannot compare an int with a str: neither can we
            return TypeError

    lazy_keys = [_Key(v, d) for v, d in table]
    try:
        ours: Any = LazyKeySort.sort(_Sort(lazy_keys), items, None)  # type: ignore[arg-type]
    except TypeError:
        ours = TypeError
    assert ours == theirs()
    if size < 2:
        assert all(not key.rendered for key in lazy_keys)
    elif lazy_keys:
        assert sorted(lazy_keys[0].rendered) == items  # the first key: every item


def test_lazy_keys_render_later_keys_only_for_ties() -> None:
    first = _Key(["b", "a", "b", "c"], False)
    second = _Key(["y", "q", "x", "r"], False)
    assert LazyKeySort.sort(_Sort([first, second]), [0, 1, 2, 3], None) == [1, 2, 0, 3]  # type: ignore[arg-type]
    assert second.rendered == [0, 2]  # only the two items whose first keys tie


@pytest.mark.parametrize(
    "first",
    [["1", "01"], [2, "2"], [" 3", "3"], ["Ab", "aB"], [None, None]],
)
def test_keys_equal_to_the_comparison_still_read_the_next_key(first: list[Any]) -> None:
    """`01` and `1` (numbers), `Ab` and `aB` (case), two Nones: equal, so the next key decides."""
    second = _Key(["b", "a"], False)
    assert LazyKeySort.sort(_Sort([_Key(first, False), second]), [0, 1], None) == [1, 0]  # type: ignore[arg-type]
    assert model.Sort.sort(_Sort([_Key(first, False), _Key(["b", "a"], False)]), [0, 1], None) == [1, 0]


def _elements(style_id: str) -> list[Any]:
    root = compile_style(Style.load(style_id)).tree.root
    return [e for e in root.iter() if isinstance(e, CompiledLookups)]


@pytest.mark.parametrize("style_id", STYLES)
def test_child_look_ups_are_find(style_id: str) -> None:
    elements = _elements(style_id)
    tags = {str(e.tag).rpartition("}")[2] for e in elements} | {"et_al", "nothing"}
    for element in elements:
        for tag in sorted(tags):
            theirs = model.SomewhatObjectifiedElement.__getattr__(element, tag)
            assert CompiledLookups.__getattr__(element, tag) is theirs, (element.tag, tag)


@pytest.mark.parametrize("style_id", STYLES)
def test_render_time_xpath_answers_are_xpath(style_id: str) -> None:
    for element in _elements(style_id):
        for expression in _AXES:
            theirs = element.xpath(expression, namespaces=element.nsmap)
            assert element.xpath_search(expression) == theirs, (element.tag, expression)


def test_a_session_registers_as_citeproc_py() -> None:
    """Keys in the order given, each once, after those registered before."""
    compiled = compile_style(Style.load("ieee"))
    items = [{"id": f"R{n}", "type": "book", "title": f"T{n}"} for n in range(6)]
    ours = Session(compiled, items, register_all=False)
    ours.register(["R3", "R1", "R3", "nope"])
    ours.register(["R1", "R0", "R5"])
    bib = ours._bib
    reference = type(bib)(compiled.tree, bib.source)
    for keys in (["k3", "k1", "k3"], ["k1", "k0", "k5"]):
        reference.register(Citation([CitationItem(k) for k in keys]))
    assert bib.keys == reference.keys == ["k3", "k1", "k0", "k5"]
    assert [item.key for item in bib.items] == bib.keys


@pytest.mark.parametrize(
    ("style_id", "name_keys"),
    [
        # the styles' own cs:key lists: the keys whose macros reach a cs:names
        ("apa", {"author-sort"}),
        ("chicago-author-date", {"author-sort", "title-and-descriptions-bib", "source-bib"}),
        ("chicago-notes-bibliography", {"author-sort", "title-and-descriptions-bib", "source-bib"}),
    ],
)
def test_keys_that_show_names(style_id: str, name_keys: set[str]) -> None:
    root = compile_style(Style.load(style_id)).tree.root
    keys = root.bibliography.xpath_search("./cs:sort/cs:key")
    assert {str(k.get("macro") or k.get("variable")) for k in keys if shows_names(k)} == name_keys


def test_a_name_variable_key_shows_names() -> None:
    root = compile_style(Style.load("apa")).tree.root
    key = root.bibliography.xpath_search("./cs:sort/cs:key")[0]
    for variable, expected in (("author", True), ("container-author", True), ("title", False)):
        twin = copy.deepcopy(key)
        del twin.attrib["macro"]
        twin.set("variable", variable)
        assert shows_names(twin) is expected


def test_sessions_register_without_cycle_collection() -> None:
    """The collections whose walks grow with the heap are paused while a session registers
    its records, and the collector is left on (or off) as it was found."""
    compiled = compile_style(Style.load("apa"))
    items = [
        {"id": f"R{n}", "type": "book", "title": f"T{n}", "author": [{"family": f"F{n % 7}", "given": "A"}]}
        for n in range(300)
    ]
    gc.collect()
    before = [generation["collections"] for generation in gc.get_stats()]
    session = Session(compiled, items)
    after = [generation["collections"] for generation in gc.get_stats()]
    # at most the one young collection due when the call turns the collector back on
    assert after[1:] == before[1:] and after[0] - before[0] <= 1
    assert len(session.registered) == 300 and gc.isenabled()
    gc.disable()
    try:
        Session(compiled, items[:3])
        assert not gc.isenabled()
    finally:
        gc.enable()
