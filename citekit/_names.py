"""Personal and corporate names, as CSL models them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from ._json import JSON, FrozenMap, frozen_json

# A name's text parts: CSL-JSON key -> attribute (the other keys are flags).
TEXT_PARTS = {
    "family": "family",
    "given": "given",
    "dropping-particle": "dropping_particle",
    "non-dropping-particle": "non_dropping_particle",
    "suffix": "suffix",
    "literal": "literal",
}
_FLAGS = {"comma-suffix": "comma_suffix", "static-ordering": "static_ordering", "parse-names": "parse_names"}
_CSL_KEYS = (*TEXT_PARTS.items(), *_FLAGS.items())  # (CSL key, attribute), in CSL-JSON order


@attrs.frozen
class Name:
    """One name. A corporate or unparsable name is `literal` alone.

    `extra` keeps any key CSL does not define (or a flag of the wrong type) verbatim, so a
    round trip gives back what came in.
    """

    family: str | None = None
    given: str | None = None
    dropping_particle: str | None = None
    non_dropping_particle: str | None = None
    suffix: str | None = None
    literal: str | None = None
    comma_suffix: bool | None = None
    static_ordering: bool | None = None
    parse_names: bool | None = None
    extra: FrozenMap[JSON] = attrs.field(factory=FrozenMap, converter=frozen_json)

    @classmethod
    def from_csl(cls, data: Mapping[str, JSON]) -> Name:
        """Build a Name from a CSL-JSON name object; raises TypeError on a non-mapping."""
        if not isinstance(data, Mapping):
            raise TypeError(f"a name must be an object, not {type(data).__name__}")
        kwargs: dict[str, Any] = {}
        extra: dict[str, JSON] = {}
        for key, value in data.items():
            if key in TEXT_PARTS and isinstance(value, str):
                kwargs[TEXT_PARTS[key]] = value
            elif key in _FLAGS and isinstance(value, bool):
                kwargs[_FLAGS[key]] = value
            else:
                extra[key] = value
        return cls(**kwargs, extra=extra)

    def to_csl(self) -> dict[str, JSON]:
        out: dict[str, JSON] = {
            key: value for key, attr in _CSL_KEYS if (value := getattr(self, attr)) is not None
        }
        if self.extra:
            out.update(self.extra)
        return out

    @property
    def is_literal(self) -> bool:
        return self.literal is not None and self.family is None

    def family_full(self) -> str:
        """The family name with its non-dropping particle, as it is sorted and shown."""
        if self.literal is not None and self.family is None:
            return self.literal
        return " ".join(p for p in (self.non_dropping_particle, self.family) if p)

    def given_full(self) -> str:
        """Given names with the dropping particle, as "Given von" in an inverted name."""
        return " ".join(p for p in (self.given, self.dropping_particle) if p)

    def __str__(self) -> str:
        if self.is_literal:
            return self.literal or ""
        text = " ".join(
            p for p in (self.given, self.dropping_particle, self.non_dropping_particle, self.family) if p
        )
        if self.suffix:
            text += (", " if self.comma_suffix else " ") + self.suffix
        return text
