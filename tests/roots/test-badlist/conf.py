# Written for sphinxcontrib-bibtex 2.x, with a mistyped :list: (as its own test root
# list_invalid has): only `extensions` names citekit.
extensions = ["citekit.sphinxext"]
bibtex_bibfiles = ["refs.bib"]
exclude_patterns = ["_build"]
