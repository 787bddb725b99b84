# Written for sphinxcontrib-bibtex 2.x the way real projects are: the constructs of three
# public projects built by hand (a Fortran model's reference guide, an agronomy model's
# MyST specification, a MyST page on citing), reproduced here in other words. Only
# `extensions` names citekit (and myst_parser, for the MyST pages).
from pybtex.plugin import register_plugin
from pybtex.style.formatting.alpha import Style as AlphaStyle
from pybtex.style.labels import BaseLabelStyle
from pybtex.style.names.lastfirst import NameStyle as LastFirst


class KeyLabels(BaseLabelStyle):
    """Labels made from the keys: Doe_et_al._2001 -> "Doe et al., 2001"."""

    def format_labels(self, sorted_entries):
        for entry in sorted_entries:
            yield entry.key.replace("_", " ").replace("et al.", "et al.,")


class GuideStyle(AlphaStyle):
    default_name_style = LastFirst
    default_label_style = KeyLabels


register_plugin("pybtex.style.formatting", "guidestyle", GuideStyle, force=True)

extensions = ["myst_parser", "citekit.sphinxext"]
myst_enable_extensions = ["dollarmath"]
bibtex_default_style = "guidestyle"
bibtex_reference_style = "author_year"
bibtex_bibliography_header = ".. rubric:: References"
bibtex_footbibliography_header = bibtex_bibliography_header
bibtex_bibfiles = ["shared/biblio/core.bib", "guide/guide.bib"]
exclude_patterns = ["_build"]
