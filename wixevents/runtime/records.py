"""The records a site keeps: one :class:`Fire` per firing, one :class:`Run` per history row.

Everything in a record is JSON-ready (text, numbers, booleans, None, lists and
dicts), so saving a history and loading it back gives equal records. Return
values and payloads are converted when they are recorded: dates become ISO text,
tuples become lists, and anything JSON cannot hold is stored as its ``repr()``.

Statuses of a run:

* ``ok`` -- the handler returned (or its awaitable resolved);
* ``error`` -- it raised; ``error`` holds type, message and a trimmed traceback;
* ``timeout`` -- it ran past the site's timeout (a Python handler may still finish in the
  background; a JavaScript one was stopped by its engine);
* ``out_of_memory`` -- a JavaScript handler went past its engine's hard memory limit and
  was stopped (the engine starts over; the site keeps working);
* ``invalid_payload`` -- the payload failed validation, no handler ran (one row per fire);
* ``not_triggered_in_preview`` -- fired in preview mode, where Wix fires no backend events;
* ``no_handler`` -- nothing is registered for the event (one row, so the fire is not lost);
* ``cascade_limit`` -- a fire or data hook nested deeper than the site's
  ``cascade_limit`` (an accidental loop, usually): it did not run.

Triggers of a run: ``fire``, ``test``, ``cascade`` (a data event fired by a
simulated ``wix-data`` call) and ``hook`` (a data hook run inside such a call;
its row has the hook name, ``Orders_beforeInsert``, as ``event`` and ``handler``);
with a :class:`~wixevents.runtime.delivery.Delivery` also ``duplicate`` (the same
event delivered again) and ``retry`` (a redelivery after the handler failed).

The set is open: tables colour unknown statuses grey.
"""

from __future__ import annotations

import dataclasses
import json
import marshal
import pickle
from dataclasses import dataclass, field
from typing import Any

from .._safe import int_digits, safe_repr, unprintable

__all__ = ["FAILED", "STATUSES", "ErrorInfo", "Fire", "LogLine", "Run", "json_default", "jsonable"]

STATUSES = ("ok", "error", "timeout", "out_of_memory", "invalid_payload", "not_triggered_in_preview", "no_handler",
            "cascade_limit")
#: Statuses that make a fire (and ``wixevents fire``) count as failed.
FAILED = frozenset({"error", "timeout", "out_of_memory", "invalid_payload", "no_handler", "cascade_limit"})


def jsonable(value: Any) -> Any:
    """``value`` as JSON data: dicts and lists kept, dates as ISO text, the rest by ``repr()``.

    Never raises (but ``KeyboardInterrupt``): a value JSON and ``repr`` cannot show
    (an int of more than 4,300 digits, a list nested thousands deep, an object whose
    ``__repr__`` raises or exits) is kept as a description such as
    ``<unprintable int of 5001 digits>`` (:mod:`wixevents._safe`).
    """
    if value is None or type(value) in (str, float, bool):
        return value
    if type(value) is int:
        return value if int_digits(value) <= _MAX_DIGITS else unprintable(value)
    try:
        return json.loads(json.dumps(value, default=json_default, ensure_ascii=False))
    except KeyboardInterrupt:
        raise
    except BaseException:  # (user code in __repr__/isoformat may raise anything)
        return safe_repr(value)


#: Python's default limit for turning an int into text (``sys.get_int_max_str_digits``).
_MAX_DIGITS = 4300


def json_default(value: Any) -> Any:
    """JSON form of a value ``json`` cannot write: dates as ISO text, sets sorted, else ``repr()``."""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=safe_repr)
    return safe_repr(value)


@dataclass(frozen=True)
class LogLine:
    """One captured line: ``level`` (DEBUG/INFO/WARNING/ERROR/CRITICAL), text, time, where it came from.

    ``origin`` is ``stdout``, ``stderr``, ``logging:<logger>``, ``warnings``, ``uncaught``, or
    ``console`` (``console.log`` and friends of a JavaScript handler).
    """

    level: str
    message: str
    time: str
    origin: str


@dataclass(frozen=True)
class ErrorInfo:
    """Why a row is not ``ok``: exception type and message, a traceback, validation problems."""

    type: str
    message: str
    traceback: str = ""
    problems: list[dict[str, str]] = field(default_factory=list)

    def __str__(self) -> str:
        return f"{self.type}: {self.message}" if self.message else self.type


class Fire:
    """One firing of an event: what was sent, how, and when.

    The payload is kept pickled: a snapshot taken when the fire is recorded (so
    editing the dict afterwards leaves the history alone) that the garbage
    collector never has to walk and that takes a fraction of the memory of the
    dicts, which matters once a history holds thousands of large payloads.
    Reading ``payload`` returns a fresh copy. A payload that does not pickle is
    kept as its JSON form (:func:`jsonable`); one nested deeper than pickle goes
    (hundreds of levels) is kept by ``marshal``.
    """

    __slots__ = ("_packed", "event", "event_id", "fire", "mode", "time", "trigger", "variant")
    FIELDS = ("fire", "event", "variant", "payload", "time", "trigger", "mode", "event_id")

    def __init__(self, fire: int, event: str, variant: str | None, payload: Any, time: str,
                 trigger: str = "fire", mode: str = "published", event_id: str | None = None) -> None:
        self.fire, self.event, self.variant, self.time = fire, event, variant, time
        self.trigger, self.mode, self.event_id = trigger, mode, event_id
        self._packed = _pack(payload)

    @property
    def payload(self) -> Any:
        packed = self._packed
        return marshal.loads(packed[1:]) if packed[:1] == _MARSHAL else pickle.loads(packed)

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.FIELDS}

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Fire) and self.to_dict() == other.to_dict()

    __hash__ = None  # type: ignore[assignment]  # compared by value, like the dataclass it replaces

    def __repr__(self) -> str:
        return f"Fire({', '.join(f'{k}={v!r}' for k, v in self.to_dict().items())})"


@dataclass(frozen=True)
class Run:
    """One history row: one handler run, or the single row of a fire that ran nothing.

    ``error`` says what went wrong (exception, timeout, validation problems);
    ``note`` explains a row that is not a failure but ran nothing (preview).
    ``warnings`` lists the payload's departures from the typings that validation
    accepted (``$.path: expected ..., got ...``), as ``event.warnings`` showed them.
    """

    seq: int
    run_id: str
    fire: int
    event: str
    handler: str | None
    source: str | None
    variant: str | None
    status: str
    started: str
    duration_ms: float
    value: Any = None
    error: ErrorInfo | None = None
    logs: tuple[LogLine, ...] = ()
    effects: tuple[dict[str, Any], ...] = ()
    parent: int | None = None
    trigger: str = "fire"
    note: str | None = None
    #: Which delivery of this event to this handler the row is: 1, then 2, 3, ... for retries
    #: (see :mod:`wixevents.runtime.delivery`).
    attempt: int = 1
    #: When the event reached the handler on the site's (virtual) delivery timeline: the fire's
    #: time for a first delivery, later for a duplicate or a retry; None in histories saved before.
    delivered_at: str | None = None
    warnings: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.status not in FAILED

    def to_dict(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["logs"], data["effects"] = list(data["logs"]), list(data["effects"])
        data["warnings"] = list(data["warnings"])
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Run:
        error = data.get("error")
        return cls(**{**data, "error": ErrorInfo(**error) if error else None,
                      "logs": tuple(LogLine(**line) for line in data.get("logs", ())),
                      "effects": tuple(data.get("effects", ())),
                      "warnings": tuple(data.get("warnings", ()))})


_MARSHAL = b"M"  # a pickle never starts with this byte (protocol 2+ starts with 0x80)


def _pack(payload: Any) -> bytes:
    """A payload as bytes: pickled; else (nested deeper than pickle recurses) marshalled, which
    walks plain data without Python's recursion limit; else its JSON form or its text."""
    try:
        return pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)
    except KeyboardInterrupt:
        raise
    except BaseException:
        pass
    for candidate in (payload, jsonable(payload)):
        try:
            return _MARSHAL + marshal.dumps(candidate)
        except (ValueError, TypeError, RecursionError):
            continue
    return pickle.dumps(safe_repr(payload), protocol=pickle.HIGHEST_PROTOCOL)


def fire_to_dict(fire: Fire) -> dict[str, Any]:
    return fire.to_dict()


def fire_from_dict(data: dict[str, Any]) -> Fire:
    return Fire(**data)
