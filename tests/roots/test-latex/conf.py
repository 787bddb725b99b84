extensions = ["citekit.sphinxext"]
citekit_bibfiles = ["refs.bib"]
citekit_style = "ieee"
exclude_patterns = ["_build"]
