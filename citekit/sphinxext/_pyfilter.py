"""sphinxcontrib-bibtex's `:filter:` language, read with `ast.parse` and evaluated by walking
the tree: only the node kinds listed below are accepted, so nothing runs as Python.

    type == "article" and "ML" in keywords          author % "Knuth"   (a regular expression)
    docname in docnames                              not cited or key == "lamport94"
    year >= 2010 and {"book", "inbook"} & {type}    True

Names: `type` (the BibTeX entry type, lower case, and the CSL type: either matches), `key`
(lower case), `cited` (cited anywhere in the build), `docname` (the list's page), `docnames`
(the pages that cite the entry), `author` and `editor` ("Family, Given and ..."), and any
other name a field of the entry ("" when it has none): its BibTeX text for entries read from
BibTeX, the nearest CSL variable otherwise. Numbers compare with number-like text as numbers.
"""

from __future__ import annotations

import ast
import operator
import re
from collections.abc import Callable
from typing import Any, Union

import attrs

import citekit

from ._filter import FilterError, parse_filter

Value = Union[str, int, float, bool, None, frozenset["Value"], "Either"]


@attrs.frozen
class Either:
    """A value that has two spellings (the BibTeX and CSL type): a test holds when it holds
    for either."""

    options: tuple[str, ...]


@attrs.frozen
class Context:
    """What a filter sees of one entry."""

    record: citekit.Record
    docname: str
    docnames: frozenset[str]


_SPECIAL = frozenset({"type", "key", "cited", "docname", "docnames", "author", "editor", "True", "False"})
# BibTeX field -> CSL variable, for entries not read from BibTeX
_CSL_NAMES = {
    "journal": "container-title",
    "booktitle": "container-title",
    "keywords": "keyword",
    "pages": "page",
    "address": "publisher-place",
    "school": "publisher",
    "institution": "publisher",
    "series": "collection-title",
    "doi": "DOI",
    "url": "URL",
    "isbn": "ISBN",
    "issn": "ISSN",
}
_ALLOWED = (
    ast.Expression,
    ast.BoolOp,
    ast.And,
    ast.Or,
    ast.UnaryOp,
    ast.Not,
    ast.BinOp,
    ast.Mod,
    ast.BitOr,
    ast.BitAnd,
    ast.Compare,
    ast.Eq,
    ast.NotEq,
    ast.Lt,
    ast.LtE,
    ast.Gt,
    ast.GtE,
    ast.In,
    ast.NotIn,
    ast.Name,
    ast.Load,
    ast.Constant,
    ast.Set,
)


def _stash_fields(record: citekit.Record) -> dict[str, str]:
    """The entry's BibTeX fields as written, outer braces or quotes taken off (the reader
    keeps them under `extra["bibtex"]`)."""
    stash = record.extra.get("bibtex")
    if not isinstance(stash, dict) or not isinstance(stash.get("fields"), list):
        return {}
    flat = [item for item in stash["fields"] if isinstance(item, str)]
    fields: dict[str, str] = {}
    for name, text in zip(flat[::2], flat[1::2], strict=False):
        if len(text) >= 2 and (text[0], text[-1]) in (("{", "}"), ('"', '"')):
            text = text[1:-1]
        fields.setdefault(name.lower(), text)
    return fields


def _names(record: citekit.Record, role: str) -> str:
    return " and ".join(
        ", ".join(part for part in (name.family_full(), name.given) if part) or str(name)
        for name in record.names(role)
    )


def _field(record: citekit.Record, name: str) -> str:
    fields = _stash_fields(record)
    if name in fields:
        return fields[name]
    if fields:
        return ""  # a BibTeX entry without this field, as the incumbent sees it
    if name == "year":
        date = record.date("issued")
        return str(date.year) if date is not None and date.year is not None else ""
    value = record.get(_CSL_NAMES.get(name, name))
    return value if isinstance(value, str) else "" if value is None else str(value)


def _number(value: Value) -> Value:
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            return value
    return value


def _compare(test: Callable[[Value, Value], bool], left: Value, right: Value) -> bool:
    if isinstance(left, Either):
        return any(_compare(test, option, right) for option in left.options)
    if isinstance(right, Either):
        return any(_compare(test, left, option) for option in right.options)
    if isinstance(left, int | float) != isinstance(right, int | float):
        left, right = _number(left), _number(right)
    try:
        return test(left, right)
    except TypeError:
        return test(str(left), str(right))


def _contains(left: Value, right: Value) -> bool:
    if isinstance(right, str):
        return str(left) in right
    if isinstance(right, frozenset):
        return left in right
    raise FilterError(f"'in' needs text or a set on its right, not {type(right).__name__}")


def _order(test: Callable[[Any, Any], bool]) -> Callable[[Value, Value], bool]:
    return lambda left, right: bool(test(left, right))


_COMPARE: dict[type[ast.cmpop], Callable[[Value, Value], bool]] = {
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
    ast.Lt: _order(operator.lt),
    ast.LtE: _order(operator.le),
    ast.Gt: _order(operator.gt),
    ast.GtE: _order(operator.ge),
    ast.In: _contains,
    ast.NotIn: lambda left, right: not _contains(left, right),
}


def _evaluate(node: ast.AST, context: Context) -> Value:
    if isinstance(node, ast.Expression):
        return _evaluate(node.body, context)
    if isinstance(node, ast.BoolOp):
        values = (bool(_evaluate(value, context)) for value in node.values)
        return all(values) if isinstance(node.op, ast.And) else any(values)
    if isinstance(node, ast.UnaryOp):
        return not _evaluate(node.operand, context)
    if isinstance(node, ast.BinOp):
        left, right = _evaluate(node.left, context), _evaluate(node.right, context)
        if isinstance(node.op, ast.Mod):
            return _regex(left, right)
        if not (isinstance(left, frozenset) and isinstance(right, frozenset)):
            raise FilterError("'|' and '&' join sets, such as {type}")
        return left | right if isinstance(node.op, ast.BitOr) else left & right
    if isinstance(node, ast.Compare):
        left, right = _evaluate(node.left, context), _evaluate(node.comparators[0], context)
        if isinstance(node.ops[0], ast.In | ast.NotIn) and isinstance(left, Either):
            found = any(_contains(option, right) for option in left.options)
            return found if isinstance(node.ops[0], ast.In) else not found
        return _compare(_COMPARE[type(node.ops[0])], left, right)
    if isinstance(node, ast.Name):
        return _name(node.id, context)
    if isinstance(node, ast.Constant):
        value = node.value
        return value if isinstance(value, str | int | float | bool) or value is None else str(value)
    if isinstance(node, ast.Set):
        items = [_evaluate(element, context) for element in node.elts]
        return frozenset(o for item in items for o in (item.options if isinstance(item, Either) else (item,)))
    raise FilterError(f"{type(node).__name__} is not allowed in a filter")  # checked before, kept safe


def _regex(left: Value, right: Value) -> bool:
    if isinstance(left, Either):
        return any(_regex(option, right) for option in left.options)
    if not isinstance(left, str) or not isinstance(right, str):
        raise FilterError("'%' matches text against a regular expression in quotes")
    try:
        return re.search(right, left, re.IGNORECASE) is not None
    except re.error as exc:
        raise FilterError(f"bad regular expression {right!r}: {exc}") from None


def _name(name: str, context: Context) -> Value:
    record = context.record
    if name in ("True", "False"):
        return name == "True"
    if name == "type":
        stash = record.extra.get("bibtex")
        written = stash.get("entrytype") if isinstance(stash, dict) else None
        options = [written.lower()] if isinstance(written, str) else []
        return Either((*options, record.type))
    if name == "key":
        return record.key.lower()
    if name == "cited":
        return bool(context.docnames)
    if name == "docname":
        return context.docname
    if name == "docnames":
        return frozenset(context.docnames)
    if name in ("author", "editor"):
        return _names(record, name)
    return _field(record, name)


@attrs.frozen
class PythonFilter:
    """A filter in sphinxcontrib-bibtex's language, checked once and evaluated per entry."""

    text: str
    tree: ast.Expression = attrs.field(eq=False, repr=False)

    def __call__(self, context: Context) -> bool:
        return bool(_evaluate(self.tree, context))


def _bare_words(tree: ast.AST) -> list[str]:
    """Names compared as if they were values (`type == book`): citekit's own language."""
    words: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare) and isinstance(node.ops[0], ast.Eq | ast.NotEq | ast.Lt | ast.Gt):
            side = node.comparators[0]
            if isinstance(side, ast.Name) and side.id not in _SPECIAL:
                words.append(side.id)
    return words


def parse_python_filter(text: str) -> PythonFilter | None:
    """The filter, when `text` is in sphinxcontrib-bibtex's language; None when it is not
    Python (then it is citekit's own language); FilterError when it is Python that a filter
    may not use."""
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except SyntaxError:
        return None
    if _bare_words(tree):
        return None
    for node in ast.walk(tree):
        if not isinstance(node, _ALLOWED):
            shown = ast.unparse(node) if isinstance(node, ast.expr) else ""
            raise FilterError(
                f"{type(node).__name__} is not allowed in a filter" + (f" ({shown!r})" if shown else "")
            )
        if isinstance(node, ast.Compare) and len(node.ops) != 1:
            raise FilterError("compare two things at a time: 'a < b and b < c'")
        if isinstance(node, ast.Name) and node.id.startswith("_"):
            raise FilterError(f"no field is called {node.id!r}")
    return PythonFilter(text, tree)


def uses_pages(text: str) -> bool:
    """Whether a filter depends on where it stands (`docname`): a per-page list."""
    return re.search(r"\bdocname\b", text) is not None


Selector = Callable[[Context], bool]


def compile_filter(text: str) -> Selector:
    """A `:filter:` in either language: sphinxcontrib-bibtex's (Python syntax) or citekit's
    own (`type == book and year >= 2010`, see `_filter`); FilterError when neither reads it."""
    if not text.strip():
        raise FilterError("empty filter")
    try:
        python = parse_python_filter(text)
    except FilterError as exc:  # Python, but not a filter: perhaps citekit's language
        try:
            predicate = parse_filter(text)
        except FilterError as own:
            raise FilterError(f"{own} (read as sphinxcontrib-bibtex's language: {exc})") from None
    else:
        if python is not None:
            return python
        predicate = parse_filter(text)
    return lambda context: predicate(context.record)
