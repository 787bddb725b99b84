"""Character references written escaped in a style, as citeproc-js reads them.

citeproc-js reads a style with its own small XML reader, which decodes `&amp;` first and the
numeric references after it, so an attribute written `&amp;#8212;` is an em dash there, not
the text `&#8212;` an XML parser makes of it (smithsonian's
`subsequent-author-substitute="&amp;#8212;&amp;#8212;&amp;#8212;"` prints `———`). The
compiled tree's attribute values and texts are decoded once more the same way.
"""

from __future__ import annotations

import re
from typing import Any

_REFERENCE = re.compile(r"&#(?:([0-9]{1,6})|[xX]([0-9a-fA-F]{1,6}));")
_NAMED = (("&quot;", '"'), ("&gt;", ">"), ("&lt;", "<"))


def _decode(text: str) -> str:
    for named, char in _NAMED:
        text = text.replace(named, char)
    return _REFERENCE.sub(lambda m: chr(int(m[1]) if m[1] else int(m[2], 16)), text)


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
