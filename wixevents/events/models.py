"""Pydantic validators built from the catalog's payload schemas, lazily and cached.

Each event's payload type becomes a tree of ``TypedDict`` classes wrapped in a
``pydantic.TypeAdapter`` the first time the event is validated; nothing is
generated ahead of time. Validation returns plain dicts, so the payload keeps
Wix's camelCase keys (``_id``, ``_createdDate``) untouched.

Two validators per event. The **typed** one follows the typings exactly; the
**lenient** one accepts what Wix's real payloads show besides (documented
examples depart from the typings in these ways): an enum value the typings do
not list, a required field left out (except the envelope keys themselves), and
text where a nested object is typed (a URL or ``wix:image://`` string where the
typings say ``{url, ...}``). A payload the lenient validator rejects would break
a handler (an error); one only the typed validator rejects gets warnings
(:mod:`.payloads`).

Rules common to both:

* strict: enum fields accept only the listed values; booleans must be JSON
  booleans; objects must be objects; required fields must be there.
* lenient, because real Wix payloads depart from the typings: unknown fields are
  kept (``EventObject.unknown_fields`` lists them); optional fields may be
  ``null``; number fields also accept numeric text (``"10.50"``), kept as text.
* ``Date`` fields become ``datetime`` (ISO 8601 text; more than six fractional
  digits are accepted and cut to microseconds).
* Required means: the envelope keys (``entity``/``data``/``metadata``), the
  metadata ``id``, ``entityId`` and ``eventTime``, and, in legacy payloads, the
  top-level fields the reference does not mark optional. Deeper down, legacy
  types call many fields required that Wix's own examples leave out (a file's
  ``iconUrl``, a booking contact's coordinates), so nested legacy fields are
  optional here. V2 reference types mark nearly every field optional, as do
  these models.
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import cache
from typing import Annotated, Any, Literal, Optional, Union

from pydantic import AfterValidator, BeforeValidator, ConfigDict, StrictBool, StrictFloat, StrictInt, TypeAdapter
from typing_extensions import NotRequired, Required, TypedDict

from .catalog import catalog, schema

_NUMERIC = re.compile(r"^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$|^(NaN|-?Infinity)$")
_FRACTION = re.compile(r"(\.\d{6})\d+")
#: Fields whose typed object (``{url, width, height}``, ``{base, path}``) Wix also sends as a text link.
_LINK = re.compile(r"url|image|media|photo|picture|logo|cover|thumbnail|video|icon|avatar", re.I)
#: Envelope metadata fields that stay required although V2 types mark them optional.
REQUIRED_METADATA = ("id", "entityId", "eventTime")
ENVELOPE = ("entity", "data", "metadata")


def _numeric_text(value: str) -> str:
    if not _NUMERIC.match(value):
        raise ValueError("text that is not a number")
    return value


def _trim_fraction(value: Any) -> Any:
    return _FRACTION.sub(r"\1", value) if isinstance(value, str) else value


NumberText = Annotated[str, AfterValidator(_numeric_text)]
Number = Union[StrictInt, StrictFloat, NumberText]
WixDate = Annotated[datetime, BeforeValidator(_trim_fraction)]
NATIVE: dict[str, Any] = {
    "string": str, "number": Number, "boolean": StrictBool, "Date": WixDate,
    "object": dict[str, Any], "any": Any,
}


class _Builder:
    """Turns catalog types into Python annotations; a type on the stack is opaque."""

    def __init__(self, legacy: bool, payload: Any, envelope: bool, lenient: bool = False) -> None:
        self.legacy, self.done, self.stack = legacy, {}, set()  # type: bool, dict[str, Any], set[str]
        self.lenient = lenient
        self.root = payload.get("ref") if isinstance(payload, dict) else None
        self.envelope = envelope
        meta = [f["type"] for f in schema.fields_of(payload) or [] if f["name"] == "metadata"] if envelope else []
        self.meta = meta[0].get("ref") if meta and isinstance(meta[0], dict) else None

    def annotation(self, t: Any, text_ok: bool = False) -> Any:
        """``t`` as an annotation; ``text_ok``: a link or media field that may come as text when lenient."""
        if isinstance(t, str):
            return NATIVE[t]
        if "enum" in t:
            return str if self.lenient else Literal[tuple(t["enum"])]
        if "ref" in t:
            found = self.typed_dict(t["ref"])
            # Below the envelope, real payloads send some typed objects as text (a URL).
            return Union[found, str] if self.lenient and text_ok else found
        if "array" in t:
            return list[self.annotation(t["array"], text_ok)]  # type: ignore[misc]
        if "map" in t:
            return dict[str, self.annotation(t["map"])]  # type: ignore[misc]
        return Union[tuple(self.annotation(x) for x in t["union"])]

    def typed_dict(self, fq: str) -> Any:
        if fq in self.done:
            return self.done[fq]
        if fq in self.stack:  # recursive type (rich text nodes): the inner level is any object
            return dict[str, Any]
        self.stack.add(fq)
        info, keys = schema.types()[fq], {}
        for f in info["fields"]:
            ann = self.annotation(f["type"], bool(_LINK.search(f["name"])))
            envelope = self.envelope and fq == self.root and f["name"] in ENVELOPE and not f.get("optional")
            required = envelope or (not self.lenient and (
                (self.legacy and fq == self.root and not f.get("optional"))
                or (fq == self.meta and f["name"] in REQUIRED_METADATA)))
            # Optional[...] rather than `| None`: ann may be any typing form built at run time.
            keys[f["name"]] = Required[ann] if required else NotRequired[Optional[ann]]  # noqa: UP045
        self.stack.discard(fq)
        cls = TypedDict(re.sub(r"\W", "_", info["name"]), keys, total=False)  # type: ignore[misc]
        cls.__pydantic_config__ = ConfigDict(extra="allow")  # type: ignore[attr-defined]
        self.done[fq] = cls
        return cls


@cache
def adapter(name: str, shape: int = 0, lenient: bool = False) -> TypeAdapter[Any]:
    """The typed (or ``lenient``) validator of one event's payload shape, built on first use."""
    found = catalog[name].shapes[shape]
    # Legacy-dialect types mark optional fields; V2 types mark nearly all of them.
    builder = _Builder(legacy=not found.v2, payload=found.payload, envelope=found.kind != "flat", lenient=lenient)
    return TypeAdapter(builder.annotation(found.payload))
