extensions = ["citekit.sphinxext"]
citekit_bibfiles = ["refs.json"]
citekit_style = "apa"
