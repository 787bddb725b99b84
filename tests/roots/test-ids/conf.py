# Written for sphinxcontrib-bibtex 2.x, with its four id templates set (as its own test
# root bibliography_custom_ids has them). Only `extensions` names citekit.
extensions = ["citekit.sphinxext"]
exclude_patterns = ["_build"]
bibtex_bibfiles = ["refs.bib"]
bibtex_cite_id = "entry-{bibliography_count}-{key}"
bibtex_footcite_id = "fn-{footbibliography_count}-{key}"
bibtex_bibliography_id = "list-{bibliography_count}"
bibtex_footbibliography_id = "fnlist-{footbibliography_count}"
