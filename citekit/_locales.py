"""Locale names a user gives (`--locale`, `Formatter(locale=...)`), checked against the CSL
locale files citeproc-py ships.

citeproc-py itself falls back to en-US for any name it does not know, silently: `en_GB`
or a typo `de-DR` printed American English. Here a name is matched without regard to case
or `_`/`-` (`en_GB` is en-GB, `sr-latn-rs` is sr-Latn-RS); a known language with another
region (`en-AU`, `de`) is kept, as CSL falls back to the language's primary dialect; and
anything else is a `LocaleNotFoundError` naming the closest locales.
"""

from __future__ import annotations

import functools
import importlib.util
import json
from pathlib import Path

from ._errors import LocaleNotFoundError


@functools.cache
def _table() -> tuple[dict[str, str], dict[str, str]]:
    """(lower-case name -> locale, for every locale file; language -> primary dialect)."""
    # Found without importlib.resources (costly to import for a one-off command) or citeproc.
    spec = importlib.util.find_spec("citeproc")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("citeproc-py is not installed", name="citeproc")
    folder = Path(next(iter(spec.submodule_search_locations))) / "data" / "locales"
    data = json.loads((folder / "locales.json").read_text(encoding="utf-8"))
    names = {name.lower(): name for name in data["language-names"]}
    primary = {language.lower(): dialect for language, dialect in data["primary-dialects"].items()}
    return names, primary


def known_locales() -> tuple[str, ...]:
    """Every locale that has its own CSL locale file, sorted."""
    return tuple(sorted(_table()[0].values()))


def resolve_locale(name: str) -> str:
    """`name` as CSL spells it, or `LocaleNotFoundError` when no locale file serves it."""
    names, primary = _table()
    key = name.strip().replace("_", "-").lower()
    if key in names:
        return names[key]
    language, _, region = key.partition("-")
    if language in primary:
        return language if not region else f"{language}-{region.upper()}"
    raise LocaleNotFoundError(name, _suggest(key))


def _suggest(key: str, limit: int = 5) -> tuple[str, ...]:
    from rapidfuzz import fuzz, process

    names, _ = _table()
    region = key.partition("-")[2]
    same_region = tuple(sorted(v for k, v in names.items() if region and k.endswith("-" + region)))
    close = process.extract(key, list(names), scorer=fuzz.ratio, limit=limit)
    found = dict.fromkeys((*same_region, *(names[match[0]] for match in close)))
    return tuple(found)[:limit]
