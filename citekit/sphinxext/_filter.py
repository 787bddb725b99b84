"""The `:filter:` language of the bibliography directive: a few comparisons joined by
`and`, `or`, `not` and parentheses, read by a tokenizer and a recursive-descent parser.
Nothing is evaluated as Python.

    filter     := disjunct ("or" disjunct)*
    disjunct   := negation ("and" negation)*
    negation   := "not" negation | "(" filter ")" | comparison
    comparison := FIELD OP VALUE
    FIELD      := type | year | keyword | author | key | title
    OP         := == | != | < | <= | > | >= | ~        (~ is "contains", ignoring case)
    VALUE      := a number, a "quoted" or 'quoted' string, or a bare word

`author` and `keyword` hold several values: a comparison is true when any of them matches.
Text comparisons ignore case. Example: ``type == article-journal and year >= 2015``.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterator
from typing import Any as _Any

import attrs

import citekit


class FilterError(ValueError):
    """A filter that cannot be read; the message says where."""


_TOKEN = re.compile(
    r"""\s*(?:
        (?P<op>==|!=|<=|>=|<|>|~)
      | (?P<paren>[()])
      | "(?P<dq>[^"]*)"
      | '(?P<sq>[^']*)'
      | (?P<word>[^\s()"'=!<>~]+)
    )""",
    re.VERBOSE,
)
_KEYWORDS = frozenset({"and", "or", "not"})


@attrs.frozen
class _Token:
    kind: str  # op, paren, string, word, keyword, end
    text: str
    at: int


def _tokens(text: str) -> Iterator[_Token]:
    position = 0
    while position < len(text):
        if text[position:].strip() == "":
            break
        match = _TOKEN.match(text, position)
        if match is None or match.end() == position:
            raise FilterError(f"unexpected {text[position:].strip()[:1]!r} at column {position + 1}")
        at = match.start() + len(match.group(0)) - len(match.group(0).lstrip())
        if match.group("op"):
            yield _Token("op", match.group("op"), at)
        elif match.group("paren"):
            yield _Token("paren", match.group("paren"), at)
        elif match.group("dq") is not None or match.group("sq") is not None:
            quoted = match.group("dq") if match.group("dq") is not None else match.group("sq")
            yield _Token("string", quoted, at)
        else:
            word = match.group("word")
            yield _Token("keyword" if word.lower() in _KEYWORDS else "word", word, at)
        position = match.end()
    yield _Token("end", "", len(text))


def _year(record: citekit.Record) -> list[int | str]:
    date = record.date("issued")
    return [date.year] if date is not None and date.year is not None else []


def _authors(record: citekit.Record) -> list[int | str]:
    names = record.names("author") or record.names("editor")
    return [text for name in names for text in {name.family_full(), str(name)} if text]


def _keywords(record: citekit.Record) -> list[int | str]:
    return [word.strip() for word in re.split(r"[,;]", record.text("keyword") or "") if word.strip()]


def _one(getter: Callable[[citekit.Record], str | None]) -> Callable[[citekit.Record], list[int | str]]:
    def values(record: citekit.Record) -> list[int | str]:
        value = getter(record)
        return [value] if value else []

    return values


FIELDS: dict[str, Callable[[citekit.Record], list[int | str]]] = {
    "type": _one(lambda r: r.type),
    "year": _year,
    "keyword": _keywords,
    "author": _authors,
    "key": _one(lambda r: r.key),
    "title": _one(lambda r: r.text("title")),
}

_ORDER: dict[str, Callable[[_Any, _Any], bool]] = {
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}


@attrs.frozen
class Compare:
    field: str
    op: str
    value: str

    def __call__(self, record: citekit.Record) -> bool:
        return any(self._test(value) for value in FIELDS[self.field](record)) != (self.op == "!=")

    def _test(self, value: int | str) -> bool:
        if self.op in _ORDER:
            try:
                return _ORDER[self.op](int(value), int(self.value))
            except ValueError:
                return _ORDER[self.op](str(value).casefold(), self.value.casefold())
        if self.op == "~":
            return self.value.casefold() in str(value).casefold()
        return str(value).casefold() == self.value.casefold()  # == and != (negated above)


@attrs.frozen
class Not:
    operand: Predicate

    def __call__(self, record: citekit.Record) -> bool:
        return not self.operand(record)


@attrs.frozen
class All:
    operands: tuple[Predicate, ...]

    def __call__(self, record: citekit.Record) -> bool:
        return all(operand(record) for operand in self.operands)


@attrs.frozen
class Any:
    operands: tuple[Predicate, ...]

    def __call__(self, record: citekit.Record) -> bool:
        return any(operand(record) for operand in self.operands)


Predicate = Compare | Not | All | Any


class _Parser:
    def __init__(self, text: str) -> None:
        self.tokens = list(_tokens(text))
        self.index = 0

    @property
    def current(self) -> _Token:
        return self.tokens[self.index]

    def take(self) -> _Token:
        token = self.current
        self.index += 1
        return token

    def at_keyword(self, word: str) -> bool:
        return self.current.kind == "keyword" and self.current.text.lower() == word

    def fail(self, expected: str) -> FilterError:
        found = repr(self.current.text) if self.current.kind != "end" else "the end"
        return FilterError(f"expected {expected} at column {self.current.at + 1}, found {found}")

    def parse(self) -> Predicate:
        predicate = self.disjunction()
        if self.current.kind != "end":
            raise self.fail("'and', 'or' or the end")
        return predicate

    def disjunction(self) -> Predicate:
        parts = [self.conjunction()]
        while self.at_keyword("or"):
            self.take()
            parts.append(self.conjunction())
        return parts[0] if len(parts) == 1 else Any(tuple(parts))

    def conjunction(self) -> Predicate:
        parts = [self.negation()]
        while self.at_keyword("and"):
            self.take()
            parts.append(self.negation())
        return parts[0] if len(parts) == 1 else All(tuple(parts))

    def negation(self) -> Predicate:
        if self.at_keyword("not"):
            self.take()
            return Not(self.negation())
        if self.current.kind == "paren" and self.current.text == "(":
            self.take()
            inner = self.disjunction()
            if not (self.current.kind == "paren" and self.current.text == ")"):
                raise self.fail("')'")
            self.take()
            return inner
        return self.comparison()

    def comparison(self) -> Predicate:
        field = self.current
        if field.kind != "word" or field.text.lower() not in FIELDS:
            raise self.fail(f"a field ({', '.join(FIELDS)})")
        self.take()
        if self.current.kind != "op":
            raise self.fail("an operator (== != < <= > >= ~)")
        op = self.take().text
        if self.current.kind not in ("word", "string"):
            raise self.fail("a value")
        return Compare(field.text.lower(), op, self.take().text)


def parse_filter(text: str) -> Predicate:
    """The predicate a filter expression stands for; FilterError if it cannot be read."""
    if not text.strip():
        raise FilterError("empty filter")
    return _Parser(text).parse()
