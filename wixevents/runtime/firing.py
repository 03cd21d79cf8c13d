"""Turn ``fire(name, sample=... | payload=..., set=...)`` into a payload and its event object.

The stamping rule (Wix gives every delivery a new ``metadata.id``, research doc
3.6): a payload built from a **sample** gets a fresh ``metadata.id`` from the
site's ID generator and ``metadata.eventTime`` from the site's clock, when its
event has an envelope (``entity``/``data``/``metadata`` kinds, not the legacy
flat payloads whose ``metadata`` is a business field) and the payload has a
``metadata`` object (a ``metadata._id`` mirror, when present, gets the same ID);
a ``set=`` override of either field wins. An explicit
``payload=`` is fired exactly as given (plus ``set=`` overrides, applied to a
copy): it is what you want to reproduce.

Validation problems are not raised here; they come back in :class:`Prepared` so
the site can record an ``invalid_payload`` row.
"""

from __future__ import annotations

import json
import os
import pickle
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from ..errors import InvalidPayload, Problem
from ..events.catalog import catalog
from ..events.event import EventObject
from ..events.payloads import validate
from ..events.samples import apply_overrides, sample
from .clock import iso
from .records import jsonable

__all__ = ["Prepared", "prepare"]


@dataclass
class Prepared:
    """A payload ready to fire: its event, variant, JSON form, and validation result."""

    event: str
    variant: str | None
    payload: Any
    time: str
    event_id: str | None = None
    error: InvalidPayload | None = None
    problems: list[Problem] = field(default_factory=list)
    checked: EventObject | None = None

    def event_object(self) -> EventObject:
        """A fresh event object (each handler gets its own, so one cannot change another's).

        The object built when the payload was checked is handed out first; later
        calls validate again, which also builds fresh, independent data.
        """
        if self.checked is not None:
            found, self.checked = self.checked, None
            return found
        return validate(self.event, self.payload)


def prepare(name: str, variant: str | None, payload: Any, overrides: Mapping[str, Any] | None,
            *, now: datetime, new_id: Callable[[], str], check: bool = True) -> Prepared:
    """Build the payload of one fire; see the module docstring for the stamping rule."""
    event = catalog[name]
    if payload is not None and variant is not None:
        raise TypeError("give sample= or payload=, not both")
    overrides = dict(overrides or {})
    if payload is None:
        variant = variant or "default"
        data: Any = sample(event.name, variant, overrides=overrides)
        stamped = _stamp(event.kind, data, overrides, now, new_id)
    else:
        data, stamped = _parse(payload), None
        if overrides and not isinstance(data, dict):
            raise TypeError("set= overrides need a payload that is a JSON object")
        if overrides:  # on a copy: the caller's dict stays as it was
            data = apply_overrides(event.name, snapshot(data), overrides)
    event_id = stamped or (_metadata_id(data) if event.kind != "flat" else None)
    prepared = Prepared(event.name, variant, data, iso(now), event_id)
    if check:
        try:
            prepared.checked = validate(event.name, data)
        except InvalidPayload as exc:
            prepared.error, prepared.problems = exc, list(exc.problems)
    return prepared


def snapshot(data: Any) -> Any:
    """A deep copy of an explicit payload, to apply ``set=`` overrides to.

    A pickle round trip copies plain JSON data several times faster than
    ``copy.deepcopy`` or a JSON round trip; data it cannot copy (an object that
    does not pickle) becomes JSON data instead. (The history's own snapshot is
    taken when the fire is recorded: :class:`~wixevents.runtime.records.Fire`.)
    """
    try:
        return pickle.loads(pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
    except Exception:
        return jsonable(data)


def _parse(payload: Any) -> Any:
    """JSON text becomes data; text that is not JSON stays text (validation reports it).

    A :class:`~pathlib.Path` (any ``os.PathLike``), or text that is not JSON and
    ends in ``.json``, names a file: its contents are the payload.
    """
    if isinstance(payload, os.PathLike) or (isinstance(payload, str) and payload.strip().endswith(".json")
                                            and not payload.lstrip().startswith(("{", "[", '"'))):
        path = Path(payload.strip() if isinstance(payload, str) else payload)
        try:
            payload = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise FileNotFoundError(f"payload= names the file {path}, which does not exist; pass the payload "
                                    "as a dict, JSON text, or the path of an existing .json file") from None
    if isinstance(payload, (bytes, bytearray)):
        payload = payload.decode("utf-8", errors="replace")
    if isinstance(payload, str):
        try:
            return json.loads(payload)
        except (ValueError, RecursionError):  # not JSON, too deep, or a number too long for Python
            return payload
    return payload


def _stamp(kind: str, data: Any, overrides: Mapping[str, Any], now: datetime,
           new_id: Callable[[], str]) -> str | None:
    """Apply the stamping rule in place; returns the new event ID (None when nothing was stamped)."""
    meta = data.get("metadata") if isinstance(data, dict) else None
    if kind == "flat" or not isinstance(meta, dict):
        return None
    stamped = None
    if "metadata.id" not in overrides:
        meta["id"] = stamped = new_id()
        if "_id" in meta and "metadata._id" not in overrides:  # keep the SDK-style mirror equal
            meta["_id"] = stamped
    if "metadata.eventTime" not in overrides:
        meta["eventTime"] = iso(now)
    return stamped or _metadata_id(data)


def _metadata_id(data: Any) -> str | None:
    meta = data.get("metadata") if isinstance(data, dict) else None
    found = meta.get("id") if isinstance(meta, dict) else None
    return found if isinstance(found, str) else None
