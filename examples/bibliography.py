"""Format a bibliography and in-text citations in two styles, as text and HTML."""

from pathlib import Path

import citekit

here = Path(__file__).resolve().parent
library = citekit.read(here / "theranostics.json")
for style in ("apa", "ieee"):
    formatter = citekit.Formatter(library.records, style, output="html")
    print(style, formatter.cite([citekit.Cite("werner2018theranostic", locator="6090", label="page")]))
    for entry in formatter.bibliography():
        print(" ", entry.text)
print(citekit.format_bibliography(library.records, "vancouver", output="markdown")[0])
