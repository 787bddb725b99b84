# Written for sphinxcontrib-bibtex 2.x (its default alpha style and label citations): every
# citation form with several keys. Only `extensions` names citekit.
extensions = ["citekit.sphinxext"]
bibtex_bibfiles = ["refs.bib"]
exclude_patterns = ["_build"]
