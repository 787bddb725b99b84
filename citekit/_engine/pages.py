"""Page ranges and numeric ranges: `page-range-format` and the range delimiter.

citeproc-py applies chicago's rules wrongly (6088–6100 for chicago-16, whose rule gives
6088–100), ignores prefixes (`S25-33`), and leaves a hyphen in number ranges (`3-4`).
The CSL spec's rules, as citeproc-js reads them:

- a range is two numbers with the same prefix (`N110-N115`, `110-5`); an abbreviated end
  is expanded first (`110-5` → 110, 115); then `expanded`, `minimal`, `minimal-two`,
  `chicago-15` (`chicago`) or `chicago-16` shortens it; an abbreviated end loses the prefix;
  a range whose end, once expanded, is not above its start is left as written (`689-07`);
- a range whose ends have different prefixes is left as written (without spaces);
- the delimiter is the locale's `page-range-delimiter` for pages, else an en dash;
- a locator labelled `page` is a page range (`page-range-format` and delimiter), as in
  citeproc-js (chicago: `112-118` -> `112–18`); other locators only get the en dash.
"""

from __future__ import annotations

import re
from typing import Any

from citeproc.string import String

from .._vocab import Kind, variables_of
from ._elements import extend

_RANGE = re.compile(r"^\s*(\S+?)\s*[-–]\s*(\S+?)\s*$")
_PREFIXED = re.compile(r"^(.*?)(\d+)$")
ROMAN = re.compile(r"^[ivxlcdm]+$", re.IGNORECASE)
# One number of a cs:number value as citeproc-js reads one: an optional letter prefix, digits,
# optional letters (`12a`, `L2d`, `e1164`), or a roman numeral; after an optional short
# lower-case label (`p. 3`), which citeproc-js reads as a label, not as text.
_NUMBER_PART = re.compile(
    r"^(?:[a-z]{1,4}\.?\s+)?(?:(?:[0-9]*[a-zA-Z]+0*)?[0-9]+[a-zA-Z]*|[ivxlcdmIVXLCDM]+)$"
)
# Number variables whose ranges get the range delimiter. Not here: page and page-first (the
# page-range-format path), locator (handled with its label), and the free-text ones.
_NUMBER_VARIABLES = variables_of(Kind.NUMBER) - {
    "page",
    "page-first",
    "locator",
    "first-reference-note-number",
    "section",
    "version",
}


def _common(first: str, last: str) -> int:
    count = 0
    for a, b in zip(first, last, strict=False):
        if a != b:
            break
        count += 1
    return count


def shorten(first: int, last: int, form: str) -> str:
    """The end of a range `first`–`last` (numbers) in a page-range-format."""
    a, b = str(first), str(last)
    if len(a) != len(b) or form == "expanded":
        return b
    if form in ("chicago", "chicago-15", "chicago-16"):
        if first < 100 or first % 100 == 0:
            return b
        if first % 100 < 10:
            form = "minimal"
        else:
            if form != "chicago-16" and len(a) == 4 and _common(a, b) < 2:
                return b
            form = "minimal-two"
    common = _common(a, b)
    if form == "minimal":
        return b[min(common, len(b) - 1) :]
    if form == "minimal-two":
        return b[min(common, max(0, len(b) - 2)) :]
    return b


def format_range(text: str, form: str | None, delimiter: str) -> str:
    """One range (or a lone number) as the format and delimiter say."""
    match = _RANGE.match(text)
    if not match:
        return text.strip()
    begin, end = match.groups()
    one, two = _PREFIXED.match(begin), _PREFIXED.match(end)
    if one is None or two is None:
        if any(c.isdigit() for c in begin + end):
            return f"{begin}-{end}" if (one is None) != (two is None) else f"{begin}{delimiter}{end}"
        if not (ROMAN.match(begin) and ROMAN.match(end)):
            return text.strip()  # words joined by a hyphen are no range (`Michaelson-Morely`)
        return f"{begin}{delimiter}{end}"
    if one.group(1) != two.group(1):
        return f"{begin}-{end}"
    prefix, first_text, last_text = one.group(1), one.group(2), two.group(2)
    if not form:
        return f"{begin}{delimiter}{end}"
    if len(last_text) < len(first_text):
        last_text = first_text[: len(first_text) - len(last_text)] + last_text
    first, last = int(first_text), int(last_text)
    if last <= first:  # citeproc-js: a range that does not rise is left as written (`689-07`)
        return f"{begin}{delimiter}{end}"
    short = shorten(first, last, form)
    return f"{begin}{delimiter}{prefix + short if form == 'expanded' else short}"


def format_ranges(value: str, form: str | None, delimiter: str, ampersand: str = "&") -> str:
    """Every range of a list (`1-3, 5-7`, `4 & 8`); `\\-` is a hyphen that is not a range."""
    if "\\-" in value:
        return value.replace("\\-", "-")
    parts = re.split(r"(\s*[,&]\s*)", value)
    return "".join(
        part.replace("&", ampersand) if index % 2 else format_range(part, form, delimiter)
        for index, part in enumerate(parts)
    )


def _prefix(number: str) -> str:
    """The letters before a number's digits (`S` of `S25`); a roman numeral or a label
    (`p. 3`) has none."""
    stripped = re.sub(r"^[a-z]{1,4}\.?\s+", "", number.strip())
    if ROMAN.match(stripped):
        return ""
    return re.sub(r"[^a-zA-Z].*$", "", stripped)


def _ranged(element: Any) -> bool:
    """Whether `element` prints ranges: a `cs:number`, or a `cs:text` of a page, a locator
    or a number variable."""
    if element.tag.endswith("}number"):
        return True
    variable = str(element.get("variable", ""))
    return variable.startswith("page") or variable == "locator" or variable in _NUMBER_VARIABLES


@extend("text", "number", when=_ranged)
class NumberRanges:
    def _process(self, value: Any, variable: str) -> Any:
        text = str(value)
        if variable == "page-first":
            first = re.split(r"\s*[-–,&]\s*", text.strip())[0]
            return String(first)
        if variable.startswith("page"):
            delimiter = str(self.get_single_term("page-range-delimiter") or "–")  # type: ignore[attr-defined]
            form = self.get_root().get("page-range-format")  # type: ignore[attr-defined]
            ampersand = str(self.get_single_term("and", "symbol") or "&")  # type: ignore[attr-defined]
            return String(format_ranges(text, form, delimiter, ampersand))
        if self.tag.endswith("}number"):  # type: ignore[attr-defined]
            return self._number_list(text)
        return String(format_ranges(text, None, "–"))

    def _number_list(self, text: str) -> Any:
        """cs:number: each number in the number's form, ranges with an en dash, joined by
        `,`, `&` or `and`; a value with a part that is no number (`TR-2000-25`, `Vol. 3-4`)
        is printed as it is, as citeproc-js prints a non-numeric value."""
        conjunction = str(self.get_single_term("and") or "and")  # type: ignore[attr-defined]
        words = "|".join(re.escape(w) for w in {"and", conjunction} if w)
        parts = re.split(rf"(\s*[,&]\s*|\s*[-–]\s*|\s+(?:{words})\s+)", text.strip())
        if not all(_NUMBER_PART.match(part) for part in parts[::2]):
            return String(text)
        out = []
        for index, part in enumerate(parts):
            if index % 2:
                stripped = part.strip()
                ampersand = str(self.get_single_term("and", "symbol") or "&")  # type: ignore[attr-defined]
                if stripped in ("-", "–"):  # ends with different prefixes are no range (`25-S3`)
                    same = _prefix(parts[index - 1]) == _prefix(parts[index + 1])
                    out.append("–" if same else "-")
                elif stripped == ",":
                    out.append(", ")
                elif stripped == "&":
                    out.append(f" {ampersand} ")
                else:
                    out.append(f" {stripped} ")
            else:
                out.append(str(self.format_number(part.strip())))  # type: ignore[attr-defined]
        return String("".join(out))

    def _variable(self, item: Any, context: Any) -> Any:
        variable = self.get("variable")  # type: ignore[attr-defined]
        if variable == "locator" and item.has_locator:
            super()._variable(item, context)  # type: ignore[misc]  # counted as rendered (an implicit group's content)
            ampersand = str(self.get_single_term("and", "symbol") or "&")  # type: ignore[attr-defined]
            form, delimiter = None, "–"
            if getattr(item.locator, "label", None) == "page":  # a page locator is a page range (citeproc-js)
                form = self.get_root().get("page-range-format")  # type: ignore[attr-defined]
                delimiter = str(self.get_single_term("page-range-delimiter") or "–")  # type: ignore[attr-defined]
            return String(format_ranges(str(item.locator.identifier).strip(), form, delimiter, ampersand))
        text = super()._variable(item, context)  # type: ignore[misc]
        if variable in _NUMBER_VARIABLES and text is not None and "-" in str(text):
            delimiter = str(self.get_single_term("page-range-delimiter") or "–")  # type: ignore[attr-defined]
            return String(format_ranges(str(text), None, delimiter))
        return text
