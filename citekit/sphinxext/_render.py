"""The render step, run once per build after every document is read (`env-updated`).

It reads the bibliography files, puts the records in order of first citation across the
build (documents in toctree order), gives them to one `citekit.Formatter` per style, and
renders every citation and bibliography in the builder's output. The result is kept in the
environment with a signature of its inputs, so a build that changed nothing reuses it, and a
fingerprint per page, so only pages whose citations or entries changed are written again.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

import attrs
from docutils.nodes import make_id
from sphinx.util import logging

import citekit

from . import _sources
from ._citeparts import linked, narrative, short_names
from ._config import Settings, style_path
from ._filter import FilterError, parse_filter
from ._model import BibliographyUse, CitationUse, Link, Part, RenderedCitation, RenderedEntry, Rendering

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from ._domain import CiteDomain

logger = logging.getLogger(__name__)

# builder format -> citekit output; every other builder (text, man, texinfo, ...) gets text
OUTPUTS = {"html": "html", "latex": "latex"}
FALLBACK_STYLE = "apa"
_TAG = re.compile(r"<[^>]*>")
_BLOCKS = re.compile(r"</div>\s*<div[^>]*>")


def warn(message: str, subtype: str, location: str | tuple[str, int | None] | None) -> None:
    logger.warning(message, type="citekit", subtype=subtype, location=location)


def document_order(env: BuildEnvironment, extra: Iterable[str]) -> list[str]:
    """Documents as the toctree reads them from the root, then any others by name."""
    seen: dict[str, None] = {}
    stack = [env.config.root_doc]
    while stack:
        docname = stack.pop()
        if docname in seen or docname not in env.all_docs:
            continue
        seen[docname] = None
        stack.extend(reversed(env.toctree_includes.get(docname, [])))
    return [*seen, *sorted((set(env.all_docs) | set(extra)) - set(seen))]


def on_env_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    domain: CiteDomain = env.get_domain("cite")  # type: ignore[assignment]
    settings = Settings.of(app.config)
    output = OUTPUTS.get(app.builder.format, "text")
    sources = _sources.load(str(app.srcdir), settings.bibfiles)
    for issue in sources.issues:
        warn(issue.message, issue.subtype, issue.location)
    order = document_order(env, [*domain.citations, *domain.bibliographies])
    uses = [use for docname in order for use in domain.citations.get(docname, [])]
    bibliographies = [use for docname in order for use in domain.bibliographies.get(docname, [])]
    for use in uses:
        for cite in use.cites:
            if cite.id not in sources.records and use.mode != "names":
                warn(f"unknown citation key {cite.id!r}", "unknown-key", (use.docname, use.line))

    signature = hashlib.sha256(
        repr(
            (
                sources.fingerprint,
                settings,
                output,
                [attrs.evolve(u, line=None) for u in uses],
                [attrs.evolve(b, line=None) for b in bibliographies],
            )
        ).encode()
    ).hexdigest()
    previous = domain.rendering
    if previous is not None and previous.signature == signature:
        return []
    renderer = Renderer(settings, output, sources.records, uses, bibliographies, str(app.srcdir))
    rendering = renderer.render(signature)
    domain.rendering = rendering
    old = previous.fingerprints if previous is not None and previous.output == output else {}
    changed = {d for d in {*old, *rendering.fingerprints} if old.get(d) != rendering.fingerprints.get(d)}
    return sorted(changed & set(env.all_docs))


def plain(text: str, output: str) -> str:
    """Hover text from an entry: the HTML entry without its tags ("[1] Werner…" where the
    number and the text stand in blocks side by side)."""
    if output != "html":
        return text
    return html.unescape(_TAG.sub("", _BLOCKS.sub(" ", text))).strip()


class Renderer:
    def __init__(
        self,
        settings: Settings,
        output: str,
        records: dict[str, citekit.Record],
        uses: list[CitationUse],
        bibliographies: list[BibliographyUse],
        srcdir: str,
    ) -> None:
        self.settings = settings
        self.srcdir = srcdir
        self.output = output
        self.records = records
        self.uses = uses
        self.bibliographies = bibliographies
        cited = dict.fromkeys(c.id for u in uses for c in u.cites if c.id in records)
        self.cited = list(cited)
        self.ordered = [records[k] for k in cited] + [r for k, r in records.items() if k not in cited]
        self._formatters: dict[str, citekit.Formatter | None] = {}
        self.main = self.formatter(settings.style, None) or self.formatter(FALLBACK_STYLE, None)

    def formatter(self, style: str, where: tuple[str, int | None] | None) -> citekit.Formatter | None:
        if style not in self._formatters:
            try:
                self._formatters[style] = citekit.Formatter(
                    self.ordered,
                    style_path(style, self.srcdir),
                    self.output,
                    self.settings.locale,
                    links=self.settings.link_urls,
                )
            except citekit.StyleError as exc:
                warn(str(exc), "unknown-style", where)
                self._formatters[style] = None
            except citekit.CitekitError as exc:
                warn(f"style {style!r}: {exc}", "render-error", where)
                self._formatters[style] = None
        return self._formatters[style]

    # -- which entries each bibliography holds
    def select(self, use: BibliographyUse) -> list[str]:
        keys: list[str] = []
        if use.all:
            keys = list(self.records)
        else:
            if use.cited:
                keys = (
                    self.cited
                    if use.scope == "global"
                    else [c.id for u in self.uses if u.docname == use.docname for c in u.cites]
                )
            for key in use.keys:
                if key in self.records:
                    keys.append(key)
                else:
                    warn(f"unknown citation key {key!r}", "unknown-key", (use.docname, use.line))
        keys = [key for key in dict.fromkeys(keys) if key in self.records]
        if use.filter:
            try:
                predicate = parse_filter(use.filter)
            except FilterError:  # reported when the directive was read
                return keys
            keys = [key for key in keys if predicate(self.records[key])]
        return keys

    def render(self, signature: str) -> Rendering:
        rendering = Rendering(signature, self.output)
        if self.main is None:
            return rendering
        selections = [(use, self.select(use)) for use in self.bibliographies]
        entries = self.entries(selections)
        used: set[str] = set()  # anchors are unique in the whole build, for singlehtml and LaTeX
        targets: dict[str, list[tuple[BibliographyUse, dict[str, str]]]] = {}
        for use, keys in selections:
            style = use.style or self.settings.style
            placed: dict[str, str] = {}
            rendered: list[RenderedEntry] = []
            for key, text in entries.get(style, {}).items():
                if key in keys:
                    placed[key] = self.anchor(key, use, used)
                    rendered.append(RenderedEntry(key, placed[key], text))
            rendering.bibliographies[use.docname, use.serial] = tuple(rendered)
            targets.setdefault(use.docname, []).append((use, placed))
        hover = entries.get(self.settings.style, {})
        for cite_use in self.uses:
            rendering.citations[cite_use.docname, cite_use.serial] = self.citation(cite_use, targets, hover)
        for docname, digest in self.fingerprints(rendering):
            rendering.fingerprints[docname] = digest
        return rendering

    def entries(self, selections: list[tuple[BibliographyUse, list[str]]]) -> dict[str, dict[str, str]]:
        """style -> {key: entry text}, in the style's order, for every entry shown or hovered."""
        wanted: dict[str, set[str]] = {self.settings.style: set(self.cited)}
        where: dict[str, tuple[str, int | None]] = {}
        for use, keys in selections:
            style = use.style or self.settings.style
            wanted.setdefault(style, set()).update(keys)
            where.setdefault(style, (use.docname, use.line))
        out: dict[str, dict[str, str]] = {}
        for style, wanted_keys in wanted.items():
            formatter = self.formatter(style, where.get(style)) or self.main
            if formatter is None or not wanted_keys:
                continue
            try:
                entries = formatter.bibliography([key for key in self.records if key in wanted_keys])
                out[style] = {entry.id: entry.text for entry in entries}
            except citekit.CitekitError as exc:
                warn(f"the bibliography in {style!r} failed: {exc}", "render-error", where.get(style))
        return out

    @staticmethod
    def anchor(key: str, use: BibliographyUse, used: set[str]) -> str:
        """`citekit-KEY` in a global list, `citekit-PAGE-KEY` in a page's own: stable, and
        unique in the whole build (singlehtml and LaTeX put every page in one file)."""
        page = f"{make_id(use.docname) or 'page'}-" if use.scope == "document" else ""
        base = f"citekit-{page}{make_id(key) or 'entry'}"
        anchor, number = base, 1
        while anchor in used:
            number += 1
            anchor = f"{base}-{number}"
        used.add(anchor)
        return anchor

    def target(
        self, use: CitationUse, key: str, targets: dict[str, list[tuple[BibliographyUse, dict[str, str]]]]
    ) -> tuple[str, str] | None:
        """The entry a citation links to: its own page's bibliography first, then a global
        one, then any bibliography that lists the key (documents in build order)."""
        for bib, placed in targets.get(use.docname, []):
            if key in placed and bib.scope == "document":
                return use.docname, placed[key]
        everywhere = [(bib, placed) for group in targets.values() for bib, placed in group]
        for wanted_scope in ("global", None):
            for bib, placed in everywhere:
                if key in placed and wanted_scope in (bib.scope, None):
                    return bib.docname, placed[key]
        return None

    def citation(
        self,
        use: CitationUse,
        targets: dict[str, list[tuple[BibliographyUse, dict[str, str]]]],
        hover: dict[str, str],
    ) -> RenderedCitation:
        known = [cite for cite in use.cites if cite.id in self.records]
        if not known:
            return RenderedCitation((Part(", ".join(f"{c.id}?" for c in use.cites), False),))
        links: dict[str, Link] = {}
        for cite in known if self.settings.link_citations else ():
            target = self.target(use, cite.id, targets)
            if target is not None:
                links[cite.id] = Link(*target, title=plain(hover.get(cite.id, ""), self.output))
        if use.mode == "names":
            names = [Part(short_names(self.records[c.id]), False, c.id) for c in known]
            return RenderedCitation(tuple(self.joined(names)), links)
        assert self.main is not None
        try:
            if use.mode == "t" and not use.note:  # a note holds the style's own citation
                parts = list(narrative(self.main, self.records, known))
            else:
                text = self.main.cite(known)
                parts = (
                    [Part(text, True, known[0].id)]
                    if use.note
                    else linked(self.main, text, known, self.output)
                )
        except citekit.CitekitError as exc:
            warn(str(exc), "render-error", (use.docname, use.line))
            return RenderedCitation((Part(", ".join(f"{c.id}?" for c in known), False),))
        return RenderedCitation(tuple(parts), links)

    @staticmethod
    def joined(parts: list[Part]) -> Iterator[Part]:
        for index, part in enumerate(parts):
            if index:
                yield Part(" and " if index == len(parts) - 1 else ", ", False)
            yield part

    @staticmethod
    def fingerprints(rendering: Rendering) -> Iterator[tuple[str, str]]:
        per_doc: dict[str, list[object]] = {}
        for (docname, serial), citation in sorted(rendering.citations.items()):
            per_doc.setdefault(docname, []).append((serial, citation))
        for (docname, serial), entries in sorted(rendering.bibliographies.items()):
            per_doc.setdefault(docname, []).append((serial, entries))
        for docname, items in per_doc.items():
            yield docname, hashlib.sha256(repr(items).encode()).hexdigest()
