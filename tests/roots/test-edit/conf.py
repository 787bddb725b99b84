extensions = ["citekit.sphinxext"]
citekit_bibfiles = ["refs.bib"]
citekit_style = "apa"
