extensions = ["citekit.sphinxext"]
citekit_bibfiles = ["refs.json"]
citekit_style = "ieee"
exclude_patterns = ["_build"]
