# Written for sphinxcontrib-bibtex 2.x: only `extensions` names citekit. The project's style
# is pybtex's alpha (the default); lists in other pybtex styles, with label prefixes, and
# lists limited to one file by the directive's argument.
extensions = ["citekit.sphinxext"]
bibtex_bibfiles = ["first.bib", "second.bib", "third.bib"]
exclude_patterns = ["_build"]
