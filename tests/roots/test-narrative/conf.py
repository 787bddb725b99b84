extensions = ["citekit.sphinxext"]
citekit_bibfiles = ["refs.json"]
citekit_style = "apa"
exclude_patterns = ["_build"]
