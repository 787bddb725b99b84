"""Your own LaTeX macros, for reading BibTeX and BibLaTeX.

citekit decodes the LaTeX that real .bib files hold (accents, symbols, `\\emph`,
`\\enquote`, math) to Unicode and CSL rich text. A file may also use macros of its own
(`\\journalname`, `\\R`, a lab's `\\ourtool{}`): a command citekit does not know is kept as
written and reported as an `unknown-command` problem. Tell citekit what such a macro stands
for, before reading::

    import citekit
    citekit.latex.register("R", "ℝ")               # \\R -> ℝ
    citekit.latex.register("pkg", "#1")            # \\pkg{dplyr} -> dplyr (one argument)
    citekit.latex.register("gene", "<i>#1</i>")    # CSL rich text is allowed

A replacement is CSL rich text; `#1` in it takes the macro's one argument (decoded first).
A registered macro comes before citekit's own tables (so a built-in such as `\\textpm` can
be redefined), except the single-letter accents and letters (`\\"o`, `\\ss`), which are read
before any table is consulted. A macro a file's `@preamble` defines is not reported as
unknown, whatever is registered.

The table is process-wide (like `codecs.register`), changed under a lock and replaced, never
mutated, so a read running in another thread sees the table before or after a change, never
half of one.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Mapping
from types import MappingProxyType

from ._errors import InputError

__all__ = ["macros", "register", "unregister"]

_NAME = re.compile(r"[A-Za-z@]+")
_lock = threading.Lock()  # serialises changes; readers take `_macros` as one reference
_macros: Mapping[str, str] = MappingProxyType({})


def register(name: str, replacement: str) -> None:
    """Make `\\name` read as `replacement` (CSL rich text; `#1` stands for one argument).
    `name` is given without the backslash; it is a control word of letters (and `@`)."""
    global _macros
    name = name.removeprefix("\\")
    if not _NAME.fullmatch(name):
        raise InputError(f"not a LaTeX control word: {name!r} (letters and @ only)")
    if not isinstance(replacement, str):
        raise InputError(f"the replacement for \\{name} must be text, not {type(replacement).__name__}")
    with _lock:
        _macros = MappingProxyType({**_macros, name: replacement})


def unregister(name: str) -> None:
    """Forget a registered macro (no error when it was not registered)."""
    global _macros
    name = name.removeprefix("\\")
    with _lock:
        if name in _macros:
            _macros = MappingProxyType({k: v for k, v in _macros.items() if k != name})


def macros() -> Mapping[str, str]:
    """The registered macros, name -> replacement (a read-only snapshot)."""
    return _macros
