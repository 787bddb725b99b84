extensions = ["citekit.sphinxext"]
citekit_bibfiles = ["refs.json"]
citekit_style = "chicago-notes-bibliography"
citekit_link_urls = False
exclude_patterns = ["_build"]
