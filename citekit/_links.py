"""Finding URLs and DOIs in rendered text, and making safe link targets of them.

Only `http`, `https`, `ftp` and `doi:` become links: a `javascript:` or `data:` text is
never one, whatever the output. A link is taken whole: closing brackets are kept while they
balance an opening one inside the URL (Wikipedia's `…_(disambiguation)`), and old Wiley DOIs
keep their `<…>` (`10.1002/(SICI)…<475::AID-JBM8>3.0.CO;2-M`). The target is
percent-encoded, so no output's quoting (an HTML attribute, Markdown's `<…>`, reST's `<…>`,
LaTeX's `\\href`) can be broken out of.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_CANDIDATE = re.compile(r"(?:(?:https?|ftp)://|doi:\s?10\.\d{3,9}/)[^\s\"]+", re.IGNORECASE)
_TRAILING = frozenset(".,;:!?'’”*")
_OPENER = {")": "(", "]": "[", "}": "{", ">": "<"}
# RFC 3986's characters that may stand in a URL as they are; anything else is encoded.
_SAFE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%")
_HEX = frozenset("0123456789abcdefABCDEF")  # a `%` is kept only when it starts an escape


def _trim(url: str) -> str:
    """Drop punctuation that ends the sentence rather than the URL."""
    while url:
        last = url[-1]
        unbalanced = last in _OPENER and url.count(last) > url.count(_OPENER[last])
        if last in _TRAILING or unbalanced:
            url = url[:-1]
        else:
            break
    return url


def find_links(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each URL or DOI link in `text`, in order."""
    for match in _CANDIDATE.finditer(text):
        url = _trim(match.group(0))
        if url and not url.lower().rstrip("/").endswith("://"):
            yield match.start(), match.start() + len(url)


def href(url: str) -> str:
    """The link target for a URL or `doi:` text found by `find_links`, percent-encoded."""
    if url.lower().startswith("doi:"):
        url = "https://doi.org/" + url[4:].strip()
    out: list[str] = []
    for index, char in enumerate(url):
        escape = char == "%" and url[index + 1 : index + 2] in _HEX and url[index + 2 : index + 3] in _HEX
        if char in _SAFE and (char != "%" or escape):
            out.append(char)
        else:
            out.extend(f"%{byte:02X}" for byte in char.encode("utf-8"))
    return "".join(out)
