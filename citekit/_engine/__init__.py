"""The only place that imports citeproc-py: compiling styles and rendering sessions.

citekit extends citeproc-py's style tree (lxml element classes) through `_elements`, one
small module per CSL feature it adds or corrects (each registers its mixins on import, see
`_compile`); `UPSTREAM.md` lists the fixes that belong in citeproc-py itself.

- `dates`: localized/style dates, ranges, seasons, literal dates, implicit year-suffix
- `names`: initials, particles, suffixes, CJK names, et-al and "and"
- `richtext`: `<i> <b> <sup> <sub> <sc>`, quotes and apostrophes in field values
- `quotes`: quotes alternating by nesting; `superscript`: superscript characters
- `pages`: page-range-format, number ranges; `labels`: labels as terms, plurals
- `ordinals`: ordinal suffixes from the one locale that defines them; `periods`:
  `strip-periods` on the citation number
- `textcase`: title case; `conditions`: `disambiguate="true"`, `near-note-distance`
- `disambiguation`: add-names, add-givenname, year-suffix; `collapse`: cite grouping and
  collapsing, terms capitalised at the start of a note; `substitute`: subsequent-author-substitute,
  `cs:substitute` choices and the suppression of what it substituted
- `display`: display= and second-field-align; `lookups`: cached macro look-ups
- `tables`: citeproc-py's layout, term, date and names look-ups resolved when the style is
  compiled; `items`: references and cites as plain-dict mappings (fast field reads)
- `punctuation`: `;` and `:` absorbing the next mark where an affix meets text
- `subsequent`: per-name subsequent-author-substitute rules, et-al-subsequent-*
- `_state`: the per-session `RenderState` every element reads (nothing is kept on elements);
  `positions`: cite positions computed from a document; `sortcache`: bibliography sort keys
  kept per session; `keysort`: a later sort key rendered only for the items still tied;
  `aliases`: the `csl_aliases` rendering option; `gcpause`: no cycle collection while a
  session registers many records

The order in which the mixins wrap each other is `_elements.FEATURE_ORDER`.
"""

from ._compile import CompiledStyle, compile_style
from ._session import Session

__all__ = ["CompiledStyle", "Session", "compile_style"]
