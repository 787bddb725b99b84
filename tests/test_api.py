"""The public API is what citekit/__init__.py exports, and nothing leaks."""

from __future__ import annotations

import citekit

CONTRACT = {
    "Record",
    "Library",
    "Style",
    "Formatter",
    "Cite",
    "Entry",
    "parse",
    "read",
    "dumps",
    "format_bibliography",
    "cite_this",
    "CitekitError",
    "InputError",
    "ParseError",
    "InvalidRecordError",
    "StyleError",
    "StyleNotFoundError",
    "InvalidStyleError",
    "RenderError",
    "Problem",
}


def test_all_is_honest() -> None:
    assert set(citekit.__all__) >= CONTRACT
    assert sorted(citekit.__all__) == sorted(set(citekit.__all__))
    public = {name for name in dir(citekit) if not name.startswith("_")}
    modules = {name for name in public if type(getattr(citekit, name)).__name__ == "module"}
    assert public - modules == set(citekit.__all__)
    for name in citekit.__all__:
        obj = getattr(citekit, name)
        if isinstance(obj, type) or callable(obj):
            assert obj.__module__ == "citekit", name


def test_one_exception_tree() -> None:
    for name in citekit.__all__:
        obj = getattr(citekit, name)
        if isinstance(obj, type) and issubclass(obj, Exception):
            assert issubclass(obj, citekit.CitekitError), name
    assert issubclass(citekit.ParseError, citekit.InputError)
    assert issubclass(citekit.InvalidRecordError, citekit.InputError)
    assert issubclass(citekit.StyleNotFoundError, citekit.StyleError)
    assert issubclass(citekit.InvalidStyleError, citekit.StyleError)
