# Written for sphinxcontrib-bibtex 2.x: one citation's entry is in no list, so it cannot
# be linked. Only `extensions` names citekit.
extensions = ["citekit.sphinxext"]
bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "unsrt"
exclude_patterns = ["_build"]
