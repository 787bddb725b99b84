"""Sphinx configuration for citekit's documentation, built with citekit's own extension."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "citekit"
author = "the citekit authors"
copyright = "2026, the citekit authors"

extensions = [
    "sphinx.ext.autodoc",
    "citekit.sphinxext",
    "cite_this_gallery",
]

citekit_bibfiles = ["refs.json"]
citekit_style = "apa"

autodoc_member_order = "bysource"
exclude_patterns = ["_build"]
html_theme = "alabaster"
