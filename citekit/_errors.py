"""citekit's exceptions, and the Problem record for what was reported and kept.

CitekitError
 +-- InputError(ValueError)          bad input data; carries a Location
 |    +-- ParseError                 text that cannot be read (line/column)
 |    +-- InvalidRecordError         a record with a bad field (item id, field)
 |    +-- UnknownRecordError(LookupError)   a citation of an id no record has
 |    +-- UnknownFormatError         a format name or file that no reader takes
 +-- StyleError(ValueError)
 |    +-- StyleNotFoundError(LookupError)   no style by that name ("did you mean ...")
 |    +-- InvalidStyleError          style XML that is unsafe, malformed, or not CSL
 +-- RenderError(RuntimeError)       the engine failed on a record
"""

from __future__ import annotations

import attrs


@attrs.frozen
class Location:
    """Where in the input something is: any part may be unknown."""

    file: str | None = None
    line: int | None = None
    column: int | None = None
    item: str | None = None
    field: str | None = None

    def __str__(self) -> str:
        parts: list[str] = []
        if self.file is not None:
            parts.append(self.file)
        if self.line is not None:
            parts.append(f"line {self.line}" + (f":{self.column}" if self.column else ""))
        if self.item is not None:
            parts.append(f"item {self.item!r}")
        if self.field is not None:
            parts.append(f"field {self.field!r}")
        return ", ".join(parts) if parts else "<input>"


class CitekitError(Exception):
    """Root of every exception citekit raises on purpose."""


class InputError(CitekitError, ValueError):
    """Input data that citekit cannot use as it stands."""

    def __init__(self, message: str, location: Location | None = None) -> None:
        self.message = message
        self.location = location or Location()
        super().__init__(f"{self.location}: {message}" if location else message)


class ParseError(InputError):
    """Text that cannot be read in the format it claims to be."""


class InvalidRecordError(InputError):
    """A record whose field holds a value of the wrong shape."""


class UnknownRecordError(InputError, LookupError):
    """A citation names a record id that is not among the records; `suggestions` holds the
    closest known ids."""

    def __init__(self, record_id: str, suggestions: tuple[str, ...] = ()) -> None:
        self.record_id = record_id
        self.suggestions = suggestions
        hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"no record with id {record_id!r}{hint}", Location(item=record_id, field="id"))


class UnknownFormatError(InputError):
    """A format name, file extension or content that no reader takes."""


class StyleError(CitekitError, ValueError):
    """A CSL style that cannot be found or used."""


class StyleNotFoundError(StyleError, LookupError):
    """No style by that name; `suggestions` holds the closest ids."""

    def __init__(self, name: str, suggestions: tuple[str, ...] = ()) -> None:
        self.name = name
        self.suggestions = suggestions
        hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"no CSL style named {name!r}{hint}")


class InvalidStyleError(StyleError):
    """Style XML that is malformed, unsafe (entities, DTDs) or not a CSL style."""


class RenderError(CitekitError, RuntimeError):
    """The CSL engine failed on an item; the message names the item and style."""


@attrs.frozen
class Problem:
    """Something wrong in the input that was reported and kept, not raised."""

    kind: str
    message: str
    location: Location = attrs.field(factory=Location)
    raw: str | None = None
    severity: str = attrs.field(default="error", validator=attrs.validators.in_(("error", "warning")))

    def __str__(self) -> str:
        return f"{self.location}: {self.kind}: {self.message}"

    def to_error(self) -> InputError:
        cls = _ERROR_FOR_KIND.get(self.kind, InputError)
        return cls(f"{self.kind}: {self.message}", self.location)


_ERROR_FOR_KIND: dict[str, type[InputError]] = {
    "syntax": ParseError,
    "invalid-record": InvalidRecordError,
}
