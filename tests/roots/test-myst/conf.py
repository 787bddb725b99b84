extensions = ["myst_parser", "citekit.sphinxext"]
bibtex_bibfiles = ["refs.bib"]
bibtex_reference_style = "author_year"
exclude_patterns = ["_build"]
