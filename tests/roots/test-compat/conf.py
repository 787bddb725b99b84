# A project written for sphinxcontrib-bibtex 2.x: only `extensions` names citekit.
extensions = ["citekit.sphinxext"]
bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "alpha"
bibtex_reference_style = "label"
bibtex_bibliography_header = ".. rubric:: References"
bibtex_footbibliography_header = ".. rubric:: Notes"
bibtex_tooltips = True
bibtex_encoding = "utf-8-sig"
exclude_patterns = ["_build"]
