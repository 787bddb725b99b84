"""Reading what a test build wrote: pages, warnings, linked citations, entries by anchor; and
editing an entry of its .bib file for a rebuild."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any


def warnings_of(app: Any) -> str:
    return re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue())


def page(app: Any, name: str) -> str:
    return Path(app.outdir, name).read_text(encoding="utf-8")


class _Citations(HTMLParser):
    """Every citekit-citation span: its text and the (href, title) of the links in it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.found: list[tuple[list[tuple[str, str]], list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if self.depth:
            self.depth += tag not in ("br", "img")
            if tag == "a":
                self.found[-1][0].append((attributes.get("href") or "", attributes.get("title") or ""))
        elif tag == "span" and "citekit-citation" in (attributes.get("class") or "").split():
            self.depth = 1
            self.found.append(([], []))

    def handle_endtag(self, tag: str) -> None:
        if self.depth and tag not in ("br", "img"):
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.found[-1][1].append(data)


def citations(html: str) -> list[tuple[str, str, str]]:
    """(href, hover title, text) of every citation in page order; href and title are the
    first link's ("" when the citation links nowhere)."""
    parser = _Citations()
    parser.feed(html)
    return [(*(links[0] if links else ("", "")), "".join(text).strip()) for links, text in parser.found]


def links(html: str) -> list[list[str]]:
    """The hrefs of each citation's links, in page order."""
    parser = _Citations()
    parser.feed(html)
    return [[href for href, _ in found] for found, _ in parser.found]


def _text(markup: str) -> str:
    return unescape(re.sub(r"<[^>]*>", "", markup)).strip()


class _ById(HTMLParser):
    def __init__(self, wanted: str) -> None:
        super().__init__(convert_charrefs=True)
        self.wanted = wanted
        self.depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth:
            self.depth += 1
        elif dict(attrs).get("id") == self.wanted:
            self.depth = 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.parts.append(data)


def text_by_id(html: str, element_id: str) -> str | None:
    """The text of the element with this id (None when there is none)."""
    if f'id="{element_id}"' not in html:
        return None
    parser = _ById(element_id)
    parser.feed(html)
    return "".join(parser.parts).strip()


def entry_ids(html: str) -> list[str]:
    """The anchors of the bibliography entries, in page order."""
    return re.findall(r'<div class="csl-entry docutils container" id="([^"]*)">', html)


def oracle_text(oracle: dict[str, Any], style: str, key: str, part: str = "bibliography") -> str:
    return _text(oracle[style]["html"][part][key])


def our_order(app: Any) -> dict[str, list[list[str]]]:
    """page -> the cite keys of each of its lists, in the order of the page and of each list
    (citekit)."""
    domain = app.env.get_domain("cite")
    lists: dict[str, list[list[str]]] = {}
    for docname, uses in domain.data["bibliographies"].items():
        for use in sorted(uses, key=lambda u: u.line):
            entries = domain.data["rendering"].bibliographies[docname, use.serial]
            lists.setdefault(docname, []).append([use.keyprefix + entry.key for entry in entries])
    return lists


def their_order(app: Any) -> dict[str, list[list[str]]]:
    """The same, read from sphinxcontrib-bibtex's domain (its citations are made in the order
    of each list's formatted entries)."""
    domain = app.env.get_domain("cite")
    by_list: dict[Any, list[str]] = {key: [] for key in domain.bibliographies}
    for citation in domain.citations:
        by_list[citation.bibliography_key].append(citation.key)
    lists: dict[str, list[list[str]]] = {}
    for key in sorted(by_list, key=lambda k: (k.docname, domain.bibliographies[k].line)):
        lists.setdefault(key.docname, []).append(by_list[key])
    return lists


def our_lists(app: Any) -> dict[str, list[set[str]]]:
    """page -> the cite keys each of its lists holds, in the order of the page (citekit)."""
    return _unordered(our_order(app))


def their_lists(app: Any) -> dict[str, list[set[str]]]:
    """The same, read from sphinxcontrib-bibtex's domain."""
    return _unordered(their_order(app))


def _unordered(lists: dict[str, list[list[str]]]) -> dict[str, list[set[str]]]:
    return {page: [set(keys) for keys in found] for page, found in lists.items()}


def edit_entry(bib: Path, key: str, old: str, new: str) -> None:
    """Replace `old` by `new` in the entry `key` of `bib` (which must hold it)."""
    text = bib.read_text(encoding="utf-8")
    start = text.index(f"{{{key},")
    end = text.index("\n}", start)
    entry = text[start:end]
    assert old in entry
    bib.write_text(text[:start] + entry.replace(old, new) + text[end:], encoding="utf-8")
