# Written for sphinxcontrib-bibtex 2.x, in pybtex's plain style (numbers; its CSL stand-in
# writes a run of numbers as a range) with a label prefix on the list. Only `extensions`
# names citekit.
extensions = ["citekit.sphinxext"]
bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "plain"
exclude_patterns = ["_build"]
