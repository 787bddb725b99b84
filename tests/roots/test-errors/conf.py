extensions = ["citekit.sphinxext"]
citekit_bibfiles = ["refs.json", "missing.json"]
