"""BibTeX and BibLaTeX: read into Records mapped to CSL, write back losslessly."""

from ._reader import read
from ._writer import write

__all__ = ["read", "write"]
