"""The build step, run once per build after every document is read (`env-updated`).

It reads the bibliography files and puts citations and lists in the build's order (documents
in toctree order). When nothing changed it keeps the stored rendering; when only some records
were edited it renders again what they can touch (`_incremental` for author-date and numeric
styles, `_incremental_notes` for note styles); otherwise `Renderer` renders everything. The
result is kept in the environment with a signature of its inputs and a fingerprint per page,
so only pages whose citations or entries changed are written again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs
from sphinx.util import logging

import citekit

from . import _checks, _incremental, _incremental_notes, _pybtex, _sources
from ._config import Settings, style_source, style_stamp
from ._model import BibliographyUse, CitationUse, Rendering
from ._render import OUTPUTS, Renderer, plain, warn
from ._select import Selection

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from ._domain import CiteDomain

logger = logging.getLogger(__name__)


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
    srcdir = str(app.srcdir)
    output = OUTPUTS.get(app.builder.format, "text")
    sources = _sources.load(srcdir, settings.bibfiles, settings.encoding)
    for issue in sources.issues:
        if issue.subtype == "note":
            logger.info("%s%s", f"{issue.location}: " if issue.location else "", issue.message)
        else:
            warn(issue.message, issue.subtype, issue.location)
    order = document_order(env, [*domain.citations, *domain.bibliographies])
    uses = [use for docname in order for use in domain.citations.get(docname, [])]
    bibliographies = [use for docname in order for use in domain.bibliographies.get(docname, [])]
    _checks.plugin_styles(app.config, settings, bibliographies, warn)
    styles = sorted({settings.style, *(_pybtex.list_style(b.style) for b in bibliographies if b.style)})
    structure = hashlib.sha256(
        repr(
            (
                settings,
                output,
                [style_stamp(style, srcdir) for style in styles],
                [attrs.evolve(u, line=None) for u in uses],
                [attrs.evolve(b, line=None) for b in bibliographies],
            )
        ).encode()
    ).hexdigest()
    signature = hashlib.sha256(f"{sources.fingerprint}\0{structure}".encode()).hexdigest()
    previous = domain.rendering
    selection = Selection(sources.records, uses, bibliographies, warn, sources.files)
    _checks.unknown_keys(selection, uses, warn)
    _checks.unlisted(settings, srcdir, sources, uses, bibliographies, warn)
    if previous is not None and previous.signature == signature:
        return []
    digests = _incremental.digests(sources.records)
    tokens = {key: _incremental.tokens(record) for key, record in sources.records.items()}
    rendering = None
    if previous is not None and previous.output == output and previous.structure == structure:
        rendering = render_again(
            previous, settings, output, selection, uses, bibliographies, srcdir, digests, tokens
        )
    if rendering is None:
        renderer = Renderer(settings, output, selection, uses, bibliographies, srcdir)
        rendering = renderer.render(signature)
    rendering = attrs.evolve(
        rendering,
        signature=signature,
        structure=structure,
        digests=digests,
        tokens=tokens,
        fingerprints=dict(Renderer.fingerprints(rendering)),
    )
    domain.rendering = rendering
    old = previous.fingerprints if previous is not None and previous.output == output else {}
    changed = {d for d in {*old, *rendering.fingerprints} if old.get(d) != rendering.fingerprints.get(d)}
    return sorted(changed & set(env.all_docs))


def render_again(
    previous: Rendering,
    settings: Settings,
    output: str,
    selection: Selection,
    uses: list[CitationUse],
    bibliographies: list[BibliographyUse],
    srcdir: str,
    digests: dict[str, str],
    tokens: dict[str, frozenset[str]],
) -> Rendering | None:
    """The previous rendering with what the edited records touch rendered again (see
    `_incremental`), or None when everything must be rendered."""
    try:
        style = citekit.Style.load(style_source(settings.style, srcdir))
    except citekit.CitekitError:
        return None
    lists = [selection.select(b) for b in bibliographies]
    order = {key: index for index, key in enumerate(selection.order(lists))}

    def before(key: str, other: str) -> bool:
        """Whether the style lists `key` before `other` (two records, in the build's order)."""
        pair = sorted((key, other), key=order.__getitem__)
        formatter = citekit.Formatter([selection.records[k] for k in pair], style, "text", settings.locale)
        first = [entry.id for entry in formatter.bibliography()]
        return first.index(key) < first.index(other)

    if _incremental.numeric(settings, style, uses, bibliographies, lists, selection.cited):
        try:
            numbers = _incremental.renumber(
                previous, digests, selection, uses, _incremental.sort_keys(style), before
            )
            if numbers is None:
                return None
            # (the records numbered up to the last one rendered, in the build's order)
            numbered = set(numbers.numbered)
            some = {key: record for key, record in selection.records.items() if key in numbered}
            quiet = Selection(some, uses, [], lambda *_: None, selection.files)
            renderer = Renderer(settings, output, quiet, uses, [], srcdir)
            rendering = _incremental.renumbered(previous, numbers, renderer, bibliographies)
        except citekit.CitekitError:  # the full render reports it
            return None
        if rendering is not None:
            logger.info(
                "citekit: rendered %d of %d entries again", len(numbers.touched), len(selection.records)
            )
        return rendering
    if _incremental_notes.eligible(settings, style, uses, bibliographies, lists, selection.cited):
        try:
            notes = _incremental_notes.plan(previous, digests, tokens, selection, uses, style, before)
            if notes is None:
                return None
            rendering = _incremental_notes.render(
                previous,
                notes,
                selection,
                list(order),
                lambda some, cited: Renderer(settings, output, some, cited, [], srcdir),
                settings.style,
                lambda text: plain(text, output) if settings.tooltips else "",
            )
        except citekit.CitekitError:  # the full render reports it
            return None
        if rendering is not None:
            logger.info(
                "citekit: rendered %d of %d entries again (and %d notes)",
                len(notes.jobs),
                len(selection.records),
                len(notes.uses),
            )
        return rendering
    if not _incremental.eligible(settings, style, uses, bibliographies):
        return None
    plan = _incremental.plan(previous, digests, tokens, selection, uses)
    if plan is None:
        return None
    records = {key: selection.records[key] for key in selection.records if key in plan.group}
    quiet = Selection(records, list(plan.uses), bibliographies, lambda *_: None, selection.files)
    partial = Renderer(settings, output, quiet, list(plan.uses), bibliographies, srcdir).render("")
    try:
        rendering = _incremental.merge(previous, partial, plan, before)
    except citekit.CitekitError:  # a pair the engine cannot sort: the full render reports it
        return None
    if rendering is not None:
        logger.info("citekit: rendered %d of %d entries again", len(plan.group), len(selection.records))
    return rendering
