"""Issue 4's "tried as a new user would" scenarios, end to end through the public API and the CLI.

Each input is a small hand-written file in the shape the named tool exports; the expectations are
the keys, types, fields and characters put into it, never citekit's own output pasted back.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

import citekit
from citekit._cli import main

# Better BibTeX's shape: fields one per line, `month = jul` macros, double-braced case
# protection, Zotero's `file`/`urldate`/`keywords`, and children pointing at a @proceedings
# parent by `crossref` (the parent after its children, as BibTeX requires).
BETTER_BIBTEX = r"""
@inproceedings{smithNeuralParsing2019,
  title = {Neural Parsing of {{BibTeX}} Files},
  author = {Smith, Jane and M{\"u}ller, Hans},
  year = {2019},
  month = jul,
  pages = {123--134},
  doi = {10.18653/v1/P19-1012},
  crossref = {acl2019},
  urldate = {2020-01-15},
  file = {/home/jane/Zotero/storage/ABCD1234/Smith - 2019 - Neural Parsing.pdf},
  keywords = {bibliographies,parsing}
}

@inproceedings{doeTreebanks2019,
  title = {Treebanks for Everyone},
  author = {Doe, John},
  year = {2019},
  pages = {200--210},
  crossref = {acl2019}
}

@proceedings{acl2019,
  title = {Proceedings of the 57th {{Annual Meeting}} of the {{ACL}}},
  editor = {Korhonen, Anna and Traum, David},
  year = {2019},
  publisher = {{Association for Computational Linguistics}},
  address = {{Florence, Italy}}
}
"""

# JabRef's shape: its header comment, capitalised entry types, an entry saved before it was
# given a key, and the @Comment block JabRef keeps its settings in.
JABREF = r"""% This file was created with JabRef 5.9.
% Encoding: UTF-8


@Article{,
  author  = {Nguyen, Thi Lan},
  title   = {A Study Without a Key},
  journal = {Journal of Unfinished Work},
  year    = {2021},
}

@Book{Knuth1984,
  author    = {Knuth, Donald E.},
  title     = {The {\TeX}book},
  publisher = {Addison-Wesley},
  year      = {1984},
}

@Comment{jabref-meta: databaseType:bibtex;}
"""


def _round_trip(tmp_path: Path, text: str) -> tuple[str, dict[str, dict[str, object]], str]:
    """`citekit convert in.bib out.json`, then `citekit convert out.json back.bib`: the first
    run's stderr, the CSL-JSON items by id, and the BibTeX written back."""
    source = tmp_path / "in.bib"
    source.write_text(text, encoding="utf-8")
    runner = CliRunner()
    first = runner.invoke(main, ["convert", str(source), str(tmp_path / "out.json")])
    assert first.exit_code == 0, first.output
    items = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    second = runner.invoke(main, ["convert", str(tmp_path / "out.json"), str(tmp_path / "back.bib")])
    assert second.exit_code == 0, second.output
    return first.stderr, {str(item["id"]): item for item in items}, (tmp_path / "back.bib").read_text("utf-8")


def _entries(bib: str) -> dict[str, str]:
    """Written entry key -> entry type as written."""
    return {key: kind for kind, key in re.findall(r"^@(\w+)\{([^,]*),", bib, re.MULTILINE)}


def test_better_bibtex_export_with_crossrefs_converts_and_back(tmp_path: Path) -> None:
    _, items, back = _round_trip(tmp_path, BETTER_BIBTEX)
    assert set(items) == {"smithNeuralParsing2019", "doeTreebanks2019", "acl2019"}
    assert items["doeTreebanks2019"]["type"] == "paper-conference"
    # crossref resolved for rendering: the child takes the parent's title as its container
    assert str(items["doeTreebanks2019"]["container-title"]).startswith("Proceedings of the 57th")
    assert _entries(back) == {
        "smithNeuralParsing2019": "inproceedings",
        "doeTreebanks2019": "inproceedings",
        "acl2019": "proceedings",
    }
    assert back.count("crossref = {acl2019}") == 2
    assert "booktitle" not in back  # the reference stays; the parent is not copied in
    assert "file = {/home/jane/Zotero/storage/ABCD1234/Smith - 2019 - Neural Parsing.pdf}" in back
    assert "month = jul" in back
    again = citekit.parse(back, "bibtex")
    assert again.ok
    assert again["doeTreebanks2019"]["container-title"] == items["doeTreebanks2019"]["container-title"]
    assert again["smithNeuralParsing2019"].names("author")[1].family == "Müller"


def test_jabref_entry_without_a_key_is_reported_and_kept(tmp_path: Path) -> None:
    stderr, items, back = _round_trip(tmp_path, JABREF)
    assert "empty-key" in stderr
    assert len(items) == 2 and "Knuth1984" in items
    (unnamed,) = (item for key, item in items.items() if key != "Knuth1984")
    assert unnamed["title"] == "A study without a key"  # CSL sentence case (pandoc's unTitlecase)
    assert _entries(back) == {"": "Article", "Knuth1984": "Book"}  # the key stays empty
    assert "title = {A Study Without a Key}" in back
    # CSL-JSON holds records only, so JabRef's @Comment does not survive the trip through it
    # (a .bib -> .bib conversion keeps it: see test_bibtex_writer).
    assert "@Comment" not in back


THESIS = r"""
@book{durkheim1897,
  author = {Durkheim, {\'E}mile},
  title = {Le suicide: {\'E}tude de sociologie},
  publisher = {F{\'e}lix Alcan},
  address = {Paris},
  year = {1897},
}

@article{schrodinger1926,
  author = {Schr\"{o}dinger, Erwin},
  title = {Quantisierung als {Eigenwertproblem} and the $\alpha$ decay},
  journal = {Annalen der Physik},
  volume = {384},
  pages = {361--376},
  year = {1926},
}

@book{knuth1986,
  author = {Knuth, Donald E.},
  title = {The {\TeX}book, with notes by \mycmd{Smith}},
  publisher = {Addison-Wesley},
  year = {1986},
}
"""


def test_thesis_bib_renders_in_apa_with_unicode() -> None:
    library = citekit.parse(THESIS, "bibtex")
    text = "\n".join(entry.text for entry in citekit.Formatter(library.records, "apa").bibliography())
    assert "Schrödinger, E." in text
    assert "Durkheim, É." in text
    assert "Étude de sociologie" in text
    assert "Félix Alcan" in text
    assert "α decay" in text
    assert "TeXbook" in text
    assert "\\" not in text.replace("\\mycmd", "")  # no other LaTeX left over


def test_unknown_command_stays_visible_with_a_warning() -> None:
    library = citekit.parse(THESIS, "bibtex")
    text = "\n".join(entry.text for entry in citekit.Formatter(library.records, "apa").bibliography())
    assert "\\mycmd{Smith}" in text
    (problem,) = library.problems
    assert problem.kind == "unknown-command" and problem.severity == "warning"
    assert "\\mycmd" in problem.message
    assert (problem.location.item, problem.location.field) == ("knuth1986", "title")
