extensions = ["citekit.sphinxext"]
bibtex_bibfiles = ["latin1.bib"]
bibtex_encoding = "latin-1"
bibtex_default_style = "plain"
exclude_patterns = ["_build"]
