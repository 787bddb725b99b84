"""`strip-periods` on the citation number: citeproc-py strips the periods with `str.replace`,
and the number it hands over is an int, so every cite and entry of a style that asks for it
failed (revista-da-sociedade-brasileira-de-medicina-tropical). A number has no periods to
strip: it passes as it is, as citeproc-js prints it."""

from __future__ import annotations

from typing import Any

from ._elements import extend


def _strips_number(element: Any) -> bool:
    return element.get("variable") == "citation-number" and element.get("strip-periods") is not None


@extend("text", when=_strips_number)
class NumberWithoutPeriods:
    def strip_periods(self, string: Any) -> Any:
        return string
