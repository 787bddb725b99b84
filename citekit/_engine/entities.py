"""Character references written escaped in a style, as citeproc-js reads them.

citeproc-js reads a style with its own small XML reader, which decodes `&amp;` first and the
numeric references after it, so an attribute written `&amp;#8212;` is an em dash there, not
the text `&#8212;` an XML parser makes of it (smithsonian's
`subsequent-author-substitute="&amp;#8212;&amp;#8212;&amp;#8212;"` prints `———`). The
compiled tree's attribute values and texts are decoded once more the same way. A newline
decoded so (`prefix=",&amp;#10;"`) is citekit's `STYLE_NEWLINE`, which every output prints
as a line break, as citeproc-js does.
"""

from __future__ import annotations

import re
from typing import Any

from .._markup import STYLE_NEWLINE

_REFERENCE = re.compile(r"&#(?:([0-9]{1,6})|[xX]([0-9a-fA-F]{1,6}));")
_NAMED = (("&quot;", '"'), ("&gt;", ">"), ("&lt;", "<"))


def _decode(text: str) -> str:
    for named, char in _NAMED:
        text = text.replace(named, char)
    return _REFERENCE.sub(_character, text)


def _character(match: re.Match[str]) -> str:
    char = chr(int(match[1]) if match[1] else int(match[2], 16))
    return STYLE_NEWLINE if char == "\n" else char


def decode_references(root: Any) -> None:
    """Decode what citeproc-js's reader decodes after `&amp;` in the style's attributes and texts."""
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            if "&" in value:
                element.set(name, _decode(value))
        if element.text and "&" in element.text:
            element.text = _decode(element.text)
