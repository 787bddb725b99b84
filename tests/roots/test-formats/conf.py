extensions = ["citekit.sphinxext"]
citekit_bibfiles = ["refs.bib", "refs.ris", "refs.json"]
citekit_style = "apa"
