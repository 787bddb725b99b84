"""The only place that imports citeproc-py: compiling styles and rendering sessions.

citekit extends citeproc-py's style tree (lxml element classes) through `_elements`, one
small module per CSL feature it adds or corrects.
"""

from ._compile import CompiledStyle, compile_style
from ._session import Session

__all__ = ["CompiledStyle", "Session", "compile_style"]
