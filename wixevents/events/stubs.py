"""Handler skeletons: ``stub(name)`` for Python, ``stub(name, lang="js")`` for ``events.js``.

A stub names the event, links its docs, lists its key fields as comments (path,
type, what it means) and prints one field, so firing it at once shows something
in the logs. Key fields are the catalog's annotated fields where the event has
notes (the seed categories); otherwise up to eight short scalar paths: the
entity's (or data's) own fields, ID/status/name/email/amount/date ones first,
then ``metadata.id`` and ``metadata.entityId``. The printed field is a required
one (``metadata.id`` in envelopes), so the stub runs on every sample.

The handler keeps the spelling asked for: ``stub("wixBookingsV2_onBookingCreated")``
is exported under that alias. The result is text (a ``str``) that shows as
highlighted code in a notebook.
"""

from __future__ import annotations

import keyword
from typing import Any, Literal

from .catalog import EventType, catalog

__all__ = ["Stub", "key_fields", "stub"]

_SCALAR = {"string", "number", "boolean", "Date", "enum"}
_WORDS = ("_id", "id", "status", "name", "email", "total", "amount", "price", "date", "time", "title")
_LIMIT = 8
#: The envelope metadata a stub names (after the entity's or data's own fields).
_META = ("metadata.id", "metadata.entityId")


class Stub(str):
    """Source text that displays as itself (and as highlighted code in Jupyter)."""

    lang: str = "python"

    def __repr__(self) -> str:
        return str(self)

    def _repr_markdown_(self) -> str:
        return f"```{self.lang}\n{self}\n```"


def key_fields(event: EventType) -> list[tuple[str, str, bool, str]]:
    """``(path, type, optional, description)`` of the fields a stub names."""
    frame = event.fields()
    rows = [(str(p), str(t), bool(o), str(d)) for p, t, o, d in
            zip(frame["path"], frame["type"], frame["optional"], frame["description"], strict=True)]
    if event.notes:
        return [row for row in rows if row[0] in event.notes]
    envelope = event.kind != "flat"
    depth = 2 if envelope else 1
    picked = [row for row in rows
              if "[]" not in row[0] and row[0].count(".") <= depth and (row[1] in _SCALAR)
              and not (envelope and row[0].startswith("metadata.") and row[0] not in _META)]

    def rank(row: tuple[str, str, bool, str]) -> tuple[bool, bool]:
        leaf = row[0].rsplit(".", 1)[-1].lower()
        return row[2], not any(word in leaf for word in _WORDS)

    meta = [row for row in picked if row[0] in _META]
    own = sorted((row for row in picked if row[0] not in _META), key=rank)  # stable: catalog order within a rank
    return own[: _LIMIT - len(meta)] + meta


def _access(path: str, lang: str) -> str:
    """``event.a.b`` (or ``event["a-b"]`` where a key is not a valid name)."""
    out = "event"
    for part in path.split("."):
        plain = part.isidentifier() and not (lang == "py" and keyword.iskeyword(part))
        out += f".{part}" if plain else f"[{part!r}]" if lang == "py" else f'["{part}"]'
    return out


def stub(name: str, lang: Literal["py", "js"] = "py") -> Stub:
    """A handler skeleton for event ``name`` in Python (``"py"``) or JavaScript (``"js"``)."""
    if lang not in ("py", "js"):
        raise ValueError(f"lang must be 'py' or 'js', got {lang!r}")
    event = catalog[name]
    fields = key_fields(event)
    required = [path for path, _, optional, _ in fields if not optional]
    shown = "metadata.id" if event.kind != "flat" else (required[0] if required else "")
    c = "#" if lang == "py" else "//"
    cells = [(_access(p, lang), t if opt else f"{t} (required)", d) for p, t, opt, d in fields]
    width = [max((len(cell[i]) for cell in cells), default=0) for i in (0, 1)]
    notes = [f"{c}   {a:<{width[0]}}  {t:<{width[1]}}  {d}".rstrip() for a, t, d in cells]
    head = [f"{c} {name}: {event.summary}".rstrip(), f"{c} Docs: {event.docs_url}"]
    if event.deprecated:
        head.append(f"{c} Deprecated: use {event.replacement or 'the replacement named in the docs'}.")
    body = [f"{c} Key fields of event (from the wixevents catalog):", *notes] if notes else []
    value = _access(shown, lang) if shown else "event"
    text = _python(name, head, body, value) if lang == "py" else _javascript(name, head, body, value)
    result = Stub(text)
    result.lang = "python" if lang == "py" else "javascript"
    return result


def _python(name: str, head: list[str], body: list[str], value: str) -> str:
    lines: list[Any] = [*head, f"def {name}(event):", *(f"    {line}" for line in body),
                        f'    print("{name}", {value})']
    return "\n".join(lines) + "\n"


def _javascript(name: str, head: list[str], body: list[str], value: str) -> str:
    lines = [*head, f"export function {name}(event) {{", *(f"  {line}" for line in body),
             f'  console.log("{name}", {value});', "}"]
    return "\n".join(lines) + "\n"
