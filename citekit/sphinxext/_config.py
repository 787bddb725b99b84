"""The extension's configuration values, one table.

citekit's own names start with `citekit_`. The `bibtex_*` names of sphinxcontrib-bibtex 2.x
are registered too, so a project written for it builds after changing only `extensions`:
each is read when the citekit name it stands for is unset (see `Settings.of`), and the
pybtex style names map to the nearest CSL style (`_pybtex.STYLES`).
"""

from __future__ import annotations

import hashlib
import os
from typing import TYPE_CHECKING, Any, Literal

import attrs

from . import _pybtex

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


_TEXT = (str, type(None))
OPTIONS = (
    Option(
        "citekit_bibfiles",
        None,
        "",
        (list, tuple, type(None)),
        "Bibliography files (.bib, .json CSL-JSON, .ris), relative to the source folder.",
    ),
    Option(
        "citekit_style",
        None,
        "env",
        _TEXT,
        "The CSL style: an alias (apa, ieee), a CSL id, or a .csl file (relative to the source folder);"
        " APA when neither it nor bibtex_default_style is set.",
    ),
    Option(
        "citekit_locale",
        None,
        "",
        _TEXT,
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
    Option(
        "citekit_encoding",
        None,
        "",
        _TEXT,
        "The text encoding of the bibliography files (UTF-8, with or without a byte-order mark, when None).",
    ),
    # the name issue 11 gave the value; kept as an alias so either spelling works
    Option("citekit_bib_encoding", None, "", _TEXT, "= citekit_encoding (read when that is unset)."),
    # sphinxcontrib-bibtex 2.x, read when citekit's own value is unset
    Option("bibtex_bibfiles", None, "", (list, tuple, type(None)), "= citekit_bibfiles."),
    Option("bibtex_encoding", None, "", _TEXT, "= citekit_encoding."),
    Option("bibtex_default_style", None, "env", _TEXT, "A pybtex style name, mapped to a CSL style."),
    Option(
        "bibtex_reference_style", None, "env", _TEXT, "label, author_year or super: chooses the CSL style."
    ),
    Option("bibtex_foot_reference_style", None, "", _TEXT, "foot (the only one): accepted."),
    Option("bibtex_tooltips", True, "", (bool,), "False: citations have no hover text."),
    Option("bibtex_tooltips_style", None, "", _TEXT, "Accepted; the hover text is the list's entry."),
    Option("bibtex_bibliography_header", "", "env", (str,), "reST put before every bibliography."),
    Option("bibtex_footbibliography_header", "", "env", (str,), "reST put before every footbibliography."),
    # id templates (see _ids); unset, citekit's own stable anchors
    Option("bibtex_cite_id", None, "env", _TEXT, "An entry's anchor: {key}, {bibliography_count}."),
    Option("bibtex_footcite_id", None, "env", _TEXT, "A footnote's: {key}, {footbibliography_count}."),
    Option("bibtex_bibliography_id", None, "env", _TEXT, "A list's anchor: {bibliography_count}."),
    Option(
        "bibtex_footbibliography_id", None, "env", _TEXT, "A footbibliography's: {footbibliography_count}."
    ),
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


def style_source(name: str, srcdir: str) -> str:
    """What `citekit.Style.load` is given: a local .csl file's text (read each time, so an
    edited file is seen by the next build), the pybtex alpha stand-in's text, else the name."""
    if name == _pybtex.ALPHA_CSL:
        return _pybtex.alpha_xml()
    path = style_path(name, srcdir)
    if path.endswith(".csl") and os.path.isfile(path):
        try:
            with open(path, encoding="utf-8") as handle:
                return handle.read()
        except (OSError, UnicodeDecodeError):
            return path  # Style.load reports it
    return path


def style_stamp(name: str, srcdir: str) -> str:
    """Part of the render signature: a local .csl file's content hash, so editing it renders again."""
    source = style_source(name, srcdir)
    return hashlib.sha256(source.encode()).hexdigest() if source.lstrip().startswith("<") else name


def main_style(config: Config) -> str:
    """citekit_style, else the CSL style nearest to bibtex_default_style and
    bibtex_reference_style, else APA."""
    if config.citekit_style:
        return str(config.citekit_style)
    if config.bibtex_default_style or config.bibtex_reference_style or config.bibtex_bibfiles:
        return _pybtex.csl_style(config.bibtex_default_style, config.bibtex_reference_style)
    return "apa"


@attrs.frozen
class Settings:
    """The values one build uses, read from Sphinx's config."""

    bibfiles: tuple[str, ...]
    style: str
    locale: str | None
    link_citations: bool
    link_urls: bool
    encoding: str | None = None
    tooltips: bool = True
    labels: str = ""  # "alpha": :cite:label: gives pybtex's alpha labels (Knu84)
    pybtex: str = ""  # the pybtex label style (alpha, unsrtalpha) the CSL style stands for
    cite_id: str = ""  # bibtex_cite_id: the template of entry anchors (see _ids)

    @classmethod
    def of(cls, config: Config) -> Settings:
        files = config.citekit_bibfiles if config.citekit_bibfiles is not None else config.bibtex_bibfiles
        style = main_style(config)
        alpha = not config.citekit_style and _pybtex.is_alpha(config.bibtex_default_style)
        return cls(
            bibfiles=tuple(str(path) for path in files or ()),
            style=style,
            locale=config.citekit_locale or None,
            link_citations=bool(config.citekit_link_citations),
            link_urls=bool(config.citekit_link_urls),
            encoding=(
                config.citekit_encoding or config.citekit_bib_encoding or config.bibtex_encoding or None
            ),
            tooltips=bool(config.bibtex_tooltips),
            labels="alpha" if alpha or style == _pybtex.ALPHA_CSL else "",
            pybtex=_pybtex.builtin((config.bibtex_default_style or "alpha").strip()) if alpha else "",
            cite_id=str(config.bibtex_cite_id or ""),
        )
