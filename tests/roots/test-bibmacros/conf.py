# Written for sphinxcontrib-bibtex 2.x: the journal abbreviations live in their own file,
# listed first; the entries use them. Only `extensions` names citekit.
extensions = ["citekit.sphinxext"]
bibtex_bibfiles = ["macros.bib", "refs.bib"]
exclude_patterns = ["_build"]
