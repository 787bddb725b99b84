extensions = ["citekit.sphinxext"]
citekit_bibfiles = ["refs.json"]
citekit_style = "chicago-notes-bibliography"
