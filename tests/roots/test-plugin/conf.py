# Written for sphinxcontrib-bibtex 2.x, with the project's own pybtex style: a class in
# conf.py registered as a pybtex plugin (as projects do to change how names or labels
# look). Only `extensions` names citekit.
from pybtex.plugin import register_plugin
from pybtex.style.formatting import BaseStyle
from pybtex.style.formatting.unsrt import Style as UnsrtStyle


class HouseStyle(UnsrtStyle):
    """pybtex's unsrt, with the names abbreviated."""

    def __init__(self, **kwargs):
        super().__init__(abbreviate_names=True, **kwargs)


class BareStyle(BaseStyle):
    """A style written from scratch: it derives from none of pybtex's own."""


register_plugin("pybtex.style.formatting", "house", HouseStyle, force=True)
register_plugin("pybtex.style.formatting", "bare", BareStyle, force=True)

extensions = ["citekit.sphinxext"]
bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "house"
exclude_patterns = ["_build"]
