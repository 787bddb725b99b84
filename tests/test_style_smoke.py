"""The portal record renders in 500 styles picked at random (fixed seed) from the CSL
repository's independent styles, without an exception. A style citeproc-py cannot load must
be reported by Style.load or the Formatter as InvalidStyleError; those are listed and counted."""

from __future__ import annotations

import random
import warnings

from conftest import ROOT

import citekit
from citekit._styles import repository_dirs

SEED = 20261125
SAMPLE = 500


def test_portal_record_in_500_random_styles() -> None:
    record = citekit.read(ROOT / "examples" / "theranostics.json").records[0]
    independent, _ = repository_dirs()
    ids = sorted(p.stem for p in independent.glob("*.csl"))
    unloadable: list[str] = []
    failures: list[str] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for style_id in random.Random(SEED).sample(ids, SAMPLE):
            try:
                formatter = citekit.Formatter([record], style_id, "html")
                assert formatter.cite([record.key])
                formatter.bibliography()
            except citekit.InvalidStyleError:
                unloadable.append(style_id)
            except Exception as exc:
                failures.append(f"{style_id}: {exc!r}")
    print(f"{SAMPLE} styles: {len(unloadable)} unloadable ({', '.join(unloadable) or 'none'})")
    assert not failures, "\n".join(failures)
