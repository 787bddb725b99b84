# Written for sphinxcontrib-bibtex 2.x: `:any:` names cite keys (it resolves them as
# :cite:p:). Only `extensions` names citekit.
extensions = ["citekit.sphinxext"]
bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "unsrt"
exclude_patterns = ["_build"]
