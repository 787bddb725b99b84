"""Print the portal's seven "Cite this" formats for the example record."""

from pathlib import Path

import citekit

here = Path(__file__).resolve().parent
record = citekit.read(here / "theranostics.json").records[0]
for name, text in citekit.cite_this(record).items():
    print(f"[{name}]")
    print(text.rstrip("\n"))
