"""The extension's configuration values, one table; every name starts with `citekit_`."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Literal

import attrs

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config


@attrs.frozen
class Option:
    name: str
    default: Any
    rebuild: Literal["", "env"]  # "env": pages must be read again; "": the render step notices the change
    types: tuple[type, ...]
    doc: str


OPTIONS = (
    Option(
        "citekit_bibfiles",
        [],
        "",
        (list, tuple),
        "Bibliography files (.bib, .json CSL-JSON, .ris), relative to the source folder.",
    ),
    Option(
        "citekit_style",
        "apa",
        "env",
        (str,),
        "The CSL style: an alias (apa, ieee), a CSL id, or a .csl file (relative to the source folder).",
    ),
    Option(
        "citekit_locale",
        None,
        "",
        (str, type(None)),
        "The locale (e.g. en-GB, de-DE); the style's own when None.",
    ),
    Option(
        "citekit_link_citations",
        True,
        "",
        (bool,),
        "Link each citation to its bibliography entry (with the entry as hover text).",
    ),
    Option("citekit_link_urls", True, "", (bool,), "Turn DOIs and URLs in entries into links."),
)


def register(app: Sphinx) -> None:
    for option in OPTIONS:  # `description=` would need Sphinx 7.4; `doc` is for the docs page
        app.add_config_value(option.name, option.default, option.rebuild, option.types)


def style_path(name: str, srcdir: str) -> str:
    """A relative .csl path is taken from the source folder, like the bibliography files."""
    if name.endswith(".csl") and not os.path.isabs(name):
        candidate = os.path.join(srcdir, name)
        if os.path.exists(candidate):
            return candidate
    return name


@attrs.frozen
class Settings:
    """The values one build uses, read from Sphinx's config."""

    bibfiles: tuple[str, ...]
    style: str
    locale: str | None
    link_citations: bool
    link_urls: bool

    @classmethod
    def of(cls, config: Config) -> Settings:
        return cls(
            bibfiles=tuple(str(path) for path in config.citekit_bibfiles),
            style=str(config.citekit_style),
            locale=config.citekit_locale or None,
            link_citations=bool(config.citekit_link_citations),
            link_urls=bool(config.citekit_link_urls),
        )
